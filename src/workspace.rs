//! Loading a set of sheets: every file read and checked, findings kept per file,
//! and `duplicate-region` across files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check;
use crate::diag::{Diagnostic, FileReport};
use crate::error::Failure;
use crate::i18n::diag::Msg;
use crate::load;
use crate::model::Sheet;
use crate::source::Source;

/// The sheets of one run.
#[derive(Debug)]
pub struct Workspace {
    /// The reports of the files with errors, in input order (their sheets are left
    /// out of `sheets`).
    pub reports: Vec<FileReport>,
    /// The sheets that loaded without error, in input order.
    pub sheets: Vec<Sheet>,
    /// The folder of the sheets, where `themes.toml` may be.
    pub dir: Option<PathBuf>,
}

/// A file's report and its sheet when one could be built (it may still have errors:
/// see [`FileReport::has_errors`]).
pub fn load_text(name: &str, bytes: &[u8], today: NaiveDate) -> (FileReport, Option<Sheet>) {
    load_bytes(name, bytes.to_vec(), today)
}

/// [`load_text`] taking the bytes, so the text is not copied.
pub fn load_bytes(name: &str, bytes: Vec<u8>, today: NaiveDate) -> (FileReport, Option<Sheet>) {
    let source = match Source::from_vec(name, bytes) {
        Ok(s) => s,
        Err(err) => {
            let (mut source, d) = load::encoding_diagnostic(&err);
            source.name = name.to_string();
            return (
                FileReport {
                    source,
                    diagnostics: vec![d],
                },
                None,
            );
        }
    };
    let loaded = load::load(&source);
    let mut diagnostics = loaded.diagnostics;
    if let Some(sheet) = &loaded.sheet {
        diagnostics.extend(check::check_sheet(sheet, &source, today));
    }
    diagnostics.sort_by_key(|d| d.span.start);
    let report = FileReport {
        source,
        diagnostics,
    };
    (report, loaded.sheet)
}

/// How many files are read and checked at once: enough to keep both cores busy,
/// few enough that memory does not grow with the number of sheets.
const CHUNK: usize = 128;

/// Reads and checks files in input order, calling `each` with every file's report
/// (with `duplicate-region` added) and sheet, so a caller that keeps nothing holds
/// one chunk of files in memory at a time. Files are read and checked on all cores;
/// `duplicate-region` only looks back at earlier files, so order is kept and the
/// output is the same on every run.
pub fn for_each_file(
    files: &[PathBuf],
    today: NaiveDate,
    mut each: impl FnMut(FileReport, Option<Sheet>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for_each_file_prepared(files, today, |_| (), |report, sheet, _| each(report, sheet))
}

/// [`for_each_file`], with `prepare` run on the worker threads right after a file is
/// checked (rendering its findings, say). `each` gets what `prepare` made, or
/// `None` when `duplicate-region` changed the report afterwards, so it must be
/// prepared again.
pub fn for_each_file_prepared<P: Send>(
    files: &[PathBuf],
    today: NaiveDate,
    prepare: impl Fn(&FileReport) -> P + Sync,
    mut each: impl FnMut(FileReport, Option<Sheet>, Option<P>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let mut owners: HashMap<(String, String, i32), String> = HashMap::new();
    for chunk in files.chunks(CHUNK) {
        let loaded = chunk
            .par_iter()
            .map(|path| {
                let bytes = std::fs::read(path).map_err(|source| Failure::Io {
                    path: path.clone(),
                    source,
                })?;
                let (report, sheet) = load_bytes(&display_path(path), bytes, today);
                let prepared = prepare(&report);
                Ok((report, sheet, prepared))
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        for (mut report, sheet, prepared) in loaded {
            let mut prepared = Some(prepared);
            if let Some(sheet) = &sheet {
                let identity = check::region_identity(sheet);
                if let Some(other) = owners.get(&identity) {
                    report.diagnostics.push(Diagnostic::new(
                        sheet.spans.region.clone(),
                        Msg::DuplicateRegion {
                            region: sheet.region.clone(),
                            other_file: other.clone(),
                        },
                    ));
                    report.diagnostics.sort_by_key(|d| d.span.start);
                    prepared = None;
                } else {
                    owners.insert(identity, report.source.name.clone());
                }
            }
            each(report, sheet, prepared)?;
        }
    }
    Ok(())
}

/// Reads and checks files, keeping the sheets without errors and the reports of
/// the files with errors.
pub fn load_files(
    files: &[PathBuf],
    dir: Option<PathBuf>,
    today: NaiveDate,
) -> anyhow::Result<Workspace> {
    let mut ws = Workspace {
        reports: Vec::new(),
        sheets: Vec::new(),
        dir,
    };
    for_each_file(files, today, |report, sheet| {
        if report.has_errors() {
            ws.reports.push(report);
        } else if let Some(sheet) = sheet {
            ws.sheets.push(sheet);
        }
        Ok(())
    })?;
    Ok(ws)
}

/// A path as shown to the user: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// Loads the sheets for a command other than `validate`: sheets with errors are
/// skipped and their diagnostics printed on stderr. The second value is true when a
/// sheet was skipped, so the command ends with exit 2 (SPEC §4).
pub fn load_for_report(
    paths: &[PathBuf],
    ctx: &crate::output::Ctx,
) -> anyhow::Result<(Workspace, bool)> {
    use std::io::Write;
    let inputs = crate::discover::resolve(paths, ctx.dir.as_deref())?;
    let ws = load_files(&inputs.files, inputs.dir, ctx.today)?;
    // `reports` holds exactly the files with errors, which were skipped.
    let skipped = !ws.reports.is_empty();
    let mut buf = String::new();
    for report in &ws.reports {
        buf.push_str(&crate::diag::render_errors(
            report,
            ctx.lang,
            ctx.color_stderr,
        ));
        buf.push_str(&crate::i18n::ui::Ui::skipped(ctx.lang, &report.source.name));
        buf.push_str("\n\n");
    }
    std::io::stderr().write_all(buf.as_bytes())?;
    Ok((ws, skipped))
}
