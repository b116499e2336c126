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

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::core::source::Source;
use crate::discover::THEMES_FILE;

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

/// How large a `themes.toml` may be. Matching is linear in the text whatever the
/// keywords (at most `KEYWORD_CHARS` matches end at any character), but building
/// the matcher grows faster than the number of keywords: a glossary many times the
/// size of any real one is refused with a clear message instead of taking minutes.
pub mod limits {
    pub const THEMES: usize = 500;
    pub const KEYWORDS: usize = 5_000;
    pub const KEYWORD_CHARS: usize = 50;
}

/// A theme and its keywords.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    /// The keywords as written.
    pub keywords: Vec<String>,
}

/// Text as compared with keywords: NFKC (full-width letters and digits, half-width
/// katakana) and lower case. NFKC has already turned full-width letters into ASCII,
/// so ASCII lower-casing is enough for keywords such as `AD` or `ＰＳＷ`.
pub fn normalize(s: &str) -> String {
    comparable(s).trim().to_string()
}

/// [`normalize`], borrowing the text when it is already so (most sheet text). Not
/// trimmed: a keyword, itself trimmed, is found in the text or not either way.
fn comparable(s: &str) -> std::borrow::Cow<'_, str> {
    let n = crate::core::text::nfkc(s);
    if n.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(n.to_ascii_lowercase())
    } else {
        n
    }
}

/// The themes of a run, and where they came from.
#[derive(Debug, Clone)]
pub struct Glossary {
    pub themes: Vec<Theme>,
    /// The `themes.toml` read, or `None` for the built-in glossary.
    pub file: Option<PathBuf>,
    /// Every distinct normalised keyword, all found in one pass over a text,
    /// overlapping ones included (`制度の理解を深める` mentions two themes).
    matcher: AhoCorasick,
    /// The themes of each keyword of `matcher`, by pattern index.
    owners: Vec<Vec<usize>>,
}

/// Why the glossary of a run could not be read.
#[derive(Debug)]
pub enum ThemesError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Bad {
        path: PathBuf,
        problem: ThemesProblem,
    },
    /// Not read: a link out of its folder, too large, not a regular file.
    Read {
        path: PathBuf,
        error: crate::core::read::ReadError,
    },
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
    /// More themes or keywords than [`limits`] allow.
    TooMany { themes: usize, keywords: usize },
    /// A keyword of this theme is longer than [`limits::KEYWORD_CHARS`].
    LongKeyword(String),
}

impl Glossary {
    /// A glossary of these themes, read from `file` (`None`: built in).
    pub fn new(themes: Vec<Theme>, file: Option<PathBuf>) -> Result<Glossary, ThemesProblem> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keywords: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (i, theme) in themes.iter().enumerate() {
            for keyword in theme.keywords.iter().map(|k| normalize(k)) {
                if keyword.is_empty() {
                    continue;
                }
                let at = *index.entry(keyword.clone()).or_insert_with(|| {
                    keywords.push(keyword);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                if !owners[at].contains(&i) {
                    owners[at].push(i);
                }
            }
        }
        // Only a size limit of the automaton can fail; `limits` keep a glossary
        // far below it.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keywords)
            .map_err(|_| ThemesProblem::TooMany {
                themes: themes.len(),
                keywords: keywords.len(),
            })?;
        Ok(Glossary {
            themes,
            file,
            matcher,
            owners,
        })
    }

    /// The built-in glossary.
    pub fn builtin() -> Glossary {
        let themes = BUILTIN
            .iter()
            .map(|(name, words)| Theme {
                name: name.to_string(),
                keywords: words.iter().map(|w| w.to_string()).collect(),
            })
            .collect();
        Glossary::new(themes, None).expect("the built-in glossary is small")
    }

    /// Indices (in glossary order) of the themes a text mentions.
    pub fn mentioned(&self, text: &str) -> Vec<usize> {
        let text = comparable(text);
        let mut found = vec![false; self.themes.len()];
        for m in self.matcher.find_overlapping_iter(text.as_ref()) {
            for &theme in &self.owners[m.pattern().as_usize()] {
                found[theme] = true;
            }
        }
        (0..found.len()).filter(|&i| found[i]).collect()
    }

    /// The `themes.toml` in `dir` when there is one, else the built-in glossary.
    pub fn load(dir: Option<&Path>) -> Result<Glossary, ThemesError> {
        let Some(path) = dir.map(|d| d.join(THEMES_FILE)).filter(|p| p.is_file()) else {
            return Ok(Glossary::builtin());
        };
        // By the rules of a sheet file: it comes with the sheets.
        let bytes = crate::core::read::read_sheet(&path).map_err(|error| ThemesError::Read {
            path: path.clone(),
            error,
        })?;
        let bad = |problem| ThemesError::Bad {
            path: path.clone(),
            problem,
        };
        let themes = parse(&bytes).map_err(bad)?;
        Glossary::new(themes, Some(path.clone())).map_err(bad)
    }

    /// The themes a text mentions, in glossary order.
    pub fn themes_of(&self, text: &str) -> Vec<&Theme> {
        self.mentioned(text)
            .into_iter()
            .map(|i| &self.themes[i])
            .collect()
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
    let keywords: usize = table
        .values()
        .map(|v| v.as_array().map_or(0, Vec::len))
        .sum();
    if table.len() > limits::THEMES || keywords > limits::KEYWORDS {
        return Err(ThemesProblem::TooMany {
            themes: table.len(),
            keywords,
        });
    }
    let mut themes = Vec::new();
    for (name, value) in table {
        let toml::Value::Array(items) = value else {
            return Err(ThemesProblem::NotAList(name.clone()));
        };
        let mut words = Vec::new();
        for item in items {
            match item {
                toml::Value::String(s) if normalize(s).chars().count() > limits::KEYWORD_CHARS => {
                    return Err(ThemesProblem::LongKeyword(name.clone()))
                }
                toml::Value::String(s) if !normalize(s).is_empty() => words.push(s.clone()),
                toml::Value::String(_) => return Err(ThemesProblem::BlankKeyword(name.clone())),
                _ => return Err(ThemesProblem::NotAList(name.clone())),
            }
        }
        if words.is_empty() || normalize(name).is_empty() {
            return Err(ThemesProblem::BlankKeyword(name.clone()));
        }
        themes.push(Theme {
            name: name.clone(),
            keywords: words,
        });
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
    fn overlapping_keywords_are_all_found() {
        let g = Glossary::builtin();
        let names: Vec<&str> = g
            .themes_of("制度の理解を深める")
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(names, ["制度周知", "普及啓発"]);
    }

    proptest::proptest! {
        /// The one-pass search finds exactly the themes that searching theme by
        /// theme in the normalised text finds.
        #[test]
        fn one_pass_agrees_with_theme_by_theme(
            s in "[病院医療機関ピアサポｻﾎﾟｰ制度の理解を深める周知格差があ介護協議場普及啓発マンパワー人材手不足ＡａD 　（１）()1]{0,24}"
        ) {
            let g = Glossary::new(
                parse("[themes]\nA = [\"ad\", \"病院\", \"(1)\"]\nB = [\"医療機関\", \"院医\"]\n".as_bytes())
                    .unwrap()
                    .into_iter()
                    .chain(Glossary::builtin().themes)
                    .collect(),
                None,
            )
            .unwrap();
            let n = normalize(&s);
            let expected: Vec<usize> = (0..g.themes.len())
                .filter(|&i| g.themes[i].keywords.iter().any(|k| n.contains(&normalize(k))))
                .collect();
            proptest::prop_assert_eq!(g.mentioned(&s), expected);
        }
    }

    #[test]
    fn themes_toml_replaces_the_glossary() {
        let themes = parse("[themes]\n\"就労\" = [\"就労\", \"Job\"]\n".as_bytes()).unwrap();
        assert_eq!(themes.len(), 1);
        let g = Glossary::new(themes, None).unwrap();
        assert_eq!(g.mentioned("ＪＯＢ fair"), [0]);
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
        let long = format!(
            "[themes]\na = [\"{}\"]\n",
            "x".repeat(limits::KEYWORD_CHARS + 1)
        );
        assert_eq!(p(&long), ThemesProblem::LongKeyword("a".into()));
    }

    /// A glossary far larger than any real one is refused before any matcher is
    /// built (building one from 100,000 keywords that share a first character
    /// takes seconds to minutes).
    #[test]
    fn a_huge_themes_toml_is_refused_before_a_matcher_is_built() {
        let keywords: Vec<String> = (0..100_000).map(|i| format!("\"x{i}\"")).collect();
        let text = format!("[themes]\na = [{}]\n", keywords.join(", "));
        assert_eq!(
            parse(text.as_bytes()).unwrap_err(),
            ThemesProblem::TooMany {
                themes: 1,
                keywords: 100_000
            }
        );
    }

    /// At its limits a glossary still builds and matches in linear time.
    #[test]
    fn a_glossary_at_its_limits_builds() {
        let themes: Vec<Theme> = (0..limits::THEMES)
            .map(|t| Theme {
                name: format!("t{t}"),
                keywords: (0..limits::KEYWORDS / limits::THEMES)
                    .map(|k| format!("ア{t}x{k}"))
                    .collect(),
            })
            .collect();
        let g = Glossary::new(themes, None).unwrap();
        assert_eq!(g.mentioned("…ア3x7…ア499x9"), [3, 499]);
        assert!(g.mentioned(&"ア".repeat(100_000)).is_empty());
    }
}
