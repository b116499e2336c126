//! Dates on a sheet, SPEC 1.3.
//!
//! A date is a day (`2018-11-02`) or a whole month (`2018-11`, `11月`, `10月中旬`).
//! Sheets write dates with a year (`2018/11/2`, `H30.11.2`, `平成30年11月2日`) or, inside
//! a sheet, without one (`11/2`, `11月2日`, `年度末`): those take their year from the
//! sheet's fiscal year, April–December in its start year and January–March in the next.
//!
//! Officials also write a weekday (`10月15日(火)`), a part of a month (`10月中旬`,
//! `10月末`, `10月頃`) or of the fiscal year (`上半期`, `下半期`, `年度内`, `年度末`). The
//! part is a [`Qualifier`] kept in the [`SheetDate`], so every output can say
//! `2018年11月中旬` rather than the bare month; the weekday is checked against the date
//! ([`WrittenDate::weekday_mismatch`]).

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

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

/// The word that says which part of a month or of the fiscal year a date means
/// (SPEC 1.3). It is part of what the official wrote, so every output shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// 上旬: the first ten days of the month.
    Early,
    /// 中旬.
    Middle,
    /// 下旬.
    Late,
    /// 末 (`10月末`): the end of the month.
    End,
    /// 頃 / ごろ (`10月頃`): about that month.
    About,
    /// 上半期: April–September of the fiscal year, read as September.
    FirstHalf,
    /// 下半期: October–March, read as March.
    SecondHalf,
    /// 年度内: by 31 March, read as March.
    WithinYear,
    /// 年度末: 31 March of the fiscal year (a day).
    YearEnd,
}

impl Qualifier {
    /// The word as a sheet writes it.
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Early => "上旬",
            Qualifier::Middle => "中旬",
            Qualifier::Late => "下旬",
            Qualifier::End => "末",
            Qualifier::About => "頃",
            Qualifier::FirstHalf => "上半期",
            Qualifier::SecondHalf => "下半期",
            Qualifier::WithinYear => "年度内",
            Qualifier::YearEnd => "年度末",
        }
    }

    /// The word in English (`mid`; `first half of` before a fiscal year).
    pub fn word_en(self) -> &'static str {
        match self {
            Qualifier::Early => "early",
            Qualifier::Middle => "mid",
            Qualifier::Late => "late",
            Qualifier::End => "end",
            Qualifier::About => "about",
            Qualifier::FirstHalf => "first half of",
            Qualifier::SecondHalf => "second half of",
            Qualifier::WithinYear => "within",
            Qualifier::YearEnd => "end of",
        }
    }

    /// Whether it names a part of the fiscal year rather than of a month.
    pub fn is_of_fiscal_year(self) -> bool {
        matches!(
            self,
            Qualifier::FirstHalf
                | Qualifier::SecondHalf
                | Qualifier::WithinYear
                | Qualifier::YearEnd
        )
    }
}

/// A date as written on a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetDate {
    /// The day; the first day of the month for [`Precision::Month`] (for 上半期,
    /// 下半期 and 年度内, the month they end in).
    pub date: NaiveDate,
    /// Whether the day or only the month is known.
    pub precision: Precision,
    /// The part of the month or year written (`中旬`, `上半期`), if any.
    pub qualifier: Option<Qualifier>,
}

impl SheetDate {
    /// A date known to the day.
    pub fn day(d: NaiveDate) -> Self {
        SheetDate {
            date: d,
            precision: Precision::Day,
            qualifier: None,
        }
    }

    /// A whole month; `None` when `month` is not 1–12 or the year is beyond chrono's range.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|date| SheetDate {
            date,
            precision: Precision::Month,
            qualifier: None,
        })
    }

    /// The same date with a qualifier.
    pub fn with_qualifier(self, qualifier: Option<Qualifier>) -> Self {
        SheetDate { qualifier, ..self }
    }

    /// The first day the date covers: for 上半期 and 年度内 the fiscal year's 1 April,
    /// for 下半期 1 October.
    pub fn first_day(self) -> NaiveDate {
        let start_of =
            |year: i32, month: u32| NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(self.date);
        match self.qualifier {
            Some(Qualifier::FirstHalf) => start_of(self.date.year(), 4),
            Some(Qualifier::SecondHalf) => start_of(self.date.year() - 1, 10),
            Some(Qualifier::WithinYear) => start_of(self.date.year() - 1, 4),
            _ => self.date,
        }
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

    /// For people, with the qualifier: `2018年11月2日`, `2018年11月`, `2018年11月中旬`,
    /// `2018年度上半期`, `2018年度末` in Japanese (each reads back with [`parse_date`]);
    /// `2018-11-02`, `2018-11`, `2018-11 (mid)`, `first half of FY2018` in English.
    pub fn display(self, ja: bool) -> String {
        let d = self.date;
        let fiscal_year = FiscalYear::containing(d).map_or(d.year(), FiscalYear::start_year);
        match (self.qualifier, ja) {
            (Some(q), true) if q.is_of_fiscal_year() => {
                // 年度内 and 年度末 already say 年度.
                let word = q.word().strip_prefix("年度").unwrap_or(q.word());
                format!("{fiscal_year}年度{word}")
            }
            (Some(q), false) if q.is_of_fiscal_year() => {
                format!("{} FY{fiscal_year}", q.word_en())
            }
            (Some(q), true) => format!("{}年{}月{}", d.year(), d.month(), q.word()),
            (Some(q), false) => format!("{} ({})", self.to_iso(), q.word_en()),
            (None, false) => self.to_iso(),
            (None, true) => match self.precision {
                Precision::Day => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
                Precision::Month => format!("{}年{}月", d.year(), d.month()),
            },
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
         平成30年11月2日, 11/2, 11月2日, 10月15日(火), 11月, 10月中旬, 10月末, 上半期 or 年度末"
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

/// A date string as read, with the weekday written beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    pub date: SheetDate,
    /// The weekday written in brackets after the day (`10月15日(火)`), if any.
    pub weekday: Option<Weekday>,
}

impl WrittenDate {
    /// The weekday written and the date's real one, when they differ
    /// (`weekday-mismatch`).
    pub fn weekday_mismatch(&self) -> Option<(Weekday, Weekday)> {
        let written = self.weekday?;
        let actual = self.date.date.weekday();
        (written != actual).then_some((written, actual))
    }
}

/// The weekday as a sheet writes it in brackets (`火`).
pub fn weekday_ja(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "月",
        Weekday::Tue => "火",
        Weekday::Wed => "水",
        Weekday::Thu => "木",
        Weekday::Fri => "金",
        Weekday::Sat => "土",
        Weekday::Sun => "日",
    }
}

/// Whether a date string says the date is not fixed yet (`未定`, SPEC 1.3): the item
/// has no date, which is neither an error nor overdue.
pub fn is_undetermined(s: &str) -> bool {
    super::text::normalize(s) == "未定"
}

/// Parse a date string of a sheet. `fy` is the sheet's fiscal year, used by the forms
/// without a year. See [`read_date`] for the forms; this drops the written weekday.
pub fn parse_date(s: &str, fy: Option<FiscalYear>) -> Result<SheetDate, DateError> {
    read_date(s, fy).map(|w| w.date)
}

/// Read a date string of a sheet. `fy` is the sheet's fiscal year, used by the forms
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
/// - `2018年度末`, `平成30年度末`, `H30年度末`: 31 March ending that fiscal year;
/// - after any day, a weekday in brackets: `10月15日(火)`, `10/15（火）`,
///   `2018/10/15(月曜日)`;
/// - after any month, `末` (`10月末`) and `頃` / `ごろ` / `ころ` (`10月頃`): the month;
/// - `上半期` / `下半期` (April–September / October–March) and `年度内` (by 31 March)
///   of the sheet's fiscal year, or of one written before them (`2018年度上半期`,
///   `H30下半期`, `平成30年度内`): the month they end in.
///
/// Era years are read arithmetically (平成32年 is 2020), as for fiscal years. `未定` is
/// not a date ([`is_undetermined`] says so).
pub fn read_date(s: &str, fy: Option<FiscalYear>) -> Result<WrittenDate, DateError> {
    let mut cursor = Cursor::new(s);
    if let Some(part) = parse_part_of_fiscal_year(&cursor, fy) {
        return part.map(|date| WrittenDate {
            date,
            weekday: None,
        });
    }
    let form = parse_form(&mut cursor).ok_or(DateError::Unreadable)?;
    if !cursor.is_at_end() {
        return Err(DateError::Unreadable);
    }
    Ok(WrittenDate {
        date: resolve(form, fy)?,
        weekday: form.weekday,
    })
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
            qualifier: None,
            weekday: None,
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
    /// `上旬`, `末`, `頃`, … after the month.
    qualifier: Option<Qualifier>,
    /// A weekday in brackets after the day.
    weekday: Option<Weekday>,
}

impl Form {
    fn new(year: YearSpec, month: u64, day: Option<u64>) -> Form {
        Form {
            year,
            month,
            day,
            qualifier: None,
            weekday: None,
        }
    }
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
    if first.digits >= 3 || !is_month_and_day(cursor) {
        return parse_separated_month(cursor, YearSpec::Given(saturating_i64(first.value)), sep);
    }
    if sep != '/' {
        return None;
    }
    let day = cursor.eat_num()?;
    let mut form = Form::new(YearSpec::FromFiscalYear, first.value, Some(day.value));
    form.weekday = eat_weekday(cursor)?;
    Some(form)
}

/// Whether the rest is one number and at most a weekday (the `11/2`, `10/15(火)`
/// shape, after the first separator).
fn is_month_and_day(cursor: &mut Cursor) -> bool {
    let start = cursor.position();
    let result = cursor.eat_num().is_some() && eat_weekday(cursor).is_some() && cursor.is_at_end();
    cursor.reset(start);
    result
}

/// After `YEAR<sep>`: `MONTH` or `MONTH<sep>DAY`, with the same separator, and a
/// weekday after the day.
fn parse_separated_month(cursor: &mut Cursor, year: YearSpec, sep: char) -> Option<Form> {
    let month = cursor.eat_num()?.value;
    if !cursor.eat_char(sep) {
        return Some(Form::new(year, month, None));
    }
    let mut form = Form::new(year, month, Some(cursor.eat_num()?.value));
    form.weekday = eat_weekday(cursor)?;
    Some(form)
}

/// After `YEAR年`: `MONTH月` and what follows.
fn parse_kanji_month(cursor: &mut Cursor, year: YearSpec) -> Option<Form> {
    let month = cursor.eat_num()?.value;
    if !cursor.eat_char('月') {
        return None;
    }
    parse_after_month(cursor, year, month)
}

/// After `MONTH月`: nothing (month), `DAY日` with a weekday, `上旬` / `中旬` / `下旬`,
/// `末` or `頃` / `ごろ` / `ころ` (month).
fn parse_after_month(cursor: &mut Cursor, year: YearSpec, month: u64) -> Option<Form> {
    if let Some(day) = cursor.eat_num() {
        if !cursor.eat_char('日') {
            return None;
        }
        let mut form = Form::new(year, month, Some(day.value));
        form.weekday = eat_weekday(cursor)?;
        return Some(form);
    }
    let mut form = Form::new(year, month, None);
    form.qualifier = if let Some(part) = cursor.eat_one_of(&['上', '中', '下']) {
        if !cursor.eat_char('旬') {
            return None;
        }
        Some(match part {
            '上' => Qualifier::Early,
            '中' => Qualifier::Middle,
            _ => Qualifier::Late,
        })
    } else if cursor.eat_char('末') {
        Some(Qualifier::End)
    } else if cursor.eat_char('頃') || cursor.eat_str("ごろ") || cursor.eat_str("ころ") {
        Some(Qualifier::About)
    } else {
        None
    };
    Some(form)
}

/// A weekday in brackets (`(火)`, `(火曜)`, `(火曜日)`): `Some(None)` when there is no
/// bracket, `None` when a bracket holds anything else.
fn eat_weekday(cursor: &mut Cursor) -> Option<Option<Weekday>> {
    if !cursor.eat_char('(') {
        return Some(None);
    }
    const DAYS: [(char, Weekday); 7] = [
        ('月', Weekday::Mon),
        ('火', Weekday::Tue),
        ('水', Weekday::Wed),
        ('木', Weekday::Thu),
        ('金', Weekday::Fri),
        ('土', Weekday::Sat),
        ('日', Weekday::Sun),
    ];
    let c = cursor.eat_one_of(&DAYS.map(|(c, _)| c))?;
    let weekday = DAYS.iter().find(|(d, _)| *d == c).map(|(_, w)| *w)?;
    if cursor.eat_char('曜') {
        cursor.eat_char('日');
    }
    cursor.eat_char(')').then_some(Some(weekday))
}

/// `上半期`, `下半期`, `年度内`, `年度末`, of the sheet's fiscal year or of one written
/// before them (`2018年度末`, `H30上半期`). `None` when the text is not of this shape
/// (`10月末` is a month).
fn parse_part_of_fiscal_year(
    cursor: &Cursor,
    fy: Option<FiscalYear>,
) -> Option<Result<SheetDate, DateError>> {
    let (qualifier, mut rest) = [
        ("上半期", Qualifier::FirstHalf),
        ("下半期", Qualifier::SecondHalf),
        ("内", Qualifier::WithinYear),
        ("末", Qualifier::YearEnd),
    ]
    .into_iter()
    .find(|(word, _)| cursor.ends_with_str(word))
    .map(|(word, q)| {
        let mut c = cursor.clone();
        c.strip_last_str(word);
        (q, c)
    })?;
    // `年度内` and `年度末` need the word 年度; `上半期` stands alone or after a year.
    let half = matches!(qualifier, Qualifier::FirstHalf | Qualifier::SecondHalf);
    let sheet_year = if half && rest.is_at_end() {
        true
    } else {
        let ok = rest.eat_str("年度") && rest.is_at_end();
        rest.reset(0);
        ok
    };
    let year = if sheet_year {
        match fy {
            Some(y) => y,
            None => return Some(Err(DateError::NeedsFiscalYear)),
        }
    } else {
        let form = fiscal::parse_form(&mut rest, !half)?;
        if !rest.is_at_end() {
            return None;
        }
        match fiscal::evaluate(form) {
            Ok(parsed) => parsed.year,
            Err(FiscalYearError::Unreadable | FiscalYearError::Inconsistent) => {
                return Some(Err(DateError::Unreadable))
            }
            Err(FiscalYearError::OutOfRange) => return Some(Err(DateError::OutOfRange)),
            Err(FiscalYearError::EraYearZero) => return Some(Err(DateError::Impossible)),
        }
    };
    let start = year.start_year();
    if qualifier != Qualifier::FirstHalf && start + 1 > FiscalYear::MAX_YEAR {
        return Some(Err(DateError::OutOfRange));
    }
    let date = match qualifier {
        Qualifier::FirstHalf => SheetDate::month(start, 9),
        Qualifier::YearEnd => Some(SheetDate::day(year.last_day())),
        _ => SheetDate::month(start + 1, 3),
    };
    Some(
        date.map(|d| d.with_qualifier(Some(qualifier)))
            .ok_or(DateError::OutOfRange),
    )
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
    let date = match day {
        Some(day) => NaiveDate::from_ymd_opt(year, month, day)
            .map(SheetDate::day)
            .ok_or(DateError::Impossible)?,
        None => SheetDate::month(year, month).ok_or(DateError::Impossible)?,
    };
    Ok(date.with_qualifier(form.qualifier))
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

    fn with(date: Result<SheetDate, DateError>, q: Qualifier) -> Result<SheetDate, DateError> {
        date.map(|d| d.with_qualifier(Some(q)))
    }

    fn year_end(y: i32) -> Result<SheetDate, DateError> {
        with(day(y + 1, 3, 31), Qualifier::YearEnd)
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
            qualifier: None,
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
            ("2018年10月中旬", with(month(2018, 10), Qualifier::Middle)),
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
            ("平成30年10月下旬", with(month(2018, 10), Qualifier::Late)),
            ("令和7年2月10日", day(2025, 2, 10)),
            ("令和元年5月1日", day(2019, 5, 1)),
            ("R元.5.1", day(2019, 5, 1)),
            ("R元年5月1日", day(2019, 5, 1)),
            ("平成元年1月8日", day(1989, 1, 8)),
            ("昭和63年4月1日", day(1988, 4, 1)),
            ("S64.1.7", day(1989, 1, 7)),
            ("2018/10/15(月)", day(2018, 10, 15)),
            ("2018年10月15日（月曜日）", day(2018, 10, 15)),
            ("H30.10.15(月曜)", day(2018, 10, 15)),
            ("2018年10月末", with(month(2018, 10), Qualifier::End)),
            ("平成30年10月頃", with(month(2018, 10), Qualifier::About)),
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
            ("10月上旬", with(month(2018, 10), Qualifier::Early)),
            ("10月中旬", with(month(2018, 10), Qualifier::Middle)),
            ("10月下旬", with(month(2018, 10), Qualifier::Late)),
            ("2月下旬", with(month(2019, 2), Qualifier::Late)),
            ("年度末", year_end(2018)),
            (" 年度末 ", year_end(2018)),
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
            assert_eq!(parse_date(s, None), year_end(2018), "{s:?}");
            assert_eq!(parse_date(s, Some(fy(2000))), year_end(2018), "{s:?}");
        }
        assert_eq!(parse_date("令和元年度末", None), year_end(2019));
        assert_eq!(parse_date("令和0年度末", None), Err(DateError::Impossible));
        assert_eq!(parse_date("3000年度末", None), Err(DateError::OutOfRange));
        // FY2200 ends in 2201, past the accepted years.
        assert_eq!(parse_date("2200年度末", None), Err(DateError::OutOfRange));
        assert_eq!(
            parse_date("年度末", Some(fy(2200))),
            Err(DateError::OutOfRange)
        );
        for s in ["末", "2018末", "H30末", "FY2018末", "年度末末", "年度 末x"] {
            assert_eq!(
                parse_date(s, Some(fy(2018))),
                Err(DateError::Unreadable),
                "{s:?}"
            );
        }
    }

    /// Issue 17: the forms officials write, SPEC 1.3 revision 2.
    #[test]
    fn weekdays_month_parts_and_halves() {
        let y = Some(fy(2018));
        // 15 October 2018 was a Monday.
        let monday = SheetDate::day(ymd(2018, 10, 15));
        for (s, written) in [
            ("10月15日(火)", Weekday::Tue),
            ("10/15（火）", Weekday::Tue),
            ("2018/10/15(月)", Weekday::Mon),
            ("10月15日（月曜日）", Weekday::Mon),
            ("１０／１５ (火曜)", Weekday::Tue),
        ] {
            let w = read_date(s, y).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            assert_eq!(w.date, monday, "{s:?}");
            assert_eq!(w.weekday, Some(written), "{s:?}");
            let expected = (written != Weekday::Mon).then_some((written, Weekday::Mon));
            assert_eq!(w.weekday_mismatch(), expected, "{s:?}");
        }
        assert_eq!(read_date("10/15", y).map(|w| w.weekday), Ok(None));
        assert_eq!(
            parse_date("10月末", y),
            with(month(2018, 10), Qualifier::End)
        );
        assert_eq!(
            parse_date("10月頃", y),
            with(month(2018, 10), Qualifier::About)
        );
        assert_eq!(
            parse_date("10月ごろ", y),
            with(month(2018, 10), Qualifier::About)
        );
        assert_eq!(
            parse_date("2月ころ", y),
            with(month(2019, 2), Qualifier::About)
        );

        let first = parse_date("上半期", y).unwrap();
        assert_eq!(first, with(month(2018, 9), Qualifier::FirstHalf).unwrap());
        assert_eq!(
            (first.first_day(), first.last_day()),
            (ymd(2018, 4, 1), ymd(2018, 9, 30))
        );
        let second = parse_date("下半期", y).unwrap();
        assert_eq!(second, with(month(2019, 3), Qualifier::SecondHalf).unwrap());
        assert_eq!(
            (second.first_day(), second.last_day()),
            (ymd(2018, 10, 1), ymd(2019, 3, 31))
        );
        let within = parse_date("年度内", y).unwrap();
        assert_eq!(within, with(month(2019, 3), Qualifier::WithinYear).unwrap());
        assert_eq!(
            (within.first_day(), within.last_day()),
            (ymd(2018, 4, 1), ymd(2019, 3, 31))
        );
        for s in ["上半期", "下半期", "年度内", "年度末", "10月末"] {
            assert!(parse_date(s, y).unwrap().is_within(fy(2018)), "{s}");
        }
        // A fiscal year written before the part.
        assert_eq!(
            parse_date("2017年度上半期", y),
            with(month(2017, 9), Qualifier::FirstHalf)
        );
        assert_eq!(
            parse_date("H29下半期", y),
            with(month(2018, 3), Qualifier::SecondHalf)
        );
        assert_eq!(
            parse_date("平成29年度内", y),
            with(month(2018, 3), Qualifier::WithinYear)
        );
        assert_eq!(parse_date("上半期", None), Err(DateError::NeedsFiscalYear));
        assert_eq!(parse_date("年度内", None), Err(DateError::NeedsFiscalYear));
        assert_eq!(
            parse_date("下半期", Some(fy(2200))),
            Err(DateError::OutOfRange)
        );
        assert_eq!(parse_date("令和0年度上半期", y), Err(DateError::Impossible));

        // 未定 is no date, said by `is_undetermined`.
        assert!(is_undetermined("未定"));
        assert!(is_undetermined(" 未定\u{3000}"));
        assert!(!is_undetermined("未定義"));
        assert_eq!(parse_date("未定", y), Err(DateError::Unreadable));

        for s in [
            "10月(火)",
            "10/15(火",
            "10/15(x)",
            "10/15()",
            "10/15(火)(火)",
            "10/15火",
            "2018-10(月)",
            "上半期末",
            "市内",
            "10月上半期",
            "10月末頃",
            "10月15日末",
            "末10月",
        ] {
            assert_eq!(parse_date(s, y), Err(DateError::Unreadable), "{s:?}");
        }
    }

    #[test]
    fn qualified_dates_display_as_written_in_meaning() {
        let y = Some(fy(2018));
        for (s, ja, en) in [
            ("11月中旬", "2018年11月中旬", "2018-11 (mid)"),
            ("11月上旬", "2018年11月上旬", "2018-11 (early)"),
            ("2月下旬", "2019年2月下旬", "2019-02 (late)"),
            ("10月末", "2018年10月末", "2018-10 (end)"),
            ("10月ごろ", "2018年10月頃", "2018-10 (about)"),
            ("上半期", "2018年度上半期", "first half of FY2018"),
            ("下半期", "2018年度下半期", "second half of FY2018"),
            ("年度内", "2018年度内", "within FY2018"),
            ("年度末", "2018年度末", "end of FY2018"),
            ("10月15日(火)", "2018年10月15日", "2018-10-15"),
        ] {
            let d = parse_date(s, y).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            assert_eq!(d.display(true), ja, "{s:?}");
            assert_eq!(d.display(false), en, "{s:?}");
            // The Japanese display reads back without the fiscal year.
            assert_eq!(parse_date(ja, None), Ok(d), "{ja:?}");
        }
        assert_eq!(
            parse_date("11月中旬", y).map(SheetDate::to_iso),
            Ok("2018-11".into())
        );
        assert_eq!(
            parse_date("上半期", y).map(SheetDate::to_iso),
            Ok("2018-09".into())
        );
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
            s in "[0-9０-９/／.\\-年月日元度末上中下旬平成令和昭和HRSTMhrs 　頃ごろ半期内()（）曜火水]{0,20}",
            year in proptest::option::of(any_fiscal_year()),
        ) {
            if let Ok(d) = parse_date(&s, year) {
                // Whatever is read lies in range, reads back from its Japanese form
                // and, without its qualifier, from its ISO form.
                let y = d.date.year();
                prop_assert!((FiscalYear::MIN_YEAR..=FiscalYear::MAX_YEAR).contains(&y));
                prop_assert_eq!(parse_date(&d.display(true), None), Ok(d));
                let bare = match d.qualifier {
                    Some(Qualifier::YearEnd) => SheetDate::day(d.date),
                    Some(_) => SheetDate::month(d.date.year(), d.date.month()).ok_or_else(|| TestCaseError::fail("month"))?,
                    None => d,
                };
                prop_assert_eq!(parse_date(&d.to_iso(), None), Ok(bare));
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
            prop_assert_eq!(parse_date(&format!("{m}月中旬"), Some(year)), Ok(month.with_qualifier(Some(Qualifier::Middle))));
            prop_assert_eq!(parse_date(&format!("{m}月末"), Some(year)), Ok(month.with_qualifier(Some(Qualifier::End))));
            prop_assert_eq!(parse_date(&format!("{m}月ごろ"), Some(year)), Ok(month.with_qualifier(Some(Qualifier::About))));
            let weekday = weekday_ja(d.weekday());
            let written = read_date(&format!("{m}/{dd}（{weekday}）"), Some(year));
            prop_assert_eq!(written.map(|w| (w.date, w.weekday_mismatch())), Ok((sd, None)));
            let other = weekday_ja(d.weekday().succ());
            let written = read_date(&format!("{m}月{dd}日({other})"), Some(year));
            prop_assert_eq!(
                written.map(|w| (w.date, w.weekday_mismatch())),
                Ok((sd, Some((d.weekday().succ(), d.weekday()))))
            );
            prop_assert!(sd.is_within(year));
            prop_assert!(month.is_within(year));
        }

        #[test]
        fn fiscal_year_end(year in any_fiscal_year()) {
            let expected = if year.start_year() < FiscalYear::MAX_YEAR {
                Ok(SheetDate::day(year.last_day()).with_qualifier(Some(Qualifier::YearEnd)))
            } else {
                Err(DateError::OutOfRange)
            };
            prop_assert_eq!(parse_date("年度末", Some(year)), expected.clone());
            prop_assert_eq!(parse_date(&format!("{}末", year.era_ja()), None), expected);
        }
    }
}
