//! `history` for people (a table, one row per commit and indicator) and for
//! spreadsheets (CSV).

use std::io::Write;

use crate::core::model::Value;
use crate::i18n::review::{self as words, W};
use crate::i18n::Lang;
use crate::render::terminal::clean;
use crate::report::history::{HistoryReport, Point, PointStatus};
use crate::table::{self, Look, Rules};

/// The title, then the table (or a line saying the file has no commits yet).
pub fn human(
    out: &mut impl Write,
    report: &HistoryReport,
    look: &Look,
    lang: Lang,
) -> std::io::Result<()> {
    let title = words::history_title(lang, &report.region, &report.file);
    writeln!(out, "{}", clean(&title))?;
    if report.points.is_empty() {
        writeln!(out, "{}", clean(&words::no_history(lang, &report.file)))
    } else {
        writeln!(out, "{}", table(report, look, lang))
    }
}

fn value(v: &Option<Value>) -> String {
    v.as_ref()
        .map(|v| clean(&v.to_string()))
        .unwrap_or_default()
}

/// Words for a row's status, or its assessment when it has values.
fn judged(p: &Point, lang: Lang) -> String {
    match p.status {
        PointStatus::Unparsable => W::Unparsable.get(lang).to_string(),
        PointStatus::Deleted => W::Deleted.get(lang).to_string(),
        PointStatus::NoIndicator => W::NoIndicators.get(lang).to_string(),
        PointStatus::NotInClone => W::NotInClone.get(lang).to_string(),
        PointStatus::TooLarge => W::TooLargeVersion.get(lang).to_string(),
        PointStatus::Ok => {
            let mut parts = Vec::new();
            match p.achieved {
                Some(true) => parts.push(W::Achieved.get(lang).to_string()),
                Some(false) => parts.push(W::NotAchieved.get(lang).to_string()),
                None => {}
            }
            if let Some(pct) = p.progress_pct {
                parts.push(format!(
                    "{} {}",
                    W::ProgressPct.get(lang),
                    crate::render::percent(pct)
                ));
            }
            parts.join(lang.pick("、", ", "))
        }
    }
}

/// The indicator and unit when every row is about one indicator (then they go in a
/// line above the table instead of two columns).
fn single_indicator(report: &HistoryReport) -> Option<(String, Option<String>)> {
    let mut names = report.points.iter().filter_map(|p| p.indicator.as_ref());
    let first = names.next()?;
    if names.any(|n| n != first) {
        return None;
    }
    let unit = report.points.iter().rev().find_map(|p| p.unit.clone());
    Some((first.clone(), unit))
}

/// The table, with a line naming the indicator above it when there is one.
fn table(report: &HistoryReport, look: &Look, lang: Lang) -> String {
    let single = single_indicator(report);
    let mut t = table::new_table(look, Rules::HeaderOnly);
    let mut header = vec![W::Date.get(lang), W::Commit.get(lang), W::Subject.get(lang)];
    if single.is_none() {
        header.push(W::Indicator.get(lang));
        header.push(W::Unit.get(lang));
    }
    header.extend([
        W::Baseline.get(lang),
        W::Current.get(lang),
        W::Target.get(lang),
        lang.pick("評価", "assessment"),
    ]);
    t.set_header(table::header(&header));
    for p in &report.points {
        let mut note = judged(p, lang);
        if let Some(e) = &p.error {
            note = format!("{note} ({} {}:{})", e.code, e.line, e.column);
        }
        let mut row = vec![
            table::text_cell(&p.date),
            table::text_cell(&p.commit),
            table::text_cell(&p.subject),
        ];
        if single.is_none() {
            row.push(table::text_cell(p.indicator.as_deref().unwrap_or_default()));
            row.push(table::text_cell(p.unit.as_deref().unwrap_or_default()));
        }
        row.extend([
            table::right_cell(value(&p.baseline)),
            table::right_cell(value(&p.current)),
            table::right_cell(value(&p.target)),
            table::text_cell(&note),
        ]);
        t.add_row(row);
    }
    // Dates and hashes never wrap.
    t.keep_width(0).keep_width(1);
    let mut out = String::new();
    if let Some((name, unit)) = single {
        let unit = unit
            .map(|u| lang.pick(format!("（単位: {u}）"), format!(" (unit: {u})")))
            .unwrap_or_default();
        out.push_str(&clean(&format!(
            "{}: {name}{unit}\n",
            W::Indicator.get(lang)
        )));
    }
    out.push_str(&t.to_string());
    out
}

const CSV_HEADER: [&str; 13] = [
    "date",
    "commit",
    "subject",
    "file",
    "status",
    "indicator",
    "unit",
    "baseline",
    "current",
    "target",
    "achieved",
    "progress_pct",
    "error",
];

/// One row per point, every field.
pub fn csv(out: &mut impl Write, report: &HistoryReport, bom: bool) -> anyhow::Result<()> {
    let mut w = table::csv_writer(out, bom)?;
    w.write_record(CSV_HEADER)?;
    for p in &report.points {
        let status = serde_json::to_value(p.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let row = [
            p.date.clone(),
            p.commit.clone(),
            p.subject.clone(),
            p.file.clone(),
            status,
            p.indicator.clone().unwrap_or_default(),
            p.unit.clone().unwrap_or_default(),
            value(&p.baseline),
            value(&p.current),
            value(&p.target),
            p.achieved.map(|b| b.to_string()).unwrap_or_default(),
            p.progress_pct.map(|x| x.to_string()).unwrap_or_default(),
            p.error
                .as_ref()
                .map(|e| format!("{} {}:{}: {}", e.code, e.line, e.column, e.message))
                .unwrap_or_default(),
        ];
        w.write_record(row.iter().map(|f| table::csv_field(f)))?;
    }
    w.flush()?;
    Ok(())
}
