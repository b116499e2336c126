//! Japanese fiscal years (年度), SPEC 1.2.
//!
//! A fiscal year runs from 1 April to 31 March and is named by the calendar year it
//! starts in. Sheets spell it in many ways (`2018`, `2018年度`, `平成30年度`, `H30`,
//! `FY2018`, full-width digits, …); [`parse_fiscal_year`] reads all of them.
//!
//! The tokenizer and the eras it shares with `date.rs` are in `tokens.rs`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::tokens::{saturating_i64, Cursor, Era};

/// A Japanese fiscal year (年度): 1 April of `start_year` to 31 March of the next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(i32);

impl FiscalYear {
    /// The earliest accepted start year.
    pub const MIN_YEAR: i32 = 1900;
    /// The latest accepted start year.
    pub const MAX_YEAR: i32 = 2200;

    /// The fiscal year starting on 1 April of `start_year`; `None` outside
    /// [`MIN_YEAR`](Self::MIN_YEAR)..=[`MAX_YEAR`](Self::MAX_YEAR).
    pub fn new(start_year: i32) -> Option<FiscalYear> {
        (Self::MIN_YEAR..=Self::MAX_YEAR)
            .contains(&start_year)
            .then_some(FiscalYear(start_year))
    }

    /// The fiscal year a date falls in (January–March belong to the previous year's
    /// fiscal year); `None` when that fiscal year is outside the accepted range.
    pub fn containing(d: NaiveDate) -> Option<FiscalYear> {
        let start = if d.month() >= 4 {
            d.year()
        } else {
            d.year().checked_sub(1)?
        };
        Self::new(start)
    }

    /// The calendar year the fiscal year starts in.
    pub fn start_year(self) -> i32 {
        self.0
    }

    /// 1 April of the start year.
    pub fn first_day(self) -> NaiveDate {
        // The year is within MIN_YEAR..=MAX_YEAR, so the date always exists.
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 March of the year after the start year.
    pub fn last_day(self) -> NaiveDate {
        // The year is within MIN_YEAR + 1..=MAX_YEAR + 1, so the date always exists.
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or(NaiveDate::MAX)
    }

    /// Whether `d` lies between [`first_day`](Self::first_day) and
    /// [`last_day`](Self::last_day), both included.
    pub fn contains(self, d: NaiveDate) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }

    /// Japanese era name of the fiscal year: 令和 from FY2019 on, 平成 FY1989–2018, 昭和
    /// FY1926–1988 (and 大正 / 明治 before that); year 1 shown as 元.
    ///
    /// The era is the one that names the start year's calendar year, so FY2019 (which
    /// began in April 2019, still in 平成) is 令和元年度 as the government named it, and
    /// FY1988 is 昭和63年度.
    pub fn era_ja(self) -> String {
        let era = Era::naming_year(self.0);
        let n = self.0 - era.first_year() + 1;
        if n == 1 {
            format!("{}元年度", era.name())
        } else {
            format!("{}{}年度", era.name(), n)
        }
    }

    /// The short era form: `H30`, `R6`, `R1` (for 令和元年度).
    pub fn era_short(self) -> String {
        let era = Era::naming_year(self.0);
        format!("{}{}", era.letter(), self.0 - era.first_year() + 1)
    }

    /// `平成30年度 (2018)`.
    pub fn display_ja(self) -> String {
        format!("{} ({})", self.era_ja(), self.0)
    }

    /// `FY2018 (平成30年度)`.
    pub fn display_en(self) -> String {
        format!("FY{} ({})", self.0, self.era_ja())
    }
}

impl fmt::Display for FiscalYear {
    /// Same as [`FiscalYear::display_ja`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_ja())
    }
}

impl FromStr for FiscalYear {
    type Err = FiscalYearError;

    /// [`parse_fiscal_year`], dropping the era-overflow flag.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_fiscal_year(s).map(|parsed| parsed.year)
    }
}

/// The result of [`parse_fiscal_year`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedFiscalYear {
    /// The fiscal year meant.
    pub year: FiscalYear,
    /// The era year goes past the end of its era (`平成32年度`, `昭和64年度`): the year is
    /// still read arithmetically, and `sheet validate` warns with `era-overflow`.
    pub era_overflow: bool,
}

/// Why a fiscal year could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiscalYearError {
    /// Not a fiscal-year spelling at all (`来年度`, `2018年`, `平成年度`, an empty string).
    #[error(
        "cannot read the fiscal year; write it like 2018, 2018年度, 平成30年度, H30, R6 or FY2018"
    )]
    Unreadable,
    /// A readable year outside 1900–2200 (`30`, `99999年度`, `明治10年度`).
    #[error(
        "the fiscal year must be between {} and {}",
        FiscalYear::MIN_YEAR,
        FiscalYear::MAX_YEAR
    )]
    OutOfRange,
    /// `令和0年度`, `H0`: era years start at 1 (元年).
    #[error("era year 0 does not exist; the first year of an era is 元年 (1)")]
    EraYearZero,
    /// Two spellings that disagree, as in `令和元年度 (2018)`.
    #[error("the era year and the Western year name different fiscal years")]
    Inconsistent,
}

/// Read a fiscal year written in any of the spellings of SPEC 1.2.
///
/// Accepted (after NFKC normalisation, surrounding whitespace ignored): `2018`,
/// `2018年度`, `FY2018`, an era name or letter (明治 M, 大正 T, 昭和 S, 平成 H, 令和 R;
/// letters in either case) followed by a year or 元 and an optional `年度` (`平成30年度`,
/// `H30`, `R元`), and the display forms `平成30年度 (2018)` / `FY2018 (平成30年度)`, whose
/// two parts must agree.
pub fn parse_fiscal_year(s: &str) -> Result<ParsedFiscalYear, FiscalYearError> {
    let mut cursor = Cursor::new(s);
    let first = parse_form(&mut cursor, false).ok_or(FiscalYearError::Unreadable)?;
    let second = if cursor.eat_char('(') {
        let form = parse_form(&mut cursor, false).ok_or(FiscalYearError::Unreadable)?;
        if !cursor.eat_char(')') {
            return Err(FiscalYearError::Unreadable);
        }
        Some(form)
    } else {
        None
    };
    if !cursor.is_at_end() {
        return Err(FiscalYearError::Unreadable);
    }
    let parsed = evaluate(first)?;
    match second {
        None => Ok(parsed),
        Some(form) => {
            let other = evaluate(form)?;
            if other.year != parsed.year {
                return Err(FiscalYearError::Inconsistent);
            }
            Ok(ParsedFiscalYear {
                year: parsed.year,
                era_overflow: parsed.era_overflow || other.era_overflow,
            })
        }
    }
}

/// A fiscal year given as a TOML integer (`fiscal_year = 2018`).
pub fn fiscal_year_from_int(n: i64) -> Result<FiscalYear, FiscalYearError> {
    i32::try_from(n)
        .ok()
        .and_then(FiscalYear::new)
        .ok_or(FiscalYearError::OutOfRange)
}

/// The syntactic shape of one fiscal-year spelling, before range checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FiscalForm {
    /// `2018`, `2018年度`, `FY2018`.
    Western(u64),
    /// `平成30年度`, `H30`, `令和元年度` (元 is 1).
    Era(Era, u64),
}

/// Read one fiscal-year spelling at the cursor. With `require_nendo`, only the forms
/// ending in `年度` are taken (`2018年度`, `平成30年度`, `H30年度`), as in `平成30年度末`.
/// Returns `None`, with the cursor in an unspecified position, when nothing matches.
pub(crate) fn parse_form(cursor: &mut Cursor, require_nendo: bool) -> Option<FiscalForm> {
    if !require_nendo && cursor.eat_str_ignore_case("FY") {
        return cursor.eat_num().map(|n| FiscalForm::Western(n.value));
    }
    let form = if let Some(n) = cursor.eat_num() {
        FiscalForm::Western(n.value)
    } else {
        let era = cursor.eat_era()?;
        FiscalForm::Era(era, cursor.eat_era_year()?)
    };
    if cursor.eat_str("年度") || !require_nendo {
        Some(form)
    } else {
        None
    }
}

/// Turn a spelling into a fiscal year, checking the range and the era.
pub(crate) fn evaluate(form: FiscalForm) -> Result<ParsedFiscalYear, FiscalYearError> {
    let (start, era_overflow) = match form {
        FiscalForm::Western(n) => (saturating_i64(n), false),
        FiscalForm::Era(_, 0) => return Err(FiscalYearError::EraYearZero),
        FiscalForm::Era(era, n) => {
            let start = era.gregorian_year(n);
            let overflow = era
                .last_fiscal_year()
                .is_some_and(|last| start > i64::from(last));
            (start, overflow)
        }
    };
    let year = fiscal_year_from_int(start)?;
    Ok(ParsedFiscalYear { year, era_overflow })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fy(y: i32) -> FiscalYear {
        FiscalYear::new(y).unwrap_or_else(|| panic!("test year {y} out of range"))
    }

    fn ok(year: i32) -> Result<ParsedFiscalYear, FiscalYearError> {
        Ok(ParsedFiscalYear {
            year: fy(year),
            era_overflow: false,
        })
    }

    fn overflow(year: i32) -> Result<ParsedFiscalYear, FiscalYearError> {
        Ok(ParsedFiscalYear {
            year: fy(year),
            era_overflow: true,
        })
    }

    #[test]
    fn new_checks_the_range() {
        assert_eq!(FiscalYear::new(1899), None);
        assert_eq!(
            FiscalYear::new(1900).map(FiscalYear::start_year),
            Some(1900)
        );
        assert_eq!(
            FiscalYear::new(2200).map(FiscalYear::start_year),
            Some(2200)
        );
        assert_eq!(FiscalYear::new(2201), None);
        assert_eq!(FiscalYear::new(i32::MIN), None);
        assert_eq!(FiscalYear::new(i32::MAX), None);
    }

    #[test]
    fn first_and_last_day() {
        let y = fy(2018);
        assert_eq!(y.first_day(), NaiveDate::from_ymd_opt(2018, 4, 1).unwrap());
        assert_eq!(y.last_day(), NaiveDate::from_ymd_opt(2019, 3, 31).unwrap());
        assert_eq!(
            fy(2200).last_day(),
            NaiveDate::from_ymd_opt(2201, 3, 31).unwrap()
        );
    }

    #[test]
    fn contains_and_containing() {
        let y = fy(2018);
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(!y.contains(d(2018, 3, 31)));
        assert!(y.contains(d(2018, 4, 1)));
        assert!(y.contains(d(2018, 12, 31)));
        assert!(y.contains(d(2019, 1, 1)));
        assert!(y.contains(d(2019, 3, 31)));
        assert!(!y.contains(d(2019, 4, 1)));
        assert_eq!(FiscalYear::containing(d(2019, 3, 31)), Some(y));
        assert_eq!(FiscalYear::containing(d(2018, 4, 1)), Some(y));
        assert_eq!(FiscalYear::containing(d(1900, 3, 31)), None);
        assert_eq!(FiscalYear::containing(d(2201, 3, 31)), Some(fy(2200)));
        assert_eq!(FiscalYear::containing(d(2201, 4, 1)), None);
        assert_eq!(FiscalYear::containing(NaiveDate::MIN), None);
    }

    #[test]
    fn era_names() {
        assert_eq!(fy(2018).era_ja(), "平成30年度");
        assert_eq!(fy(2019).era_ja(), "令和元年度");
        assert_eq!(fy(2020).era_ja(), "令和2年度");
        assert_eq!(fy(2024).era_ja(), "令和6年度");
        assert_eq!(fy(1989).era_ja(), "平成元年度");
        assert_eq!(fy(1988).era_ja(), "昭和63年度");
        assert_eq!(fy(1926).era_ja(), "昭和元年度");
        assert_eq!(fy(1925).era_ja(), "大正14年度");
        assert_eq!(fy(1912).era_ja(), "大正元年度");
        assert_eq!(fy(1911).era_ja(), "明治44年度");
        assert_eq!(fy(1900).era_ja(), "明治33年度");
        assert_eq!(fy(2200).era_ja(), "令和182年度");
    }

    #[test]
    fn displays() {
        assert_eq!(fy(2018).display_ja(), "平成30年度 (2018)");
        assert_eq!(fy(2018).to_string(), "平成30年度 (2018)");
        assert_eq!(fy(2018).display_en(), "FY2018 (平成30年度)");
        assert_eq!(fy(2019).display_ja(), "令和元年度 (2019)");
        assert_eq!(fy(2019).display_en(), "FY2019 (令和元年度)");
    }

    #[test]
    fn western_spellings() {
        for s in [
            "2018",
            "2018年度",
            "FY2018",
            "fy2018",
            "２０１８",
            "２０１８年度",
            "ＦＹ２０１８",
            " 2018 ",
            "\u{3000}2018年度\u{3000}",
            "\t2018\n",
            "2018 年度",
        ] {
            assert_eq!(parse_fiscal_year(s), ok(2018), "{s:?}");
        }
    }

    #[test]
    fn era_spellings() {
        for s in [
            "平成30年度",
            "平成30",
            "H30",
            "H30年度",
            "h30",
            "h30年度",
            "平成３０年度",
            "Ｈ３０",
            "ｈ３０年度",
            "平成 30 年度",
            "㍻30年度",
        ] {
            assert_eq!(parse_fiscal_year(s), ok(2018), "{s:?}");
        }
        for s in ["令和6年度", "R6", "r6", "令和６年度", "R6年度"] {
            assert_eq!(parse_fiscal_year(s), ok(2024), "{s:?}");
        }
        for s in [
            "令和元年度",
            "R1",
            "R元",
            "r元",
            "R元年度",
            "令和1年度",
            "令和元",
        ] {
            assert_eq!(parse_fiscal_year(s), ok(2019), "{s:?}");
        }
        assert_eq!(parse_fiscal_year("平成元年度"), ok(1989));
        assert_eq!(parse_fiscal_year("H元"), ok(1989));
        assert_eq!(parse_fiscal_year("昭和63年度"), ok(1988));
        assert_eq!(parse_fiscal_year("S63"), ok(1988));
        assert_eq!(parse_fiscal_year("大正14年度"), ok(1925));
        assert_eq!(parse_fiscal_year("T元"), ok(1912));
        assert_eq!(parse_fiscal_year("明治33年度"), ok(1900));
        assert_eq!(parse_fiscal_year("M33"), ok(1900));
    }

    #[test]
    fn era_boundaries() {
        // FY2019 began in April 2019, still 平成: 平成31年度 is legitimate.
        assert_eq!(parse_fiscal_year("平成31年度"), ok(2019));
        assert_eq!(parse_fiscal_year("H31"), ok(2019));
        assert_eq!(parse_fiscal_year("令和元年度"), ok(2019));
        assert_eq!(parse_fiscal_year("平成32年度"), overflow(2020));
        assert_eq!(parse_fiscal_year("H32"), overflow(2020));
        assert_eq!(parse_fiscal_year("平成40年度"), overflow(2028));
        assert_eq!(parse_fiscal_year("昭和63年度"), ok(1988));
        assert_eq!(parse_fiscal_year("昭和64年度"), overflow(1989));
        assert_eq!(parse_fiscal_year("S65"), overflow(1990));
        assert_eq!(parse_fiscal_year("平成元年度"), ok(1989));
        assert_eq!(parse_fiscal_year("大正15年度"), ok(1926));
        assert_eq!(parse_fiscal_year("大正16年度"), overflow(1927));
        assert_eq!(parse_fiscal_year("明治45年度"), ok(1912));
        assert_eq!(parse_fiscal_year("明治46年度"), overflow(1913));
        assert_eq!(parse_fiscal_year("令和182年度"), ok(2200));
    }

    #[test]
    fn display_forms_are_read_back() {
        assert_eq!(parse_fiscal_year("平成30年度 (2018)"), ok(2018));
        assert_eq!(parse_fiscal_year("平成30年度（2018）"), ok(2018));
        assert_eq!(parse_fiscal_year("FY2018 (平成30年度)"), ok(2018));
        assert_eq!(parse_fiscal_year("2018年度(H30)"), ok(2018));
        assert_eq!(parse_fiscal_year("平成32年度 (2020)"), overflow(2020));
        assert_eq!(
            parse_fiscal_year("令和元年度 (2018)"),
            Err(FiscalYearError::Inconsistent)
        );
        for s in [
            "平成30年度 (2018",
            "平成30年度 ()",
            "平成30年度 (2018) x",
            "(2018)",
        ] {
            assert_eq!(
                parse_fiscal_year(s),
                Err(FiscalYearError::Unreadable),
                "{s:?}"
            );
        }
    }

    #[test]
    fn unreadable() {
        for s in [
            "",
            "   ",
            "\u{3000}",
            "来年度",
            "2018年",
            "平成30年",
            "H",
            "h",
            "平成年度",
            "平成",
            "年度",
            "元年度",
            "FY",
            "FY2018年度",
            "F2018",
            "2018年度末",
            "20 18",
            "2018/04",
            "2018-2019",
            "X30",
            "平成30年度度",
            "H30H",
            "-2018",
            "+2018",
            "2018.0",
            "😀",
            "\u{0}",
            "二〇一八年度",
            "平成三十年度",
        ] {
            assert_eq!(
                parse_fiscal_year(s),
                Err(FiscalYearError::Unreadable),
                "{s:?}"
            );
        }
    }

    #[test]
    fn out_of_range() {
        for s in [
            "1899",
            "2201",
            "30",
            "0",
            "FY18",
            "99999999999999999999年度",
            "平成99999999999999999999999999年度",
            "R99999999999999999999",
            "明治32年度",
            "令和183年度",
        ] {
            assert_eq!(
                parse_fiscal_year(s),
                Err(FiscalYearError::OutOfRange),
                "{s:?}"
            );
        }
    }

    #[test]
    fn era_year_zero() {
        for s in ["令和0年度", "平成0年度", "R0", "h0", "H00年度", "昭和0"] {
            assert_eq!(
                parse_fiscal_year(s),
                Err(FiscalYearError::EraYearZero),
                "{s:?}"
            );
        }
    }

    #[test]
    fn from_int() {
        assert_eq!(fiscal_year_from_int(2018), Ok(fy(2018)));
        assert_eq!(fiscal_year_from_int(1900), Ok(fy(1900)));
        assert_eq!(fiscal_year_from_int(2200), Ok(fy(2200)));
        for n in [30, 1899, 2201, -2018, i64::MIN, i64::MAX, 1 << 40] {
            assert_eq!(
                fiscal_year_from_int(n),
                Err(FiscalYearError::OutOfRange),
                "{n}"
            );
        }
    }

    #[test]
    fn from_str() {
        assert_eq!("H30".parse::<FiscalYear>(), Ok(fy(2018)));
        assert_eq!("平成32年度".parse::<FiscalYear>(), Ok(fy(2020)));
        assert_eq!("x".parse::<FiscalYear>(), Err(FiscalYearError::Unreadable));
    }

    #[test]
    fn errors_display_in_english() {
        assert!(FiscalYearError::Unreadable
            .to_string()
            .starts_with("cannot read"));
        assert_eq!(
            FiscalYearError::OutOfRange.to_string(),
            "the fiscal year must be between 1900 and 2200"
        );
        assert!(FiscalYearError::EraYearZero.to_string().contains("元年"));
        assert!(!FiscalYearError::Inconsistent.to_string().is_empty());
    }

    /// Every fiscal year in range, exhaustively: the era name, both displays and the
    /// plain numbers read back to the same year without an overflow.
    #[test]
    fn every_fiscal_year_round_trips() {
        for y in FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR {
            let year = fy(y);
            for s in [
                year.era_ja(),
                year.display_ja(),
                year.display_en(),
                year.to_string(),
                format!("{y}"),
                format!("{y}年度"),
                format!("FY{y}"),
            ] {
                assert_eq!(parse_fiscal_year(&s), ok(y), "{s:?}");
            }
        }
    }

    fn any_fiscal_year() -> impl Strategy<Value = FiscalYear> {
        (FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).prop_filter_map("in range", FiscalYear::new)
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in any::<String>()) {
            let _ = parse_fiscal_year(&s);
        }

        #[test]
        fn never_panics_on_fiscal_like_strings(
            s in "[0-9０-９年度元平成令和昭和大正明治HRSTMhrstmFYfy()（） \u{3000}]{0,16}"
        ) {
            if let Ok(parsed) = parse_fiscal_year(&s) {
                let y = parsed.year.start_year();
                prop_assert!((FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).contains(&y));
            }
        }

        #[test]
        fn huge_digit_runs_are_out_of_range(digits in "[1-9][0-9]{4,60}", suffix in "(|年度)") {
            let s = format!("{digits}{suffix}");
            prop_assert_eq!(parse_fiscal_year(&s), Err(FiscalYearError::OutOfRange));
        }

        #[test]
        fn era_name_and_display_round_trip(year in any_fiscal_year()) {
            prop_assert_eq!(parse_fiscal_year(&year.era_ja()), ok(year.start_year()));
            prop_assert_eq!(parse_fiscal_year(&year.display_ja()), ok(year.start_year()));
            prop_assert_eq!(parse_fiscal_year(&year.display_en()), ok(year.start_year()));
        }

        #[test]
        fn full_width_era_name_round_trips(year in any_fiscal_year()) {
            let wide: String = year
                .era_ja()
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                    None => c,
                })
                .collect();
            prop_assert_eq!(parse_fiscal_year(&wide), ok(year.start_year()));
        }

        #[test]
        fn from_int_agrees_with_new(n in any::<i64>()) {
            let expected = i32::try_from(n).ok().and_then(FiscalYear::new);
            prop_assert_eq!(fiscal_year_from_int(n).ok(), expected);
        }
    }
}
