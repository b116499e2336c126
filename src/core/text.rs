//! Small text helpers shared by loading, checks and reports.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// NFKC-normalised and trimmed (full-width digits, letters and spaces become ASCII).
pub fn normalize(s: &str) -> String {
    nfkc(s).trim().to_string()
}

/// NFKC, borrowing the text when it already is (most sheet text: ASCII, kana and
/// kanji without full-width forms). Every text of every sheet passes here (theme
/// matching, names), so text made only of characters NFKC keeps as they are, or
/// maps one to one onto ASCII (full-width forms such as （１１人）, the ideographic
/// space), is recognised by their ranges; anything else gets the full algorithm.
pub fn nfkc(s: &str) -> Cow<'_, str> {
    let mut mapped = false;
    for c in s.chars() {
        if kept_by_nfkc(c) {
            continue;
        }
        if fullwidth_ascii(c).is_none() {
            return match is_nfkc_quick(s.chars()) {
                IsNormalized::Yes => Cow::Borrowed(s),
                _ => Cow::Owned(s.nfkc().collect()),
            };
        }
        mapped = true;
    }
    if !mapped {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| fullwidth_ascii(c).unwrap_or(c)).collect())
}

/// The ASCII character NFKC makes of a full-width form (`１` → `1`, `（` → `(`) or
/// of the ideographic space.
fn fullwidth_ascii(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// Characters NFKC leaves alone and that never combine with a neighbour: ASCII,
/// the common Japanese punctuation 、。「」『』【】〜ー・, hiragana and katakana
/// without the (combining or spacing) sound marks, and CJK unified ideographs.
fn kept_by_nfkc(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{7f}'
        | '\u{3001}'..='\u{3002}'
        | '\u{300c}'..='\u{3011}'
        | '\u{301c}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30a1}'..='\u{30fa}'
        | '\u{30fb}'..='\u{30fc}'
        | '\u{4e00}'..='\u{9fff}')
}

/// Whether a character could drive a terminal (SPEC §7): C0 controls other than
/// tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows them.
/// `crate::render::terminal` escapes them in all human output.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\u{8}'
        | '\u{b}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// Whether a name (a prefecture, a region, a file name) holds a character SPEC §7
/// refuses in the names of the files and sheets a command makes: one that could
/// drive a terminal ([`is_unsafe`]), and a newline or a tab too, as a name is one
/// line. The one rule for `sheet new`, `import`, `export`, `render --out`.
pub fn has_control_character(name: &str) -> bool {
    name.chars().any(|c| c.is_control() || is_unsafe(c))
}

/// Empty or only whitespace (including the ideographic space U+3000).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A string that is a number written with full-width digits (`"１１"`, `"３.５"`).
pub fn is_fullwidth_number(s: &str) -> bool {
    if !s.chars().any(|c| ('\u{ff10}'..='\u{ff19}').contains(&c)) {
        return false;
    }
    let n = normalize(s);
    !n.is_empty() && n.parse::<f64>().is_ok() && n.chars().any(|c| c.is_ascii_digit())
}

/// Region name for matching: NFKC, trimmed, without the suffix 圏域.
pub fn region_key(s: &str) -> String {
    let n = normalize(s);
    n.strip_suffix("圏域").map(str::to_string).unwrap_or(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_control_characters() {
        for bad in [
            "南\u{1b}[31m加賀",
            "石川県\r",
            "南\n加賀",
            "南\t加賀",
            "南\u{7f}",
            "南\u{85}",
            "南\u{202e}加賀",
            "\u{2066}南",
        ] {
            assert!(has_control_character(bad), "{bad:?}");
        }
        for good in ["南加賀", "Noto Chubu", "能登　中部", "南加賀（圏域）", ""] {
            assert!(!has_control_character(good), "{good:?}");
        }
    }

    #[test]
    fn fullwidth_numbers() {
        assert!(is_fullwidth_number("１１"));
        assert!(is_fullwidth_number(" ３．５ "));
        assert!(!is_fullwidth_number("11"));
        assert!(!is_fullwidth_number("１１人"));
        assert!(!is_fullwidth_number("未定"));
        // `inf` and `NaN` parse as numbers but hold no digit.
        assert!(!is_fullwidth_number("ｉｎｆ"));
        assert!(!is_fullwidth_number("１ｅ"));
    }

    #[test]
    fn nfkc_of_sheet_text() {
        for (s, expected) in [
            (
                "南加賀圏域の「協議の場」、ピアサポーター。",
                "南加賀圏域の「協議の場」、ピアサポーター。",
            ),
            ("ｶﾅｻﾞﾜ", "カナザワ"),
            ("（１１人）～　ＰＳＷ！", "(11人)~ PSW!"),
            ("㍻", "平成"),
            ("か\u{3099}", "が"),
        ] {
            assert_eq!(nfkc(s), expected, "{s}");
        }
        assert!(matches!(nfkc("南加賀"), Cow::Borrowed(_)));
    }

    proptest::proptest! {
        /// The ranges taken as kept give exactly NFKC, on text mixing them with
        /// characters they must leave to the full algorithm.
        #[test]
        fn nfkc_equals_full_nfkc(
            s in "[a-zA-Z0-9 あ-んア-ン漢字、。「」ー・（）０-９Ａ-Ｚａ-ｚ！～　\u{3099}\u{309b}\u{301}ｶﾞ㍻①é😀\u{4dc0}\u{3400}\u{f900}]{0,24}"
        ) {
            proptest::prop_assert_eq!(nfkc(&s).into_owned(), s.nfkc().collect::<String>());
        }
    }

    #[test]
    fn region_keys() {
        assert_eq!(region_key("南加賀圏域"), "南加賀");
        assert_eq!(region_key("ﾐﾅﾐ"), "ミナミ");
    }
}
