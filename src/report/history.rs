//! `history`: a region's indicator values over the git history of its file
//! (following renames), oldest first, one point per commit and indicator. A commit
//! whose version of the file does not load is a point saying so, not a gap. The
//! history is the region's and year's own: it ends where the file was made from
//! another sheet.

use chrono::NaiveDate;
use serde::Serialize;

use crate::core::diag::Severity;
use crate::core::fiscal::FiscalYear;
use crate::core::model::Sheet;
use crate::core::place::Position;
use crate::core::text;
use crate::git::{Blob, LogEntry};
use crate::i18n::Lang;
use crate::report::{Standing, ValueTexts};
use crate::revisions::HistoryVersion;
use crate::workspace;

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
    /// The version is larger than a sheet may be (4 MiB): not read.
    TooLarge,
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
    /// The indicator's values in this commit (none when `status` is not `ok`).
    #[serde(flatten)]
    pub standing: Standing,
    /// `<field>_text` of values written as numbers with words (SPEC §4.1).
    #[serde(flatten)]
    pub texts: ValueTexts,
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
    /// The file followed: with several years, the latest year's unless
    /// `--fiscal-year` says otherwise (SPEC §4).
    pub file: String,
    /// The fiscal year of that file as it is now; null when it does not load.
    #[serde(serialize_with = "optional_fiscal_year")]
    pub fiscal_year: Option<FiscalYear>,
    /// The region's sheets of other years, oldest first: `--fiscal-year` follows one.
    pub other_years: Vec<OtherYear>,
    pub indicator: Option<String>,
    pub points: Vec<Point>,
}

/// A sheet of the same region and another year.
#[derive(Debug, Clone, Serialize)]
pub struct OtherYear {
    pub file: String,
    #[serde(serialize_with = "optional_fiscal_year")]
    pub fiscal_year: Option<FiscalYear>,
}

fn optional_fiscal_year<S: serde::Serializer>(
    fy: &Option<FiscalYear>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match fy {
        Some(fy) => s.serialize_i32(fy.start_year()),
        None => s.serialize_none(),
    }
}

/// A version's sheet, or why there is none (with the first error of a version
/// that does not load).
fn load(
    version: &HistoryVersion,
    today: NaiveDate,
    lang: Lang,
) -> (Result<Sheet, PointStatus>, Option<PointError>) {
    let entry = &version.entry;
    let bytes = match &version.blob {
        _ if entry.status.starts_with('D') => return (Err(PointStatus::Deleted), None),
        Blob::Missing => return (Err(PointStatus::NotInClone), None),
        Blob::TooLarge(_) => return (Err(PointStatus::TooLarge), None),
        Blob::Found(bytes) => bytes,
    };
    let name = format!("{}:{}", entry.short, entry.path);
    let (report, sheet) = workspace::load_text(&name, bytes, today);
    match sheet {
        Some(s) if !report.has_errors() => (Ok(s), None),
        _ => {
            let first = report
                .diagnostics
                .iter()
                .find(|d| d.severity() == Severity::Error)
                .map(|d| {
                    let (line, column) = match report.position(d) {
                        Position::Line { line, column } => (line, column),
                        Position::Cell(_) | Position::File => (0, 0),
                    };
                    PointError {
                        code: d.code().as_str(),
                        line,
                        column,
                        message: crate::i18n::diag::message(
                            &d.msg,
                            lang,
                            crate::i18n::diag::Form::of(&d.place),
                        ),
                    }
                });
            (Err(PointStatus::Unparsable), first)
        }
    }
}

/// A version as loaded: its commit, its sheet or why there is none, and its first
/// error.
type Loaded = (LogEntry, Result<Sheet, PointStatus>, Option<PointError>);

/// Whose sheet a version is: the prefecture, the region (as `--region` matches it)
/// and the fiscal year.
fn owner(sheet: &Sheet) -> (String, String, FiscalYear) {
    (
        text::normalize(&sheet.prefecture),
        text::region_key(&sheet.region),
        sheet.fiscal_year,
    )
}

/// Where the file's own history starts in `versions` (oldest first).
///
/// `git log --follow` follows copies as well as renames (it always looks for
/// them, whatever the options say), so a sheet made from another one (`sheet new
/// --from`, or a copy by hand) would take the other file's history as its own:
/// another region's, or last year's. A version that loads as the sheet of another
/// prefecture, region or fiscal year than the newest version that loads ends the
/// history there, with the versions after it on the same path that do not load
/// (nothing says whose they are; they stand or fall with the file they are of).
/// A rename of the region's own file is still followed.
fn own_history_start(versions: &[Loaded]) -> usize {
    let mut loaded = versions
        .iter()
        .enumerate()
        .rev()
        .filter_map(|(i, (_, sheet, _))| sheet.as_ref().ok().map(|s| (i, owner(s))));
    let Some((_, newest)) = loaded.next() else {
        return 0;
    };
    let Some((other, _)) = loaded.find(|(_, o)| *o != newest) else {
        return 0;
    };
    let path = &versions[other].0.path;
    other
        + 1
        + versions[other + 1..]
            .iter()
            .take_while(|(entry, sheet, _)| sheet.is_err() && entry.path == *path)
            .count()
}

/// `--indicator` names no indicator of any version: the ones there are.
#[derive(Debug, Clone)]
pub struct UnknownIndicator {
    pub name: String,
    pub known: Vec<String>,
}

/// The history of the region's file `file` from its versions (oldest first),
/// every indicator or the one `wanted`. `lang` is that of the errors' messages.
pub fn history(
    versions: Vec<HistoryVersion>,
    file: &str,
    region: &str,
    wanted: Option<&str>,
    today: NaiveDate,
    lang: Lang,
) -> Result<HistoryReport, UnknownIndicator> {
    let mut versions: Vec<Loaded> = versions
        .into_iter()
        .map(|v| {
            let (sheet, error) = load(&v, today, lang);
            (v.entry, sheet, error)
        })
        .collect();
    versions.drain(..own_history_start(&versions));
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
            return Err(UnknownIndicator {
                name: name.to_string(),
                known,
            });
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
            standing: Standing::default(),
            texts: ValueTexts::default(),
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
            points.push(Point {
                indicator: Some(i.name.clone()),
                standing: Standing::of(i),
                texts: ValueTexts::of(i),
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
        file: file.to_string(),
        fiscal_year: None,
        other_years: Vec::new(),
        indicator: wanted.map(str::to_string),
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(region: &str, year: &str) -> Blob {
        Blob::Found(
            format!(
                "format = 1\n[sheet]\nprefecture = \"石川県\"\nregion = \"{region}\"\n\
                 fiscal_year = \"{year}\"\nas_of = 2018-09-30\n"
            )
            .into_bytes(),
        )
    }

    fn broken() -> Blob {
        Blob::Found(b"[sheet\n".to_vec())
    }

    fn version(n: usize, status: &str, path: &str, blob: Blob) -> HistoryVersion {
        HistoryVersion {
            entry: LogEntry {
                hash: format!("{n:040}"),
                short: format!("c{n}"),
                date: "2018-10-01".into(),
                subject: format!("commit {n}"),
                status: status.into(),
                path: path.into(),
            },
            blob,
        }
    }

    fn commits(versions: Vec<HistoryVersion>) -> Vec<String> {
        let today = NaiveDate::from_ymd_opt(2018, 10, 1).unwrap();
        history(versions, "b.toml", "南加賀", None, today, Lang::Ja)
            .unwrap()
            .points
            .into_iter()
            .map(|p| p.commit)
            .collect()
    }

    #[test]
    fn another_regions_versions_end_the_history_with_those_that_do_not_load() {
        let got = commits(vec![
            version(1, "A", "a.toml", sheet("石川中央", "令和7年度")),
            version(2, "M", "a.toml", broken()),
            version(3, "C081", "b.toml", sheet("南加賀", "令和7年度")),
            version(4, "M", "b.toml", broken()),
            version(5, "M", "b.toml", sheet("南加賀圏域", "R7")),
        ]);
        assert_eq!(got, ["c3", "c4", "c5"]);
    }

    #[test]
    fn another_year_ends_the_history_and_a_rename_does_not() {
        let got = commits(vec![
            version(1, "A", "a.toml", sheet("南加賀", "平成30年度")),
            version(2, "C090", "b.toml", sheet("南加賀", "令和元年度")),
            version(3, "R100", "c.toml", sheet("南加賀", "令和元年度")),
        ]);
        assert_eq!(got, ["c2", "c3"]);
        let got = commits(vec![
            version(1, "A", "a.toml", broken()),
            version(2, "R090", "b.toml", sheet("南加賀", "令和元年度")),
        ]);
        assert_eq!(got, ["c1", "c2"], "nothing says whose a broken version is");
    }
}
