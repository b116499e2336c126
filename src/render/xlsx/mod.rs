//! Workbooks people open in Excel (SPEC §6): a sheet in the workbook form
//! (`export`, and the blank of `new --out FILE.xlsx`) and the reports (`progress`,
//! `compare --format xlsx`).
//!
//! What every written workbook shares is here: a Japanese font, a header row that
//! stays in view, widths that fit full-width text (counted as two), typed cells
//! (numbers, dates), drop-downs on `状況` and `向き`, and text always written as text
//! (never a formula, whatever it starts with).

pub mod compare;
pub mod layout;
mod print;
pub mod progress;
pub mod sheet;

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use crate::core::date::Precision;
use crate::core::model::{Better, DateValue, Status, Value};
use crate::error::Failure;
use crate::i18n::workbook::{WorkbookWords, X};
use crate::i18n::Lang;

/// The font of every cell: what Japanese Excel uses, with the Shift_JIS charset
/// (128) so that Excel picks it rather than a Western fallback.
const FONT: &str = "游ゴシック";
const FONT_SIZE: f64 = 11.0;
/// The height of a line of that font in Excel (18.75 pt, 25 pixels), and its
/// column width in pixels (8.38 characters).
const LINE_POINTS: f64 = 18.75;
const ROW_PIXELS: u32 = 25;
const COLUMN_PIXELS: u32 = 72;
/// Excel's limits: the text of a cell (in UTF-16 units), the height of a row.
const MAX_CELL_TEXT: usize = 32_767;
const MAX_ROW_POINTS: f64 = 409.0;
/// The date format of date cells (the Japanese Excel default).
const DATE_FORMAT: &str = "yyyy/m/d";
/// The number formats of a bound's number: the number as it is, then `以上` /
/// `以下`.
const BOUND_FORMATS: [&str; 2] = ["General\"以上\"", "General\"以下\""];
/// A date cell is this wide at least, so it never shows `###`.
const DATE_WIDTH: f64 = 12.0;
/// Drop-downs of a form reach this many rows below the header at least, so that
/// rows added by hand get them too.
pub const FORM_ROWS: u32 = 500;

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    /// Written as a string, never as a formula.
    Text(Cow<'a, str>),
    Number(f64),
    Date(NaiveDate),
    /// A share (0.5 = 50%), shown as a percentage.
    Percent(f64),
    /// A number with its bound (`以上` / `以下`) shown by its number format: a
    /// target written `18人以上` is the number 18, showing `18以上`.
    Bound(f64, Better),
}

impl<'a> Cell<'a> {
    pub fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }

    pub fn owned(s: String) -> Cell<'static> {
        Cell::Text(Cow::Owned(s))
    }

    /// A text that may be absent; absent or empty is an empty cell.
    pub fn opt(s: Option<&'a str>) -> Cell<'a> {
        match s {
            Some(s) if !s.is_empty() => Cell::text(s),
            _ => Cell::Empty,
        }
    }

    pub fn count(n: usize) -> Cell<'static> {
        // Counts of a report are far below 2^53: exact as f64.
        Cell::Number(n as f64)
    }
}

/// A date as a cell: a date cell for a day; for a month, a part of a month or of
/// the year (`11月`, `11月中旬`, `年度末`) the text as written, which a date cell
/// could not say.
pub fn date_cell(d: &DateValue) -> Cell<'_> {
    if is_plain_day(d) {
        Cell::Date(d.date.date)
    } else {
        Cell::text(d.written.trim())
    }
}

/// A day with no word saying a part of a month or of the year.
fn is_plain_day(d: &DateValue) -> bool {
    /// The precision words of SPEC 1.3; `年度末` is a day (31 March) but says more.
    const WORDS: [&str; 8] = ["上旬", "中旬", "下旬", "末", "頃", "ごろ", "半期", "年度内"];
    d.date.precision == Precision::Day && !WORDS.iter().any(|w| d.written.contains(w))
}

/// An indicator value in a sheet's own workbook (`export`): a number as a
/// number, anything else (qualitative, `未定`, a number written with its unit) as
/// the text written, so that import gives the sheet back as it was written.
pub fn value_cell(v: &Value) -> Cell<'static> {
    match v {
        Value::Integer(i) => Cell::Number(*i as f64),
        Value::Float(f) => Cell::Number(*f),
        other => Cell::owned(other.to_string()),
    }
}

/// An indicator value in a report workbook (`progress`, `compare`), which is read
/// by people and by their formulas, never back into a sheet: every value that
/// counts as a number (SPEC §1.5, `１４人`, `1,234件`) is a number cell, its unit
/// in the report's own 単位 column. A bound (`18人以上`) is the number too, its
/// `以上` / `以下` shown by the cell's number format rather than lost or kept as
/// text. What else was written with the number (`約`, a remark in brackets) is in
/// [`value_notes`]. Qualitative text and `未定` stay text.
pub fn report_value_cell(v: &Value) -> Cell<'static> {
    match v {
        Value::Written(w) => match w.bound {
            Some(b) => Cell::Bound(w.number, b),
            None => Cell::Number(w.number),
        },
        other => value_cell(other),
    }
}

/// What a number cell of [`report_value_cell`] does not show: the values written
/// with `約` or a remark (`11人（H29年度～現時点）`), each after the name of its
/// column, one a line.
pub fn value_notes(values: [(&str, Option<&Value>); 3]) -> Cell<'static> {
    let notes: Vec<String> = values
        .iter()
        .filter_map(|(label, v)| match v {
            Some(Value::Written(w)) if w.approximate || w.remark.is_some() => {
                Some(format!("{label}: {}", w.text))
            }
            _ => None,
        })
        .collect();
    if notes.is_empty() {
        Cell::Empty
    } else {
        Cell::owned(notes.join("\n"))
    }
}

/// Several statements in one cell: one as it is, more each on a line after `・`
/// (SPEC §6); blank ones are left out, as they mean "not filled".
pub fn list_cell(items: &[String]) -> Cell<'_> {
    let filled: Vec<&str> = items
        .iter()
        .map(String::as_str)
        .filter(|s| !crate::core::text::is_blank(s))
        .collect();
    // A line of a statement that starts with the mark itself is escaped
    // (`layout::LIST_ESCAPE`), so that reading gives the same items back.
    match filled.as_slice() {
        [] => Cell::Empty,
        [one] if one.split('\n').any(layout::looks_marked) => Cell::owned(layout::escape_text(one)),
        [one] => Cell::text(one),
        many => Cell::owned(
            many.iter()
                .map(|s| {
                    let mut lines = s.split('\n');
                    let first = lines.next().unwrap_or_default();
                    let mut item = format!("{}{first}", layout::LIST_MARK);
                    for line in lines {
                        item.push('\n');
                        item.push_str(&layout::escape_line(line));
                    }
                    item
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

/// The status word written in a workbook: the canonical Japanese word, or the
/// canonical English key (`in_progress`) in English, both read back by `sheet`.
pub fn status_word(lang: Lang, status: Status) -> &'static str {
    match lang {
        Lang::Ja => layout::status_ja(status),
        Lang::En => status.as_str(),
    }
}

/// The direction written in a workbook (`高いほど良い` / `higher`).
pub fn better_word(lang: Lang, better: Better) -> &'static str {
    match lang {
        Lang::Ja => layout::better_ja(better),
        Lang::En => better.as_str(),
    }
}

/// The drop-down of a column, and what it says when another word is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropDown {
    /// `状況`: the five statuses. Other accepted words (`実施`, `済`) are allowed
    /// with a warning, as `sheet` reads them.
    Status,
    /// `向き`.
    Better,
}

impl DropDown {
    fn words(self, lang: Lang) -> Vec<&'static str> {
        match self {
            DropDown::Status => Status::ALL.iter().map(|s| status_word(lang, *s)).collect(),
            DropDown::Better => [Better::Higher, Better::Lower]
                .iter()
                .map(|b| better_word(lang, *b))
                .collect(),
        }
    }

    fn validation(self, lang: Lang) -> Result<DataValidation, XlsxError> {
        let note = match self {
            DropDown::Status => X::StatusListNote,
            DropDown::Better => X::BetterListNote,
        };
        DataValidation::new()
            .allow_list_strings(&self.words(lang))?
            .set_input_title(X::ListTitle.get(lang))?
            .set_input_message(note.get(lang))?
            .set_error_title(X::ListTitle.get(lang))?
            .set_error_message(note.get(lang))
            .map(|v| v.set_error_style(DataValidationErrorStyle::Warning))
    }
}

/// A column of a table worksheet.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    pub header: Cow<'a, str>,
    pub drop_down: Option<DropDown>,
    /// The widest the column gets (in characters); longer text wraps.
    pub max_width: f64,
    /// The narrowest it gets (a date column, so a date typed in shows whole).
    pub min_width: f64,
}

impl<'a> Column<'a> {
    pub fn new(header: impl Into<Cow<'a, str>>) -> Column<'a> {
        Column {
            header: header.into(),
            drop_down: None,
            max_width: 30.0,
            min_width: 6.0,
        }
    }

    /// A column of long text: wider before it wraps.
    pub fn wide(mut self) -> Column<'a> {
        self.max_width = 50.0;
        self
    }

    /// A column of dates.
    pub fn date(self) -> Column<'a> {
        self.at_least(DATE_WIDTH)
    }

    /// A column at least `width` characters wide (room to write in a form).
    pub fn at_least(mut self, width: f64) -> Column<'a> {
        self.min_width = self.min_width.max(width);
        self.max_width = self.max_width.max(width);
        self
    }

    pub fn with(mut self, drop_down: DropDown) -> Column<'a> {
        self.drop_down = Some(drop_down);
        self
    }
}

/// A worksheet that is one table: headers in row 1, a row per record.
#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub name: Cow<'a, str>,
    pub columns: Vec<Column<'a>>,
    pub rows: Vec<Vec<Cell<'a>>>,
    /// An autofilter on the headers (reports).
    pub filter: bool,
    /// Drop-downs reach at least this many rows (forms to fill).
    pub form_rows: u32,
}

/// Why a workbook could not be made.
#[derive(Debug)]
pub enum WriteError {
    /// A text longer than a cell holds, at `cell` (`課題!C3`).
    TooLong {
        cell: String,
        chars: usize,
    },
    TooManyRows {
        worksheet: String,
    },
    Xlsx(XlsxError),
}

impl From<XlsxError> for WriteError {
    fn from(e: XlsxError) -> WriteError {
        WriteError::Xlsx(e)
    }
}

impl WriteError {
    /// The failure that stops the command; `file` is the sheet or the report.
    pub fn failure(&self, lang: Lang, file: &str) -> Failure {
        Failure::Other(match self {
            WriteError::TooLong { cell, chars } => {
                WorkbookWords::too_long(lang, file, cell, *chars)
            }
            WriteError::TooManyRows { worksheet } => WorkbookWords::too_many_rows(lang, worksheet),
            WriteError::Xlsx(e) => WorkbookWords::cannot_write(lang, &e.to_string()),
        })
    }
}

/// The formats of a workbook.
struct Formats {
    header: Format,
    wrap: Format,
    date: Format,
    percent: Format,
    at_least: Format,
    at_most: Format,
}

/// The format every other starts from: a format made from `Format::new()` would
/// name Excel's Western default font, not the workbook's.
fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_font_charset(128)
}

impl Formats {
    fn new() -> Formats {
        let top = base().set_align(FormatAlign::Top);
        Formats {
            header: base()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xDDEBF7)
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            date: top.clone().set_num_format(DATE_FORMAT),
            percent: top.clone().set_num_format("0.0%"),
            at_least: top.clone().set_num_format(BOUND_FORMATS[0]),
            at_most: top.set_num_format(BOUND_FORMATS[1]),
        }
    }
}

/// A workbook being written.
pub struct Book {
    workbook: Workbook,
    formats: Formats,
    lang: Lang,
}

impl Book {
    pub fn new(lang: Lang) -> Result<Book, WriteError> {
        let mut workbook = Workbook::new();
        // Top-aligned by default, so a cell beside a wrapped one starts level with
        // it, and a plain cell needs no format of its own (formats are looked up
        // by hashing, per cell).
        workbook.set_default_format(
            &base().set_align(FormatAlign::Top),
            ROW_PIXELS,
            COLUMN_PIXELS,
        )?;
        Ok(Book {
            workbook,
            formats: Formats::new(),
            lang,
        })
    }

    /// Adds a worksheet holding one table.
    pub fn table(&mut self, table: &Table<'_>) -> Result<(), WriteError> {
        let Book {
            workbook,
            formats: f,
            lang,
        } = self;
        let ws = workbook.add_worksheet();
        ws.set_name(table.name.as_ref())?;
        let rows = u32::try_from(table.rows.len())
            .ok()
            .filter(|n| *n < 1_048_575)
            .ok_or_else(|| WriteError::TooManyRows {
                worksheet: table.name.to_string(),
            })?;
        let widths = column_widths(table);
        for (c, (column, width)) in table.columns.iter().zip(&widths).enumerate() {
            let c = column_number(c)?;
            ws.set_column_width(c, *width)?;
            write_text(ws, 0, c, &column.header, &f.header)?;
        }
        ws.set_freeze_panes(1, 0)?;
        // Printed, a table is as wide as an A4 page across, its header on every page.
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_repeat_rows(0, 0)?;
        for (r, row) in table.rows.iter().enumerate() {
            // Fits: `rows` is below Excel's limit.
            let r = r as u32 + 1;
            let mut lines = 1;
            for (c, (cell, width)) in row.iter().zip(&widths).enumerate() {
                let c = column_number(c)?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        let n = line_count(s, *width);
                        lines = lines.max(n);
                        if n > 1 || s.contains('\n') {
                            write_text(ws, r, c, s, &f.wrap)?;
                        } else {
                            fits(ws, r, c, s)?;
                            ws.write_string(r, c, s.as_ref())?;
                        }
                    }
                    Cell::Number(x) => {
                        ws.write_number(r, c, *x)?;
                    }
                    Cell::Percent(x) => {
                        ws.write_number_with_format(r, c, *x, &f.percent)?;
                    }
                    Cell::Bound(x, b) => {
                        let format = match b {
                            Better::Higher => &f.at_least,
                            Better::Lower => &f.at_most,
                        };
                        ws.write_number_with_format(r, c, *x, format)?;
                    }
                    Cell::Date(d) => {
                        ws.write_datetime_with_format(r, c, d, &f.date)?;
                    }
                }
            }
            if lines > 1 {
                ws.set_row_height(r, row_points(lines))?;
            }
        }
        let last_row = rows.max(table.form_rows);
        for (c, column) in table.columns.iter().enumerate() {
            if let Some(drop_down) = column.drop_down {
                let c = column_number(c)?;
                ws.add_data_validation(1, c, last_row.max(1), c, &drop_down.validation(*lang)?)?;
            }
        }
        if table.filter && !table.columns.is_empty() {
            ws.autofilter(0, 0, rows.max(1), column_number(table.columns.len() - 1)?)?;
        }
        Ok(())
    }

    /// Adds the worksheet of lines to read (`記入方法`): one line a row, wrapped.
    pub fn notes(&mut self, name: &str, lines: &[&str]) -> Result<(), WriteError> {
        const WIDTH: f64 = 80.0;
        let ws = self.workbook.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, WIDTH)?;
        ws.set_paper_size(9).set_print_fit_to_pages(1, 0);
        for (r, line) in lines.iter().enumerate() {
            let r = r as u32;
            let format = if r == 0 {
                &self.formats.header
            } else {
                &self.formats.wrap
            };
            write_text(ws, r, 0, line, format)?;
            let n = line_count(line, WIDTH);
            if n > 1 {
                ws.set_row_height(r, row_points(n))?;
            }
        }
        Ok(())
    }

    /// The workbook's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        Ok(self.workbook.save_to_buffer()?)
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

/// Writes text as a string (never a formula: `=1+1` stays the text `=1+1`), after
/// checking it fits a cell.
fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), WriteError> {
    fits(ws, row, col, text)?;
    ws.write_string_with_format(row, col, text, format)?;
    Ok(())
}

/// Whether `text` fits a cell (Excel counts UTF-16 units); else where it was.
fn fits(ws: &Worksheet, row: u32, col: u16, text: &str) -> Result<(), WriteError> {
    if text.encode_utf16().count() <= MAX_CELL_TEXT {
        return Ok(());
    }
    Err(WriteError::TooLong {
        cell: format!(
            "{}!{}",
            ws.name(),
            rust_xlsxwriter::utility::row_col_to_cell(row, col)
        ),
        chars: text.chars().count(),
    })
}

fn column_number(c: usize) -> Result<u16, WriteError> {
    u16::try_from(c)
        .ok()
        .filter(|c| *c < 16_384)
        .ok_or(WriteError::Xlsx(XlsxError::RowColumnLimitError))
}

/// The width of a text in Excel's characters: full-width characters (kanji,
/// kana, ①) count two, as they show in a Japanese font.
pub fn text_width(s: &str) -> f64 {
    s.lines().map(UnicodeWidthStr::width_cjk).max().unwrap_or(0) as f64
}

/// How many lines a text takes in a column `width` characters wide, wrapped.
fn line_count(s: &str, width: f64) -> usize {
    // A character less than the column: the cell's padding.
    let room = (width - 1.0).max(1.0);
    s.split('\n')
        .map(|line| {
            let w = line.width_cjk() as f64;
            ((w / room).ceil() as usize).max(1)
        })
        .sum()
}

/// The height of a row of `lines` lines, within Excel's limit.
fn row_points(lines: usize) -> f64 {
    (lines as f64 * LINE_POINTS + 2.0).min(MAX_ROW_POINTS)
}

/// Each column as wide as its header and its widest cell, within its limit.
fn column_widths(table: &Table<'_>) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let header = text_width(&column.header);
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| match cell {
                    Cell::Empty => 0.0,
                    Cell::Text(s) => text_width(s),
                    Cell::Number(x) => format!("{x}").len() as f64,
                    Cell::Percent(x) => format!("{:.1}%", x * 100.0).len() as f64,
                    // The number and a full-width 以上.
                    Cell::Bound(x, _) => format!("{x}").len() as f64 + 4.0,
                    Cell::Date(_) => DATE_WIDTH,
                })
                .fold(0.0, f64::max);
            let drop_down = column.drop_down.map_or(0.0, |_| 14.0);
            // Two characters of padding (and room for the autofilter's button).
            let widest = header.max(widest).max(drop_down) + 2.0;
            widest.clamp(column.min_width, column.max_width.max(header + 2.0))
        })
        .collect()
}

/// Whether a path names a workbook (`.xlsx`, any case).
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// A report that can be written as a workbook, one worksheet per part.
pub trait WorkbookReport {
    fn workbook(&self, lang: Lang) -> Result<Vec<u8>, WriteError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_text_counts_two() {
        assert_eq!(text_width("abc"), 3.0);
        assert_eq!(text_width("南加賀"), 6.0);
        assert_eq!(text_width("１１人"), 6.0);
        assert_eq!(text_width("短い\nもっと長い行"), 12.0);
        assert_eq!(line_count("南加賀", 7.0), 1);
        assert_eq!(line_count("南加賀南加賀", 7.0), 2);
        assert_eq!(line_count("a\nb\n", 10.0), 3);
    }

    #[test]
    fn lists_in_one_cell() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list_cell(&v(&[])), Cell::Empty);
        assert_eq!(list_cell(&v(&["", " "])), Cell::Empty);
        assert_eq!(list_cell(&v(&["一つ"])), Cell::text("一つ"));
        // Lines that start with the mark themselves are escaped, so that they read
        // back as the same items.
        assert_eq!(
            list_cell(&v(&["a\n・b", "c"])),
            Cell::owned("・a\n\u{2060}・b\n・c".to_string())
        );
        assert_eq!(
            list_cell(&v(&["・x\n・y"])),
            Cell::owned("\u{2060}・x\n\u{2060}・y".to_string())
        );
        assert_eq!(list_cell(&v(&["", "一つ"])), Cell::text("一つ"));
        assert_eq!(
            list_cell(&v(&["一つ", "二つ"])),
            Cell::owned("・一つ\n・二つ".to_string())
        );
    }
}
