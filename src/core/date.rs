//! Dates on a sheet, SPEC 1.3.
//!
//! A date is a day (`2018-11-02`) or a whole month (`2018-11`, `11月`, `10月中旬`).
//! Sheets write dates with a year (`2018/11/2`, `H30.11.2`, `平成30年11月2日`) or, inside
//! a sheet, without one (`11/2`, `11月2日`, `年度末`): those take their year from the
//! sheet's fiscal year, April–December in its start year and January–March in the next.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::fiscal::{self, FiscalYear, FiscalYearError};
use super::tokens::{saturating_i64, Cursor};

/// How much of a [`SheetDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A single day.
    Day,
    /// A whole month (`2018-11`, `11月`, `10月中旬`).
    Month,
}

/// A date as written on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetDate {
    /// The day; the first day of the month for [`Precision::Month`].
    pub date: NaiveDate,
    /// Whether the day or only the month is known.
    pub precision: Precision,
}

impl SheetDate {
    /// A date known to the day.
    pub fn day(d: NaiveDate) -> Self {
        SheetDate {
            date: d,
            precision: Precision::Day,
        }
    }

    /// A whole month; `None` when `month` is not 1–12 or the year is beyond chrono's range.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|date| SheetDate {
            date,
            precision: Precision::Month,
        })
    }

    /// The first day the date covers.
    pub fn first_day(self) -> NaiveDate {
        self.date
    }

    /// The last day the date covers: the day itself, or the month's last day.
    pub fn last_day(self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => {
                let last = days_in_month(self.date.year(), self.date.month());
                self.date.with_day(last).unwrap_or(self.date)
            }
        }
    }

    /// Whether the whole date (every day of a month) lies inside `fy`.
    pub fn is_within(self, fy: FiscalYear) -> bool {
        fy.contains(self.first_day()) && fy.contains(self.last_day())
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` for month precision (SPEC 4.1 JSON).
    pub fn to_iso(self) -> String {
        let d = self.date;
        match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        }
    }

    /// For people: `2018年11月2日` / `2018年11月` in Japanese, `2018-11-02` / `2018-11`
    /// in English. Both read back with [`parse_date`].
    pub fn display(self, ja: bool) -> String {
        if !ja {
            return self.to_iso();
        }
        let d = self.date;
        match self.precision {
            Precision::Day => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            Precision::Month => format!("{}年{}月", d.year(), d.month()),
        }
    }
}

impl fmt::Display for SheetDate {
    /// Same as [`SheetDate::to_iso`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not one of the date forms of SPEC 1.3.
    #[error(
        "cannot read the date; write it like 2018-11-02, 2018/11/2, 2018-11, H30.11.2, \
         平成30年11月2日, 11/2, 11月2日, 11月, 10月中旬 or 年度末"
    )]
    Unreadable,
    /// A readable date that does not exist: `2018-02-30`, `13月`, `0月`, `11/31`, `令和0年…`.
    #[error("the date does not exist")]
    Impossible,
    /// A year outside 1900–2200.
    #[error(
        "the year of the date must be between {} and {}",
        FiscalYear::MIN_YEAR,
        FiscalYear::MAX_YEAR
    )]
    OutOfRange,
    /// A date without a year (`11/2`, `11月`, `年度末`) where no fiscal year is known.
    #[error("a date without a year (like 11/2 or 年度末) needs the sheet's fiscal year")]
    NeedsFiscalYear,
}

/// Parse a date string of a sheet. `fy` is the sheet's fiscal year, used by the forms
/// without a year.
///
/// Accepted, after NFKC normalisation (full-width digits and slashes become ASCII) and
/// with whitespace between parts ignored:
/// - `2018-11-02`, `2018/11/2`, `2018.11.2`; `2018-11`, `2018/11` (month);
/// - `2018年11月2日`; `2018年11月`, `2018年10月上旬` (month);
/// - an era name or letter (明治 M, 大正 T, 昭和 S, 平成 H, 令和 R; either case) and year
///   or 元, then `.`/`/`/`-` parts or `年…月…日`: `H30.11.2`, `R7.2.10`, `H30/11/2`,
///   `H30年11月2日`, `平成30年11月2日`, `令和元年5月1日`; without the day, a month;
/// - with the fiscal year: `11/2`, `11月2日`; `11月`, `10月上旬` / `中旬` / `下旬` (month);
///   `年度末` (31 March ending the fiscal year);
/// - `2018年度末`, `平成30年度末`, `H30年度末`: 31 March ending that fiscal year.
///
/// Era years are read arithmetically (平成32年 is 2020), as for fiscal years.
pub fn parse_date(s: &str, fy: Option<FiscalYear>) -> Result<SheetDate, DateError> {
    let mut cursor = Cursor::new(s);
    if cursor.strip_last_char('末') {
        return parse_fiscal_year_end(&mut cursor, fy);
    }
    let form = parse_form(&mut cursor).ok_or(DateError::Unreadable)?;
    if !cursor.is_at_end() {
        return Err(DateError::Unreadable);
    }
    resolve(form, fy)
}

/// A TOML local date arrives as year/month/day numbers: validate it.
pub fn date_from_ymd(y: i64, m: i64, d: i64) -> Result<SheetDate, DateError> {
    let (Ok(month), Ok(day)) = (u64::try_from(m), u64::try_from(d)) else {
        return Err(DateError::Impossible);
    };
    resolve(
        Form {
            year: YearSpec::Given(y),
            month,
            day: Some(day),
        },
        None,
    )
}

/// Where the year of a parsed date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearSpec {
    /// Written (Western, or converted from an era year).
    Given(i64),
    /// Era year 0, which does not exist.
    EraYearZero,
    /// Not written: taken from the sheet's fiscal year.
    FromFiscalYear,
}

/// The syntactic shape of a date, before any check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Form {
    year: YearSpec,
    month: u64,
    /// `None` for month precision.
    day: Option<u64>,
}

const SEPARATORS: [char; 3] = ['-', '/', '.'];

fn parse_form(cursor: &mut Cursor) -> Option<Form> {
    if let Some(era) = cursor.eat_era() {
        let year = match cursor.eat_era_year()? {
            0 => YearSpec::EraYearZero,
            n => YearSpec::Given(era.gregorian_year(n)),
        };
        if cursor.eat_char('年') {
            return parse_kanji_month(cursor, year);
        }
        let sep = cursor.eat_one_of(&SEPARATORS)?;
        return parse_separated_month(cursor, year, sep);
    }
    let first = cursor.eat_num()?;
    if cursor.eat_char('年') {
        return parse_kanji_month(cursor, YearSpec::Given(saturating_i64(first.value)));
    }
    if cursor.eat_char('月') {
        return parse_after_month(cursor, YearSpec::FromFiscalYear, first.value);
    }
    let sep = cursor.eat_one_of(&SEPARATORS)?;
    // `2018-11`, `2018/11/2`: the first number is a year. Otherwise `11/2`, month and day.
    if first.digits >= 3 || !is_two_numbers(cursor) {
        return parse_separated_month(cursor, YearSpec::Given(saturating_i64(first.value)), sep);
    }
    if sep != '/' {
        return None;
    }
    let day = cursor.eat_num()?;
    Some(Form {
        year: YearSpec::FromFiscalYear,
        month: first.value,
        day: Some(day.value),
    })
}

/// Whether exactly one number remains (the `11/2` shape, after the first separator).
fn is_two_numbers(cursor: &mut Cursor) -> bool {
    let start = cursor.position();
    let result = cursor.eat_num().is_some() && cursor.is_at_end();
    cursor.reset(start);
    result
}

/// After `YEAR<sep>`: `MONTH` or `MONTH<sep>DAY`, with the same separator.
fn parse_separated_month(cursor: &mut Cursor, year: YearSpec, sep: char) -> Option<Form> {
    let month = cursor.eat_num()?.value;
    let day = if cursor.eat_char(sep) {
        Some(cursor.eat_num()?.value)
    } else {
        None
    };
    Some(Form { year, month, day })
}

/// After `YEAR年`: `MONTH月` and what follows.
fn parse_kanji_month(cursor: &mut Cursor, year: YearSpec) -> Option<Form> {
    let month = cursor.eat_num()?.value;
    if !cursor.eat_char('月') {
        return None;
    }
    parse_after_month(cursor, year, month)
}

/// After `MONTH月`: nothing (month), `DAY日`, or `上旬` / `中旬` / `下旬` (month).
fn parse_after_month(cursor: &mut Cursor, year: YearSpec, month: u64) -> Option<Form> {
    let day = if let Some(day) = cursor.eat_num() {
        if !cursor.eat_char('日') {
            return None;
        }
        Some(day.value)
    } else {
        if cursor.eat_one_of(&['上', '中', '下']).is_some() && !cursor.eat_char('旬') {
            return None;
        }
        None
    };
    Some(Form { year, month, day })
}

/// `年度末` with the sheet's fiscal year, or `2018年度末` / `平成30年度末`; the cursor
/// holds what came before `末`.
fn parse_fiscal_year_end(
    cursor: &mut Cursor,
    fy: Option<FiscalYear>,
) -> Result<SheetDate, DateError> {
    let start = cursor.position();
    let year = if cursor.eat_str("年度") && cursor.is_at_end() {
        fy.ok_or(DateError::NeedsFiscalYear)?
    } else {
        cursor.reset(start);
        let form = fiscal::parse_form(cursor, true).ok_or(DateError::Unreadable)?;
        if !cursor.is_at_end() {
            return Err(DateError::Unreadable);
        }
        fiscal::evaluate(form)
            .map_err(|e| match e {
                FiscalYearError::Unreadable | FiscalYearError::Inconsistent => {
                    DateError::Unreadable
                }
                FiscalYearError::OutOfRange => DateError::OutOfRange,
                FiscalYearError::EraYearZero => DateError::Impossible,
            })?
            .year
    };
    let last = year.last_day();
    if last.year() > FiscalYear::MAX_YEAR {
        return Err(DateError::OutOfRange);
    }
    Ok(SheetDate::day(last))
}

/// Check a parsed date and fill in its year.
fn resolve(form: Form, fy: Option<FiscalYear>) -> Result<SheetDate, DateError> {
    // What no year can make possible comes first: `13月`, `2/30` are impossible even
    // without a fiscal year.
    let month = u32::try_from(form.month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateError::Impossible)?;
    let day = match form.day {
        None => None,
        Some(d) => Some(
            u32::try_from(d)
                .ok()
                .filter(|d| (1..=max_days_in_month(month)).contains(d))
                .ok_or(DateError::Impossible)?,
        ),
    };
    let year = match form.year {
        YearSpec::Given(y) => y,
        YearSpec::EraYearZero => return Err(DateError::Impossible),
        YearSpec::FromFiscalYear => {
            let fy = fy.ok_or(DateError::NeedsFiscalYear)?;
            let start = i64::from(fy.start_year());
            if month < 4 {
                start + 1
            } else {
                start
            }
        }
    };
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).contains(y))
        .ok_or(DateError::OutOfRange)?;
    match day {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day)
            .map(SheetDate::day)
            .ok_or(DateError::Impossible),
        None => SheetDate::month(year, month).ok_or(DateError::Impossible),
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The most days `month` has in any year.
fn max_days_in_month(month: u32) -> u32 {
    match month {
        2 => 29,
        m => days_in_month(2001, m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fy(y: i32) -> FiscalYear {
        FiscalYear::new(y).unwrap_or_else(|| panic!("test year {y} out of range"))
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad test date {y}-{m}-{d}"))
    }

    fn day(y: i32, m: u32, d: u32) -> Result<SheetDate, DateError> {
        Ok(SheetDate::day(ymd(y, m, d)))
    }

    fn month(y: i32, m: u32) -> Result<SheetDate, DateError> {
        SheetDate::month(y, m).ok_or(DateError::Impossible)
    }

    #[test]
    fn constructors_and_bounds() {
        let d = SheetDate::day(ymd(2018, 11, 2));
        assert_eq!(d.first_day(), ymd(2018, 11, 2));
        assert_eq!(d.last_day(), ymd(2018, 11, 2));
        let m = SheetDate::month(2018, 11).unwrap();
        assert_eq!(m.date, ymd(2018, 11, 1));
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(m.first_day(), ymd(2018, 11, 1));
        assert_eq!(m.last_day(), ymd(2018, 11, 30));
        assert_eq!(
            SheetDate::month(2020, 2).unwrap().last_day(),
            ymd(2020, 2, 29)
        );
        assert_eq!(
            SheetDate::month(2019, 2).unwrap().last_day(),
            ymd(2019, 2, 28)
        );
        assert_eq!(
            SheetDate::month(1900, 2).unwrap().last_day(),
            ymd(1900, 2, 28)
        );
        assert_eq!(
            SheetDate::month(2000, 2).unwrap().last_day(),
            ymd(2000, 2, 29)
        );
        assert_eq!(
            SheetDate::month(2018, 12).unwrap().last_day(),
            ymd(2018, 12, 31)
        );
        assert_eq!(SheetDate::month(2018, 0), None);
        assert_eq!(SheetDate::month(2018, 13), None);
        assert_eq!(SheetDate::month(i32::MAX, 1), None);
        let max = SheetDate {
            date: NaiveDate::MAX,
            precision: Precision::Month,
        };
        assert!(max.last_day() >= NaiveDate::MAX.with_day(1).unwrap());
    }

    #[test]
    fn within_fiscal_year() {
        let y = fy(2018);
        assert!(SheetDate::month(2018, 4).unwrap().is_within(y));
        assert!(SheetDate::month(2019, 3).unwrap().is_within(y));
        assert!(!SheetDate::month(2018, 3).unwrap().is_within(y));
        assert!(!SheetDate::day(ymd(2019, 4, 1)).is_within(y));
    }

    #[test]
    fn iso_and_display() {
        let d = SheetDate::day(ymd(2018, 11, 2));
        let m = SheetDate::month(2018, 11).unwrap();
        assert_eq!(d.to_iso(), "2018-11-02");
        assert_eq!(m.to_iso(), "2018-11");
        assert_eq!(d.to_string(), "2018-11-02");
        assert_eq!(m.to_string(), "2018-11");
        assert_eq!(d.display(true), "2018年11月2日");
        assert_eq!(m.display(true), "2018年11月");
        assert_eq!(d.display(false), "2018-11-02");
        assert_eq!(m.display(false), "2018-11");
        assert!(d < SheetDate::day(ymd(2018, 11, 3)));
    }

    #[test]
    fn forms_with_a_year() {
        let cases = [
            ("2018-11-02", day(2018, 11, 2)),
            ("2018/11/2", day(2018, 11, 2)),
            ("2018/11/02", day(2018, 11, 2)),
            ("2018.11.2", day(2018, 11, 2)),
            ("２０１８／１１／２", day(2018, 11, 2)),
            ("２０１８－１１－０２", day(2018, 11, 2)),
            ("  2018-11-02\u{3000}", day(2018, 11, 2)),
            ("2018-11", month(2018, 11)),
            ("2018/11", month(2018, 11)),
            ("２０１８／１１", month(2018, 11)),
            ("2018年11月2日", day(2018, 11, 2)),
            ("２０１８年１１月２日", day(2018, 11, 2)),
            ("2018 年 11 月 2 日", day(2018, 11, 2)),
            ("2018年11月", month(2018, 11)),
            ("2018年10月中旬", month(2018, 10)),
            ("H30.11.2", day(2018, 11, 2)),
            ("h30.11.2", day(2018, 11, 2)),
            ("Ｈ３０．１１．２", day(2018, 11, 2)),
            ("R7.2.10", day(2025, 2, 10)),
            ("r7.2.10", day(2025, 2, 10)),
            ("H30/11/2", day(2018, 11, 2)),
            ("H30-11-2", day(2018, 11, 2)),
            ("H30.11", month(2018, 11)),
            ("H30年11月2日", day(2018, 11, 2)),
            ("h30年11月2日", day(2018, 11, 2)),
            ("H30年11月", month(2018, 11)),
            ("平成30年11月2日", day(2018, 11, 2)),
            ("平成３０年１１月２日", day(2018, 11, 2)),
            ("平成30年11月", month(2018, 11)),
            ("平成30年10月下旬", month(2018, 10)),
            ("令和7年2月10日", day(2025, 2, 10)),
            ("令和元年5月1日", day(2019, 5, 1)),
            ("R元.5.1", day(2019, 5, 1)),
            ("R元年5月1日", day(2019, 5, 1)),
            ("平成元年1月8日", day(1989, 1, 8)),
            ("昭和63年4月1日", day(1988, 4, 1)),
            ("S64.1.7", day(1989, 1, 7)),
            ("大正15年12月25日", day(1926, 12, 25)),
            ("明治33年1月1日", day(1900, 1, 1)),
            ("平成31年4月30日", day(2019, 4, 30)),
            ("1900-01-01", day(1900, 1, 1)),
            ("2200-12-31", day(2200, 12, 31)),
        ];
        for (s, expected) in cases {
            assert_eq!(parse_date(s, None), expected, "{s:?}");
            // A fiscal year changes nothing when the year is written.
            assert_eq!(parse_date(s, Some(fy(1990))), expected, "{s:?}");
        }
    }

    #[test]
    fn era_years_past_the_era_are_read_arithmetically() {
        assert_eq!(parse_date("平成32年1月1日", None), day(2020, 1, 1));
        assert_eq!(parse_date("H31.5.1", None), day(2019, 5, 1));
        assert_eq!(parse_date("昭和64年4月1日", None), day(1989, 4, 1));
    }

    #[test]
    fn forms_without_a_year() {
        let y = Some(fy(2018));
        let cases = [
            ("11/2", day(2018, 11, 2)),
            ("１１／２", day(2018, 11, 2)),
            ("11月2日", day(2018, 11, 2)),
            ("１１月２日", day(2018, 11, 2)),
            ("11月", month(2018, 11)),
            ("10月上旬", month(2018, 10)),
            ("10月中旬", month(2018, 10)),
            ("10月下旬", month(2018, 10)),
            ("2月下旬", month(2019, 2)),
            ("年度末", day(2019, 3, 31)),
            (" 年度末 ", day(2019, 3, 31)),
            // The fiscal-year wrap.
            ("4/1", day(2018, 4, 1)),
            ("12/31", day(2018, 12, 31)),
            ("1/15", day(2019, 1, 15)),
            ("3/31", day(2019, 3, 31)),
            ("3月", month(2019, 3)),
            ("4月", month(2018, 4)),
            ("1月1日", day(2019, 1, 1)),
            ("9/4", day(2018, 9, 4)),
            ("8/3", day(2018, 8, 3)),
        ];
        for (s, expected) in cases {
            assert_eq!(parse_date(s, y), expected, "{s:?}");
            if expected.is_ok() {
                assert_eq!(
                    parse_date(s, None),
                    Err(DateError::NeedsFiscalYear),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn fiscal_year_end_with_a_year() {
        for s in [
            "2018年度末",
            "平成30年度末",
            "H30年度末",
            "h30年度末",
            "２０１８年度末",
        ] {
            assert_eq!(parse_date(s, None), day(2019, 3, 31), "{s:?}");
            assert_eq!(parse_date(s, Some(fy(2000))), day(2019, 3, 31), "{s:?}");
        }
        assert_eq!(parse_date("令和元年度末", None), day(2020, 3, 31));
        assert_eq!(parse_date("令和0年度末", None), Err(DateError::Impossible));
        assert_eq!(parse_date("3000年度末", None), Err(DateError::OutOfRange));
        // FY2200 ends in 2201, past the accepted years.
        assert_eq!(parse_date("2200年度末", None), Err(DateError::OutOfRange));
        assert_eq!(
            parse_date("年度末", Some(fy(2200))),
            Err(DateError::OutOfRange)
        );
        for s in [
            "末",
            "2018末",
            "H30末",
            "FY2018末",
            "11月末",
            "年度末末",
            "年度 末x",
        ] {
            assert_eq!(
                parse_date(s, Some(fy(2018))),
                Err(DateError::Unreadable),
                "{s:?}"
            );
        }
    }

    #[test]
    fn leap_years() {
        assert_eq!(parse_date("2/29", Some(fy(2019))), day(2020, 2, 29));
        assert_eq!(parse_date("2月29日", Some(fy(2019))), day(2020, 2, 29));
        assert_eq!(
            parse_date("2/29", Some(fy(2018))),
            Err(DateError::Impossible)
        );
        assert_eq!(
            parse_date("2/29", Some(fy(2099))),
            Err(DateError::Impossible)
        );
        assert_eq!(parse_date("2/29", None), Err(DateError::NeedsFiscalYear));
        assert_eq!(parse_date("2020-02-29", None), day(2020, 2, 29));
        assert_eq!(parse_date("2000-02-29", None), day(2000, 2, 29));
        assert_eq!(parse_date("1900-02-29", None), Err(DateError::Impossible));
        assert_eq!(parse_date("2019-02-29", None), Err(DateError::Impossible));
        assert_eq!(parse_date("R2.2.29", None), day(2020, 2, 29));
    }

    #[test]
    fn impossible() {
        let y = Some(fy(2018));
        for s in [
            "2018-02-30",
            "2018/02/30",
            "2018-13-01",
            "2018-13",
            "2018-00",
            "2018-11-00",
            "2018-11-31",
            "2018-04-31",
            "2018年13月",
            "2018年2月30日",
            "13月",
            "0月",
            "2/30",
            "11/31",
            "0/1",
            "1/0",
            "1/32",
            "13/1",
            "13月1日",
            "10月32日",
            "13月上旬",
            "H30.2.30",
            "令和0年5月1日",
            "R0.5.1",
            "平成0年1月1日",
            "2018-11-99999999999999999999",
            "99999999999999999999月",
        ] {
            assert_eq!(parse_date(s, y), Err(DateError::Impossible), "{s:?}");
        }
        // No year could make these real, so they are impossible even without one.
        for s in ["13月", "0月", "2/30", "11/31", "4月31日"] {
            assert_eq!(parse_date(s, None), Err(DateError::Impossible), "{s:?}");
        }
    }

    #[test]
    fn out_of_range() {
        for s in [
            "1899-12-31",
            "2201-01-01",
            "0000-01-01",
            "0001-01",
            "99999999999999999999-01-01",
            "99999999999999999999年1月",
            "明治32年12月31日",
            "令和183年1月1日",
            "R99999999999999999999.1.1",
        ] {
            assert_eq!(parse_date(s, None), Err(DateError::OutOfRange), "{s:?}");
        }
        // Year-less dates in January–March of FY2200 fall in 2201.
        assert_eq!(
            parse_date("1/1", Some(fy(2200))),
            Err(DateError::OutOfRange)
        );
        assert_eq!(parse_date("12/31", Some(fy(2200))), day(2200, 12, 31));
        assert_eq!(parse_date("4/1", Some(fy(1900))), day(1900, 4, 1));
    }

    #[test]
    fn unreadable() {
        let y = Some(fy(2018));
        for s in [
            "",
            "   ",
            "\u{3000}",
            "😀",
            "\u{0}",
            "\u{7}11/2",
            "11/2頃",
            "11月ごろ",
            "11月頃",
            "2018",
            "2018年",
            "2018年度",
            "平成30年度",
            "11",
            "11-2",
            "11.2",
            "11/2/",
            "/11/2",
            "11//2",
            "2018-11-02-01",
            "2018-11/02",
            "2018/11-02",
            "2018--11",
            "2018-11-",
            "2018-11-02T00:00",
            "2018年11",
            "2018年11月2",
            "2018年11月2日x",
            "11月2",
            "11月上",
            "11月旬",
            "11月上旬上旬",
            "11月2日上旬",
            "H",
            "H30",
            "H30.",
            "H30年",
            "平成",
            "平成30",
            "元年5月1日",
            "X30.11.2",
            "月",
            "日",
            "年度",
            "十一月二日",
            "11 2",
            "1 1/2",
            "今日",
            "未定",
        ] {
            assert_eq!(parse_date(s, y), Err(DateError::Unreadable), "{s:?}");
        }
    }

    #[test]
    fn from_ymd() {
        assert_eq!(date_from_ymd(2018, 11, 2), day(2018, 11, 2));
        assert_eq!(date_from_ymd(2020, 2, 29), day(2020, 2, 29));
        assert_eq!(date_from_ymd(2019, 2, 29), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(2018, 13, 1), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(2018, 0, 1), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(2018, -1, 1), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(2018, 1, -1), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(2018, 1, i64::MAX), Err(DateError::Impossible));
        assert_eq!(date_from_ymd(1899, 12, 31), Err(DateError::OutOfRange));
        assert_eq!(date_from_ymd(2201, 1, 1), Err(DateError::OutOfRange));
        assert_eq!(date_from_ymd(i64::MIN, 1, 1), Err(DateError::OutOfRange));
        assert_eq!(date_from_ymd(i64::MAX, 1, 1), Err(DateError::OutOfRange));
    }

    #[test]
    fn errors_display_in_english() {
        assert!(DateError::Unreadable.to_string().starts_with("cannot read"));
        assert_eq!(DateError::Impossible.to_string(), "the date does not exist");
        assert_eq!(
            DateError::OutOfRange.to_string(),
            "the year of the date must be between 1900 and 2200"
        );
        assert!(DateError::NeedsFiscalYear
            .to_string()
            .contains("fiscal year"));
    }

    /// Every day of 1900–2200, exhaustively: the ISO and Japanese forms read back.
    #[test]
    fn every_day_round_trips() {
        let mut d = ymd(FiscalYear::MIN_YEAR, 1, 1);
        let last = ymd(FiscalYear::MAX_YEAR, 12, 31);
        let mut count = 0;
        while d <= last {
            let sd = SheetDate::day(d);
            assert_eq!(parse_date(&sd.to_iso(), None), Ok(sd));
            assert_eq!(parse_date(&sd.display(true), None), Ok(sd));
            if d.day() == 1 {
                let month = SheetDate::month(d.year(), d.month()).unwrap();
                assert_eq!(parse_date(&month.to_iso(), None), Ok(month));
                assert_eq!(parse_date(&month.display(true), None), Ok(month));
            }
            count += 1;
            d = match d.succ_opt() {
                Some(next) => next,
                None => break,
            };
        }
        assert_eq!(count, 109_938);
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(FiscalYear::MIN_YEAR, 1, 1);
        let last = ymd(FiscalYear::MAX_YEAR, 12, 31);
        let span = (last - first).num_days();
        (0..=span).prop_filter_map("in range", move |n| {
            first.checked_add_signed(chrono::Duration::days(n))
        })
    }

    fn any_fiscal_year() -> impl Strategy<Value = FiscalYear> {
        (FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).prop_filter_map("in range", FiscalYear::new)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn never_panics_on_any_string(s in any::<String>(), year in proptest::option::of(any_fiscal_year())) {
            let _ = parse_date(&s, year);
        }

        #[test]
        fn never_panics_on_date_like_strings(
            s in "[0-9０-９/／.\\-年月日元度末上中下旬平成令和昭和HRSTMhrs 　]{0,20}",
            year in proptest::option::of(any_fiscal_year()),
        ) {
            if let Ok(d) = parse_date(&s, year) {
                // Whatever is read lies in range and reads back from its ISO form.
                let y = d.date.year();
                prop_assert!((FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).contains(&y));
                prop_assert_eq!(parse_date(&d.to_iso(), None), Ok(d));
            }
        }

        #[test]
        fn huge_digit_runs_never_panic(a in "[0-9]{1,40}", b in "[0-9]{1,40}", c in "[0-9]{1,40}") {
            for s in [
                format!("{a}-{b}-{c}"),
                format!("{a}/{b}"),
                format!("{a}年{b}月{c}日"),
                format!("H{a}.{b}.{c}"),
                format!("{a}月{b}日"),
                format!("{a}年度末"),
            ] {
                let _ = parse_date(&s, FiscalYear::new(2018));
            }
        }

        #[test]
        fn from_ymd_never_panics(y in any::<i64>(), m in any::<i64>(), d in any::<i64>()) {
            let _ = date_from_ymd(y, m, d);
        }

        #[test]
        fn day_round_trips(d in any_date()) {
            let sd = SheetDate::day(d);
            prop_assert_eq!(parse_date(&sd.to_iso(), None), Ok(sd));
            prop_assert_eq!(parse_date(&sd.display(true), None), Ok(sd));
            prop_assert_eq!(parse_date(&sd.display(false), None), Ok(sd));
            let (y, m, dd) = (d.year(), d.month(), d.day());
            prop_assert_eq!(parse_date(&format!("{y}/{m}/{dd}"), None), Ok(sd));
            prop_assert_eq!(
                date_from_ymd(i64::from(y), i64::from(m), i64::from(dd)),
                Ok(sd)
            );
        }

        #[test]
        fn month_round_trips(d in any_date()) {
            let sd = SheetDate::month(d.year(), d.month())
                .ok_or_else(|| TestCaseError::fail("month"))?;
            prop_assert_eq!(parse_date(&sd.to_iso(), None), Ok(sd));
            prop_assert_eq!(parse_date(&sd.display(true), None), Ok(sd));
            prop_assert_eq!(parse_date(&sd.display(false), None), Ok(sd));
        }

        #[test]
        fn yearless_dates_round_trip_via_the_fiscal_year(year in any_fiscal_year(), offset in 0i64..366) {
            let d = year.first_day() + chrono::Duration::days(offset);
            prop_assume!(year.contains(d) && d.year() <= FiscalYear::MAX_YEAR);
            let (m, dd) = (d.month(), d.day());
            let sd = SheetDate::day(d);
            prop_assert_eq!(parse_date(&format!("{m}/{dd}"), Some(year)), Ok(sd));
            prop_assert_eq!(parse_date(&format!("{m}月{dd}日"), Some(year)), Ok(sd));
            let month = SheetDate::month(d.year(), m).ok_or_else(|| TestCaseError::fail("month"))?;
            prop_assert_eq!(parse_date(&format!("{m}月"), Some(year)), Ok(month));
            prop_assert_eq!(parse_date(&format!("{m}月中旬"), Some(year)), Ok(month));
            prop_assert!(sd.is_within(year));
            prop_assert!(month.is_within(year));
        }

        #[test]
        fn fiscal_year_end(year in any_fiscal_year()) {
            let expected = if year.start_year() < FiscalYear::MAX_YEAR {
                Ok(SheetDate::day(year.last_day()))
            } else {
                Err(DateError::OutOfRange)
            };
            prop_assert_eq!(parse_date("年度末", Some(year)), expected.clone());
            prop_assert_eq!(parse_date(&format!("{}末", year.era_ja()), None), expected);
        }
    }
}
