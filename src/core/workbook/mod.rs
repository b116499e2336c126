//! Workbooks (`.xlsx`, SPEC §6) as a second input of format 1.
//!
//! One loader and one set of checks serve both forms: a workbook's cells
//! ([`cells`]) become a document tree ([`from_cells`], [`doc`]) laid out as
//! [`layout`] says, the tree is written as TOML noting where each value came
//! from, and that text is loaded as any sheet is. Each finding's place in the text
//! is then turned back into the cell it came from; the text itself is never shown.

pub mod cells;
pub mod doc;
pub mod from_cells;
pub mod layout;

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;

use crate::core::diag::{Diagnostic, FileReport, Msg};
use crate::core::load;
use crate::core::model::Sheet;
use crate::core::place::{CellRef, Place, Position};
use crate::core::source::Source;

use doc::{Doc, Located, Written};
use layout::Part;

/// The largest workbook file read (compressed; unpacked, [`cells::MAX_UNPACKED`]
/// holds). A filled sheet is tens of kilobytes.
pub const MAX_WORKBOOK_BYTES: u64 = 16 * 1024 * 1024;

/// Whether a file is read as a workbook, by its name: `.xlsx` and `.xlsm`, and a
/// legacy `.xls` (to say how to save it as `.xlsx`). Excel's lock files
/// (`~$南加賀.xlsx`, left while a workbook is open) are not workbooks.
pub fn is_workbook(path: &Path) -> bool {
    let locked = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    !locked && matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls"))
}

/// A workbook read: its report (findings at cells), its sheet whenever one could
/// be built, and its tree (for `sheet import`, which writes it as TOML).
#[derive(Debug)]
pub struct Loaded {
    pub report: FileReport,
    pub sheet: Option<Sheet>,
    pub doc: Option<Doc>,
}

/// Reads a workbook's bytes: its cells, the tree, the text, the loader and every
/// per-sheet check, with findings at cells. As [`load::load_file`], the sheet is
/// there whenever it could be built.
pub fn load_workbook(name: &str, bytes: &[u8], today: NaiveDate) -> (FileReport, Option<Sheet>) {
    let loaded = read_workbook(name, bytes, today);
    (loaded.report, loaded.sheet)
}

/// [`load_workbook`], keeping the tree.
pub fn read_workbook(name: &str, bytes: &[u8], today: NaiveDate) -> Loaded {
    let worksheets = match cells::read(bytes) {
        Ok(w) => w,
        Err(problem) => {
            let report = FileReport {
                name: name.to_string(),
                source: None,
                diagnostics: vec![Diagnostic::new(Place::File, Msg::BadWorkbook(problem))],
            };
            return Loaded {
                report,
                sheet: None,
                doc: None,
            };
        }
    };
    let converted = from_cells::convert(&worksheets);
    let mut order: Vec<String> = worksheets.into_iter().map(|w| w.name).collect();
    // A finding about a missing worksheet points at `シート!A1`, first.
    order.insert(0, Part::Sheet.name().to_string());
    let written = doc::write(&converted.doc, None);
    let (report, sheet) = load::load_file(name, written.text.clone().into_bytes(), today);
    let default = CellRef::new(Part::Sheet.name(), 0, 0);
    let at = Relocate {
        written: &written,
        source: report.source.as_ref(),
        default: &default,
    };
    let mut diagnostics = converted.findings;
    let bad_cells: HashSet<&CellRef> = diagnostics
        .iter()
        .filter(|d| matches!(d.msg, Msg::BadCell { .. }))
        .filter_map(|d| match &d.place {
            Place::Cell(c) => Some(c),
            Place::File | Place::Text(_) => None,
        })
        .collect();
    let mut found = Vec::new();
    for d in report.diagnostics {
        let d = at.diagnostic(d);
        // A value left out for its cell's kind is reported once, as that.
        let at_bad_cell = matches!(&d.place, Place::Cell(c) if bad_cells.contains(c));
        if !(is_about_a_blank(&d.msg) && at_bad_cell) {
            found.push(d);
        }
    }
    diagnostics.extend(found);
    let sheet = sheet.map(|mut s| {
        relocate_sheet(&mut s, &|p| at.place(p, None));
        s
    });
    // In the order a person goes through the workbook: worksheet by worksheet as
    // the tabs run, then row by row.
    let tab = |place: &Place| match place {
        Place::Cell(c) => (
            order
                .iter()
                .position(|n| *n == c.worksheet)
                .unwrap_or(order.len()),
            c.row,
            c.column,
        ),
        Place::File | Place::Text(_) => (0, 0, 0),
    };
    diagnostics.sort_by_key(|d| tab(&d.place));
    let report = FileReport {
        name: name.to_string(),
        source: None,
        diagnostics,
    };
    Loaded {
        report,
        sheet,
        doc: Some(converted.doc),
    }
}

/// Turns places in the written text into cells.
struct Relocate<'a> {
    written: &'a Written,
    source: Option<&'a Source>,
    default: &'a CellRef,
}

impl Relocate<'_> {
    /// The cell of a place. A place on a table (its header: a finding about a key it
    /// lacks) is the cell where that key's value would be, else the table's row.
    fn place(&self, place: &Place, key: Option<&str>) -> Place {
        let Place::Text(span) = place else {
            return place.clone();
        };
        let cell = match self.written.locate(span.start) {
            Some(Located::Cell(c)) => c,
            Some(Located::Table { place, slots }) => key
                .and_then(|k| slots.iter().find(|(s, _)| *s == k).map(|(_, c)| c))
                .or(place)
                .unwrap_or(self.default),
            None => self.default,
        };
        Place::Cell(cell.clone())
    }

    fn diagnostic(&self, d: Diagnostic) -> Diagnostic {
        let place = self.place(&d.place, slot_key(&d.msg));
        let msg = match d.msg {
            // Name the column, as the workbook heads it, rather than the key.
            Msg::Type {
                key,
                expected,
                found,
            } => Msg::Type {
                key: match &place {
                    Place::Cell(c) => label_in(&c.worksheet, &key).map_or(key, str::to_string),
                    Place::File | Place::Text(_) => key,
                },
                expected,
                found,
            },
            Msg::DuplicateIndicator { name, first } => Msg::DuplicateIndicator {
                name,
                first: self.position(first),
            },
            other => other,
        };
        Diagnostic { place, msg }
    }

    /// A line and column of the text as the cell it falls in.
    fn position(&self, p: Position) -> Position {
        let Position::Line { line, column } = p else {
            return p;
        };
        let Some(source) = self.source else {
            return Position::Cell(self.default.clone());
        };
        let start = source.line_start(line);
        let offset = source
            .line_text(line)
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(start, |(i, _)| start + i);
        match self.place(&Place::Text(offset..offset), None) {
            Place::Cell(c) => Position::Cell(c),
            Place::File | Place::Text(_) => Position::Cell(self.default.clone()),
        }
    }
}

/// A finding that a value is missing or blank, which a cell of a kind no value is
/// explains already.
fn is_about_a_blank(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::Missing { .. }
            | Msg::Empty { .. }
            | Msg::EmptyView(_)
            | Msg::NoAsOf(_)
            | Msg::Undetermined {
                missing_target: true,
                ..
            }
    )
}

/// The key a finding on a table is about, whose cell it should point at.
fn slot_key(msg: &Msg) -> Option<&str> {
    match msg {
        Msg::Missing { key, .. } | Msg::Empty { key, .. } => Some(key),
        Msg::EmptyView(view) => Some(view.key()),
        Msg::Undetermined {
            missing_target: true,
            ..
        } => Some("target"),
        Msg::NoAsOf(_) => Some("as_of"),
        _ => None,
    }
}

/// The label of the column (or `シート` field) holding `key` in a worksheet.
fn label_in(worksheet: &str, key: &str) -> Option<&'static str> {
    match Part::find(worksheet)? {
        Part::Sheet => layout::SHEET_FIELDS.iter().find(|c| c.key == key),
        part => part.columns().iter().find(|c| c.key == key),
    }
    .map(|c| c.label)
}

/// Every place a sheet keeps, turned by `f`.
fn relocate_sheet(s: &mut Sheet, f: &dyn Fn(&Place) -> Place) {
    let at = |p: &mut Place| *p = f(p);
    at(&mut s.places.header);
    at(&mut s.places.prefecture);
    at(&mut s.places.region);
    at(&mut s.places.fiscal_year);
    if let Some(d) = &mut s.as_of {
        at(&mut d.place);
    }
    for g in &mut s.goals {
        at(&mut g.place);
        if let Some(p) = &mut g.indicator_place {
            at(p);
        }
    }
    let events = s
        .goals
        .iter_mut()
        .flat_map(|g| g.progress.iter_mut())
        .chain(s.hospital_collaboration.iter_mut());
    for e in events {
        at(&mut e.place);
        at(&mut e.status_place);
        for d in [&mut e.date, &mut e.rescheduled_from].into_iter().flatten() {
            at(&mut d.place);
        }
    }
    for c in &mut s.challenges {
        at(&mut c.place);
        at(&mut c.views_place);
        for p in c.view_places.iter_mut().flatten() {
            at(p);
        }
    }
    for i in &mut s.indicators {
        at(&mut i.place);
        at(&mut i.name_place);
        for p in [
            &mut i.baseline_place,
            &mut i.current_place,
            &mut i.target_place,
        ]
        .into_iter()
        .flatten()
        {
            at(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diag::Code;
    use rust_xlsxwriter::{Format, Workbook, Worksheet};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 9, 30).unwrap()
    }

    fn rows(ws: &mut Worksheet, rows: &[&[&str]]) {
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(r as u32, c as u16, *text).expect("write");
                }
            }
        }
    }

    /// A workbook of a small sheet, its columns in another order than export's.
    fn workbook(extra: impl FnOnce(&mut Workbook)) -> Vec<u8> {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("シート").unwrap();
        rows(
            ws,
            &[
                &["内容", "項目"],
                &["石川県", "都道府県"],
                &["南加賀", "圏域"],
                &["平成30年度", "年度"],
            ],
        );
        ws.write_datetime_with_format(
            4,
            0,
            rust_xlsxwriter::ExcelDateTime::from_ymd(2018, 9, 30).unwrap(),
            &Format::new().set_num_format("yyyy/m/d"),
        )
        .unwrap();
        ws.write_string(4, 1, "時点").unwrap();
        let ws = wb.add_worksheet().set_name("達成目標").unwrap();
        rows(ws, &[&["text", "番号"], &["地域移行を進める", "1"]]);
        let ws = wb.add_worksheet().set_name("進捗").unwrap();
        rows(
            ws,
            &[
                &["進捗状況", "目標番号", "状況", "日付"],
                &["第1回地域連絡会", "1", "予定", "11月2日"],
            ],
        );
        let ws = wb.add_worksheet().set_name("指標").unwrap();
        rows(
            ws,
            &[&["指標", "単位", "目標値"], &["地域移行数", "人", ""]],
        );
        ws.write_number(1, 2, 3.0).unwrap();
        let ws = wb.add_worksheet().set_name("課題").unwrap();
        rows(
            ws,
            &[
                &[
                    "課題",
                    "取組方針",
                    "行政側",
                    "医療側",
                    "事業者側",
                    "関係機関・住民等",
                ],
                &[
                    "減少が鈍化",
                    "・一つ目\n・二つ目",
                    "a",
                    "b",
                    "c",
                    "・x\n・y",
                ],
            ],
        );
        extra(&mut wb);
        wb.save_to_buffer().unwrap()
    }

    fn findings(report: &FileReport) -> Vec<(Code, String)> {
        report
            .diagnostics
            .iter()
            .map(|d| {
                let at = match &d.place {
                    Place::Cell(c) => c.to_string(),
                    Place::Text(s) => format!("{s:?}"),
                    Place::File => "file".to_string(),
                };
                (d.code(), at)
            })
            .collect()
    }

    #[test]
    fn a_workbook_loads_as_its_sheet() {
        let (report, sheet) = load_workbook("南加賀.xlsx", &workbook(|_| {}), today());
        assert!(report.source.is_none());
        assert_eq!(findings(&report), []);
        let s = sheet.unwrap();
        assert_eq!(s.region, "南加賀");
        assert_eq!(s.fiscal_year.start_year(), 2018);
        assert_eq!(s.as_of.as_ref().unwrap().date.to_iso(), "2018-09-30");
        assert_eq!(
            s.goals[0].progress[0].date.as_ref().unwrap().date.to_iso(),
            "2018-11-02"
        );
        assert_eq!(s.challenges[0].actions, ["一つ目", "二つ目"]);
        assert_eq!(s.challenges[0].views.community, ["x", "y"]);
        assert_eq!(s.challenges[0].views.administration, ["a"]);
        assert_eq!(s.places.region, Place::Cell(CellRef::new("シート", 2, 0)));
        assert_eq!(
            s.goals[0].progress[0].place,
            Place::Cell(CellRef::new("進捗", 1, 0))
        );
    }

    #[test]
    fn findings_point_at_cells() {
        let data = workbook(|wb| {
            let ws = wb.worksheet_from_name("進捗").unwrap();
            rows(
                ws,
                &[
                    &[],
                    &[],
                    &["", "9", "", "x"],
                    &["p", "", "予定", "2018-02-30"],
                ],
            );
            ws.write_string(0, 4, "担当者").unwrap();
            ws.write_boolean(3, 4, true).unwrap();
            let ws = wb.worksheet_from_name("達成目標").unwrap();
            ws.write_boolean(1, 2, true).unwrap();
            ws.write_string(0, 2, "ID").unwrap();
            let ws = wb.worksheet_from_name("指標").unwrap();
            rows(ws, &[&[], &[], &["地域移行数", "", ""]]);
            ws.write_string(0, 3, "現状値（今回）").unwrap();
            ws.write_string(1, 3, "x").unwrap();
            ws.write_formula(2, 3, "=A1").unwrap();
            let ws = wb.add_worksheet().set_name("Sheet1").unwrap();
            ws.write_string(0, 0, "x").unwrap();
        });
        let (report, _) = load_workbook("b.xlsx", &data, today());
        let found = findings(&report);
        for expected in [
            (Code::UnknownKey, "進捗!E1"),
            (Code::UnknownGoal, "進捗!B3"),
            (Code::BadDate, "進捗!D4"),
            (Code::Type, "達成目標!C2"),
            (Code::UnknownWorksheet, "Sheet1!A1"),
            (Code::DuplicateIndicator, "指標!A3"),
        ] {
            assert!(
                found.contains(&(expected.0, expected.1.to_string())),
                "{expected:?} in {found:#?}"
            );
        }
        // The formula saved with no value (rust_xlsxwriter saves 0 unless told):
        // either way a finding or a number, never a panic. The type finding names
        // the column as the workbook heads it.
        let type_msg = report
            .diagnostics
            .iter()
            .find(|d| d.place == Place::Cell(CellRef::new("達成目標", 1, 2)))
            .unwrap();
        assert!(
            matches!(&type_msg.msg, Msg::BadCell { column: "ID", .. }),
            "{type_msg:?}"
        );
        let dup = report
            .diagnostics
            .iter()
            .find(|d| d.code() == Code::DuplicateIndicator)
            .unwrap();
        assert!(
            matches!(&dup.msg, Msg::DuplicateIndicator { first: Position::Cell(c), .. } if c.to_string() == "指標!A2"),
            "{dup:?}"
        );
        assert!(report
            .diagnostics
            .iter()
            .all(|d| matches!(d.place, Place::Cell(_))));
    }

    #[test]
    fn a_missing_value_points_where_it_belongs() {
        let data = workbook(|wb| {
            let ws = wb.worksheet_from_name("シート").unwrap();
            // 圏域 with its 内容 left empty.
            ws.write_string(2, 0, " ").unwrap();
            let ws = wb.worksheet_from_name("進捗").unwrap();
            rows(ws, &[&[], &[], &["", "1", "予定", "11/3"]]);
        });
        let (report, sheet) = load_workbook("b.xlsx", &data, today());
        let found = findings(&report);
        assert!(
            found.contains(&(Code::Missing, "シート!A3".into())),
            "{found:#?}"
        );
        assert!(
            found.contains(&(Code::Missing, "進捗!A3".into())),
            "{found:#?}"
        );
        assert!(sheet.is_none());
    }

    /// 25% typed in Excel (0.25 in a percent format) is 25 in the unit `%`:
    /// clean where 単位 is `%`, the indicator's unit where 単位 is blank, and
    /// `unit-mismatch` where 単位 is another unit.
    #[test]
    fn a_percentage_typed_in_excel_is_the_number_it_shows() {
        let data = workbook(|wb| {
            let ws = wb.worksheet_from_name("指標").unwrap();
            rows(
                ws,
                &[
                    &["指標", "単位", "目標値", "現状値（第1回会議時）"],
                    &[],
                    &["実施率", "％"],
                    &["参加率", ""],
                    &["退院者数", "人"],
                ],
            );
            let percent = Format::new().set_num_format("0%");
            for row in 2..=4 {
                ws.write_number_with_format(row, 3, 0.25, &percent).unwrap();
            }
            ws.write_number_with_format(2, 2, 0.5, &Format::new().set_num_format_index(10))
                .unwrap();
            ws.write_number(3, 2, 40.0).unwrap();
            ws.write_number(4, 2, 30.0).unwrap();
        });
        let loaded = read_workbook("b.xlsx", &data, today());
        let found = findings(&loaded.report);
        assert_eq!(
            found,
            [(Code::UnitMismatch, "指標!D5".to_string())],
            "{:#?}",
            loaded.report.diagnostics
        );
        let s = loaded.sheet.unwrap();
        let i = &s.indicators;
        assert_eq!(i[1].name, "実施率");
        assert_eq!(
            i[1].baseline.as_ref().and_then(|v| v.as_number()),
            Some(25.0)
        );
        assert_eq!(i[1].target.as_ref().and_then(|v| v.as_number()), Some(50.0));
        assert_eq!(i[1].unit.as_deref(), Some("％"));
        assert_eq!(i[2].unit.as_deref(), Some("%"));
        assert_eq!(
            i[2].baseline.as_ref().and_then(|v| v.as_number()),
            Some(25.0)
        );
        assert_eq!(i[2].target.as_ref().and_then(|v| v.as_number()), Some(40.0));
        // Imported as it means: bare numbers, the unit where 単位 was blank.
        let doc = loaded.doc.unwrap();
        let written = doc::write(&doc, None).text;
        assert!(
            written.contains("name = \"参加率\"\nunit = \"%\"\nbaseline = 25\ntarget = 40\n"),
            "{written}"
        );
        assert!(written.contains("baseline = \"25%\""), "{written}");
    }

    #[test]
    fn not_a_workbook_is_one_finding() {
        let (report, sheet) = load_workbook("x.xlsx", b"a,b\n1,2\n", today());
        assert!(sheet.is_none());
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code(), Code::BadWorkbook);
    }
}
