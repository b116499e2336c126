//! `sheet progress`: per region, the goals with their progress items and the
//! indicators against their targets.

use std::io::{self, Write};

use crate::cli::ProgressArgs;
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::report::progress::{ProgressItem, ProgressReport, RegionProgress};
use crate::report::{IndicatorRow, Judging, Verdict};
use crate::table::{self, Align, Color, Look, Rules};
use crate::{discover, workspace};

pub fn run(args: &ProgressArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let opts = &args.report;
    let judging = Judging::new(opts.as_of.as_deref(), ctx.today)?;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let loaded = workspace::load_for_report(&inputs, &opts.region, ctx, |sheet| {
        RegionProgress::new(&sheet, &judging)
    })?;
    let report = ProgressReport::new(loaded.sheets, &judging);
    super::write_report(&report, opts, ctx, loaded.skipped)
}

impl super::Report for ProgressReport {
    fn table(&self, out: &mut dyn Write, look: &Look, lang: Lang) -> io::Result<()> {
        render_table(&mut &mut *out, self, look, lang)
    }
    fn markdown(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        render_markdown(&mut &mut *out, self, lang)
    }
    fn csv(&self, out: &mut dyn Write, bom: bool) -> anyhow::Result<()> {
        render_csv(&mut &mut *out, self, bom)
    }
}

/// The title of a region in a report.
fn title(r: &RegionProgress, lang: Lang) -> String {
    let at = words::as_of(lang, r.as_of, r.as_of_source);
    words::region_title(lang, &r.prefecture, &r.region, r.fiscal_year, &at)
}

fn date_text(d: Option<&crate::core::model::DateValue>, lang: Lang) -> String {
    d.map_or_else(
        || W::Missing.get(lang).to_string(),
        |d| d.date.display(lang == Lang::Ja),
    )
}

/// The text of a progress item with its original date and note.
fn item_text(item: &ProgressItem, lang: Lang) -> String {
    let mut text = item.text.clone();
    if let Some(from) = &item.rescheduled_from {
        text.push('\n');
        text.push_str(&words::rescheduled_from(
            lang,
            &from.date.display(lang == Lang::Ja),
        ));
    }
    if let Some(note) = &item.note {
        text.push('\n');
        text.push_str(&words::note(lang, note));
    }
    text
}

/// A value of an indicator as shown (`-` when absent).
pub fn value_text(v: Option<&crate::core::model::Value>, lang: Lang) -> String {
    v.map_or_else(|| W::Missing.get(lang).to_string(), ToString::to_string)
}

/// The current value against the target, as hledger's budget report shows actual
/// against goal: `11 [367% of 3]`.
pub fn current_text(row: &IndicatorRow, lang: Lang) -> String {
    let current = value_text(row.current.as_ref(), lang);
    match (row.pct_of_target, &row.target) {
        (Some(pct), Some(_)) => {
            let goal = crate::core::indicator::target_number(row.target.as_ref())
                .map(format_number)
                .unwrap_or_default();
            // Whole percent, as hledger shows it.
            words::of_target(lang, &current, &format!("{pct:.0}%"), &goal)
        }
        _ => current,
    }
}

fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The target of an indicator with its direction when it is a bare number.
pub fn target_text(row: &IndicatorRow, lang: Lang) -> String {
    match &row.target {
        Some(t) if row.bare_number_target => words::bounded(lang, &t.to_string(), row.better),
        other => value_text(other.as_ref(), lang),
    }
}

/// The verdict, with the `target-already-met` flag on a second line.
pub fn verdict_text(row: &IndicatorRow, lang: Lang) -> String {
    let mut s = words::verdict(lang, row.verdict).to_string();
    if row.target_already_met {
        s.push('\n');
        s.push_str(W::MetAtBaseline.get(lang));
    }
    s
}

pub fn verdict_color(row: &IndicatorRow) -> Option<Color> {
    if row.target_already_met {
        return Some(Color::Yellow);
    }
    match row.verdict {
        Verdict::Achieved => Some(Color::Green),
        Verdict::NotAchieved => Some(Color::Yellow),
        Verdict::Undetermined => Some(Color::Magenta),
        Verdict::Qualitative | Verdict::NotJudged => None,
    }
}

pub fn pct_text(row: &IndicatorRow, lang: Lang) -> String {
    row.progress_pct
        .map_or_else(|| W::Missing.get(lang).to_string(), crate::render::percent)
}

fn render_table(
    out: &mut impl Write,
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
                        Some(crate::core::model::Status::Done) => Some(Color::Green),
                        Some(
                            crate::core::model::Status::Postponed
                            | crate::core::model::Status::Cancelled,
                        ) => Some(Color::Yellow),
                        _ => None,
                    }
                };
                t.add_row(vec![
                    table::text_cell(&date_text(item.date.as_ref(), lang)),
                    table::colored(table::text_cell(&status), color),
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
                table::text_cell(&row.name),
                table::text_cell(row.unit.as_deref().unwrap_or("")),
                table::right_cell(value_text(row.baseline.as_ref(), lang)),
                table::right_cell(current_text(row, lang)),
                table::right_cell(target_text(row, lang)),
                table::colored(
                    table::text_cell(&verdict_text(row, lang)),
                    verdict_color(row),
                ),
                table::right_cell(pct_text(row, lang)),
            ]);
        }
        table::write_table(out, &t)?;
    }
    Ok(())
}

fn render_markdown(out: &mut impl Write, report: &ProgressReport, lang: Lang) -> io::Result<()> {
    use table::md_cell as md;
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
                        md(&date_text(item.date.as_ref(), lang)),
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
                    md(&row.name),
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

fn render_csv(out: &mut impl Write, report: &ProgressReport, bom: bool) -> anyhow::Result<()> {
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
                let iso = |d: Option<&crate::core::model::DateValue>| {
                    d.map(|d| d.date.to_iso()).unwrap_or_default()
                };
                put("progress", &g, &i, "text", &item.text)?;
                put("progress", &g, &i, "date", &iso(item.date.as_ref()))?;
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
            for (field, value) in indicator_fields(row) {
                put("indicator", "", &row.name, field, &value)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

pub fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The fields of an indicator for tidy CSV, as in JSON (empty for null).
pub fn indicator_fields(row: &IndicatorRow) -> Vec<(&'static str, String)> {
    let v = |x: Option<&crate::core::model::Value>| x.map(ToString::to_string).unwrap_or_default();
    vec![
        ("unit", row.unit.clone().unwrap_or_default()),
        ("better", row.better.as_str().to_string()),
        ("baseline", v(row.baseline.as_ref())),
        ("current", v(row.current.as_ref())),
        ("target", v(row.target.as_ref())),
        (
            "achieved",
            row.achieved.map(bool_text).unwrap_or_default().to_string(),
        ),
        (
            "progress_pct",
            row.progress_pct.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("numeric", bool_text(row.numeric).to_string()),
        ("undetermined", bool_text(row.undetermined).to_string()),
        (
            "target_already_met",
            bool_text(row.target_already_met).to_string(),
        ),
    ]
}
