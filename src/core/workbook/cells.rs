//! A workbook's bytes to its worksheets' cells, safely (SPEC §6, §7).
//!
//! A workbook is a zip of XML parts. Before anything is inflated, the zip's
//! central directory is read and the declared sizes of its members are added up:
//! over [`MAX_UNPACKED`] in total is refused (the zip reader then refuses any member
//! that inflates past its declared size, so a zip bomb is stopped while it is
//! unpacked). Cells are read as a stream, one at a time, and kept sparse: a
//! worksheet with one cell at A1 and one at XFD1048576 costs two cells, not the
//! 17 billion of a dense range.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;

/// The most a workbook may hold once unpacked, all members together.
pub const MAX_UNPACKED: u64 = 16 * 1024 * 1024;

/// The compound-file signature: an encrypted (password-protected) workbook, or a
/// legacy `.xls`.
const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a cell holds, as the sheet's rules read it (SPEC §6).
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Text(String),
    Number(f64),
    /// A number cell in a percent format, as it shows before its `%`: 25 for a
    /// cell holding 0.25 formatted `0%` (built-in formats 9 and 10, or a custom
    /// one with `%`), which is how Excel keeps a typed `25%`; 25 for 25 formatted
    /// `0"%"`, which shows the same. See [`PercentFormat`].
    Percent(f64),
    /// A cell formatted as a date (the Japanese era formats included).
    Date(NaiveDate),
    /// A date cell whose value has a time of day, or a time or duration cell.
    DateTime(String),
    Bool(bool),
    /// An error cell (`#N/A`).
    Error(String),
    /// A formula whose value was never saved (a file written by a program that
    /// does not calculate); the formula's text.
    Formula(String),
}

/// One worksheet: its name and its non-empty cells by (row, column), 0-based.
#[derive(Debug, Clone, Default)]
pub struct Worksheet {
    pub name: String,
    pub cells: BTreeMap<(u32, u32), CellValue>,
}

impl Worksheet {
    pub fn get(&self, row: u32, column: u32) -> Option<&CellValue> {
        self.cells.get(&(row, column))
    }

    /// The last row holding a cell, if any.
    pub fn last_row(&self) -> Option<u32> {
        self.cells.keys().map(|(r, _)| *r).max()
    }
}

/// Why bytes are not a workbook `sheet` can read (`bad-workbook`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// Not a zip at all (a renamed CSV, random bytes) or a damaged one.
    NotAWorkbook(String),
    /// Encrypted with a password.
    Encrypted,
    /// A legacy `.xls` (or another compound file): to be saved as `.xlsx`.
    Legacy,
    /// Larger than [`MAX_UNPACKED`] once unpacked, as the zip declares.
    TooLarge { unpacked: u64 },
    /// A member inflates past the size the zip declares for it: stopped while
    /// unpacking (a zip bomb that hides its size, or damage).
    Inflates,
    /// The zip is a workbook but a part of it cannot be read.
    Damaged(String),
}

/// Reads every worksheet of an `.xlsx`, in workbook order.
pub fn read(bytes: &[u8]) -> Result<Vec<Worksheet>, WorkbookProblem> {
    if bytes.starts_with(&CFB_SIGNATURE) {
        return Err(if is_encrypted(bytes) {
            WorkbookProblem::Encrypted
        } else {
            WorkbookProblem::Legacy
        });
    }
    check_unpacked_size(bytes)?;
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| classify(&e.to_string()))?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    // The percent formats of the workbook's styles, by style id: the same for
    // every worksheet, found with the first.
    let mut percent_styles = None;
    for name in names {
        sheets.push(read_worksheet(&mut workbook, &name, &mut percent_styles)?);
    }
    Ok(sheets)
}

/// Adds up the declared unpacked sizes in the zip's central directory, inflating
/// nothing.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), WorkbookProblem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookProblem::NotAWorkbook(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let member = archive
            .by_index_raw(i)
            .map_err(|e| WorkbookProblem::NotAWorkbook(e.to_string()))?;
        total = total.saturating_add(member.size());
        if total > MAX_UNPACKED {
            return Err(WorkbookProblem::TooLarge { unpacked: total });
        }
    }
    Ok(())
}

/// An encrypted workbook is a compound file holding an `EncryptedPackage` stream;
/// its directory names are UTF-16.
fn is_encrypted(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// A reader error in words of ours: a member that inflated past its declared size
/// (the zip reader stops it there, and its checksum then fails) is a zip bomb,
/// anything else damage.
fn classify(message: &str) -> WorkbookProblem {
    let lower = message.to_ascii_lowercase();
    if lower.contains("password") {
        WorkbookProblem::Encrypted
    } else if lower.contains("invalid checksum")
        || lower.contains("size")
        || lower.contains("too large")
    {
        WorkbookProblem::Inflates
    } else {
        WorkbookProblem::Damaged(message.to_string())
    }
}

fn read_worksheet<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    name: &str,
    percent_styles: &mut Option<Vec<Option<PercentFormat>>>,
) -> Result<Worksheet, WorkbookProblem> {
    let mut sheet = Worksheet {
        name: name.to_string(),
        cells: BTreeMap::new(),
    };
    {
        let mut reader = workbook
            .worksheet_cells_reader(name)
            .map_err(|e| classify(&e.to_string()))?;
        if percent_styles.is_none() {
            *percent_styles = Some(reader.styles().iter().map(percent_style).collect());
        }
        while let Some(cell) = reader
            .next_cell_with_formula()
            .map_err(|e| classify(&e.to_string()))?
        {
            if let Some(value) = value_of(&cell.value, cell.formula.as_deref()) {
                sheet.cells.insert(cell.pos, value);
            }
        }
    }
    let percents = percent_styles.as_deref().unwrap_or_default();
    if percents.iter().any(Option::is_some) {
        mark_percents(workbook, &mut sheet, percents)?;
    }
    let merged = workbook
        .merge_cells_by_sheet_name(name)
        .map_err(|e| classify(&e.to_string()))?;
    for range in merged {
        fill_merged(&mut sheet, range.start, range.end);
    }
    Ok(sheet)
}

/// How a number format shows a number with `%` (SPEC §6: a percentage typed in
/// Excel is a number cell in a percent format).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentFormat {
    /// `0%`, `0.0%`: the number shown a hundredfold, once for each `%` outside
    /// quotes (Excel's rule), so a typed `25%` is kept as 0.25.
    Scaled(u8),
    /// `0"%"`, `0\%`: a `%` shown as a literal after the number as it is.
    Literal,
}

impl PercentFormat {
    /// The number a cell shows before its `%`, exact in decimal: 0.07 shows 7,
    /// not 7.000000000000001.
    pub fn shown(self, stored: f64) -> f64 {
        match self {
            PercentFormat::Literal => stored,
            PercentFormat::Scaled(n) => shift_decimal(stored, 2 * i32::from(n)),
        }
    }
}

/// A style's number format as a percent format, if it is one.
fn percent_style(style: &calamine::Style) -> Option<PercentFormat> {
    let format = style.number_format.as_ref()?;
    match format.format_id {
        // The built-in `0%` and `0.00%`, whatever code a file gives them.
        Some(9 | 10) => Some(PercentFormat::Scaled(1)),
        _ => percent_format(&format.format_code),
    }
}

/// Whether a number format code shows a `%`. Only its first section is looked at
/// (the one for positive numbers; a percent format repeats its `%` in the
/// others). Text in quotes, a character after `\` and the fill and padding
/// characters after `*` and `_` are literal; `[...]` (a colour, a locale, a
/// condition) says nothing of `%`.
pub fn percent_format(code: &str) -> Option<PercentFormat> {
    let mut scaled: u8 = 0;
    let mut literal = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => break,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    literal |= q == '%';
                }
            }
            '\\' => literal |= chars.next() == Some('%'),
            '*' | '_' => {
                chars.next();
            }
            '[' => {
                for b in chars.by_ref() {
                    if b == ']' {
                        break;
                    }
                }
            }
            '%' => scaled = scaled.saturating_add(1),
            _ => {}
        }
    }
    match (scaled, literal) {
        (0, false) => None,
        (0, true) => Some(PercentFormat::Literal),
        (n, _) => Some(PercentFormat::Scaled(n)),
    }
}

/// `x` × 10^`places`, moved in its shortest decimal form so that no binary
/// rounding shows (0.255 → 25.5).
fn shift_decimal(x: f64, places: i32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let text = format!("{x:e}");
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return x * 10f64.powi(places);
    };
    match exponent.parse::<i32>() {
        Ok(e) => format!("{mantissa}e{}", e.saturating_add(places))
            .parse()
            .unwrap_or(x * 10f64.powi(places)),
        Err(_) => x * 10f64.powi(places),
    }
}

/// Turns the number cells of a worksheet that are in a percent format into
/// [`CellValue::Percent`]: a second read of the worksheet, for the styles only,
/// made when the workbook has a percent format at all. Only cells already read
/// as numbers change; nothing else is kept.
fn mark_percents<RS: Read + Seek>(
    workbook: &mut Xlsx<RS>,
    sheet: &mut Worksheet,
    percents: &[Option<PercentFormat>],
) -> Result<(), WorkbookProblem> {
    let mut reader = workbook
        .worksheet_cells_reader(&sheet.name)
        .map_err(|e| classify(&e.to_string()))?;
    while let Some((row, column, style)) = reader
        .next_style_id()
        .map_err(|e| classify(&e.to_string()))?
    {
        let Some(Some(format)) = percents.get(style) else {
            continue;
        };
        if let Some(cell) = sheet.cells.get_mut(&(row, column)) {
            if let CellValue::Number(stored) = *cell {
                *cell = CellValue::Percent(format.shown(stored));
            }
        }
    }
    Ok(())
}

/// A vertical merge (one range over several rows) reads as its top-left value in
/// each of its rows, in its first column: rows grouped under one merged `目標番号`
/// or `日付` belong to it. Columns a merge spans beyond its first read as empty, so
/// a text merged across columns is not copied into other fields.
fn fill_merged(sheet: &mut Worksheet, start: (u32, u32), end: (u32, u32)) {
    let Some(value) = sheet.get(start.0, start.1).cloned() else {
        return;
    };
    // Bounded by the worksheet's extent: a merge declared down to row 1,048,576
    // fills only rows that hold some other cell.
    let last = sheet.last_row().unwrap_or(start.0).min(end.0);
    if last <= start.0 || end.1 < start.1 {
        return;
    }
    let rows_with_cells: Vec<u32> = sheet
        .cells
        .range((start.0 + 1, 0)..=(last, u32::MAX))
        .map(|((r, _), _)| *r)
        .collect();
    for row in rows_with_cells {
        sheet
            .cells
            .entry((row, start.1))
            .or_insert_with(|| value.clone());
    }
}

fn value_of(value: &DataRef<'_>, formula: Option<&str>) -> Option<CellValue> {
    Some(match value {
        DataRef::Empty => match formula {
            Some(f) if !f.trim().is_empty() => CellValue::Formula(f.to_string()),
            _ => return None,
        },
        DataRef::String(s) => CellValue::Text(s.clone()),
        DataRef::SharedString(s) => CellValue::Text((*s).to_string()),
        DataRef::Int(i) => CellValue::Number(*i as f64),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::Error(e) => CellValue::Error(e.to_string()),
        DataRef::DateTime(dt) => {
            let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) if dt.is_datetime() && (hh, mm, ss, ms) == (0, 0, 0, 0) => {
                    CellValue::Date(date)
                }
                // As a person reads it: `2018-11-02 10:30`, or the time alone.
                Some(_) if dt.is_datetime() => {
                    CellValue::DateTime(format!("{y:04}-{m:02}-{d:02} {hh}:{mm:02}"))
                }
                _ => CellValue::DateTime(format!("{hh}:{mm:02}:{ss:02}")),
            }
        }
        DataRef::DateTimeIso(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(date) => CellValue::Date(date),
            Err(_) => CellValue::DateTime(s.clone()),
        },
        DataRef::DurationIso(s) => CellValue::DateTime(s.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    fn bytes(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
        let mut wb = Workbook::new();
        build(&mut wb);
        wb.save_to_buffer().expect("xlsx")
    }

    /// The workbook with one member's text edited, as a program that writes
    /// formulas without calculating them would leave it.
    fn edited(data: &[u8], member: &str, from: &str, to: &str) -> Vec<u8> {
        use std::io::Write;
        let mut archive = zip::ZipArchive::new(Cursor::new(data)).expect("zip");
        let mut out = Cursor::new(Vec::new());
        {
            let mut zw = zip::ZipWriter::new(&mut out);
            for i in 0..archive.len() {
                let mut file = archive.by_index(i).expect("member");
                let name = file.name().expect("member name").to_string();
                let mut text = Vec::new();
                file.read_to_end(&mut text).expect("read");
                if name == member {
                    let s = String::from_utf8(text).expect("xml");
                    assert!(s.contains(from), "{member} holds {from}: {s}");
                    text = s.replace(from, to).into_bytes();
                }
                zw.start_file(name, zip::write::SimpleFileOptions::default())
                    .expect("zip");
                zw.write_all(&text).expect("zip");
            }
            zw.finish().expect("zip");
        }
        out.into_inner()
    }

    fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
        ExcelDateTime::from_ymd(y, m, d).expect("date")
    }

    #[test]
    fn cells_are_read_with_their_types() {
        let data = bytes(|wb| {
            let ws = wb.add_worksheet().set_name("指標").expect("name");
            ws.write_string(0, 0, "指標").expect("w");
            ws.write_string(1, 0, "11人").expect("w");
            ws.write_number(1, 1, 12.5).expect("w");
            ws.write_boolean(1, 2, true).expect("w");
            let ymd = Format::new().set_num_format("yyyy-mm-dd");
            ws.write_datetime_with_format(1, 3, date(2018, 11, 2), &ymd)
                .expect("w");
            // Built-in 27 and 57 are Japanese era date formats ([$-411]).
            for (col, index) in [(4, 27), (5, 57)] {
                let era = Format::new().set_num_format_index(index);
                ws.write_number_with_format(1, col, 43406.0, &era)
                    .expect("w");
            }
            ws.write_string(1, 6, "・一つ目\n・二つ目").expect("w");
            ws.write_formula(1, 7, Formula::new("=1+1").set_result("2"))
                .expect("w");
            ws.write_formula(1, 8, "=A1&\"x\"").expect("w");
            ws.write_string(1, 9, "=1+1").expect("w");
        });
        let data = edited(
            &data,
            "xl/worksheets/sheet1.xml",
            "<f>A1&amp;\"x\"</f><v>0</v>",
            "<f>A1&amp;\"x\"</f>",
        );
        let sheets = read(&data).expect("read");
        let s = &sheets[0];
        assert_eq!(s.name, "指標");
        assert_eq!(s.get(1, 0), Some(&CellValue::Text("11人".into())));
        assert_eq!(s.get(1, 1), Some(&CellValue::Number(12.5)));
        assert_eq!(s.get(1, 2), Some(&CellValue::Bool(true)));
        let nov2 = NaiveDate::from_ymd_opt(2018, 11, 2);
        assert_eq!(s.get(1, 3), nov2.map(CellValue::Date).as_ref());
        assert_eq!(s.get(1, 4), nov2.map(CellValue::Date).as_ref(), "format 27");
        assert_eq!(s.get(1, 5), nov2.map(CellValue::Date).as_ref(), "format 57");
        assert_eq!(
            s.get(1, 6),
            Some(&CellValue::Text("・一つ目\n・二つ目".into()))
        );
        assert_eq!(s.get(1, 7), Some(&CellValue::Number(2.0)), "saved value");
        assert!(
            matches!(s.get(1, 8), Some(CellValue::Formula(f)) if f.contains("A1")),
            "a formula with no saved value: {:?}",
            s.get(1, 8)
        );
        assert_eq!(s.get(1, 9), Some(&CellValue::Text("=1+1".into())));
        assert_eq!(s.get(1, 10), None);
    }

    /// Excel's built-in formats 27–36 and 50–58 are the Japanese (`[$-411]`) date
    /// formats: a number in one is a date, not 43406. (32 and 33 are times of
    /// day: a whole day in one is still that day.)
    #[test]
    fn every_japanese_builtin_date_format_is_a_date() {
        let indices: Vec<u8> = (27..=36).chain(50..=58).collect();
        let data = bytes(|wb| {
            let ws = wb.add_worksheet();
            for (col, index) in indices.iter().enumerate() {
                let era = Format::new().set_num_format_index(*index);
                ws.write_number_with_format(0, col as u16, 43406.0, &era)
                    .expect("w");
            }
        });
        let s = &read(&data).expect("read")[0];
        let nov2 = NaiveDate::from_ymd_opt(2018, 11, 2).map(CellValue::Date);
        for (col, index) in indices.iter().enumerate() {
            assert_eq!(s.get(0, col as u32), nov2.as_ref(), "format {index}");
        }
        // The same formats written out as custom codes, as some files hold them.
        let codes = [
            "[$-411]ggge\"年\"m\"月\"d\"日\"",
            "[$-411]ge.m.d",
            "[$-ja-JP-x-gannen]ggge\"年\"m\"月\"d\"日\"",
        ];
        let data = bytes(|wb| {
            let ws = wb.add_worksheet();
            for (col, code) in codes.iter().enumerate() {
                let era = Format::new().set_num_format(*code);
                ws.write_number_with_format(0, col as u16, 43406.0, &era)
                    .expect("w");
            }
        });
        let s = &read(&data).expect("read")[0];
        for (col, code) in codes.iter().enumerate() {
            assert_eq!(s.get(0, col as u32), nov2.as_ref(), "format {code}");
        }
    }

    /// A percentage typed in Excel (`25%`) is kept as 0.25 in a percent format:
    /// it reads as the 25 it shows, whichever way the format is given.
    #[test]
    fn a_number_in_a_percent_format_is_the_percentage_it_shows() {
        let cases: [(Format, f64, f64); 8] = [
            (Format::new().set_num_format_index(9), 0.25, 25.0),
            (Format::new().set_num_format_index(10), 0.125, 12.5),
            (Format::new().set_num_format("0%"), 0.07, 7.0),
            (Format::new().set_num_format("0.0%"), 0.255, 25.5),
            (Format::new().set_num_format("0.0%;[Red]-0.0%"), -0.5, -50.0),
            (Format::new().set_num_format("#,##0\"%\""), 25.0, 25.0),
            (Format::new().set_num_format("0\\%"), 30.0, 30.0),
            (Format::new().set_num_format("0%").set_bold(), 1.0, 100.0),
        ];
        let data = bytes(|wb| {
            let ws = wb.add_worksheet();
            for (col, (format, stored, _)) in cases.iter().enumerate() {
                ws.write_number_with_format(0, col as u16, *stored, format)
                    .expect("w");
            }
            // Not percentages: a plain number, text with a %, a date, and a
            // percent format on a text cell and on a date format's sibling.
            ws.write_number(1, 0, 0.25).expect("w");
            ws.write_string(1, 1, "25%").expect("w");
            let ymd = Format::new().set_num_format("yyyy-mm-dd");
            ws.write_datetime_with_format(1, 2, date(2018, 11, 2), &ymd)
                .expect("w");
            ws.write_string_with_format(1, 3, "文", &Format::new().set_num_format("0%"))
                .expect("w");
            ws.write_number_with_format(1, 4, 3.0, &Format::new().set_num_format("0\"人\""))
                .expect("w");
        });
        let s = &read(&data).expect("read")[0];
        for (col, (_, stored, shown)) in cases.iter().enumerate() {
            assert_eq!(
                s.get(0, col as u32),
                Some(&CellValue::Percent(*shown)),
                "{stored} in format {col}"
            );
        }
        assert_eq!(s.get(1, 0), Some(&CellValue::Number(0.25)));
        assert_eq!(s.get(1, 1), Some(&CellValue::Text("25%".into())));
        assert!(matches!(s.get(1, 2), Some(CellValue::Date(_))));
        assert_eq!(s.get(1, 3), Some(&CellValue::Text("文".into())));
        assert_eq!(s.get(1, 4), Some(&CellValue::Number(3.0)));
    }

    #[test]
    fn percent_formats_are_told_by_their_first_section() {
        let scaled = Some(PercentFormat::Scaled(1));
        let literal = Some(PercentFormat::Literal);
        for (code, expected) in [
            ("0%", scaled),
            ("0.00%", scaled),
            ("[Red]0.0%", scaled),
            ("0%;-0%", scaled),
            ("0.0%%", Some(PercentFormat::Scaled(2))),
            ("0\"%\"", literal),
            ("0\\%", literal),
            ("General", None),
            ("0.00", None),
            ("0;\"%\"", None),
            ("[$-411]ge.m.d", None),
            ("0_%", None),
            ("0*%", None),
        ] {
            assert_eq!(percent_format(code), expected, "{code}");
        }
        assert_eq!(PercentFormat::Scaled(1).shown(0.07), 7.0);
        assert_eq!(PercentFormat::Scaled(1).shown(0.001), 0.1);
        assert_eq!(PercentFormat::Scaled(1).shown(1.1), 110.0);
        assert_eq!(PercentFormat::Scaled(2).shown(0.0025), 25.0);
        assert_eq!(PercentFormat::Scaled(1).shown(0.0), 0.0);
        assert_eq!(PercentFormat::Scaled(1).shown(1e300), 1e302);
        assert_eq!(PercentFormat::Literal.shown(0.07), 0.07);
    }

    #[test]
    fn a_vertical_merge_reads_its_value_in_each_row() {
        let data = bytes(|wb| {
            let ws = wb.add_worksheet().set_name("進捗").expect("name");
            ws.merge_range(1, 0, 3, 0, "1", &Format::new())
                .expect("merge");
            ws.merge_range(1, 1, 1, 3, "横に結合", &Format::new())
                .expect("merge");
            for row in 1..=3 {
                ws.write_string(row, 4, format!("行{row}")).expect("w");
            }
        });
        let s = &read(&data).expect("read")[0];
        for row in 1..=3 {
            assert_eq!(
                s.get(row, 0),
                Some(&CellValue::Text("1".into())),
                "row {row}"
            );
        }
        assert_eq!(s.get(1, 1), Some(&CellValue::Text("横に結合".into())));
        assert_eq!(s.get(1, 2), None);
        assert_eq!(s.get(1, 3), None);
    }

    /// Merges that are empty, inverted or reach past every cell fill nothing and
    /// never fail.
    #[test]
    fn odd_merges_are_harmless() {
        let mut sheet = Worksheet::default();
        sheet.cells.insert((5, 2), CellValue::Number(1.0));
        fill_merged(&mut sheet, (5, 2), (1_048_575, 16_383));
        fill_merged(&mut sheet, (5, 2), (2, 1));
        fill_merged(&mut sheet, (9, 9), (12, 9));
        assert_eq!(sheet.cells.len(), 1);
    }

    #[test]
    fn far_apart_cells_cost_two_cells() {
        let data = bytes(|wb| {
            let ws = wb.add_worksheet();
            ws.write_string(0, 0, "a").expect("w");
            ws.write_string(1_048_575, 16_383, "z").expect("w");
        });
        let s = &read(&data).expect("read")[0];
        assert_eq!(s.cells.len(), 2);
        assert_eq!(s.get(1_048_575, 16_383), Some(&CellValue::Text("z".into())));
    }

    #[test]
    fn what_is_not_a_workbook_says_why() {
        assert!(matches!(
            read(b"name,region\n1,2\n"),
            Err(WorkbookProblem::NotAWorkbook(_))
        ));
        assert!(matches!(
            read(&[0u8; 0]),
            Err(WorkbookProblem::NotAWorkbook(_))
        ));
        let data = bytes(|wb| {
            wb.add_worksheet().write_string(0, 0, "x").expect("w");
        });
        let truncated = &data[..data.len() / 2];
        assert!(matches!(
            read(truncated),
            Err(WorkbookProblem::NotAWorkbook(_))
        ));
        let mut legacy = CFB_SIGNATURE.to_vec();
        legacy.extend([0u8; 504]);
        assert!(matches!(read(&legacy), Err(WorkbookProblem::Legacy)));
        let mut encrypted = legacy.clone();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(read(&encrypted), Err(WorkbookProblem::Encrypted)));
    }

    /// A member that declares a small size but inflates past it, and one that
    /// declares more than the limit: both refused, neither inflated in full.
    #[test]
    fn a_zip_bomb_is_refused() {
        use std::io::Write;
        let big = vec![b'a'; (MAX_UNPACKED + 1) as usize];
        let mut buf = Cursor::new(Vec::new());
        {
            let mut zw = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zw.start_file("xl/worksheets/sheet1.xml", opts)
                .expect("zip");
            zw.write_all(&big).expect("zip");
            zw.finish().expect("zip");
        }
        let data = buf.into_inner();
        assert!(data.len() < 100_000, "compressed to {}", data.len());
        assert!(matches!(read(&data), Err(WorkbookProblem::TooLarge { .. })));
    }
}
