//! `compare --format xlsx`: the parts of the comparison a worksheet each —
//! overview, blank views, indicators, themes, questions, and the briefing's texts
//! and timeline (SPEC §5) — with regions as rows, so that thousands of regions stay
//! a table to filter and sort.

use super::progress::{indicators, report_table};
use super::{date_cell, status_word, Book, Cell, Column, WorkbookReport, WriteError};
use crate::core::model::View;
use crate::i18n::report as words;
use crate::i18n::workbook::{yes_no, X};
use crate::i18n::Lang;
use crate::report::compare::{CompareReport, RegionSummary, Section, TimelineItem};

impl WorkbookReport for CompareReport {
    fn workbook(&self, lang: Lang) -> Result<Vec<u8>, WriteError> {
        let mut book = Book::new(lang)?;
        book.table(&overview(self, lang))?;
        book.table(&blank_views(self, lang))?;
        let lead = vec![
            Column::new(X::Indicator.get(lang)),
            Column::new(X::Label.get(lang)),
        ];
        let rows =
            self.indicators.iter().flat_map(|across| {
                across.regions.0.iter().map(move |(label, row)| {
                    (vec![Cell::text(&across.name), Cell::text(label)], row)
                })
            });
        book.table(&indicators(
            X::SheetIndicatorsAcross.get(lang),
            lead,
            rows,
            lang,
        ))?;
        book.table(&themes(self, lang))?;
        book.table(&questions(self, lang))?;
        book.table(&texts(self, lang))?;
        book.table(&timeline(self, lang))?;
        book.finish()
    }
}

/// A figure of a region: its header, and how it is read off the region.
type Figure = (X, fn(&RegionSummary) -> usize);

/// The figures of a region, as `compare` counts them.
const FIGURES: [Figure; 17] = [
    (X::Goals, |r| r.goals),
    (X::Done, |r| r.progress.done),
    (X::Planned, |r| r.progress.planned),
    (X::InProgress, |r| r.progress.in_progress),
    (X::Postponed, |r| r.progress.postponed),
    (X::Cancelled, |r| r.progress.cancelled),
    (X::NoStatus, |r| r.progress.note),
    (X::OverdueCount, |r| r.progress.overdue),
    (X::Challenges, |r| r.challenges),
    (X::ViewsFilled, |r| r.views.total().filled),
    (X::ViewsEmpty, |r| r.views.total().empty),
    (X::Indicators, |r| r.indicators.total),
    (X::Numeric, |r| r.indicators.numeric),
    (X::IndicatorsAchieved, |r| r.indicators.achieved),
    (X::Undetermined, |r| r.indicators.undetermined),
    (X::Concerns, |r| r.concerns),
    (X::Questions, |r| r.questions),
];

fn overview<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let mut columns = vec![
        Column::new(X::Label.get(lang)),
        Column::new(X::Prefecture.get(lang)),
        Column::new(X::Region.get(lang)),
        Column::new(X::FiscalYear.get(lang)),
        Column::new(X::JudgedAt.get(lang)).date(),
    ];
    columns.extend(FIGURES.iter().map(|(x, _)| Column::new(x.get(lang))));
    let rows = report
        .regions
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::text(&r.label),
                Cell::text(&r.prefecture),
                Cell::text(&r.region),
                Cell::Number(f64::from(r.fiscal_year.start_year())),
                Cell::Date(r.as_of),
            ];
            row.extend(FIGURES.iter().map(|(_, figure)| Cell::count(figure(r))));
            row
        })
        .collect();
    report_table(X::SheetOverview.get(lang), columns, rows)
}

/// How many challenges of each region leave each view blank.
fn blank_views<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let mut columns = vec![
        Column::new(X::Label.get(lang)),
        Column::new(X::Challenges.get(lang)),
    ];
    columns.extend(View::ALL.map(|v| Column::new(words::view(lang, v))));
    let rows = report
        .regions
        .iter()
        .map(|r| {
            let mut row = vec![Cell::text(&r.label), Cell::count(r.challenges)];
            row.extend(View::ALL.map(|v| Cell::count(r.views.get(v).empty)));
            row
        })
        .collect();
    report_table(X::SheetBlankViews.get(lang), columns, rows)
}

/// How many texts of each region mention each theme: a column per theme.
fn themes<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let mut columns = vec![Column::new(X::Label.get(lang))];
    columns.extend(report.themes.iter().map(|t| Column::new(t.theme.as_str())));
    let rows = report
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![Cell::text(&r.label)];
            // A theme's counts are in the order of the regions, one each.
            row.extend(report.themes.iter().map(|t| {
                t.regions
                    .0
                    .get(i)
                    .map_or(Cell::Empty, |(_, n)| Cell::count(*n))
            }));
            row
        })
        .collect();
    report_table(X::SheetThemes.get(lang), columns, rows)
}

/// Each question, its themes and whom to ask.
fn questions<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let columns = vec![
        Column::new(X::Label.get(lang)),
        Column::new(X::Question.get(lang)).wide(),
        Column::new(X::Themes.get(lang)),
        Column::new(X::Ask.get(lang)).wide(),
    ];
    let sep = words::list_sep(lang);
    let rows = report
        .questions
        .iter()
        .map(|q| {
            let themes = q
                .themes
                .iter()
                .map(|t| t.as_ref())
                .collect::<Vec<_>>()
                .join(sep);
            let ask = q
                .mentions
                .0
                .iter()
                .map(|(label, n)| words::ask_entry(lang, label, *n))
                .collect::<Vec<_>>()
                .join(sep);
            vec![
                Cell::text(&q.label),
                Cell::text(&q.question),
                Cell::owned(themes),
                Cell::owned(ask),
            ]
        })
        .collect();
    report_table(X::SheetQuestions.get(lang), columns, rows)
}

/// Each region's texts, a row each: what an advisor reads before the meeting.
fn texts<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let columns = vec![
        Column::new(X::Label.get(lang)),
        Column::new(X::Kind.get(lang)),
        Column::new(X::Number.get(lang)),
        Column::new(X::Text.get(lang)).wide(),
    ];
    let mut rows = Vec::new();
    for r in &report.regions {
        let t = &r.texts;
        let kinds = [
            (X::KindGoal, &t.goals),
            (X::KindStrength, &t.strengths),
            (X::KindChallenge, &t.challenges),
            (X::KindConcern, &t.concerns),
            (X::KindQuestion, &t.questions),
        ];
        for (kind, items) in kinds {
            for (n, text) in items.iter().enumerate() {
                rows.push(vec![
                    Cell::text(&r.label),
                    Cell::text(kind.get(lang)),
                    Cell::count(n + 1),
                    Cell::text(text),
                ]);
            }
        }
    }
    report_table(X::SheetTexts.get(lang), columns, rows)
}

/// The timeline across regions, by date, then the open items without a date.
fn timeline<'a>(report: &'a CompareReport, lang: Lang) -> super::Table<'a> {
    let columns = vec![
        Column::new(X::Date.get(lang)).date(),
        Column::new(X::Status.get(lang)),
        Column::new(X::Overdue.get(lang)),
        Column::new(X::Label.get(lang)),
        Column::new(X::Kind.get(lang)),
        Column::new(X::Goal.get(lang)).wide(),
        Column::new(X::What.get(lang)).wide(),
        Column::new(X::Organizer.get(lang)),
        Column::new(X::Note.get(lang)).wide(),
    ];
    let row = |i: &'a TimelineItem| {
        let date = match (&i.date, &i.date_text) {
            (Some(d), _) => date_cell(d),
            // `未定`: no date fixed yet, said as every output says it.
            (None, Some(written)) => Cell::text(written),
            (None, None) => Cell::Empty,
        };
        let kind = match i.section {
            Section::Progress => X::KindProgress,
            Section::HospitalCollaboration => X::KindHospital,
        };
        vec![
            date,
            i.status
                .map_or(Cell::Empty, |s| Cell::text(status_word(lang, s))),
            Cell::text(yes_no(lang, i.overdue)),
            Cell::text(&i.label),
            Cell::text(kind.get(lang)),
            Cell::opt(i.goal.as_deref()),
            Cell::text(&i.text),
            Cell::opt(i.organizer.as_deref()),
            Cell::opt(i.note.as_deref()),
        ]
    };
    let rows = report
        .timeline
        .iter()
        .chain(&report.undated)
        .map(row)
        .collect();
    report_table(X::SheetTimeline.get(lang), columns, rows)
}
