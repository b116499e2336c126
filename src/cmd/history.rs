//! `sheet history --region NAME`: a region's indicator values over the git history
//! of its file (following renames), oldest first, one row per commit and indicator.
//! A commit whose version of the file does not load is a row saying so, not a gap.

use std::io::Write;
use std::path::{Path, PathBuf};

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
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
    let mut out = std::io::stdout().lock();
    match args.format {
        HistoryFormat::Json => {
            // Serialise first so a closed pipe is an io error (ends quietly).
            let json = serde_json::to_string_pretty(&report)?;
            writeln!(out, "{json}")?;
        }
        HistoryFormat::Csv => out.write_all(csv(&report).as_bytes())?,
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
                writeln!(out, "{}", table(&report, ctx))?;
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
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match sheet {
            Some(sheet) => {
                if select::matches(&sheet, wanted) {
                    return Ok((file.clone(), sheet.region));
                }
                known.push(format!("{} ({stem})", sheet.region));
            }
            None => {
                if text::normalize(&stem).eq_ignore_ascii_case(&text::normalize(wanted)) {
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
            None => (Err(PointStatus::Deleted), None),
            Some(bytes) => {
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
                    super::show::pct(pct)
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

fn table(report: &HistoryReport, ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let single = single_indicator(report);
    let mut t = Table::new();
    t.load_style(comfy_table::presets::ASCII_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if ctx.color_stdout {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        t.set_width(120);
    }
    let mut header = vec![
        Cell::new(W::Date.get(lang)),
        Cell::new(W::Commit.get(lang)),
        Cell::new(W::Subject.get(lang)),
    ];
    if single.is_none() {
        header.push(Cell::new(W::Indicator.get(lang)));
        header.push(Cell::new(W::Unit.get(lang)));
    }
    header.extend([
        Cell::new(W::Baseline.get(lang)),
        Cell::new(W::Current.get(lang)),
        Cell::new(W::Target.get(lang)),
        Cell::new(lang.pick("評価", "assessment")),
    ]);
    t.set_header(header);
    for p in &report.points {
        let right = |s: String| Cell::new(s).set_alignment(CellAlignment::Right);
        let mut note = judged(p, lang);
        if let Some(e) = &p.error {
            note = format!("{note} ({} {}:{})", e.code, e.line, e.column);
        }
        let mut row = vec![
            Cell::new(&p.date),
            Cell::new(&p.commit),
            Cell::new(clean(&p.subject)),
        ];
        if single.is_none() {
            row.push(Cell::new(
                p.indicator.as_deref().map(clean).unwrap_or_default(),
            ));
            row.push(Cell::new(p.unit.as_deref().map(clean).unwrap_or_default()));
        }
        row.extend([
            right(value(&p.baseline)),
            right(value(&p.current)),
            right(value(&p.target)),
            Cell::new(note),
        ]);
        t.add_row(row);
    }
    // Dates and hashes never wrap.
    for i in 0..2 {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
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

fn csv_field(s: &str) -> String {
    // A leading = + - @ would be a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(report: &HistoryReport) -> String {
    let mut out = String::from(
        "date,commit,subject,file,status,indicator,unit,baseline,current,target,achieved,progress_pct,error\n",
    );
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
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}
