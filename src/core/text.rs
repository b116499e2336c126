//! Small text helpers shared by loading, checks and reports.

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalised and trimmed (full-width digits, letters and spaces become ASCII).
pub fn normalize(s: &str) -> String {
    nfkc(s).trim().to_string()
}

/// NFKC, borrowing when the text already is. Most strings are (ASCII, kana and
/// kanji without full-width forms): that is decided by code-point ranges first (a
/// table lookup per character is the slow part) and by the quick check next.
pub fn nfkc(s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Japanese text is mostly kana, kanji and punctuation that NFKC leaves alone,
    // plus full-width ASCII forms (（１１人）) and the ideographic space, which NFKC
    // maps one to one onto ASCII. Those are recognised here from the UTF-8 bytes,
    // in one pass; anything else goes through the full algorithm.
    let bytes = s.as_bytes();
    let mut simple_mapping = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match classify(bytes, i) {
            Class::Kept => {}
            Class::Mapped => simple_mapping = true,
            Class::Other => return full_nfkc(s),
        }
        i += 3;
    }
    if !simple_mapping {
        return Cow::Borrowed(s);
    }
    // Copy the runs between the mapped characters.
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (at, c) in s.char_indices() {
        if let Some(ascii) = fullwidth_to_ascii(c) {
            out.push_str(&s[run..at]);
            out.push(ascii);
            run = at + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
    Cow::Owned(out)
}

/// What NFKC does to the character at `i`, read from its UTF-8 bytes (a table
/// lookup per character is the slow part of NFKC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Kept as it is, whatever its neighbours ([`surely_nfkc`]).
    Kept,
    /// Mapped one to one onto ASCII ([`fullwidth_to_ascii`]).
    Mapped,
    /// Anything else: left to the full algorithm.
    Other,
}

/// Bit `c - 0x3000` is set for the characters `c` of U+3000..U+30FF that
/// [`surely_nfkc`] keeps (punctuation, hiragana, katakana).
const KEPT_3000: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut c = 0;
    while c < 256 {
        if matches!(0x3000 + c, 0x3001..=0x3002 | 0x300C..=0x3011 | 0x301C | 0x3041..=0x3096 | 0x30A1..=0x30FC)
        {
            bits[c / 64] |= 1 << (c % 64);
        }
        c += 1;
    }
    bits
};

/// True when the three-byte character `b0 b1 b2` is one that NFKC keeps as it is
/// whatever its neighbours (kana, kanji, common punctuation): a text of such
/// characters and ASCII is its own NFKC.
#[inline]
pub(crate) fn is_kept(b0: u8, b1: u8, b2: u8) -> bool {
    match b0 {
        // U+4E00..U+9FFF, CJK unified ideographs.
        0xE5..=0xE9 => true,
        0xE4 => b1 >= 0xB8,
        // U+3000..U+30FF: punctuation, hiragana, katakana.
        0xE3 if (0x80..=0x83).contains(&b1) => {
            let c = (usize::from(b1 & 0x03) << 6) | usize::from(b2 & 0x3F);
            KEPT_3000[c / 64] & (1 << (c % 64)) != 0
        }
        _ => false,
    }
}

fn classify(bytes: &[u8], i: usize) -> Class {
    let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) else {
        return Class::Other;
    };
    if is_kept(b0, b1, b2) {
        return Class::Kept;
    }
    match fullwidth_ascii(b0, b1, b2) {
        Some(_) => Class::Mapped,
        None => Class::Other,
    }
}

/// The ASCII character NFKC makes of the three-byte character `b0 b1 b2` when it
/// is one of those [`fullwidth_to_ascii`] maps, read from its UTF-8 bytes.
#[inline]
pub(crate) fn fullwidth_ascii(b0: u8, b1: u8, b2: u8) -> Option<u8> {
    match (b0, b1) {
        // U+3000, the ideographic space.
        (0xE3, 0x80) if b2 == 0x80 => Some(b' '),
        // U+FF01..U+FF3F and U+FF40..U+FF5E: full-width ASCII forms, 0xFEE0 above
        // the ASCII they stand for.
        (0xEF, 0xBC) if b2 != 0x80 => Some(0x20 + (b2 & 0x3F)),
        (0xEF, 0xBD) if b2 <= 0x9E => Some(0x60 + (b2 & 0x3F)),
        _ => None,
    }
}

fn full_nfkc(s: &str) -> std::borrow::Cow<'_, str> {
    if unicode_normalization::is_nfkc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfkc().collect())
    }
}

/// NFKC of the full-width ASCII forms U+FF01..U+FF5E and the ideographic space.
fn fullwidth_to_ascii(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// The display width of the widest line of `s` when every character of it is one
/// a terminal draws the same way everywhere and that cannot drive it: printable
/// ASCII, the line end `\n`, and the kana, kanji, common Japanese
/// punctuation and full-width forms of [`nfkc`]'s fast path (all two cells wide).
/// `None` for any other text, which needs the full treatment
/// (the tables' `unicode-width`). Found from the UTF-8 bytes,
/// in one pass: sheet text is mostly such characters.
pub fn plain_width(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let (mut widest, mut line) = (0, 0);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                widest = widest.max(line);
                line = 0;
                i += 1;
            }
            b' '..=b'~' => {
                line += 1;
                i += 1;
            }
            0x80.. if classify(bytes, i) != Class::Other => {
                line += 2;
                i += 3;
            }
            _ => return None,
        }
    }
    Some(widest.max(line))
}

/// Characters that are NFKC as they stand and never combine with a neighbour:
/// ASCII, hiragana and katakana (without the combining and spacing sound marks),
/// CJK unified ideographs, and the common Japanese punctuation 、。「」『』【】〜ー・.
fn surely_nfkc(c: char) -> bool {
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

/// Empty or only whitespace (including the ideographic space U+3000).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A string that is a number written with full-width digits (`"１１"`, `"３.５"`).
pub fn is_fullwidth_number(s: &str) -> bool {
    // Most strings are sentences: one character that NFKC keeps as it is and that
    // no number holds (kana, kanji, most ASCII) settles it before any search.
    if !s.chars().all(may_be_in_number) {
        return false;
    }
    // ０-９ are U+FF10..U+FF19: EF BC 90..99 in UTF-8. Every string of a sheet is
    // checked, so look for the lead byte with memchr's SIMD search (a `memmem`
    // finder costs more to build than a short string takes to scan).
    let bytes = s.as_bytes();
    let has_fullwidth = memchr::memchr_iter(0xEF, bytes).any(|i| {
        bytes.get(i + 1) == Some(&0xBC)
            && bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b))
    });
    has_fullwidth && {
        let n = normalize(s);
        !n.is_empty() && n.parse::<f64>().is_ok() && n.chars().any(|c| c.is_ascii_digit())
    }
}

/// False for a character that stays itself under NFKC and cannot be part of a
/// number `f64` reads once trimmed (the words `inf` and `NaN` hold no digit, so
/// their letters are left out).
fn may_be_in_number(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit() || c.is_ascii_whitespace() || matches!(c, '.' | '+' | '-' | 'e' | 'E')
    } else {
        !surely_nfkc(c)
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
    fn the_fast_path_agrees_with_nfkc() {
        for s in [
            "南加賀圏域の「協議の場」、ピアサポーター。",
            "ｶﾅｻﾞﾜ",
            "（１１人）",
            "Ａｂｃ",
            "が",
            "か\u{3099}",
            "〜ー・【】『』",
            "㍻",
            "（１１人）～　ＰＳＷ！",
            "ａ\u{301}",
            "！\u{338}",
        ] {
            assert_eq!(normalize(s), s.nfkc().collect::<String>().trim(), "{s}");
        }
    }

    /// The definition [`is_fullwidth_number`] must agree with.
    fn fullwidth_number_by_definition(s: &str) -> bool {
        let n = normalize(s);
        s.chars().any(|c| ('\u{ff10}'..='\u{ff19}').contains(&c))
            && !n.is_empty()
            && n.parse::<f64>().is_ok()
            && n.chars().any(|c| c.is_ascii_digit())
    }

    #[test]
    fn byte_classes_are_the_character_ranges() {
        for c in ('\u{800}'..='\u{ffff}').filter(|c| c.len_utf8() == 3) {
            let mut buf = [0; 4];
            let class = classify(c.encode_utf8(&mut buf).as_bytes(), 0);
            let expected = if surely_nfkc(c) {
                Class::Kept
            } else if fullwidth_to_ascii(c).is_some() {
                Class::Mapped
            } else {
                Class::Other
            };
            assert_eq!(class, expected, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn plain_width_is_the_display_width() {
        use unicode_width::UnicodeWidthStr;
        for s in [
            "",
            "abc",
            "南加賀（３人）",
            "a\nいろは\nxyz",
            "第1回 11　今回 11",
        ] {
            let widest = s.split('\n').map(|l| l.width()).max().unwrap_or(0);
            assert_eq!(plain_width(s), Some(widest), "{s:?}");
        }
        for s in [
            "①",
            "※",
            "a\rb",
            "a\tb",
            "\u{1b}[31m",
            "é",
            "😀",
            "\u{202e}",
        ] {
            assert_eq!(plain_width(s), None, "{s:?}");
        }
    }

    proptest::proptest! {
        /// Where `plain_width` answers, it is unicode-width's answer.
        #[test]
        fn plain_width_agrees_with_unicode_width(
            s in "[a-z0-9 \n\tあ-んア-ン漢字、。「」ー・（）０-９Ａ-Ｚ！～　①※é\u{3248}\u{4dc0}]{0,24}"
        ) {
            use unicode_width::UnicodeWidthStr;
            if let Some(w) = plain_width(&s) {
                proptest::prop_assert_eq!(w, s.split('\n').map(|l| l.width()).max().unwrap_or(0));
            }
        }

        /// The quick rejections of `is_fullwidth_number` never change its answer.
        #[test]
        fn fullwidth_number_shortcuts_agree(
            s in "[0-9０-９.．+＋\\-－eEｅinfINF a人円¹²　]{0,8}"
        ) {
            proptest::prop_assert_eq!(is_fullwidth_number(&s), fullwidth_number_by_definition(&s));
        }

        /// The fast paths give exactly NFKC, on text mixing the characters they
        /// handle with ones they must hand over (combining marks, compatibility
        /// characters, half-width katakana).
        #[test]
        fn nfkc_fast_paths_equal_full_nfkc(
            s in "[a-zA-Z0-9 あ-んア-ン漢字、。「」ー・（）０-９Ａ-Ｚａ-ｚ！～　\u{3099}\u{301}ｶﾞ㍻①é😀\u{4dc0}\u{3400}]{0,24}"
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
