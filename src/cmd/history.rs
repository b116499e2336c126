//! `sheet history --region NAME`: a region's indicator values over the git history
//! of its file (following renames), oldest first, one row per commit and indicator.
//! A commit whose version of the file does not load is a row saying so, not a gap.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::table::{self, Look, Rules};
use serde::Serialize;

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::Failure;
use crate::git::Repo;
use crate::i18n::review::{self as words, W};
use crate::i18n::Lang;
use crate::model::{Sheet, Value};
use crate::output::{Ctx, Exit};
use crate::source::clean;
use crate::{discover, select, text, workspace};

/// What a row of the history is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointStatus {
    /// An indicator's values in this commit.
    Ok,
    /// The file in this commit does not load (its errors are in `error`).
    Unparsable,
    /// The commit deleted the file.
    Deleted,
    /// The version loads but has no indicator (or not the one asked for).
    NoIndicator,
    /// This clone does not hold the version (a partial clone, never fetched from).
    NotInClone,
}

/// One commit and indicator (SPEC §4.1 `history`).
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    /// Short hash.
    pub commit: String,
    pub hash: String,
    /// Author date.
    pub date: String,
    pub subject: String,
    /// The file's path in this commit.
    pub file: String,
    pub status: PointStatus,
    pub indicator: Option<String>,
    pub unit: Option<String>,
    pub baseline: Option<Value>,
    pub current: Option<Value>,
    pub target: Option<Value>,
    pub achieved: Option<bool>,
    pub progress_pct: Option<f64>,
    /// Why the version does not load (its first error).
    pub error: Option<PointError>,
}

/// The first error of a version that does not load.
#[derive(Debug, Clone, Serialize)]
pub struct PointError {
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryReport {
    pub region: String,
    pub file: String,
    pub indicator: Option<String>,
    pub points: Vec<Point>,
}

pub fn run(args: &HistoryArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let (path, region) = find_region(&args.region, ctx)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let repo = Repo::discover(&dir)?;
    let rel = repo.relative(&path)?;
    let report = history(&repo, &rel, &region, args.indicator.as_deref(), ctx)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        HistoryFormat::Json => {
            // Serialise first so a closed pipe is an io error (ends quietly).
            let json = serde_json::to_string_pretty(&report)?;
            writeln!(out, "{json}")?;
        }
        HistoryFormat::Csv => write_csv(&mut out, &report, args.table.bom)?,
        HistoryFormat::Table => {
            writeln!(
                out,
                "{}",
                clean(&words::history_title(
                    ctx.lang,
                    &report.region,
                    &report.file
                ))
            )?;
            if report.points.is_empty() {
                writeln!(out, "{}", clean(&words::no_history(ctx.lang, &report.file)))?;
            } else {
                let look = Look::new(args.table.width, args.table.border, ctx);
                writeln!(out, "{}", table(&report, &look, ctx.lang))?;
            }
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}

/// The region's sheet file in the working tree, and its region name. A sheet that
/// does not load now is still found by its file name.
fn find_region(wanted: &str, ctx: &Ctx) -> anyhow::Result<(PathBuf, String)> {
    let inputs = discover::resolve(&[], ctx.dir.as_deref())?;
    let mut known = Vec::new();
    for file in &inputs.files {
        let bytes = std::fs::read(file).map_err(|source| Failure::Io {
            path: file.clone(),
            source,
        })?;
        let name = workspace::display_path(file);
        let (_, sheet) = workspace::load_text(&name, &bytes, ctx.today);
        let stem = select::stem_of(file);
        match sheet {
            Some(sheet) => {
                if select::matches(&sheet.id(), wanted) {
                    return Ok((file.clone(), sheet.region));
                }
                known.push(select::known_label(&sheet.region, &stem));
            }
            None => {
                if select::stem_matches(&stem, wanted) {
                    return Ok((file.clone(), stem));
                }
                known.push(stem);
            }
        }
    }
    Err(Failure::UnknownRegion {
        name: wanted.to_string(),
        known,
    }
    .into())
}

fn history(
    repo: &Repo,
    rel: &str,
    region: &str,
    wanted: Option<&str>,
    ctx: &Ctx,
) -> anyhow::Result<HistoryReport> {
    let mut log = repo.log_follow(rel)?;
    log.reverse();
    let specs: Vec<String> = log
        .iter()
        .map(|e| format!("{}:{}", e.hash, e.path))
        .collect();
    let blobs = repo.read_blobs(&specs)?;
    let mut versions: Vec<(
        crate::git::LogEntry,
        Result<Sheet, PointStatus>,
        Option<PointError>,
    )> = Vec::new();
    for (entry, blob) in log.into_iter().zip(blobs) {
        let version = match blob {
            _ if entry.status.starts_with('D') => (Err(PointStatus::Deleted), None),
            crate::git::Blob::Missing => (Err(PointStatus::NotInClone), None),
            crate::git::Blob::Found(bytes) => {
                let name = format!("{}:{}", entry.short, entry.path);
                let (report, sheet) = workspace::load_text(&name, &bytes, ctx.today);
                match sheet {
                    Some(s) if !report.has_errors() => (Ok(s), None),
                    _ => {
                        let first = report
                            .diagnostics
                            .iter()
                            .find(|d| d.severity() == crate::diag::Severity::Error)
                            .map(|d| {
                                let (line, column) = report.source.line_col(d.span.start);
                                PointError {
                                    code: d.code().as_str(),
                                    line,
                                    column,
                                    message: d.msg.text(ctx.lang),
                                }
                            });
                        (Err(PointStatus::Unparsable), first)
                    }
                }
            }
        };
        versions.push((entry, version.0, version.1));
    }
    let wanted_key = wanted.map(text::normalize);
    if let (Some(name), Some(key)) = (wanted, &wanted_key) {
        let mut known: Vec<String> = Vec::new();
        for (_, sheet, _) in &versions {
            for i in sheet.iter().flat_map(|s| s.indicators.iter()) {
                if !known.contains(&i.name) {
                    known.push(i.name.clone());
                }
            }
        }
        if !known.iter().any(|k| &text::normalize(k) == key) {
            return Err(Failure::Other(words::unknown_indicator(ctx.lang, name, &known)).into());
        }
    }
    let mut points = Vec::new();
    for (entry, sheet, error) in versions {
        let base = Point {
            commit: entry.short.clone(),
            hash: entry.hash.clone(),
            date: entry.date.clone(),
            subject: entry.subject.clone(),
            file: entry.path.clone(),
            status: PointStatus::Ok,
            indicator: None,
            unit: None,
            baseline: None,
            current: None,
            target: None,
            achieved: None,
            progress_pct: None,
            error,
        };
        let sheet = match sheet {
            Ok(s) => s,
            Err(status) => {
                points.push(Point { status, ..base });
                continue;
            }
        };
        let mut any = false;
        for i in &sheet.indicators {
            if wanted_key
                .as_ref()
                .is_some_and(|k| &text::normalize(&i.name) != k)
            {
                continue;
            }
            any = true;
            let a = i.assess();
            points.push(Point {
                indicator: Some(i.name.clone()),
                unit: i.unit.clone(),
                baseline: i.baseline.clone(),
                current: i.current.clone(),
                target: i.target.clone(),
                achieved: a.achieved,
                progress_pct: a.progress_pct,
                ..base.clone()
            });
        }
        if !any {
            points.push(Point {
                status: PointStatus::NoIndicator,
                indicator: wanted.map(str::to_string),
                ..base
            });
        }
    }
    Ok(HistoryReport {
        region: region.to_string(),
        file: rel.to_string(),
        indicator: wanted.map(str::to_string),
        points,
    })
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

fn write_csv(out: &mut impl Write, report: &HistoryReport, bom: bool) -> anyhow::Result<()> {
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
