//! `progress` for people: a region's goals with their progress items, then its
//! indicators, as terminal tables, Markdown or tidy CSV (JSON is the report itself).

use std::io::{self, Write};

use super::indicator::{
    bool_text, csv_fields, current_text, name_text, pct_text, target_text, value_text,
    verdict_color, verdict_text,
};
use crate::core::model::{DateValue, Status};
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::report::progress::{ProgressItem, ProgressReport, RegionProgress};
use crate::table::{self, Align, Color, Look, Rules};

/// The title of a region in a report.
fn title(r: &RegionProgress, lang: Lang) -> String {
    let at = words::as_of(lang, r.as_of, r.as_of_source);
    words::region_title(lang, &r.prefecture, &r.region, r.fiscal_year, &at)
}

fn date_text(item: &ProgressItem, lang: Lang) -> String {
    super::date_text(item.date.as_ref(), item.date_undetermined, lang)
}

/// The text of a progress item with its original date and note.
fn item_text(item: &ProgressItem, lang: Lang) -> String {
    let mut text = item.text.clone();
    if let Some(from) = &item.rescheduled_from {
        text.push('\n');
        text.push_str(&words::rescheduled_from(
            lang,
            &super::date_text(Some(from), false, lang),
        ));
    }
    if let Some(note) = &item.note {
        text.push('\n');
        text.push_str(&words::note(lang, note));
    }
    text
}

/// The terminal tables.
pub fn table(
    out: &mut dyn Write,
    report: &ProgressReport,
    look: &Look,
    lang: Lang,
) -> io::Result<()> {
    if report.regions.is_empty() {
        writeln!(out, "{}", W::NoRegions.get(lang))?;
    }
    for (i, r) in report.regions.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let title = table::terminal_text(&title(r, lang));
        table::write_wrapped(out, look, "", &title)?;
        let rule = table::display_width(&title).min(look.text_width().unwrap_or(usize::MAX));
        writeln!(out, "{}", "=".repeat(rule))?;
        if r.goals.is_empty() {
            writeln!(out, "{}", W::NoGoals.get(lang))?;
        }
        for (n, goal) in r.goals.iter().enumerate() {
            writeln!(out)?;
            let mut heading = goal.text.clone();
            if let Some(ind) = &goal.indicator {
                heading.push_str(&words::goal_indicator(lang, ind));
            }
            table::write_wrapped(out, look, &words::goal_heading(lang, n + 1), &heading)?;
            if goal.progress.is_empty() {
                writeln!(out, "{}", W::NoProgress.get(lang))?;
                continue;
            }
            let mut t = table::new_table(look, Rules::EveryRow);
            t.set_header(table::header(&[
                W::Date.get(lang),
                W::Status.get(lang),
                W::ProgressItem.get(lang),
            ]));
            for item in &goal.progress {
                let mut status = words::status(lang, item.status).to_string();
                let color = if item.overdue {
                    status.push('\n');
                    status.push_str(words::overdue(lang));
                    Some(Color::Red)
                } else {
                    match item.status {
                        Some(Status::Done) => Some(Color::Green),
                        Some(Status::Postponed | Status::Cancelled) => Some(Color::Yellow),
                        _ => None,
                    }
                };
                t.add_row(vec![
                    table::text_cell(&date_text(item, lang)),
                    table::text_cell(&status).color(color),
                    table::text_cell(&item_text(item, lang)),
                ]);
            }
            table::write_table(out, &t)?;
        }
        writeln!(out)?;
        writeln!(out, "{}", words::section(lang, W::Indicators.get(lang)))?;
        if r.indicators.is_empty() {
            writeln!(out, "{}", W::NoIndicators.get(lang))?;
            continue;
        }
        let mut t = table::new_table(look, Rules::EveryRow);
        t.set_header(table::header(&[
            W::Indicator.get(lang),
            W::Unit.get(lang),
            W::Baseline.get(lang),
            W::Current.get(lang),
            W::Target.get(lang),
            W::Verdict.get(lang),
            W::ProgressPct.get(lang),
        ]));
        for row in &r.indicators {
            t.add_row(vec![
                table::text_cell(&name_text(row, lang)),
                table::text_cell(row.unit.as_deref().unwrap_or("")),
                table::right_cell(value_text(row.baseline.as_ref(), lang)),
                table::right_cell(current_text(row, lang)),
                table::right_cell(target_text(row, lang)),
                table::text_cell(&verdict_text(row, lang))
                    .whole()
                    .color(verdict_color(row)),
                table::right_cell(pct_text(row, lang)).whole(),
            ]);
        }
        table::write_table(out, &t)?;
    }
    Ok(())
}

/// Markdown, for meeting notes.
pub fn markdown(out: &mut dyn Write, report: &ProgressReport, lang: Lang) -> io::Result<()> {
    use crate::render::markdown::text as md;
    if report.regions.is_empty() {
        writeln!(out, "{}", md(W::NoRegions.get(lang)))?;
    }
    for (i, r) in report.regions.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {}", md(&title(r, lang)))?;
        if r.goals.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", md(W::NoGoals.get(lang)))?;
        }
        for (n, goal) in r.goals.iter().enumerate() {
            writeln!(out)?;
            writeln!(out, "### {}", md(&words::goal_label(lang, n + 1)))?;
            writeln!(out)?;
            let mut text = md(&goal.text);
            if let Some(ind) = &goal.indicator {
                text.push_str(&md(&words::goal_indicator(lang, ind)));
            }
            writeln!(out, "{text}")?;
            writeln!(out)?;
            if goal.progress.is_empty() {
                writeln!(out, "{}", md(W::NoProgress.get(lang)))?;
                continue;
            }
            let rows: Vec<Vec<String>> = goal
                .progress
                .iter()
                .map(|item| {
                    let mut status = md(words::status(lang, item.status));
                    if item.overdue {
                        status.push_str(&format!(" **{}**", md(words::overdue(lang))));
                    }
                    vec![
                        md(&date_text(item, lang)),
                        status,
                        md(&item_text(item, lang)),
                    ]
                })
                .collect();
            table::write_md_table(
                out,
                &[
                    md(W::Date.get(lang)),
                    md(W::Status.get(lang)),
                    md(W::ProgressItem.get(lang)),
                ],
                &[Align::Left, Align::Left, Align::Left],
                &rows,
            )?;
        }
        writeln!(out)?;
        writeln!(out, "### {}", md(W::Indicators.get(lang)))?;
        writeln!(out)?;
        if r.indicators.is_empty() {
            writeln!(out, "{}", md(W::NoIndicators.get(lang)))?;
            continue;
        }
        let rows: Vec<Vec<String>> = r
            .indicators
            .iter()
            .map(|row| {
                vec![
                    md(&name_text(row, lang)),
                    md(row.unit.as_deref().unwrap_or("")),
                    md(&value_text(row.baseline.as_ref(), lang)),
                    md(&current_text(row, lang)),
                    md(&target_text(row, lang)),
                    md(&verdict_text(row, lang)),
                    md(&pct_text(row, lang)),
                ]
            })
            .collect();
        table::write_md_table(
            out,
            &[
                md(W::Indicator.get(lang)),
                md(W::Unit.get(lang)),
                md(W::Baseline.get(lang)),
                md(W::Current.get(lang)),
                md(W::Target.get(lang)),
                md(W::Verdict.get(lang)),
                md(W::ProgressPct.get(lang)),
            ],
            &[
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Right,
                Align::Right,
                Align::Left,
                Align::Right,
            ],
            &rows,
        )?;
    }
    Ok(())
}

/// CSV columns of `progress` (one value per row).
const CSV_HEADER: [&str; 10] = [
    "label",
    "prefecture",
    "region",
    "fiscal_year",
    "as_of",
    "section",
    "goal",
    "item",
    "field",
    "value",
];

/// Tidy CSV: one value per record.
pub fn csv(out: &mut dyn Write, report: &ProgressReport, bom: bool) -> anyhow::Result<()> {
    let mut w = table::csv_writer(out, bom)?;
    w.write_record(CSV_HEADER)?;
    for r in &report.regions {
        let fy = r.fiscal_year.start_year().to_string();
        let at = r.as_of.format("%Y-%m-%d").to_string();
        let mut put = |section: &str, goal: &str, item: &str, field: &str, value: &str| {
            w.write_record([
                table::csv_field(&r.label).as_str(),
                &table::csv_field(&r.prefecture),
                &table::csv_field(&r.region),
                &fy,
                &at,
                section,
                goal,
                &table::csv_field(item),
                field,
                &table::csv_field(value),
            ])
        };
        for (n, goal) in r.goals.iter().enumerate() {
            let g = (n + 1).to_string();
            put("goal", &g, "", "text", &goal.text)?;
            put(
                "goal",
                &g,
                "",
                "indicator",
                goal.indicator.as_deref().unwrap_or(""),
            )?;
            for (m, item) in goal.progress.iter().enumerate() {
                let i = (m + 1).to_string();
                let iso = |d: Option<&DateValue>| d.map(|d| d.date.to_iso()).unwrap_or_default();
                put("progress", &g, &i, "text", &item.text)?;
                put("progress", &g, &i, "date", &iso(item.date.as_ref()))?;
                put(
                    "progress",
                    &g,
                    &i,
                    "date_text",
                    item.date_text.as_deref().unwrap_or(""),
                )?;
                put(
                    "progress",
                    &g,
                    &i,
                    "status",
                    item.status.map_or("", |s| s.as_str()),
                )?;
                put("progress", &g, &i, "overdue", bool_text(item.overdue))?;
                put(
                    "progress",
                    &g,
                    &i,
                    "rescheduled_from",
                    &iso(item.rescheduled_from.as_ref()),
                )?;
                put(
                    "progress",
                    &g,
                    &i,
                    "note",
                    item.note.as_deref().unwrap_or(""),
                )?;
            }
        }
        for row in &r.indicators {
            for (field, value) in csv_fields(row) {
                put("indicator", "", &row.name, field, &value)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}
