//! Indicator values written as text (SPEC §1.5): `"13人"`, `"１１人"`, `"16人以上"`,
//! `"20%"`, `"1,234件"`, `"約15人"`, `"11人（H29年度～現時点）"`.
//!
//! Officials write values the way the paper sheet shows them. A string that is, after
//! NFKC, an optional `約` / `およそ`, a number (digits, thousands commas, decimals, a
//! minus), an optional unit, an optional `以上` / `以下` (targets only) and an optional
//! bracketed remark is a number: it counts in every calculation as if written bare,
//! and what was written around it is kept ([`WrittenNumber`]). Any other string is
//! text: undetermined (`未定`, `-`, …), or qualitative.

use crate::core::model::Better;
use crate::core::text;

/// The words that mean a value is not determined yet (compared after NFKC).
/// Besides SPEC §1.5's `未定`, `未設定`, `-`, `－` (NFKC `-`) and `―`, the dashes
/// officials type for the same: the minus sign, the em dash, the hyphen and the
/// katakana prolonged sound mark.
pub const UNDETERMINED_WORDS: [&str; 8] = ["未定", "未設定", "-", "―", "−", "—", "‐", "ー"];

/// Words after a number that make it approximate, like a leading `約`.
const APPROXIMATE_SUFFIXES: [&str; 4] = ["程度", "前後", "くらい", "ぐらい"];

/// The longest unit read, in characters: `人`, `%`, `か所`, `事業所`, `人/年`. A longer
/// run of words after a number is a sentence, not a unit.
const MAX_UNIT_CHARS: usize = 6;

/// A number written as text, with what was written around it.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenNumber {
    /// The number, counted as if written bare.
    pub number: f64,
    /// The unit written after the number (NFKC: `%` for `％`).
    pub unit: Option<String>,
    /// `以上` (higher) or `以下` (lower), in a target.
    pub bound: Option<Better>,
    /// Written with `約`, `およそ`, `程度`, `前後`, `くらい` or `ぐらい`.
    pub approximate: bool,
    /// The text inside the brackets after the value, as written (`H29年度～現時点`).
    pub remark: Option<String>,
    /// The whole value as written (`"11人（H29年度～現時点）"`).
    pub text: String,
}

impl WrittenNumber {
    /// The number as people read it: `13`, `1234`, `3.5`.
    pub fn number_text(&self) -> String {
        format_number(self.number)
    }

    /// `"316以上"` / `"316以下"`: a bare ASCII number and a bound, the target form
    /// SPEC §3 describes. It draws no `number-as-text`: there is nothing to rewrite
    /// (`better` cannot say "at least 316" in the target cell).
    pub fn is_plain_bound(&self) -> bool {
        let Some(body) = self
            .text
            .strip_suffix("以上")
            .or_else(|| self.text.strip_suffix("以下"))
        else {
            return false;
        };
        let digits = body.strip_prefix('-').unwrap_or(body);
        let mut parts = digits.splitn(2, '.');
        let whole = parts.next().unwrap_or("");
        let fraction = parts.next();
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// A number for people: integers without `.0`.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// What a string value of an indicator is.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A number written as text (SPEC §1.5).
    Number(WrittenNumber),
    /// `未定` and its kin: not determined yet.
    Undetermined,
    /// Qualitative text (定性的な文言); `has_digits` when it holds a figure that is not
    /// computed (`qualitative-number`).
    Qualitative { has_digits: bool },
    /// A number of the §1.5 form too large to compute with (`bad-number`).
    TooLarge,
}

/// Whether a value's text means "not determined yet" (`未定`, `-`, …).
pub fn is_undetermined_text(s: &str) -> bool {
    let n = text::normalize(s);
    UNDETERMINED_WORDS.contains(&n.as_str())
}

/// Reads a string `baseline`, `current` or `target` (`is_target` allows `以上` /
/// `以下`).
pub fn read(s: &str, is_target: bool) -> Reading {
    if is_undetermined_text(s) {
        return Reading::Undetermined;
    }
    let n = text::normalize(s);
    match parse(&n, is_target) {
        Parse::Number(mut w) => {
            if let Some(remark) = &w.remark {
                // Keep the remark as written (`～`, not NFKC's `~`) when it can be found.
                if let Some(original) = original_remark(s).filter(|o| text::normalize(o) == *remark)
                {
                    w.remark = Some(original);
                }
            }
            w.text = s.to_string();
            Reading::Number(w)
        }
        Parse::TooLarge => Reading::TooLarge,
        Parse::NotANumber => Reading::Qualitative {
            has_digits: n.bytes().any(|b| b.is_ascii_digit()),
        },
    }
}

enum Parse {
    Number(WrittenNumber),
    TooLarge,
    NotANumber,
}

/// The §1.5 grammar on NFKC text: `約`? number unit? (`以上`|`以下`)? (`(`remark`)`)?
fn parse(n: &str, is_target: bool) -> Parse {
    let mut rest = n;
    let mut approximate = false;
    for prefix in ["約", "およそ"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            approximate = true;
            break;
        }
    }
    let Some((number, after)) = leading_number(rest) else {
        return Parse::NotANumber;
    };
    let Ok(number) = number.parse::<f64>() else {
        return Parse::NotANumber;
    };
    if !number.is_finite() {
        return Parse::TooLarge;
    }
    let number = if number == 0.0 { 0.0 } else { number };
    let mut rest = after.trim();

    let mut remark = None;
    if let Some(inner) = rest.strip_suffix(')') {
        let Some(open) = inner.find('(') else {
            return Parse::NotANumber;
        };
        let text = inner[open + 1..].trim();
        if text.is_empty() {
            return Parse::NotANumber;
        }
        remark = Some(text.to_string());
        rest = inner[..open].trim_end();
    }
    let mut bound = None;
    for (word, better) in [("以上", Better::Higher), ("以下", Better::Lower)] {
        if let Some(r) = rest.strip_suffix(word) {
            if !is_target {
                return Parse::NotANumber;
            }
            bound = Some(better);
            rest = r.trim_end();
            break;
        }
    }
    for word in APPROXIMATE_SUFFIXES {
        if let Some(r) = rest.strip_suffix(word) {
            approximate = true;
            rest = r.trim_end();
            break;
        }
    }
    let unit = if rest.is_empty() {
        None
    } else if is_unit(rest) {
        Some(rest.to_string())
    } else {
        return Parse::NotANumber;
    };
    Parse::Number(WrittenNumber {
        number,
        unit,
        bound,
        approximate,
        remark,
        text: String::new(),
    })
}

/// A number at the start: an optional minus, digits with optional thousands commas
/// (groups of three), optional decimals. Returns it without commas, and the rest.
fn leading_number(s: &str) -> Option<(String, &str)> {
    let (minus, body) = match s.strip_prefix(['-', '−']) {
        Some(r) => (true, r.trim_start()),
        None => (false, s),
    };
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let (written, rest) = body.split_at(end);
    let (whole, fraction) = match written.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (written, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let mut groups = whole.split(',');
    let first = groups.next()?;
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let grouped = whole.contains(',');
    if grouped
        && (first.len() > 3
            || !groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())))
    {
        return None;
    }
    let mut number = String::with_capacity(written.len() + 1);
    if minus {
        number.push('-');
    }
    number.extend(whole.chars().filter(|c| *c != ','));
    if let Some(f) = fraction {
        number.push('.');
        number.push_str(f);
    }
    Some((number, rest))
}

/// A unit: a few letters (kanji, kana, Latin) and `%`, `/`, `‰`, `°`.
fn is_unit(s: &str) -> bool {
    s.chars().count() <= MAX_UNIT_CHARS
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '%' | '/' | '‰' | '°'))
}

/// The text inside the last bracket pair of `s` as written (`（…）` or `(…)`).
fn original_remark(s: &str) -> Option<String> {
    let s = s.trim();
    let inner = s.strip_suffix(')').or_else(|| s.strip_suffix('）'))?;
    let open = inner.find(['(', '（'])?;
    let after = inner[open..].chars().next().map_or(1, char::len_utf8);
    Some(inner[open + after..].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn number(s: &str, is_target: bool) -> WrittenNumber {
        match read(s, is_target) {
            Reading::Number(w) => w,
            other => panic!("{s:?} read as {other:?}"),
        }
    }

    /// The values of issue 17 and SPEC §1.5.
    #[test]
    fn values_officials_write() {
        let w = number("13人", false);
        assert_eq!(
            (w.number, w.unit.as_deref(), w.bound),
            (13.0, Some("人"), None)
        );
        assert_eq!(w.text, "13人");
        let w = number("１１人", false);
        assert_eq!((w.number, w.unit.as_deref()), (11.0, Some("人")));
        let w = number("16人以上", true);
        assert_eq!(
            (w.number, w.unit.as_deref(), w.bound),
            (16.0, Some("人"), Some(Better::Higher))
        );
        let w = number("20%", false);
        assert_eq!((w.number, w.unit.as_deref()), (20.0, Some("%")));
        let w = number("２０％", false);
        assert_eq!((w.number, w.unit.as_deref()), (20.0, Some("%")));
        let w = number("1,234件", false);
        assert_eq!((w.number, w.unit.as_deref()), (1234.0, Some("件")));
        let w = number("約15人", false);
        assert_eq!(
            (w.number, w.unit.as_deref(), w.approximate),
            (15.0, Some("人"), true)
        );
        let w = number("11人（H29年度～現時点）", false);
        assert_eq!((w.number, w.unit.as_deref()), (11.0, Some("人")));
        assert_eq!(w.remark.as_deref(), Some("H29年度～現時点"));
        assert_eq!(w.text, "11人（H29年度～現時点）");
        let w = number("316以下", true);
        assert_eq!(
            (w.number, w.unit.as_deref(), w.bound),
            (316.0, None, Some(Better::Lower))
        );
        assert!(w.is_plain_bound());
        assert!(!number("３１６以上", true).is_plain_bound());
        assert!(!number("316人以上", true).is_plain_bound());
        assert!(number("-2.5以上", true).is_plain_bound());
        let w = number("およそ 1,234.5 か所 (延べ)", false);
        assert_eq!((w.number, w.unit.as_deref()), (1234.5, Some("か所")));
        assert_eq!((w.approximate, w.remark.as_deref()), (true, Some("延べ")));
        let w = number("-3", false);
        assert_eq!(w.number, -3.0);
        let w = number("－0", false);
        assert!(w.number == 0.0 && w.number.is_sign_positive());
        let w = number("11", false);
        assert_eq!((w.number, w.unit), (11.0, None));
        let w = number("15人程度", false);
        assert_eq!(
            (w.number, w.unit.as_deref(), w.approximate),
            (15.0, Some("人"), true)
        );
        let w = number("12人/年", false);
        assert_eq!(w.unit.as_deref(), Some("人/年"));
    }

    #[test]
    fn undetermined_words() {
        for s in ["未定", "未設定", "-", "－", "―", " 未定 ", "ー", "—"] {
            assert_eq!(read(s, true), Reading::Undetermined, "{s:?}");
            assert!(is_undetermined_text(s), "{s:?}");
        }
        assert!(!is_undetermined_text("未定義"));
    }

    #[test]
    fn text_that_is_not_of_the_form_stays_qualitative() {
        for s in [
            "年3回",
            "月1回開催",
            "H29年度 11人",
            "10～15人",
            "1,23人",
            "1,2345人",
            "12,34",
            "3.",
            ".5",
            "1e3",
            "3か所で開催する予定",
            "11人()",
            "11人(",
            "11人)",
            "3人以上",
            "2019年3月",
            "13人 14人",
            "13 (a) b",
        ] {
            let is_target = false;
            assert_eq!(
                read(s, is_target),
                Reading::Qualitative { has_digits: true },
                "{s:?}"
            );
        }
        assert_eq!(
            read("3人以上", true),
            Reading::Number(number("3人以上", true))
        );
        for s in ["増加", "減少", "実施", "検討中", ""] {
            assert_eq!(
                read(s, true),
                Reading::Qualitative { has_digits: false },
                "{s:?}"
            );
        }
        let huge = format!("{}人", "9".repeat(400));
        assert_eq!(read(&huge, false), Reading::TooLarge);
    }

    fn fullwidth(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                ' ' => '\u{3000}',
                c => c,
            })
            .collect()
    }

    fn with_commas(digits: &str) -> String {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Issue 17: any value written per §1.5 reads back as the same number and unit.
        #[test]
        fn any_written_value_reads_back(
            whole in 0u64..10_000_000_000,
            decimals in proptest::option::of("[0-9]{1,3}"),
            negative in any::<bool>(),
            commas in any::<bool>(),
            wide in any::<bool>(),
            about in proptest::option::of(prop_oneof![Just("約"), Just("およそ")]),
            unit in proptest::option::of(prop_oneof![
                Just("人"), Just("%"), Just("件"), Just("か所"), Just("事業所"), Just("人/年"), Just("回")
            ]),
            bound in proptest::option::of(prop_oneof![Just("以上"), Just("以下")]),
            remark in proptest::option::of("[あ-んア-ン一-龠0-9～]{1,12}"),
            spaces in any::<bool>(),
            brackets in prop_oneof![Just(("（", "）")), Just(("(", ")"))],
        ) {
            let digits = whole.to_string();
            let mut number = if commas { with_commas(&digits) } else { digits.clone() };
            let mut plain = digits;
            if let Some(d) = &decimals {
                number = format!("{number}.{d}");
                plain = format!("{plain}.{d}");
            }
            if negative {
                number = format!("-{number}");
                plain = format!("-{plain}");
            }
            let gap = if spaces { " " } else { "" };
            let mut s = String::new();
            if let Some(a) = about {
                s.push_str(a);
            }
            s.push_str(&number);
            if let Some(u) = unit {
                s.push_str(gap);
                s.push_str(u);
            }
            if let Some(b) = bound {
                s.push_str(b);
            }
            if let Some(r) = &remark {
                s.push_str(gap);
                s.push_str(brackets.0);
                s.push_str(r);
                s.push_str(brackets.1);
            }
            let written = if wide { fullwidth(&s) } else { s.clone() };
            let expected: f64 = plain.parse().map_err(|_| TestCaseError::fail("number"))?;
            match read(&written, true) {
                Reading::Number(w) => {
                    prop_assert_eq!(w.number, if expected == 0.0 { 0.0 } else { expected });
                    prop_assert_eq!(w.unit.as_deref(), unit);
                    prop_assert_eq!(w.bound.is_some(), bound.is_some());
                    prop_assert_eq!(w.approximate, about.is_some());
                    prop_assert_eq!(w.remark.is_some(), remark.is_some());
                    if let (Some(got), Some(r)) = (&w.remark, &remark) {
                        prop_assert_eq!(text::normalize(got), text::normalize(r));
                    }
                    prop_assert_eq!(&w.text, &written);
                }
                other => prop_assert!(false, "{written:?} read as {other:?}"),
            }
            // Not a target: a bound makes it text.
            if bound.is_some() {
                prop_assert_eq!(read(&written, false), Reading::Qualitative { has_digits: true });
            }
        }

        #[test]
        fn never_panics(s in any::<String>(), is_target in any::<bool>()) {
            let _ = read(&s, is_target);
        }

        #[test]
        fn never_panics_on_value_like_strings(
            s in "[0-9０-９,，.．\\-－約およそ人%％件以上下()（）～ 　]{0,16}",
            is_target in any::<bool>(),
        ) {
            if let Reading::Number(w) = read(&s, is_target) {
                prop_assert!(w.number.is_finite());
            }
        }
    }
}
