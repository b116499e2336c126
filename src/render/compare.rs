//! `compare` for people: the regions side by side — what each has written, which
//! views are blank, indicators of the same name, themes, and whom to ask each
//! question — as terminal tables, Markdown or tidy CSV (JSON is the report itself).

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

pub mod html;
mod texts;

pub use texts::{date_shown, item_content};

use super::indicator::{
    bool_text, csv_fields, pct_text, unit_after_number, value_text, verdict_color, verdict_text,
};
use crate::core::fiscal::FiscalYear;
use crate::core::model::View;
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::report::compare::{CompareReport, IndicatorAcross, QuestionRow, RegionSummary};
use crate::report::IndicatorRow;
use crate::table::{self, Align, Cell, Color, Look, Rules, Table};

/// The title line and the notes on mixed prefectures or fiscal years.
fn heading(report: &CompareReport, lang: Lang) -> (String, Vec<String>) {
    let years: Vec<FiscalYear> = report
        .fiscal_years
        .iter()
        .filter_map(|y| FiscalYear::new(*y))
        .collect();
    let mut scope = Vec::new();
    if !report.mixed_prefectures() {
        scope.extend(report.prefectures.first().cloned());
    }
    if let [fy] = years.as_slice() {
        scope.push(words::fiscal_year(lang, *fy));
    }
    let first = report.regions.first().map(|r| (r.as_of, r.as_of_source));
    let as_of = match first {
        Some((d, s))
            if report
                .regions
                .iter()
                .all(|r| (r.as_of, r.as_of_source) == (d, s)) =>
        {
            words::as_of(lang, d, s)
        }
        _ => words::as_of_per_region(lang).to_string(),
    };
    let sep = lang.pick("　", ", ");
    let regions = report
        .regions
        .iter()
        .map(|r| (&r.prefecture, &r.region))
        .collect::<std::collections::HashSet<_>>()
        .len();
    let sheets = report.regions.len();
    let title = words::compare_title(lang, regions, sheets, &scope.join(sep), &as_of);
    let mut notes = Vec::new();
    if report.mixed_prefectures() {
        notes.push(words::mixed_prefectures(lang, &report.prefectures));
    }
    if report.mixed_fiscal_years() {
        notes.push(words::mixed_fiscal_years(lang, &years));
    }
    (title, notes)
}

/// One line of the overview: a label, a figure per region, and a colour for
/// figures above zero that a reviewer should notice.
struct Figure {
    label: W,
    value: fn(&RegionSummary) -> usize,
    /// The colour of a figure above zero.
    alert: Option<Color>,
    /// The colour of a zero (a region with no goals or no indicator).
    alert_zero: Option<Color>,
}

impl Figure {
    const fn new(label: W, value: fn(&RegionSummary) -> usize) -> Figure {
        Figure {
            label,
            value,
            alert: None,
            alert_zero: None,
        }
    }

    const fn alert(self, color: Color) -> Figure {
        Figure {
            alert: Some(color),
            ..self
        }
    }

    const fn alert_zero(self, color: Color) -> Figure {
        Figure {
            alert_zero: Some(color),
            ..self
        }
    }
}

const FIGURES: &[Figure] = &[
    Figure::new(W::RowGoals, |r| r.goals).alert_zero(Color::Magenta),
    Figure::new(W::RowDone, |r| r.progress.done),
    Figure::new(W::RowPlanned, |r| r.progress.planned),
    Figure::new(W::RowInProgress, |r| r.progress.in_progress),
    Figure::new(W::RowPostponed, |r| r.progress.postponed).alert(Color::Yellow),
    Figure::new(W::RowCancelled, |r| r.progress.cancelled).alert(Color::Yellow),
    Figure::new(W::RowNote, |r| r.progress.note),
    Figure::new(W::RowOverdue, |r| r.progress.overdue).alert(Color::Red),
    Figure::new(W::RowChallenges, |r| r.challenges),
    Figure::new(W::RowViewsFilled, |r| r.views_total.filled),
    Figure::new(W::RowViewsEmpty, |r| r.views_total.empty).alert(Color::Yellow),
    Figure::new(W::RowIndicators, |r| r.indicators.total).alert_zero(Color::Magenta),
    Figure::new(W::RowNumeric, |r| r.indicators.numeric),
    Figure::new(W::RowAchieved, |r| r.indicators.achieved),
    Figure::new(W::RowUndetermined, |r| r.indicators.undetermined).alert(Color::Magenta),
    Figure::new(W::RowConcerns, |r| r.concerns),
    Figure::new(W::RowQuestions, |r| r.questions),
];

/// Whom to ask; where nobody can answer, who shares the problem.
fn ask_text(q: &QuestionRow, lang: Lang, sep: &str) -> String {
    let entries = |map: &crate::report::ByLabel<usize>| {
        map.0
            .iter()
            .map(|(l, n)| words::ask_entry(lang, l, *n))
            .collect::<Vec<_>>()
            .join(sep)
    };
    if !q.mentions.0.is_empty() {
        return entries(&q.mentions);
    }
    let none = W::NoneFound.get(lang);
    if q.shared.0.is_empty() {
        return none.to_string();
    }
    format!(
        "{none}{sep}{}{}{}",
        W::Shared.get(lang),
        lang.pick("：", ": "),
        entries(&q.shared)
    )
}

fn themes_text(q: &QuestionRow, lang: Lang, sep: &str) -> String {
    if q.themes.is_empty() {
        return W::NoneFound.get(lang).to_string();
    }
    q.themes.join(sep)
}

/// The terminal tables: the overview, blank views, indicators, themes and
/// questions, one section after the other. Tables of regions side by side are
/// continued below when the regions do not fit the width.
pub fn table(
    out: &mut dyn Write,
    report: &CompareReport,
    look: &Look,
    lang: Lang,
) -> io::Result<()> {
    let (title, notes) = heading(report, lang);
    let title = table::terminal_text(&title);
    table::write_wrapped(out, look, "", &title)?;
    let rule = table::display_width(&title).min(look.text_width().unwrap_or(usize::MAX));
    writeln!(out, "{}", "=".repeat(rule))?;
    for note in &notes {
        table::write_wrapped(out, look, "", note)?;
    }
    if report.regions.is_empty() {
        writeln!(out, "{}", W::NoRegions.get(lang))?;
        return Ok(());
    }
    let s = Sections {
        report,
        heads: report
            .regions
            .iter()
            .map(|r| table::header_cell(&r.label))
            .collect(),
        look,
        lang,
    };
    overview(out, &s)?;
    blank_views(out, &s)?;
    indicators(out, &s)?;
    themes(out, &s)?;
    texts::texts(out, report, look, lang)?;
    texts::timeline(out, report, look, lang)?;
    questions(out, &s)
}

/// What every section of the table format needs.
struct Sections<'a> {
    report: &'a CompareReport,
    /// The regions' labels as header cells.
    heads: Vec<Cell>,
    look: &'a Look,
    lang: Lang,
}

impl Sections<'_> {
    /// Groups of regions whose columns, each at least `min` wide, fit the width
    /// beside a first column `first` wide.
    fn groups(&self, first: usize, min: usize) -> Vec<Range<usize>> {
        let widths: Vec<usize> = self.heads.iter().map(|h| h.width().max(min)).collect();
        table::column_groups(first, &widths, self.look.width)
    }

    /// A table of the regions of `group` side by side, after a first column
    /// headed `first`.
    fn side_by_side(&self, first: &str, group: &Range<usize>, rules: Rules) -> Table {
        let mut t = table::new_table(self.look, rules);
        let mut head = vec![table::header_cell(first)];
        head.extend_from_slice(&self.heads[group.clone()]);
        t.set_header(head);
        t
    }
}

/// Overview: figures as rows, regions as columns.
fn overview(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let lang = s.lang;
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Overview.get(lang)))?;
    let names: Vec<Cell> = FIGURES
        .iter()
        .map(|f| table::text_cell(f.label.get(lang)))
        .collect();
    let first = names.iter().map(Cell::width).max().unwrap_or(0);
    for group in s.groups(first, 4) {
        let mut t = s.side_by_side(W::Item.get(lang), &group, Rules::HeaderOnly);
        for (f, name) in FIGURES.iter().zip(&names) {
            let mut row = vec![name.clone()];
            for r in &s.report.regions[group.clone()] {
                let n = (f.value)(r);
                let color = if n > 0 { f.alert } else { f.alert_zero };
                row.push(table::right_cell(n.to_string()).color(color));
            }
            t.add_row(row);
        }
        table::write_table(out, &t)?;
    }
    Ok(())
}

/// Views left blank: the gaps the meeting should talk about.
fn blank_views(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let lang = s.lang;
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::BlankViews.get(lang)))?;
    let mut t = table::new_table(s.look, Rules::HeaderOnly);
    let mut head = vec![W::Region.get(lang), W::Challenges.get(lang)];
    head.extend(View::ALL.map(|v| words::view(lang, v)));
    t.set_header(table::header(&head));
    for r in &s.report.regions {
        let mut row = vec![
            table::text_cell(&r.label),
            table::right_cell(r.challenges.to_string()),
        ];
        for v in View::ALL {
            let empty = r.views.get(v).empty;
            let color = (empty > 0).then_some(Color::Yellow);
            row.push(table::right_cell(empty.to_string()).color(color));
        }
        t.add_row(row);
    }
    table::write_table(out, &t)?;
    table::write_wrapped(out, s.look, "", W::BlankViewsNote.get(lang))
}

/// Indicators of the same name across regions: one block per indicator, its
/// regions as rows, so a row stays one row however many regions there are.
fn indicators(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, lang) = (s.report, s.lang);
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        words::section(lang, W::IndicatorsAcross.get(lang))
    )?;
    if report.indicators.is_empty() {
        return writeln!(out, "{}", W::NoIndicators.get(lang));
    }
    for (i, ind) in report.indicators.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let unit = shared_unit(ind);
        table::write_wrapped(
            out,
            s.look,
            "",
            &words::indicator_heading(lang, &ind.name, unit),
        )?;
        let mut t = table::new_table(s.look, Rules::HeaderOnly);
        t.set_header(table::header(&INDICATOR_COLUMNS.map(|w| w.get(lang))));
        for (label, row) in &ind.regions.0 {
            let cells = indicator_cells(row, unit.is_none(), lang);
            let mut line = vec![table::text_cell(label)];
            line.extend(cells[..3].iter().map(table::right_cell));
            // Progress and verdict are words that read as one (当初から達成).
            line.push(table::right_cell(&cells[3]).whole());
            line.push(
                table::text_cell(&cells[4])
                    .whole()
                    .color(verdict_color(row)),
            );
            t.add_row(line);
        }
        table::write_table(out, &t)?;
    }
    Ok(())
}

/// The columns of an indicator's block after the region.
const INDICATOR_COLUMNS: [W; 6] = [
    W::Region,
    W::Baseline,
    W::Current,
    W::Target,
    W::ProgressPct,
    W::Verdict,
];

/// The unit every region of an indicator gives, if they agree.
fn shared_unit(ind: &IndicatorAcross) -> Option<&str> {
    let mut units = ind.regions.0.iter().map(|(_, r)| r.unit.as_deref());
    let first = units.next().flatten()?;
    units.all(|u| u == Some(first)).then_some(first)
}

/// Baseline, current, target, progress and verdict of one region's indicator;
/// values with their unit when the heading does not give it.
fn indicator_cells(row: &IndicatorRow, with_unit: bool, lang: Lang) -> [String; 5] {
    let unit_shown = row.unit.as_deref().filter(|_| with_unit);
    let unit = |v: Option<&crate::core::model::Value>| {
        unit_after_number(value_text(v, lang), v, unit_shown)
    };
    [
        unit(row.baseline.as_ref()),
        unit(row.current.as_ref()),
        unit(row.target.as_ref()),
        pct_text(row, lang),
        verdict_text(row, lang),
    ]
}

/// How many texts of each region mention each theme.
fn themes(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, lang) = (s.report, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Themes.get(lang)))?;
    let names: Vec<Cell> = report
        .themes
        .iter()
        .map(|t| table::text_cell(&t.theme))
        .collect();
    let first = names.iter().map(Cell::width).max().unwrap_or(0);
    for group in s.groups(first, 4) {
        let mut t = s.side_by_side(W::Theme.get(lang), &group, Rules::HeaderOnly);
        for (theme, name) in report.themes.iter().zip(&names) {
            let mut row = vec![name.clone()];
            for (_, n) in &theme.regions.0[group.clone()] {
                row.push(table::right_cell(n.to_string()));
            }
            t.add_row(row);
        }
        table::write_table(out, &t)?;
    }
    table::write_wrapped(out, s.look, "", W::ThemesNote.get(lang))?;
    table::write_wrapped(
        out,
        s.look,
        "",
        &words::themes_source(lang, report.themes_file.as_deref()),
    )
}

/// Questions and whom to ask.
fn questions(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, lang) = (s.report, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Questions.get(lang)))?;
    if report.questions.is_empty() {
        return writeln!(out, "{}", W::NoQuestions.get(lang));
    }
    let mut t = table::new_table(s.look, Rules::EveryRow);
    t.set_header(table::header(&[
        W::Region.get(lang),
        W::Question.get(lang),
        W::Theme.get(lang),
        W::Ask.get(lang),
    ]));
    for q in &report.questions {
        t.add_row(vec![
            table::text_cell(&q.label),
            table::text_cell(&q.question),
            table::text_cell(&themes_text(q, lang, "\n")),
            table::text_cell(&ask_text(q, lang, "\n")),
        ]);
    }
    table::write_table(out, &t)?;
    table::write_wrapped(out, s.look, "", W::AskNote.get(lang))?;
    table::write_wrapped(out, s.look, "", W::SharedNote.get(lang))
}

/// Markdown, for meeting notes.
pub fn markdown(out: &mut dyn Write, report: &CompareReport, lang: Lang) -> io::Result<()> {
    use crate::render::markdown::text as md;
    let (title, notes) = heading(report, lang);
    writeln!(out, "## {}", md(&title))?;
    for note in &notes {
        writeln!(out)?;
        writeln!(out, "{}", md(note))?;
    }
    if report.regions.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(W::NoRegions.get(lang)))?;
        return Ok(());
    }
    let labels: Vec<&str> = report.regions.iter().map(|r| &*r.label).collect();

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Overview.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Region.get(lang))];
    head.extend(FIGURES.iter().map(|f| md(f.label.get(lang))));
    let mut align = vec![Align::Left];
    align.extend(FIGURES.iter().map(|_| Align::Right));
    let rows = report.regions.iter().map(|r| {
        let mut row = vec![md(&r.label)];
        row.extend(FIGURES.iter().map(|f| (f.value)(r).to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::BlankViews.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Region.get(lang)), md(W::Challenges.get(lang))];
    head.extend(View::ALL.map(|v| md(words::view(lang, v))));
    let mut align = vec![Align::Left];
    align.extend([Align::Right; 5]);
    let rows = report.regions.iter().map(|r| {
        let mut row = vec![md(&r.label), r.challenges.to_string()];
        row.extend(View::ALL.map(|v| r.views.get(v).empty.to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::BlankViewsNote.get(lang)))?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::IndicatorsAcross.get(lang)))?;
    if report.indicators.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(W::NoIndicators.get(lang)))?;
    }
    for ind in &report.indicators {
        let unit = shared_unit(ind);
        writeln!(out)?;
        writeln!(
            out,
            "#### {}",
            md(&words::indicator_heading(lang, &ind.name, unit))
        )?;
        writeln!(out)?;
        let head: Vec<String> = INDICATOR_COLUMNS.iter().map(|w| md(w.get(lang))).collect();
        let mut align = vec![Align::Left];
        align.extend([Align::Right; 4]);
        let rows = ind.regions.0.iter().map(|(label, row)| {
            let mut line = vec![md(label)];
            line.extend(
                indicator_cells(row, unit.is_none(), lang)
                    .iter()
                    .map(|c| md(c)),
            );
            line
        });
        table::write_md_table(out, &head, &align, rows)?;
    }

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Themes.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Theme.get(lang))];
    head.extend(labels.iter().map(|l| md(l)));
    let mut align = vec![Align::Left];
    align.extend(labels.iter().map(|_| Align::Right));
    let rows = report.themes.iter().map(|t| {
        let mut row = vec![md(&t.theme)];
        row.extend(t.regions.0.iter().map(|(_, n)| n.to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::ThemesNote.get(lang)))?;
    writeln!(
        out,
        "{}",
        md(&words::themes_source(lang, report.themes_file.as_deref()))
    )?;

    texts::texts_markdown(out, report, lang)?;
    texts::timeline_markdown(out, report, lang)?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Questions.get(lang)))?;
    writeln!(out)?;
    if report.questions.is_empty() {
        writeln!(out, "{}", md(W::NoQuestions.get(lang)))?;
        return Ok(());
    }
    let sep = words::list_sep(lang);
    let rows = report.questions.iter().map(|q| {
        vec![
            md(&q.label),
            md(&q.question),
            md(&themes_text(q, lang, sep)),
            md(&ask_text(q, lang, sep)),
        ]
    });
    table::write_md_table(
        out,
        &[
            md(W::Region.get(lang)),
            md(W::Question.get(lang)),
            md(W::Theme.get(lang)),
            md(W::Ask.get(lang)),
        ],
        &[Align::Left; 4],
        rows,
    )?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::AskNote.get(lang)))?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::SharedNote.get(lang)))?;
    Ok(())
}

/// CSV columns of `compare` (one value per row).
const CSV_HEADER: [&str; 8] = [
    "label",
    "prefecture",
    "region",
    "fiscal_year",
    "section",
    "item",
    "field",
    "value",
];

/// Tidy CSV: one value per record.
pub fn csv(out: &mut dyn Write, report: &CompareReport, bom: bool) -> anyhow::Result<()> {
    let mut w = table::csv_writer(out, bom)?;
    w.write_record(CSV_HEADER)?;
    // The four fields that open every record of a region, made once per region;
    // indicators and questions find them by label.
    let heads: Vec<[String; 4]> = report
        .regions
        .iter()
        .map(|r| {
            [
                table::csv_field(&r.label),
                table::csv_field(&r.prefecture),
                table::csv_field(&r.region),
                r.fiscal_year.start_year().to_string(),
            ]
        })
        .collect();
    let head_of: HashMap<&str, &[String; 4]> = report
        .regions
        .iter()
        .zip(&heads)
        .map(|(r, head)| (&*r.label, head))
        .collect();
    let mut put = |head: &[String; 4], section: &str, item: &str, field: &str, value: &str| {
        let [label, prefecture, region, year] = head;
        w.write_record([
            label.as_str(),
            prefecture,
            region,
            year,
            section,
            &table::csv_field(item),
            field,
            &table::csv_field(value),
        ])
    };
    for (r, head) in report.regions.iter().zip(&heads) {
        let n = |x: usize| x.to_string();
        put(
            head,
            "overview",
            "",
            "as_of",
            &r.as_of.format("%Y-%m-%d").to_string(),
        )?;
        put(head, "overview", "", "goals", &n(r.goals))?;
        let p = &r.progress;
        for (field, value) in [
            ("done", p.done),
            ("planned", p.planned),
            ("in_progress", p.in_progress),
            ("postponed", p.postponed),
            ("cancelled", p.cancelled),
            ("note", p.note),
            ("overdue", p.overdue),
        ] {
            put(head, "progress", "", field, &n(value))?;
        }
        put(head, "overview", "", "challenges", &n(r.challenges))?;
        for v in View::ALL {
            let c = r.views.get(v);
            put(head, "views", v.key(), "filled", &n(c.filled))?;
            put(head, "views", v.key(), "empty", &n(c.empty))?;
        }
        let i = &r.indicators;
        for (field, value) in [
            ("total", i.total),
            ("numeric", i.numeric),
            ("achieved", i.achieved),
            ("undetermined", i.undetermined),
        ] {
            put(head, "indicators", "", field, &n(value))?;
        }
        put(head, "overview", "", "concerns", &n(r.concerns))?;
        put(head, "overview", "", "questions", &n(r.questions))?;
    }
    for ind in &report.indicators {
        for (label, row) in &ind.regions.0 {
            if let Some(&head) = head_of.get(&**label) {
                for (field, value) in csv_fields(row) {
                    put(head, "indicator", &ind.name, field, &value)?;
                }
            }
        }
    }
    for theme in &report.themes {
        for (head, (_, count)) in heads.iter().zip(&theme.regions.0) {
            put(head, "theme", &theme.theme, "mentions", &count.to_string())?;
        }
    }
    for q in &report.questions {
        if let Some(&head) = head_of.get(&*q.label) {
            put(head, "question", &q.question, "question", &q.question)?;
            for t in q.themes.iter() {
                put(head, "question", &q.question, "theme", t)?;
            }
            for a in q.ask() {
                put(head, "question", &q.question, "ask", a)?;
            }
            for (s, _) in &q.shared.0 {
                put(head, "question", &q.question, "shared", s)?;
            }
        }
    }
    // The briefing: each region's texts (item = the kind and its number), then the
    // timeline and the open items without a date (item = the item's text).
    for (r, head) in report.regions.iter().zip(&heads) {
        let t = &r.texts;
        for (kind, items) in [
            ("goals", &t.goals),
            ("challenges", &t.challenges),
            ("concerns", &t.concerns),
            ("questions", &t.questions),
            ("strengths", &t.strengths),
        ] {
            for (i, text) in items.iter().enumerate() {
                put(head, "texts", &format!("{kind} {}", i + 1), "text", text)?;
            }
        }
    }
    for item in report.timeline.iter().chain(&report.undated) {
        let Some(&head) = head_of.get(&*item.label) else {
            continue;
        };
        let section = serde_json::to_value(item.section)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let fields = [
            ("date", item.date.as_ref().map(|d| d.date.to_iso())),
            ("date_text", item.date_text.clone()),
            ("status", item.status.map(|s| s.as_str().to_string())),
            ("overdue", Some(bool_text(item.overdue).to_string())),
            ("section", Some(section)),
            ("goal", item.goal.clone()),
        ];
        for (field, value) in fields {
            put(
                head,
                "timeline",
                &item.text,
                field,
                &value.unwrap_or_default(),
            )?;
        }
    }
    w.flush()?;
    Ok(())
}
