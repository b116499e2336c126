//! `progress --format xlsx`: the goals with their progress items, and the
//! indicators, a worksheet each, a row per item with the region on every row so
//! that the autofilter can pick any region.

use std::borrow::Cow;

use super::{
    better_word, date_cell, report_value_cell, status_word, value_notes, Book, Cell, Column,
    DropDown, Table, WorkbookReport, WriteError,
};
use crate::i18n::workbook::{yes_no, X};
use crate::i18n::Lang;
use crate::report::progress::{ProgressReport, RegionProgress};
use crate::report::IndicatorRow;

impl WorkbookReport for ProgressReport {
    fn workbook(&self, lang: Lang) -> Result<Vec<u8>, WriteError> {
        let mut book = Book::new(lang)?;
        book.table(&goals(self, lang))?;
        let mut lead = region_columns(lang);
        lead.push(Column::new(X::Indicator.get(lang)));
        let rows = self.regions.iter().flat_map(|r| {
            r.indicators.iter().map(move |i| {
                let mut row: Vec<Cell<'_>> = region_cells(r).into();
                row.push(Cell::text(&i.name));
                (row, i)
            })
        });
        book.table(&indicators(X::SheetIndicators.get(lang), lead, rows, lang))?;
        book.finish()
    }
}

/// The columns that say which region a row is about.
fn region_cells(r: &RegionProgress) -> [Cell<'_>; 4] {
    [
        Cell::text(&r.label),
        Cell::text(&r.prefecture),
        Cell::Number(f64::from(r.fiscal_year.start_year())),
        Cell::Date(r.as_of),
    ]
}

fn region_columns(lang: Lang) -> Vec<Column<'static>> {
    vec![
        Column::new(X::Label.get(lang)),
        Column::new(X::Prefecture.get(lang)),
        Column::new(X::FiscalYear.get(lang)),
        Column::new(X::JudgedAt.get(lang)).date(),
    ]
}

/// A row for each progress item (a goal without one has a row of its own).
fn goals<'a>(report: &'a ProgressReport, lang: Lang) -> Table<'a> {
    let mut columns = region_columns(lang);
    columns.extend([
        Column::new(X::GoalNumber.get(lang)),
        Column::new(X::Goal.get(lang)).wide(),
        Column::new(X::GoalIndicator.get(lang)),
        Column::new(X::Date.get(lang)).date(),
        Column::new(X::Status.get(lang)).with(DropDown::Status),
        Column::new(X::Overdue.get(lang)),
        Column::new(X::Item.get(lang)).wide(),
        Column::new(X::RescheduledFrom.get(lang)).date(),
        Column::new(X::Note.get(lang)).wide(),
    ]);
    let mut rows = Vec::new();
    for r in &report.regions {
        for (n, g) in r.goals.iter().enumerate() {
            let goal = || {
                let mut row: Vec<Cell<'a>> = region_cells(r).into();
                row.extend([
                    Cell::count(n + 1),
                    Cell::text(&g.text),
                    Cell::opt(g.indicator.as_deref()),
                ]);
                row
            };
            if g.progress.is_empty() {
                rows.push(goal());
            }
            for p in &g.progress {
                let mut row = goal();
                row.extend([
                    p.date.as_ref().map_or(Cell::Empty, date_cell),
                    p.status
                        .map_or(Cell::Empty, |s| Cell::text(status_word(lang, s))),
                    Cell::text(yes_no(lang, p.overdue)),
                    Cell::text(&p.text),
                    p.rescheduled_from.as_ref().map_or(Cell::Empty, date_cell),
                    Cell::opt(p.note.as_deref()),
                ]);
                rows.push(row);
            }
        }
    }
    report_table(X::SheetGoals.get(lang), columns, rows)
}

pub(super) fn report_table<'a>(
    name: &'a str,
    columns: Vec<Column<'a>>,
    rows: Vec<Vec<Cell<'a>>>,
) -> Table<'a> {
    Table {
        name: Cow::Borrowed(name),
        columns,
        rows,
        filter: true,
        form_rows: 0,
    }
}

/// Indicator rows, each led by cells saying whose it is (`lead` the headers of
/// those cells): the region and the name here, the name and the region in
/// `compare`.
pub(super) fn indicators<'a>(
    name: &'a str,
    mut columns: Vec<Column<'a>>,
    rows: impl Iterator<Item = (Vec<Cell<'a>>, &'a IndicatorRow)>,
    lang: Lang,
) -> Table<'a> {
    columns.extend([
        Column::new(X::Unit.get(lang)),
        Column::new(X::Better.get(lang)).with(DropDown::Better),
        Column::new(X::Baseline.get(lang)),
        Column::new(X::Current.get(lang)),
        Column::new(X::Target.get(lang)),
        Column::new(X::ValueNotes.get(lang)).wide(),
        Column::new(X::Verdict.get(lang)),
        Column::new(X::Achieved.get(lang)),
        Column::new(X::ProgressPct.get(lang)),
        Column::new(X::PctOfTarget.get(lang)),
        Column::new(X::MetAtBaseline.get(lang)),
        Column::new(X::Reason.get(lang)).wide(),
    ]);
    let rows = rows
        .map(|(mut row, i)| {
            row.extend(indicator_cells(i, lang));
            row
        })
        .collect();
    report_table(name, columns, rows)
}

/// An indicator's values, numbers as numbers (also those written with their
/// unit, [`report_value_cell`]), and its assessment (SPEC §3).
fn indicator_cells(i: &IndicatorRow, lang: Lang) -> [Cell<'_>; 12] {
    let value = |v: Option<&crate::core::model::Value>| v.map_or(Cell::Empty, report_value_cell);
    let share = |pct: Option<f64>| pct.map_or(Cell::Empty, |p| Cell::Percent(p / 100.0));
    [
        Cell::opt(i.unit.as_deref()),
        Cell::text(better_word(lang, i.better)),
        value(i.baseline.as_ref()),
        value(i.current.as_ref()),
        value(i.target.as_ref()),
        value_notes([
            (X::Baseline.get(lang), i.baseline.as_ref()),
            (X::Current.get(lang), i.current.as_ref()),
            (X::Target.get(lang), i.target.as_ref()),
        ]),
        Cell::text(crate::i18n::report::verdict(lang, i.verdict)),
        i.achieved
            .map_or(Cell::Empty, |a| Cell::text(yes_no(lang, a))),
        share(i.progress_pct),
        share(i.pct_of_target),
        if i.target_already_met {
            Cell::text(yes_no(lang, true))
        } else {
            Cell::Empty
        },
        Cell::opt(i.reason.as_deref()),
    ]
}
