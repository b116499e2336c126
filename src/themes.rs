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
    /// All keywords of all themes, so a text is searched once.
    keywords: Keywords,
}

/// The keywords of a glossary, indexed by the first two bytes of their UTF-8 form.
/// A text is read once, character by character; where a keyword starts with the
/// character, the keywords filed under its first two bytes are compared. Every
/// keyword found is reported, overlapping ones included (制度の理解 and 理解を深める
/// in 制度の理解を深める). For the few short keywords of a glossary this costs a
/// table lookup per character, where a general multi-pattern automaton's search
/// for overlapping matches was measured here at about 20 instructions per byte of
/// Japanese text. The table (64 KiB) is made once a run, from the keywords.
#[derive(Debug, Clone)]
struct Keywords {
    /// Keywords (with their themes) by [`bucket`] of their first bytes.
    buckets: Vec<Vec<(String, usize)>>,
    /// Whether a bucket holds a keyword: one test passes over most characters.
    filled: Vec<bool>,
    /// What [`Keywords::themes_in_as_is`] makes of each character of the Basic
    /// Multilingual Plane, by code point: one lookup per character of the text.
    reading: Box<[Reading; 0x10000]>,
}

/// How [`Keywords::themes_in_as_is`] reads a character where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// NFKC may change it, with its neighbours: the text must be normalised.
    Normalise,
    /// Read as it is (or as the ASCII NFKC maps it to); no keyword starts with it.
    Pass,
    /// Likewise, and some keyword starts with it: compare the keywords.
    Start,
}

/// How many buckets [`bucket`] files into.
const BUCKETS: usize = 1280;

/// Where a keyword (or a position of a text) starting with these bytes is filed:
/// a three-byte character (all of Japanese) by its first two bytes exactly, an
/// ASCII character by itself in lower case, anything else by a mix of the two.
#[inline]
fn bucket(first: u8, second: u8) -> usize {
    if first < 0x80 {
        1024 + usize::from(first.to_ascii_lowercase())
    } else if first & 0xF0 == 0xE0 {
        (usize::from(first & 0x0F) << 6) | usize::from(second & 0x3F)
    } else {
        1152 + usize::from((first ^ second) & 0x7F)
    }
}

impl Keywords {
    /// The keywords of `themes`, which are NFKC and lower case already.
    fn new(themes: &[Theme]) -> Keywords {
        let mut k = Keywords {
            buckets: vec![Vec::new(); BUCKETS],
            filled: vec![false; BUCKETS],
            reading: Box::new([Reading::Normalise; 0x10000]),
        };
        for (i, theme) in themes.iter().enumerate() {
            for needle in &theme.needles {
                if let Some(&first) = needle.as_bytes().first() {
                    let second = needle.as_bytes().get(1).copied().unwrap_or(0);
                    let b = bucket(first, second);
                    k.buckets[b].push((needle.clone(), i));
                    k.filled[b] = true;
                }
            }
        }
        // ASCII and the characters NFKC keeps as themselves pass, and the
        // full-width ASCII forms, read as their ASCII.
        for (c, reading) in k.reading.iter_mut().enumerate() {
            let passes = match c {
                0..=0x7F => true,
                0x800.. => {
                    // The three bytes of `c` in UTF-8 (surrogates, never in a text,
                    // are neither and stay `Normalise`).
                    let b0 = 0xE0 | (c >> 12) as u8;
                    let b1 = 0x80 | ((c >> 6) & 0x3F) as u8;
                    let b2 = 0x80 | (c & 0x3F) as u8;
                    crate::text::is_kept(b0, b1, b2)
                        || crate::text::fullwidth_ascii(b0, b1, b2).is_some()
                }
                _ => false,
            };
            if passes {
                *reading = Reading::Pass;
            }
        }
        // Then where a keyword starts: an ASCII one in either case and written
        // full width (ＡＤ and ａｄ read as ad), any other with its character.
        for (needle, _) in k.buckets.iter().flatten() {
            let Some(first) = needle.chars().next() else {
                continue;
            };
            let mut starts = vec![u32::from(first)];
            if first.is_ascii() {
                let a = first as u8;
                for a in [a.to_ascii_lowercase(), a.to_ascii_uppercase()] {
                    starts.push(u32::from(a));
                    match a {
                        // U+FF01..U+FF5E stand 0xFEE0 above the ASCII they map to.
                        0x21..=0x7E => starts.push(u32::from(a) + 0xFEE0),
                        b' ' => starts.push(0x3000),
                        _ => {}
                    }
                }
            }
            for c in starts {
                let c = c as usize;
                if c < 0x10000 && k.reading[c] == Reading::Pass {
                    k.reading[c] = Reading::Start;
                }
            }
        }
        k
    }

    /// [`Keywords::themes_in`] of the NFKC of a text, found in the text as it is,
    /// or `None` when it holds a character whose NFKC this does not know (the
    /// text must then be normalised first). Most sheet text is ASCII, kana, kanji
    /// and the full-width ASCII forms (（１１人）) that NFKC maps one to one onto
    /// ASCII: those are read as their NFKC where they stand, so this is the one
    /// pass made over it.
    fn themes_in_as_is(&self, text: &str) -> Option<Vec<usize>> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        loop {
            let (start, reading) = skip_passing(&self.reading, bytes, at);
            match reading {
                None => break,
                Some(Reading::Normalise) => return None,
                Some(_) => {}
            }
            let rest = &bytes[start..];
            let (b, step) = match *rest {
                [b0, b1, b2, ..] if b0 >= 0x80 => match crate::text::fullwidth_ascii(b0, b1, b2) {
                    Some(ascii) => (bucket(ascii, 0), 3),
                    None => (bucket(b0, b1), 3),
                },
                [b0, ..] => (bucket(b0, 0), 1),
                [] => break,
            };
            for (needle, theme) in &self.buckets[b] {
                if starts_with_as_nfkc(rest, needle.as_bytes()) {
                    found.push(*theme);
                }
            }
            at = start + step;
        }
        found.sort_unstable();
        found.dedup();
        Some(found)
    }

    /// Adds the themes of the keywords of bucket `b` that `rest` starts with.
    fn compare(&self, b: usize, rest: &[u8], found: &mut Vec<usize>) {
        for (needle, theme) in &self.buckets[b] {
            if rest.len() >= needle.len()
                && rest[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
            {
                found.push(*theme);
            }
        }
    }

    /// The themes of the keywords in an NFKC text (in any case), sorted and
    /// without repeats: ASCII letters are compared without case, as [`normalize`]
    /// lower-cases the text.
    fn themes_in(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        // From character start to character start (keywords never start inside one).
        let mut at = 0;
        while let Some(&first) = bytes.get(at) {
            let second = bytes.get(at + 1).copied().unwrap_or(0);
            let b = bucket(first, second);
            if self.filled[b] {
                self.compare(b, &bytes[at..], &mut found);
            }
            at += char_len(first);
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// The first character of `bytes` from `at` on that does not read as
/// [`Reading::Pass`]: its position and reading (`None` at the end of the text; a
/// two- or four-byte character reads as [`Reading::Normalise`]). The loop over
/// most of the characters of a sheet, kept apart so that it stays in registers.
fn skip_passing(
    reading: &[Reading; 0x10000],
    bytes: &[u8],
    mut at: usize,
) -> (usize, Option<Reading>) {
    while let Some(&b0) = bytes.get(at) {
        let (c, step) = match b0 {
            0x00..=0x7F => (usize::from(b0), 1),
            0xE0..=0xEF => match bytes.get(at + 1..at + 3) {
                Some(&[b1, b2]) => (
                    (usize::from(b0 & 0x0F) << 12)
                        | (usize::from(b1 & 0x3F) << 6)
                        | usize::from(b2 & 0x3F),
                    3,
                ),
                _ => return (at, Some(Reading::Normalise)),
            },
            _ => return (at, Some(Reading::Normalise)),
        };
        let r = reading[c];
        if r != Reading::Pass {
            return (at, Some(r));
        }
        at += step;
    }
    (at, None)
}

/// The length in bytes of the UTF-8 character that starts with `lead`.
#[inline]
fn char_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Whether `text` starts with `needle` (NFKC, lower case) when its full-width
/// ASCII forms are read as the ASCII NFKC makes of them, and ASCII letters without
/// case. `text` is UTF-8 from a character start; its other characters are
/// compared as they are ([`Keywords::themes_in_as_is`] only asks of text whose
/// every character is ASCII, kept by NFKC, or one of those forms).
#[inline]
fn starts_with_as_nfkc(text: &[u8], needle: &[u8]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let Some(&want) = needle.get(j) {
        let Some(&b) = text.get(i) else {
            return false;
        };
        if b < 0x80 {
            if !b.eq_ignore_ascii_case(&want) {
                return false;
            }
            i += 1;
            j += 1;
            continue;
        }
        let len = char_len(b);
        let Some(c) = text.get(i..i + len) else {
            return false;
        };
        if let &[b0, b1, b2] = c {
            if let Some(ascii) = crate::text::fullwidth_ascii(b0, b1, b2) {
                if !ascii.eq_ignore_ascii_case(&want) {
                    return false;
                }
                i += 3;
                j += 1;
                continue;
            }
        }
        if needle.get(j..j + len) != Some(c) {
            return false;
        }
        i += len;
        j += len;
    }
    true
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
    /// A glossary of these themes, read from `file` (`None`: built in).
    pub fn new(themes: Vec<Theme>, file: Option<PathBuf>) -> Glossary {
        Glossary {
            keywords: Keywords::new(&themes),
            themes,
            file,
        }
    }

    /// The built-in glossary.
    pub fn builtin() -> Glossary {
        let themes = BUILTIN
            .iter()
            .map(|(name, words)| {
                let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                Theme::new(name, &words)
            })
            .collect();
        Glossary::new(themes, None)
    }

    /// Indices (in glossary order) of the themes a text mentions.
    pub fn mentioned(&self, text: &str) -> Vec<usize> {
        // Trimming, the rest of `normalize`, cannot change whether a keyword (itself
        // trimmed) is contained.
        self.keywords
            .themes_in_as_is(text)
            .unwrap_or_else(|| self.keywords.themes_in(&crate::text::nfkc(text)))
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
        Ok(Glossary::new(themes, Some(path)))
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
            );
            let n = normalize(&s);
            let expected: Vec<usize> =
                (0..g.themes.len()).filter(|&i| g.themes[i].in_normalized(&n)).collect();
            proptest::prop_assert_eq!(g.mentioned(&s), expected);
        }
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
