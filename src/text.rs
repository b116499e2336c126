//! Small text helpers shared by loading, checks and reports.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalised and trimmed (full-width digits, letters and spaces become ASCII).
pub fn normalize(s: &str) -> String {
    // Most strings are already NFKC (ASCII, kana and kanji without full-width
    // forms): skip the rebuild for them.
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.trim().to_string();
    }
    s.nfkc().collect::<String>().trim().to_string()
}

/// Empty or only whitespace (including the ideographic space U+3000).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A string that is a number written with full-width digits (`"１１"`, `"３.５"`).
pub fn is_fullwidth_number(s: &str) -> bool {
    let has_fullwidth = s.chars().any(|c| ('０'..='９').contains(&c));
    has_fullwidth && {
        let n = normalize(s);
        !n.is_empty() && n.parse::<f64>().is_ok() && n.chars().any(|c| c.is_ascii_digit())
    }
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
    }

    #[test]
    fn region_keys() {
        assert_eq!(region_key("南加賀圏域"), "南加賀");
        assert_eq!(region_key("ﾐﾅﾐ"), "ミナミ");
    }
}
