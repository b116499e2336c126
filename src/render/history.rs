//! `history` for people (a table, one row per commit and indicator) and for
//! spreadsheets (CSV).

use std::io::Write;

use crate::core::fiscal::FiscalYear;
use crate::core::model::Value;
use crate::i18n::review::{self as words, W};
use crate::i18n::Lang;
use crate::render::terminal::clean;
use crate::report::history::{HistoryReport, Point, PointStatus};
use crate::table::{self, Look, Rules, Table};

/// The fiscal year of the file followed, for people.
fn year(report: &HistoryReport, lang: Lang) -> Option<String> {
    report
        .fiscal_year
        .map(|fy| crate::i18n::report::fiscal_year(lang, fy))
}

/// The title, then the table (or a line saying the file has no commits yet).
pub fn human(
    out: &mut impl Write,
    report: &HistoryReport,
    look: &Look,
    lang: Lang,
) -> std::io::Result<()> {
    let title = words::history_title(
        lang,
        &report.region,
        year(report, lang).as_deref(),
        &report.file,
    );
    writeln!(out, "{}", clean(&title))?;
    for other in &report.other_years {
        let year = other
            .fiscal_year
            .map(|fy| (crate::i18n::report::fiscal_year(lang, fy), fy.start_year()));
        writeln!(
            out,
            "{}",
            clean(&words::other_year(lang, &other.file, year))
        )?;
    }
    if report.points.is_empty() {
        writeln!(out, "{}", clean(&words::no_history(lang, &report.file)))?;
        if let Some(other) = report.other_years.last() {
            let year = other.fiscal_year.map(FiscalYear::start_year);
            writeln!(out, "{}", clean(&words::try_other_year(lang, year)))?;
        }
        Ok(())
    } else {
        tables(out, report, look, lang)
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
        PointStatus::Ok => crate::render::judged(&p.standing, lang).join(lang.pick("、", ", ")),
    }
}

/// A point's assessment, or what its version is, with the place of its error.
fn note(p: &Point, lang: Lang) -> String {
    let judged = judged(p, lang);
    match &p.error {
        Some(e) => format!("{judged} ({} {}:{})", e.code, e.line, e.column),
        None => judged,
    }
}

/// The commits, then one table per indicator, its name and unit above it (a
/// history without any indicator's values is the commits' table alone, saying
/// what each version is).
///
/// At 80 columns a table with the subject beside the figures left the subject a
/// few columns, and figures broke (`1,298 / 人`); the subject, written once in
/// the commits' table, takes all the room the date and hash leave. In each
/// indicator's table dates, hashes, values and short headers keep their width
/// and the assessment breaks between its phrases (`未達成、` / `進捗 -264%`).
fn tables(
    out: &mut impl Write,
    report: &HistoryReport,
    look: &Look,
    lang: Lang,
) -> std::io::Result<()> {
    let indicators = by_indicator(report);
    // Without any indicator's values, what each version is goes beside its commit.
    table::write_table(out, &commits(report, indicators.is_empty(), look, lang))?;
    for (name, _) in indicators {
        // The indicator's values, and the commits whose version has none to give
        // (it does not load, the file was deleted…), so no commit is a gap.
        let rows: Vec<&Point> = report
            .points
            .iter()
            .filter(|p| p.status != PointStatus::Ok || p.indicator.as_deref() == Some(name))
            .collect();
        let unit = shared_unit(&rows);
        let unit_text = unit
            .map(|u| lang.pick(format!("（単位: {u}）"), format!(" (unit: {u})")))
            .unwrap_or_default();
        writeln!(out)?;
        table::write_wrapped(
            out,
            look,
            "",
            &format!("{}: {name}{unit_text}", W::Indicator.get(lang)),
        )?;
        table::write_table(out, &values(&rows, unit, look, lang))?;
    }
    Ok(())
}

/// Each commit once, oldest first: date, hash and subject, and with `notes` the
/// assessment column saying what its version is.
fn commits(report: &HistoryReport, notes: bool, look: &Look, lang: Lang) -> Table {
    let mut t = table::new_table(look, Rules::HeaderOnly);
    let mut header = vec![W::Date.get(lang), W::Commit.get(lang), W::Subject.get(lang)];
    if notes {
        header.push(W::Assessment.get(lang));
    }
    t.set_header(table::header(&header));
    let mut last: Option<&str> = None;
    for p in &report.points {
        if last == Some(p.hash.as_str()) {
            continue;
        }
        last = Some(&p.hash);
        let mut row = vec![
            table::text_cell(&p.date),
            table::text_cell(&p.commit),
            table::text_cell(&p.subject),
        ];
        if notes {
            row.push(table::text_cell(&note(p, lang)).whole());
        }
        t.add_row(row);
    }
    // Dates and hashes never wrap.
    t.keep_width(0).keep_width(1);
    t
}

/// The unit the indicator's values have in every version that gives one, if they
/// agree.
fn shared_unit<'a>(rows: &[&'a Point]) -> Option<&'a str> {
    let mut units = rows.iter().filter_map(|p| p.standing.unit.as_deref());
    let first = units.next()?;
    units.all(|u| u == first).then_some(first)
}

/// One indicator's rows: date, hash, the three values and the assessment (or
/// what the commit's version is, when it has no values). Without a `unit` shared
/// by every version, a number shows its version's unit.
fn values(rows: &[&Point], unit: Option<&str>, look: &Look, lang: Lang) -> Table {
    let mut t = table::new_table(look, Rules::HeaderOnly);
    t.set_header(table::header(&[
        W::Date.get(lang),
        W::Commit.get(lang),
        W::Baseline.get(lang),
        W::Current.get(lang),
        W::Target.get(lang),
        W::Assessment.get(lang),
    ]));
    for p in rows {
        // Without a heading's unit, each number says its version's.
        let own_unit = p
            .standing
            .unit
            .as_deref()
            .filter(|_| unit.is_none())
            .map(clean);
        let shown = |v: &Option<Value>| {
            super::indicator::unit_after_number(value(v), v.as_ref(), own_unit.as_deref())
        };
        t.add_row(vec![
            table::text_cell(&p.date),
            table::text_cell(&p.commit),
            table::value_cell(shown(&p.standing.baseline)),
            table::value_cell(shown(&p.standing.current)),
            table::value_cell(shown(&p.standing.target)),
            table::text_cell(&note(p, lang)).whole(),
        ]);
    }
    // Dates and hashes never wrap.
    t.keep_width(0).keep_width(1);
    t
}

const CSV_HEADER: [&str; 17] = [
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
    "baseline_text",
    "current_text",
    "target_text",
    "achieved",
    "progress_pct",
    "target_already_met",
    "error",
];

/// A value as in JSON: a number written as text is its number (its text has a
/// column of its own).
fn csv_value(v: &Option<Value>) -> String {
    match v {
        Some(Value::Written(w)) => w.number_text(),
        other => value(other),
    }
}

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
            p.standing.unit.clone().unwrap_or_default(),
            csv_value(&p.standing.baseline),
            csv_value(&p.standing.current),
            csv_value(&p.standing.target),
            p.texts.baseline_text.clone().unwrap_or_default(),
            p.texts.current_text.clone().unwrap_or_default(),
            p.texts.target_text.clone().unwrap_or_default(),
            p.standing
                .achieved
                .map(|b| b.to_string())
                .unwrap_or_default(),
            p.standing
                .progress_pct
                .map(|x| x.to_string())
                .unwrap_or_default(),
            p.standing.target_already_met.to_string(),
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

/// The points of each indicator that has values, in the order indicators first
/// appear.
pub fn by_indicator(report: &HistoryReport) -> Vec<(&str, Vec<&Point>)> {
    let mut out: Vec<(&str, Vec<&Point>)> = Vec::new();
    for p in &report.points {
        let (PointStatus::Ok, Some(name)) = (p.status, p.indicator.as_deref()) else {
            continue;
        };
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, points)) => points.push(p),
            None => out.push((name, vec![p])),
        }
    }
    out
}

/// The size of one chart in the SVG.
pub const CHART_WIDTH: f64 = 640.0;
pub const CHART_HEIGHT: f64 = 230.0;

/// `history --format svg`: one line chart per indicator, stacked, as one
/// self-contained SVG document (no script, no font or style fetched).
pub fn svg(report: &HistoryReport, lang: Lang) -> String {
    use maud::html;
    let charts = by_indicator(report);
    let title = words::history_title(
        lang,
        &report.region,
        year(report, lang).as_deref(),
        &report.file,
    );
    let head = 30.0;
    let height = head + CHART_HEIGHT * charts.len().max(1) as f64;
    let doc = html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(CHART_WIDTH) height=(height)
            viewBox={ "0 0 " (CHART_WIDTH) " " (height) }
            font-family="Noto Sans CJK JP, Noto Sans JP, Hiragino Sans, Yu Gothic, Meiryo, sans-serif" {
            title { (clean(&title)) }
            rect width="100%" height="100%" fill="#fff" {}
            text x="8" y="20" font-size="13" font-weight="bold" { (clean(&title)) }
            @if charts.is_empty() {
                text x="8" y=(head + 24.0) font-size="12" { (W::NoIndicators.get(lang)) }
            }
            @for (i, (name, points)) in charts.iter().enumerate() {
                svg y=(head + CHART_HEIGHT * i as f64) width=(CHART_WIDTH) height=(CHART_HEIGHT) {
                    (line_chart(name, points, lang))
                }
            }
        }
    };
    let mut text = doc.into_string();
    text.insert_str(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    text.push('\n');
    text
}

/// One indicator over the commits: baseline, current and target as three lines;
/// a value that is not a number is written as text at its commit, never drawn as 0.
/// Drawn in a box of [`CHART_WIDTH`] × [`CHART_HEIGHT`].
pub fn line_chart(name: &str, points: &[&Point], lang: Lang) -> maud::Markup {
    use crate::render::chart::{colors, num, px, Scale};
    use maud::html;
    let (left, right, top, bottom) = (56.0, CHART_WIDTH - 120.0, 30.0, CHART_HEIGHT - 52.0);
    let target = |p: &Point| crate::core::indicator::target_number(p.standing.target.as_ref());
    type Get = fn(&Point) -> Option<&Value>;
    let series: [(W, &str, &str, Get); 3] = [
        (W::Baseline, colors::BASELINE, "4 3", |p| {
            p.standing.baseline.as_ref()
        }),
        (W::Current, colors::CURRENT, "", |p| {
            p.standing.current.as_ref()
        }),
        (W::Target, colors::TARGET, "1 3", |p| {
            p.standing.target.as_ref()
        }),
    ];
    // Finite numbers only: a sheet holds no other, and a chart could not place one.
    let number = |i: usize, p: &Point| -> Option<f64> {
        if i == 2 {
            target(p)
        } else {
            (series[i].3)(p).and_then(Value::as_number)
        }
        .filter(|v| v.is_finite())
    };
    let values: Vec<f64> = points
        .iter()
        .flat_map(|p| (0..3).filter_map(|i| number(i, p)))
        .collect();
    let y = Scale::new(&values, bottom, top, 4);
    let n = points.len();
    let x = |i: usize| {
        if n <= 1 {
            (left + right) / 2.0
        } else {
            left + (right - left) * i as f64 / (n - 1) as f64
        }
    };
    // At most about eight commits are labelled; the others keep their marks.
    let every = n.div_ceil(8).max(1);
    let unit = points.iter().rev().find_map(|p| p.standing.unit.as_deref());
    let heading = match unit {
        Some(u) => format!("{name}（{u}）"),
        None => name.to_string(),
    };
    html! {
        text x="8" y="18" font-size="12" font-weight="bold" { (clean(&heading)) }
        @if let Some(y) = y {
            @for t in y.ticks() {
                line x1=(px(left)) x2=(px(right)) y1=(px(y.at(t))) y2=(px(y.at(t)))
                    stroke=(colors::GRID) stroke-width="1" {}
                text x=(px(left - 6.0)) y=(px(y.at(t) + 3.5)) font-size="9"
                    text-anchor="end" fill="#555" { (num(t)) }
            }
            @for (s, (label, color, dash, get)) in series.iter().enumerate() {
                @for run in runs(points, |p| number(s, p)) {
                    polyline fill="none" stroke=(color) stroke-width="2"
                        stroke-dasharray=(dash)
                        points=(run.iter().map(|&(i, v)| format!("{},{}", px(x(i)), px(y.at(v)))).collect::<Vec<_>>().join(" ")) {}
                }
                @for (i, p) in points.iter().enumerate() {
                    @if let Some(v) = number(s, p) {
                        circle cx=(px(x(i))) cy=(px(y.at(v))) r="3" fill=(color) {
                            title { (label.get(lang)) " " (p.date) " " (p.commit) ": " (num(v)) }
                        }
                    } @else if let Some(text) = get(p) {
                        // Written, not drawn: a qualitative or undetermined value,
                        // above the lines.
                        text x=(px(x(i))) y=(px(top - 2.0 + 10.0 * s as f64)) font-size="9"
                            text-anchor="middle" fill=(color) { (clean(&text.to_string())) }
                    }
                }
            }
        } @else {
            // No number at all: every value in words at its commit.
            text x=(px(left)) y=(px(top + 6.0)) font-size="10" fill="#555" {
                (crate::i18n::report::W::NotNumeric.get(lang))
            }
            @for (i, p) in points.iter().enumerate() {
                @for (s, (_, color, _, get)) in series.iter().enumerate() {
                    @if let Some(v) = get(p) {
                        text x=(px(x(i))) y=(px(bottom - 4.0 - 12.0 * s as f64)) font-size="9"
                            text-anchor="middle" fill=(color) { (clean(&v.to_string())) }
                    }
                }
            }
        }
        line x1=(px(left)) x2=(px(right)) y1=(px(bottom)) y2=(px(bottom)) stroke="#444" {}
        @for (i, p) in points.iter().enumerate() {
            @if i % every == 0 || i + 1 == n {
                text x=(px(x(i))) y=(px(bottom + 14.0)) font-size="9" text-anchor="middle" { (p.date) }
                text x=(px(x(i))) y=(px(bottom + 25.0)) font-size="8" text-anchor="middle"
                    fill="#666" { (p.commit) }
            }
        }
        @for (s, (label, color, dash, _)) in series.iter().enumerate() {
            line x1=(px(right + 16.0)) x2=(px(right + 40.0)) y1=(px(top + 8.0 + 16.0 * s as f64))
                y2=(px(top + 8.0 + 16.0 * s as f64)) stroke=(color) stroke-width="2"
                stroke-dasharray=(dash) {}
            text x=(px(right + 46.0)) y=(px(top + 11.5 + 16.0 * s as f64)) font-size="10" {
                (label.get(lang))
            }
        }
    }
}

/// The runs of consecutive points that have a number (a line is not drawn across
/// a point without one).
fn runs<'a>(
    points: &'a [&'a Point],
    number: impl Fn(&Point) -> Option<f64>,
) -> Vec<Vec<(usize, f64)>> {
    let mut out: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut open = false;
    for (i, p) in points.iter().enumerate() {
        match number(p) {
            Some(v) if open => out.last_mut().into_iter().for_each(|r| r.push((i, v))),
            Some(v) => {
                out.push(vec![(i, v)]);
                open = true;
            }
            None => open = false,
        }
    }
    out
}
