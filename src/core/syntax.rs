//! A TOML syntax error, told in words of ours (SPEC §2, revision 2).
//!
//! The parser's English (`key with no value, expected '='`) is never shown alone:
//! each error it reports is sorted into a [`SyntaxKind`] that `i18n::diag` words in
//! the output language, and the mistakes that come from typing in Japanese are
//! recognised on the line of the error and pointed at: a full-width `＝` `［` `］`
//! `＂` `，`, curly quotes or 「」 around a string, a value without quotes, a
//! full-width space, a key written in Japanese, a key written twice.

use std::ops::Range;

use super::source::Source;

/// What went wrong, and the parser's own words as a detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    /// The parser's message (English), for an error of no known kind.
    pub detail: String,
}

/// The kinds of syntax error a sheet's author meets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxKind {
    /// A key written in Japanese without quotes (`行政側 = "…"`).
    JapaneseKey { key: String },
    /// A full-width symbol where TOML needs the ASCII one (`＝` for `=`).
    FullwidthSymbol { found: char, ascii: char },
    /// A full-width space (U+3000) outside a string; `indent` when it starts the line.
    FullwidthSpace { indent: bool },
    /// `“…”`, `‘…’`, `「…」` or `『…』` used as string quotes.
    CurlyQuotes {
        open: char,
        key: Option<String>,
        value: Option<String>,
    },
    /// A value that is not quoted (`region = 南加賀`); `key` when the word is the
    /// whole value (not an item of an array).
    UnquotedValue { key: Option<String>, value: String },
    /// `key =` with nothing after it.
    MissingValue { key: Option<String> },
    /// A key without `=` after it.
    MissingEquals { key: Option<String> },
    /// A key (or a table header) written twice; the line of the first, when found.
    DuplicateKey {
        key: String,
        header: bool,
        first_line: Option<usize>,
    },
    /// A string whose closing quote is missing.
    UnclosedString,
    /// A control character inside a string.
    BadCharacterInString,
    /// `\` in a basic string not followed by an escape.
    InvalidEscape,
    /// Two array items without a comma between them.
    MissingComma,
    /// An array without its `]`.
    UnclosedArray,
    /// `[sheet` or `[[goals]` without the closing bracket(s).
    UnclosedHeader,
    /// An inline table without its `}`.
    UnclosedInlineTable,
    /// More after a value on its line.
    TrailingContent,
    /// A key with characters a bare key cannot hold.
    InvalidKey,
    /// A value that is no TOML value (`True`, `12abc`, `2018-1-2`).
    InvalidValue,
    /// Nesting deeper than the parser follows.
    TooDeep,
    /// Any other error: the parser's message is the detail.
    Other,
}

/// Full-width forms typed for TOML's symbols, with the ASCII they stand for.
const FULLWIDTH_SYMBOLS: [(char, char); 5] = [
    ('＝', '='),
    ('［', '['),
    ('］', ']'),
    ('＂', '"'),
    ('，', ','),
];

/// Quotes of Japanese (and word-processor) text that are not TOML's `"`.
const CURLY_QUOTES: [char; 6] = ['“', '”', '‘', '’', '「', '『'];

/// Explains the parser's error `message` at `span`: its kind, and the place to show
/// (the offending character when one is found on the line, else `span`).
pub fn explain(source: &Source, message: &str, span: Range<usize>) -> (Range<usize>, SyntaxError) {
    let detail = message.trim().to_string();
    let head = detail.split(", expected").next().unwrap_or("").trim();
    let (line, _) = source.line_col(span.start);
    let line_start = source.line_start(line);
    let line_text = source.line_text(line);
    let outside = outside_strings(line_text);
    let at = |offset: usize, c: char| line_start + offset..line_start + offset + c.len_utf8();
    let error = |kind| SyntaxError {
        kind,
        detail: detail.clone(),
    };

    if head == "duplicate key" {
        let key = source.slice(span.clone()).unwrap_or("").trim().to_string();
        let header = line_text.trim_start().starts_with('[');
        let first_line = if header {
            first_header(source, line)
        } else {
            first_key(source, line, &key)
        };
        let key = if header {
            line_text
                .trim()
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        } else {
            key
        };
        return (
            span,
            error(SyntaxKind::DuplicateKey {
                key,
                header,
                first_line,
            }),
        );
    }
    if let Some(&(offset, c)) = outside.iter().find(|(_, c)| *c == '\u{3000}') {
        let indent = line_text[..offset].chars().all(char::is_whitespace);
        return (at(offset, c), error(SyntaxKind::FullwidthSpace { indent }));
    }
    for &(offset, c) in &outside {
        if let Some(&(found, ascii)) = FULLWIDTH_SYMBOLS.iter().find(|(f, _)| *f == c) {
            return (
                at(offset, c),
                error(SyntaxKind::FullwidthSymbol { found, ascii }),
            );
        }
        if CURLY_QUOTES.contains(&c) {
            let (key, value) = key_and_value(line_text);
            let value = value.map(|v| {
                v.trim_matches(|c: char| CURLY_QUOTES.contains(&c) || "”’」』".contains(c))
                    .to_string()
            });
            return (
                at(offset, c),
                error(SyntaxKind::CurlyQuotes {
                    open: c,
                    key,
                    value,
                }),
            );
        }
    }
    let (key, value) = key_and_value(line_text);
    let kind = match head {
        _ if head.contains("unquoted key") => match &key {
            Some(k) if !k.is_ascii() && !k.starts_with(['"', '\'', '[', '#']) => {
                SyntaxKind::JapaneseKey { key: k.clone() }
            }
            _ => SyntaxKind::InvalidKey,
        },
        "string values must be quoted" | "missing value" | "missing value for key" => {
            // The unquoted word at the error: the whole value, or one item of an
            // array (`strengths = [強み]`), where only the word gets quotes.
            let rest = source.text.get(span.start..).unwrap_or("");
            let word = rest
                .lines()
                .next()
                .unwrap_or("")
                .split([',', ']', '}', '#'])
                .next()
                .unwrap_or("")
                .trim();
            match value.filter(|v| !v.is_empty()) {
                Some(whole) if whole == word => SyntaxKind::UnquotedValue { key, value: whole },
                Some(_) if !word.is_empty() => SyntaxKind::UnquotedValue {
                    key: None,
                    value: word.to_string(),
                },
                Some(whole) => SyntaxKind::UnquotedValue { key, value: whole },
                None => SyntaxKind::MissingValue { key },
            }
        }
        "key with no value" | "missing assignment between key-value pairs" => {
            SyntaxKind::MissingEquals { key }
        }
        "invalid basic string" | "invalid multi-line basic string" | "invalid literal string" => {
            // At the end of the line: the closing quote is missing; inside it, a
            // character a string cannot hold.
            let rest = source.text.get(span.start..).unwrap_or("");
            if rest.lines().next().is_none_or(|l| l.trim().is_empty()) {
                SyntaxKind::UnclosedString
            } else {
                SyntaxKind::BadCharacterInString
            }
        }
        "missing escaped value" | "too few unicode value digits" => SyntaxKind::InvalidEscape,
        "missing comma between array elements" => SyntaxKind::MissingComma,
        "unclosed array" => SyntaxKind::UnclosedArray,
        "unclosed table" | "unclosed array table" => SyntaxKind::UnclosedHeader,
        "unclosed inline table" => SyntaxKind::UnclosedInlineTable,
        "unexpected key or value"
        | "unexpected content"
        | "unexpected content between comment and newline"
        | "invalid comment character" => SyntaxKind::TrailingContent,
        "cannot recurse further; max recursion depth met" | "recursion limit" => {
            SyntaxKind::TooDeep
        }
        _ if head.starts_with("invalid ") || head.starts_with("unexpected ") => {
            SyntaxKind::InvalidValue
        }
        _ => SyntaxKind::Other,
    };
    (span, error(kind))
}

/// The characters of a line outside strings and comments, with their byte offsets.
fn outside_strings(line: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => break,
            None => out.push((i, c)),
        }
    }
    out
}

/// The key and the value text of a `key = value` line (the value without a trailing
/// comment), as far as they can be told apart.
fn key_and_value(line: &str) -> (Option<String>, Option<String>) {
    let line = line.trim_start_matches(|c: char| c.is_whitespace());
    let Some((key, value)) = line.split_once(['=', '＝']) else {
        let key = line.trim();
        return ((!key.is_empty()).then(|| key.to_string()), None);
    };
    let key = key.trim();
    let value = value.split(" #").next().unwrap_or("").trim();
    (
        (!key.is_empty()).then(|| key.to_string()),
        Some(value.to_string()),
    )
}

/// The line of the first `[header]` that the header on `line` repeats: the nearest
/// earlier line with the same header, not looking past an array header (`[[…]]`)
/// that starts a new item of a parent.
fn first_header(source: &Source, line: usize) -> Option<usize> {
    let header = header_name(source.line_text(line))?;
    for l in (1..line).rev() {
        let Some(other) = header_name(source.line_text(l)) else {
            continue;
        };
        if other == header {
            return Some(l);
        }
        let is_array = source.line_text(l).trim_start().starts_with("[[");
        if is_array && header.starts_with(&format!("{other}.")) {
            return None;
        }
    }
    None
}

/// `sheet` for `[sheet]`, `goals.progress` for `[[goals.progress]]` (spaces dropped).
fn header_name(line: &str) -> Option<String> {
    let t = line.trim();
    if !t.starts_with('[') {
        return None;
    }
    let inner = t.trim_start_matches('[');
    let end = inner.find(']')?;
    Some(
        inner[..end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
    )
}

/// The line where `key` is first set in the table that holds `line`: the lines
/// between the table's header and `line`.
fn first_key(source: &Source, line: usize, key: &str) -> Option<usize> {
    let mut first = None;
    for l in (1..line).rev() {
        let text = source.line_text(l);
        if header_name(text).is_some() {
            break;
        }
        let (k, v) = key_and_value(text);
        if v.is_some() && k.is_some_and(|k| k.trim_matches(['"', '\'']) == key) {
            first = Some(l);
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_at(text: &str) -> (SyntaxKind, usize, usize) {
        let source = Source::new("t.toml", text);
        let (_, errors) = toml::de::DeTable::parse_recoverable(text);
        let err = errors.first().expect("a syntax error");
        let (span, e) = explain(&source, err.message(), err.span().unwrap_or(0..0));
        let (line, col) = source.line_col(span.start);
        (e.kind, line, col)
    }

    const HEAD: &str = "[sheet]\nprefecture = \"石川県\"\n";

    #[test]
    fn typing_in_japanese() {
        let (k, l, c) = kind_at(&format!("{HEAD}region ＝ \"南加賀\"\n"));
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '＝',
                ascii: '='
            }
        );
        assert_eq!((l, c), (3, 8));
        let (k, l, c) = kind_at("［sheet］\nregion = \"a\"\n");
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '［',
                ascii: '['
            }
        );
        assert_eq!((l, c), (1, 1));
        let (k, l, c) = kind_at(&format!("{HEAD}[[goals］］\n"));
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '］',
                ascii: ']'
            }
        );
        assert_eq!((l, c), (3, 8));
        let (k, l, c) = kind_at(&format!("{HEAD}region = ＂南加賀＂\n"));
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '＂',
                ascii: '"'
            }
        );
        assert_eq!((l, c), (3, 10));
        let (k, l, c) = kind_at(&format!("{HEAD}strengths = [\"a\"，\"b\"]\n"));
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '，',
                ascii: ','
            }
        );
        assert_eq!((l, c), (3, 17));
        let (k, l, c) = kind_at(&format!("{HEAD}region = “南加賀”\n"));
        assert_eq!(
            k,
            SyntaxKind::CurlyQuotes {
                open: '“',
                key: Some("region".into()),
                value: Some("南加賀".into())
            }
        );
        assert_eq!((l, c), (3, 10));
        let (k, _, c) = kind_at(&format!("{HEAD}region = 「南加賀」\n"));
        assert!(
            matches!(k, SyntaxKind::CurlyQuotes { open: '「', .. }),
            "{k:?}"
        );
        assert_eq!(c, 10);
        let (k, l, c) = kind_at(&format!("{HEAD}region = 南加賀 # 圏域\n"));
        assert_eq!(
            k,
            SyntaxKind::UnquotedValue {
                key: Some("region".into()),
                value: "南加賀".into()
            }
        );
        assert_eq!((l, c), (3, 10));
        let (k, l, c) = kind_at(&format!("{HEAD}\u{3000}region = \"南加賀\"\n"));
        assert_eq!(k, SyntaxKind::FullwidthSpace { indent: true });
        assert_eq!((l, c), (3, 1));
        let (k, l, c) = kind_at(&format!("{HEAD}  \u{3000}region = \"南加賀\"\n"));
        assert_eq!(k, SyntaxKind::FullwidthSpace { indent: true });
        assert_eq!((l, c), (3, 3));
        let (k, l, c) = kind_at(&format!("{HEAD}region\u{3000}= \"南加賀\"\n"));
        assert_eq!(k, SyntaxKind::FullwidthSpace { indent: false });
        assert_eq!((l, c), (3, 7));
        let (k, l, c) = kind_at(&format!("{HEAD}region = \"南加賀\"\nregion = \"能登\"\n"));
        assert_eq!(
            k,
            SyntaxKind::DuplicateKey {
                key: "region".into(),
                header: false,
                first_line: Some(3)
            }
        );
        assert_eq!((l, c), (4, 1));
        let (k, l, _) = kind_at("[sheet]\nregion = \"a\"\n\n[[goals]]\ntext = \"x\"\n[sheet]\n");
        assert_eq!(
            k,
            SyntaxKind::DuplicateKey {
                key: "[sheet]".into(),
                header: true,
                first_line: Some(1)
            }
        );
        assert_eq!(l, 6);
        let (k, _, _) = kind_at(&format!("{HEAD}  行政側 = \"制度の周知\"\n"));
        assert_eq!(
            k,
            SyntaxKind::JapaneseKey {
                key: "行政側".into()
            }
        );
    }

    #[test]
    fn full_width_text_inside_strings_is_not_blamed() {
        // The ＝ and 「」 are text of the string; the error is the missing quote.
        let (k, l, _) = kind_at(&format!("{HEAD}text = \"「A＝B」\"x\n"));
        assert_eq!(k, SyntaxKind::TrailingContent);
        assert_eq!(l, 3);
        let (k, _, _) = kind_at(&format!("{HEAD}text = \"a # ＝\" ＝\n"));
        assert_eq!(
            k,
            SyntaxKind::FullwidthSymbol {
                found: '＝',
                ascii: '='
            }
        );
    }

    proptest::proptest! {
        /// Whatever the text, the explanation never panics and points inside it.
        #[test]
        fn explaining_never_panics(
            text in "[a-z =\"'\\[\\]{},#\n\t0-9.\\-＝［］＂，“”「」　南加賀行政側]{0,60}"
        ) {
            let source = Source::new("t.toml", &text);
            let (_, errors) = toml::de::DeTable::parse_recoverable(&text);
            for err in errors.iter() {
                let (span, e) = explain(&source, err.message(), err.span().unwrap_or(0..0));
                proptest::prop_assert!(span.start <= span.end && span.end <= text.len().max(span.start));
                proptest::prop_assert!(text.is_char_boundary(span.start.min(text.len())));
                proptest::prop_assert!(!e.detail.is_empty());
            }
        }
    }

    #[test]
    fn known_parser_errors_have_a_kind() {
        for (text, kind) in [
            ("region = \"南加賀\n", SyntaxKind::UnclosedString),
            (
                "region = \n",
                SyntaxKind::MissingValue {
                    key: Some("region".into()),
                },
            ),
            (
                "region \"a\"\n",
                SyntaxKind::MissingEquals {
                    key: Some("region \"a\"".into()),
                },
            ),
            ("strengths = [\"a\" \"b\"]\n", SyntaxKind::MissingComma),
            ("strengths = [\"a\", \"b\"\n", SyntaxKind::UnclosedArray),
            ("x = {a = 1\n", SyntaxKind::UnclosedInlineTable),
            ("[[goals]\n", SyntaxKind::UnclosedHeader),
            ("[sheet\n", SyntaxKind::UnclosedHeader),
            ("region = \"a\" \"b\"\n", SyntaxKind::TrailingContent),
            ("region = \"a\\qb\"\n", SyntaxKind::InvalidEscape),
            ("region = True\n", SyntaxKind::InvalidValue),
            (
                "re gion = 1\n",
                SyntaxKind::MissingEquals {
                    key: Some("re gion".into()),
                },
            ),
            (
                "strengths = [\"a\", 強み]\n",
                SyntaxKind::UnquotedValue {
                    key: None,
                    value: "強み".into(),
                },
            ),
        ] {
            let (k, _, _) = kind_at(text);
            assert_eq!(k, kind, "{text:?}");
        }
    }
}
