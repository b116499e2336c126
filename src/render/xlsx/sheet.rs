//! A sheet in the workbook form of SPEC §6 (`export`), and the blank of that form
//! to hand out (`new --out FILE.xlsx`).
//!
//! Every value goes where the reader finds it again, so that importing the
//! workbook gives the sheet back (`sheet diff` finds nothing): numbers as number
//! cells, days as date cells, dates that say more than a day (`11月中旬`, `年度末`)
//! and qualitative values as the text written, lists of statements as lines after
//! `・` in one cell.

use std::borrow::Cow;

use super::layout::{self, Column as Header};
use super::{
    date_cell, list_cell, status_word, value_cell, Book, Cell, Column, DropDown, Table, WriteError,
    FORM_ROWS,
};
use crate::core::fiscal::FiscalYear;
use crate::core::model::{Challenge, DateValue, Event, Goal, Indicator, Sheet, View};
use crate::i18n::Lang;

/// Room to write in a form, however little the sheet holds: a long text (the
/// summary), a sentence, a name or a short note (characters).
const WRITE_LONG: f64 = 80.0;
const WRITE_TEXT: f64 = 40.0;
const WRITE_NAME: f64 = 20.0;

/// The parts of `[sheet]` the `シート` worksheet holds.
struct Head<'a> {
    prefecture: &'a str,
    region: &'a str,
    fiscal_year: FiscalYear,
    meeting: Option<&'a str>,
    as_of: Option<&'a DateValue>,
    theme: Option<&'a str>,
    summary: Option<&'a str>,
}

/// The whole sheet in the workbook form, with the `印刷` worksheet to print.
pub fn workbook(sheet: &Sheet, lang: Lang) -> Result<Vec<u8>, WriteError> {
    let head = Head {
        prefecture: &sheet.prefecture,
        region: &sheet.region,
        fiscal_year: sheet.fiscal_year,
        meeting: sheet.meeting.as_deref(),
        as_of: sheet.as_of.as_ref(),
        theme: sheet.theme.as_deref(),
        summary: sheet.summary.as_deref(),
    };
    let mut book = Book::new(lang)?;
    book.notes(
        layout::Part::Howto.name(),
        crate::i18n::workbook::howto(lang),
    )?;
    form(
        &mut book,
        &head,
        Parts {
            goals: &sheet.goals,
            strengths: &sheet.strengths,
            challenges: &sheet.challenges,
            indicators: &sheet.indicators,
            hospital: &sheet.hospital_collaboration,
            concerns: &sheet.concerns,
            questions: &sheet.questions,
        },
        lang,
    )?;
    super::print::worksheet(&mut book, sheet)?;
    book.finish()
}

/// A blank workbook to hand out: prefecture, region and fiscal year filled in.
pub fn blank(
    prefecture: &str,
    region: &str,
    fiscal_year: FiscalYear,
    lang: Lang,
) -> Result<Vec<u8>, WriteError> {
    let head = Head {
        prefecture,
        region,
        fiscal_year,
        meeting: None,
        as_of: None,
        theme: None,
        summary: None,
    };
    let mut book = Book::new(lang)?;
    book.notes(
        layout::Part::Howto.name(),
        crate::i18n::workbook::howto(lang),
    )?;
    form(&mut book, &head, Parts::default(), lang)?;
    book.finish()
}

/// The lists of a sheet, one worksheet each.
#[derive(Default)]
struct Parts<'a> {
    goals: &'a [Goal],
    strengths: &'a [String],
    challenges: &'a [Challenge],
    indicators: &'a [Indicator],
    hospital: &'a [Event],
    concerns: &'a [String],
    questions: &'a [String],
}

fn columns(headers: &[Header]) -> Vec<Column<'static>> {
    headers.iter().map(|h| Column::new(h.label)).collect()
}

fn table<'a>(name: &'a str, columns: Vec<Column<'a>>, rows: Vec<Vec<Cell<'a>>>) -> Table<'a> {
    Table {
        name: Cow::Borrowed(name),
        columns,
        rows,
        filter: false,
        form_rows: FORM_ROWS,
    }
}

/// The worksheets of SPEC §6 but `印刷`, in its order.
fn form(book: &mut Book, head: &Head<'_>, parts: Parts<'_>, lang: Lang) -> Result<(), WriteError> {
    book.table(&sheet_table(head))?;
    book.table(&goals_table(parts.goals))?;
    book.table(&progress_table(parts.goals, lang))?;
    book.table(&one_column(
        layout::Part::Strengths.name(),
        &layout::STRENGTH_COLUMNS[0],
        parts.strengths,
    ))?;
    book.table(&challenges_table(parts.challenges))?;
    book.table(&indicators_table(parts.indicators, lang))?;
    book.table(&hospital_table(parts.hospital, lang))?;
    book.table(&one_column(
        layout::Part::Concerns.name(),
        &layout::CONCERN_COLUMNS[0],
        parts.concerns,
    ))?;
    book.table(&one_column(
        layout::Part::Questions.name(),
        &layout::QUESTION_COLUMNS[0],
        parts.questions,
    ))?;
    Ok(())
}

/// `シート`: a row for every field, blank when the sheet has none (to fill in).
fn sheet_table<'a>(h: &'a Head<'a>) -> Table<'a> {
    let values: [Cell<'a>; 8] = [
        Cell::Number(1.0),
        Cell::text(h.prefecture),
        Cell::text(h.region),
        Cell::owned(h.fiscal_year.era_ja()),
        Cell::opt(h.meeting),
        h.as_of.map_or(Cell::Empty, date_cell),
        Cell::opt(h.theme),
        Cell::opt(h.summary),
    ];
    let rows = layout::SHEET_FIELDS
        .iter()
        .zip(values)
        .map(|(field, value)| vec![Cell::text(field.label), value])
        .collect();
    let mut columns = columns(&layout::SHEET_COLUMNS);
    columns[1] = columns[1].clone().wide().at_least(WRITE_LONG);
    Table {
        form_rows: 0,
        ..table(layout::Part::Sheet.name(), columns, rows)
    }
}

fn goals_table(goals: &[Goal]) -> Table<'_> {
    let rows = goals
        .iter()
        .enumerate()
        .map(|(n, g)| {
            vec![
                Cell::count(n + 1),
                Cell::text(&g.text),
                Cell::opt(g.indicator.as_deref()),
                Cell::opt(g.id.as_deref()),
            ]
        })
        .collect();
    let mut columns = columns(&layout::GOAL_COLUMNS);
    columns[1] = columns[1].clone().wide().at_least(WRITE_TEXT);
    columns[2] = columns[2].clone().at_least(WRITE_NAME);
    table(layout::Part::Goals.name(), columns, rows)
}

/// A status as its drop-down word; none (a plain note) as an empty cell.
fn status_cell(event: &Event, lang: Lang) -> Cell<'static> {
    event
        .status
        .map_or(Cell::Empty, |s| Cell::text(status_word(lang, s)))
}

fn opt_date(d: Option<&DateValue>) -> Cell<'_> {
    d.map_or(Cell::Empty, date_cell)
}

/// An item's date: an item written `date = "未定"` has no date but the text 未定,
/// which the import reads back as undetermined rather than as no date.
fn event_date(e: &Event) -> Cell<'_> {
    match &e.date {
        None if e.date_undetermined => Cell::text(crate::core::indicator::UNDETERMINED),
        d => opt_date(d.as_ref()),
    }
}

fn progress_table(goals: &[Goal], lang: Lang) -> Table<'_> {
    let rows = goals
        .iter()
        .enumerate()
        .flat_map(|(n, g)| g.progress.iter().map(move |p| (n, p)))
        .map(|(n, p)| {
            vec![
                Cell::count(n + 1),
                event_date(p),
                status_cell(p, lang),
                Cell::text(&p.text),
                opt_date(p.rescheduled_from.as_ref()),
                Cell::opt(p.note.as_deref()),
            ]
        })
        .collect();
    let mut columns = columns(&layout::PROGRESS_COLUMNS);
    columns[1] = columns[1].clone().date();
    columns[2] = columns[2].clone().with(DropDown::Status);
    columns[3] = columns[3].clone().wide().at_least(WRITE_TEXT);
    columns[4] = columns[4].clone().date();
    columns[5] = columns[5].clone().at_least(WRITE_NAME);
    table(layout::Part::Progress.name(), columns, rows)
}

fn one_column<'a>(name: &'a str, header: &Header, items: &'a [String]) -> Table<'a> {
    let rows = items.iter().map(|s| vec![Cell::text(s)]).collect();
    table(
        name,
        vec![Column::new(header.label).wide().at_least(WRITE_TEXT)],
        rows,
    )
}

fn challenges_table(challenges: &[Challenge]) -> Table<'_> {
    let rows = challenges
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let mut row = vec![
                Cell::count(n + 1),
                Cell::text(&c.text),
                list_cell(&c.actions),
            ];
            for v in View::ALL {
                debug_assert_eq!(layout::view_column(v), row.len());
                row.push(list_cell(c.views.get(v)));
            }
            row.push(Cell::opt(c.id.as_deref()));
            row
        })
        .collect();
    let columns = layout::CHALLENGE_COLUMNS
        .iter()
        .map(|h| match h.label {
            "番号" | "ID" => Column::new(h.label),
            "課題" | "取組方針" => Column::new(h.label).wide().at_least(WRITE_TEXT),
            // Four views side by side: narrower, so the row stays readable.
            _ => Column::new(h.label).at_least(WRITE_NAME),
        })
        .collect();
    table(layout::Part::Challenges.name(), columns, rows)
}

fn indicators_table(indicators: &[Indicator], lang: Lang) -> Table<'_> {
    let rows = indicators
        .iter()
        .map(|i| {
            let value = |v: Option<&crate::core::model::Value>| v.map_or(Cell::Empty, value_cell);
            vec![
                Cell::text(&i.name),
                Cell::opt(i.reason.as_deref()),
                Cell::opt(i.unit.as_deref()),
                i.better_written
                    .map_or(Cell::Empty, |b| Cell::text(super::better_word(lang, b))),
                value(i.baseline.as_ref()),
                value(i.current.as_ref()),
                value(i.target.as_ref()),
            ]
        })
        .collect();
    let mut columns = columns(&layout::INDICATOR_COLUMNS);
    columns[0] = columns[0].clone().at_least(WRITE_NAME);
    columns[1] = columns[1].clone().at_least(WRITE_NAME);
    columns[3] = columns[3].clone().with(DropDown::Better);
    table(layout::Part::Indicators.name(), columns, rows)
}

fn hospital_table(items: &[Event], lang: Lang) -> Table<'_> {
    let rescheduled = items.iter().any(|e| e.rescheduled_from.is_some());
    let rows = items
        .iter()
        .map(|e| {
            let mut row = vec![
                event_date(e),
                status_cell(e, lang),
                Cell::opt(e.organizer.as_deref()),
                Cell::text(&e.text),
                Cell::opt(e.note.as_deref()),
            ];
            if rescheduled {
                row.push(opt_date(e.rescheduled_from.as_ref()));
            }
            row
        })
        .collect();
    // `元の予定` (not in SPEC §6's list) only for a sheet that needs it, last.
    let (written, rescheduled_column): (Vec<layout::Column>, Vec<layout::Column>) =
        layout::HOSPITAL_COLUMNS
            .iter()
            .partition(|c| c.key != "rescheduled_from");
    let mut columns = columns(&written);
    columns[0] = columns[0].clone().date();
    columns[1] = columns[1].clone().with(DropDown::Status);
    columns[2] = columns[2].clone().at_least(WRITE_NAME / 2.0);
    columns[3] = columns[3].clone().wide().at_least(WRITE_TEXT);
    columns[4] = columns[4].clone().at_least(WRITE_NAME);
    if rescheduled {
        columns.extend(
            rescheduled_column
                .iter()
                .map(|c| Column::new(c.label).date()),
        );
    }
    table(layout::Part::Hospital.name(), columns, rows)
}
