//! Themes (SPEC §4.1): a glossary of topics, each a list of keywords, used by
//! `compare` to count which regions talk about what and whom to ask.
//!
//! The built-in glossary is replaced by a `themes.toml` beside the sheets:
//!
//! ```toml
//! [themes]
//! "ピアサポート" = ["ピアサポ"]
//! "病院連携" = ["病院", "医療機関"]
//! ```
//!
//! TOML wants keys that are not ASCII letters, digits, `-` or `_` in quotes; the
//! error for a bare Japanese key says so.

use std::path::{Path, PathBuf};

use crate::discover::THEMES_FILE;
use crate::error::Failure;
use crate::source::Source;

/// The built-in glossary (SPEC §4.1 table), in display order.
pub const BUILTIN: &[(&str, &[&str])] = &[
    ("ピアサポート", &["ピアサポ"]),
    ("病院連携", &["病院", "医療機関"]),
    ("人材不足", &["マンパワー", "人材不足", "人手不足"]),
    ("制度周知", &["周知", "制度の理解", "制度理解"]),
    ("地域格差", &["格差", "差がある"]),
    ("介護連携", &["介護"]),
    ("協議の場", &["協議の場"]),
    ("普及啓発", &["普及啓発", "理解を深める"]),
];

/// A theme and its keywords.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    /// The keywords as written.
    pub keywords: Vec<String>,
    /// The keywords normalised for matching.
    needles: Vec<String>,
}

impl Theme {
    pub fn new(name: &str, keywords: &[String]) -> Theme {
        Theme {
            name: name.to_string(),
            keywords: keywords.to_vec(),
            needles: keywords
                .iter()
                .map(|k| normalize(k))
                .filter(|k| !k.is_empty())
                .collect(),
        }
    }

    /// Whether a text, already passed through [`normalize`], mentions the theme.
    pub fn in_normalized(&self, text: &str) -> bool {
        self.needles.iter().any(|k| text.contains(k.as_str()))
    }

    /// Whether a text mentions the theme.
    pub fn mentioned_in(&self, text: &str) -> bool {
        self.in_normalized(&normalize(text))
    }
}

/// Text as compared with keywords: NFKC (full-width letters and digits, half-width
/// katakana) and lower case. NFKC has already turned full-width letters into ASCII,
/// so ASCII lower-casing is enough for keywords such as `AD` or `ＰＳＷ`.
pub fn normalize(s: &str) -> String {
    let mut n = crate::text::normalize(s);
    n.make_ascii_lowercase();
    n
}

/// The themes of a run, and where they came from.
#[derive(Debug, Clone)]
pub struct Glossary {
    pub themes: Vec<Theme>,
    /// The `themes.toml` read, or `None` for the built-in glossary.
    pub file: Option<PathBuf>,
}

/// What is wrong with a `themes.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemesProblem {
    /// Not UTF-8 text.
    Encoding,
    /// Not valid TOML.
    Syntax {
        line: usize,
        column: usize,
        message: String,
        /// A bare key that needs quotes (`ピアサポート = …`).
        unquoted_key: bool,
    },
    /// No `[themes]` table.
    NoThemesTable,
    /// A top-level key other than `themes`.
    UnknownKey(String),
    /// `themes` is not a table.
    NotATable,
    /// A theme whose value is not an array of strings.
    NotAList(String),
    /// A theme with an empty list or a blank keyword.
    BlankKeyword(String),
    /// `[themes]` holds no theme.
    NoThemes,
}

impl Glossary {
    /// The built-in glossary.
    pub fn builtin() -> Glossary {
        Glossary {
            themes: BUILTIN
                .iter()
                .map(|(name, words)| {
                    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                    Theme::new(name, &words)
                })
                .collect(),
            file: None,
        }
    }

    /// The `themes.toml` in `dir` when there is one, else the built-in glossary.
    pub fn load(dir: Option<&Path>) -> Result<Glossary, Failure> {
        let Some(path) = dir.map(|d| d.join(THEMES_FILE)).filter(|p| p.is_file()) else {
            return Ok(Glossary::builtin());
        };
        let bytes = std::fs::read(&path).map_err(|source| Failure::Io {
            path: path.clone(),
            source,
        })?;
        let themes = parse(&bytes).map_err(|problem| Failure::BadThemes {
            path: path.clone(),
            problem,
        })?;
        Ok(Glossary {
            themes,
            file: Some(path),
        })
    }

    /// The themes a text mentions, in glossary order.
    pub fn themes_of(&self, text: &str) -> Vec<&Theme> {
        let n = normalize(text);
        self.themes.iter().filter(|t| t.in_normalized(&n)).collect()
    }
}

/// Reads the text of a `themes.toml`.
pub fn parse(bytes: &[u8]) -> Result<Vec<Theme>, ThemesProblem> {
    let source = Source::from_bytes(THEMES_FILE, bytes).map_err(|_| ThemesProblem::Encoding)?;
    let doc: toml::Table = toml::from_str(&source.text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| source.line_col(s.start));
        let line_text = source.line_text(line);
        let unquoted_key = line_text.contains('=')
            && !line_text.trim_start().starts_with(['"', '\'', '['])
            && !line_text.split('=').next().unwrap_or("").is_ascii();
        ThemesProblem::Syntax {
            line,
            column,
            message: e.message().trim().to_string(),
            unquoted_key,
        }
    })?;
    if let Some(key) = doc.keys().find(|k| *k != "themes") {
        return Err(ThemesProblem::UnknownKey(key.clone()));
    }
    let table = match doc.get("themes") {
        None => return Err(ThemesProblem::NoThemesTable),
        Some(toml::Value::Table(t)) => t,
        Some(_) => return Err(ThemesProblem::NotATable),
    };
    let mut themes = Vec::new();
    for (name, value) in table {
        let toml::Value::Array(items) = value else {
            return Err(ThemesProblem::NotAList(name.clone()));
        };
        let mut words = Vec::new();
        for item in items {
            match item {
                toml::Value::String(s) if !normalize(s).is_empty() => words.push(s.clone()),
                toml::Value::String(_) => return Err(ThemesProblem::BlankKeyword(name.clone())),
                _ => return Err(ThemesProblem::NotAList(name.clone())),
            }
        }
        if words.is_empty() || normalize(name).is_empty() {
            return Err(ThemesProblem::BlankKeyword(name.clone()));
        }
        themes.push(Theme::new(name, &words));
    }
    if themes.is_empty() {
        return Err(ThemesProblem::NoThemes);
    }
    Ok(themes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_matches_after_nfkc() {
        let g = Glossary::builtin();
        let names: Vec<&str> = g
            .themes_of("ﾋﾟｱｻﾎﾟｰﾀｰの活用と医療機関との連携")
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["ピアサポート", "病院連携"]);
        assert!(g.themes_of("天気").is_empty());
    }

    #[test]
    fn themes_toml_replaces_the_glossary() {
        let themes = parse("[themes]\n\"就労\" = [\"就労\", \"Job\"]\n".as_bytes()).unwrap();
        assert_eq!(themes.len(), 1);
        assert!(themes[0].mentioned_in("ＪＯＢ fair"));
    }

    #[test]
    fn broken_themes_toml_is_a_clear_problem() {
        let p = |s: &str| parse(s.as_bytes()).unwrap_err();
        assert!(matches!(
            p("[themes\n"),
            ThemesProblem::Syntax { line: 1, .. }
        ));
        assert_eq!(p("x = 1\n"), ThemesProblem::UnknownKey("x".into()));
        assert_eq!(
            p("a = 1\n[themes]\n"),
            ThemesProblem::UnknownKey("a".into())
        );
        assert_eq!(p("themes = 1\n"), ThemesProblem::NotATable);
        assert_eq!(p("[themes]\n"), ThemesProblem::NoThemes);
        assert_eq!(p(""), ThemesProblem::NoThemesTable);
        assert_eq!(
            p("[themes]\na = \"b\"\n"),
            ThemesProblem::NotAList("a".into())
        );
        assert_eq!(
            p("[themes]\na = [1]\n"),
            ThemesProblem::NotAList("a".into())
        );
        assert_eq!(
            p("[themes]\na = []\n"),
            ThemesProblem::BlankKeyword("a".into())
        );
        assert_eq!(
            p("[themes]\na = [\" \"]\n"),
            ThemesProblem::BlankKeyword("a".into())
        );
        assert_eq!(parse(b"\xff\xfe[").unwrap_err(), ThemesProblem::Encoding);
    }
}
