//! Small text helpers shared by loading, checks and reports.

use std::borrow::Cow;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// NFKC-normalised and trimmed (full-width digits, letters and spaces become ASCII).
pub fn normalize(s: &str) -> String {
    nfkc(s).trim().to_string()
}

/// NFKC, borrowing the text when it already is (most sheet text: ASCII, kana and
/// kanji without full-width forms).
pub fn nfkc(s: &str) -> Cow<'_, str> {
    match is_nfkc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfkc().collect()),
    }
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

    #[test]
    fn region_keys() {
        assert_eq!(region_key("南加賀圏域"), "南加賀");
        assert_eq!(region_key("ﾐﾅﾐ"), "ミナミ");
    }
}
