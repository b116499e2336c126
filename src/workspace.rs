//! Loading a set of sheets: every file read and checked, findings kept per file,
//! and `duplicate-region` across files.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::core::check::{DuplicateRegions, RegionIdentity};
use crate::core::diag::FileReport;
use crate::core::model::{Sheet, SheetId};
use crate::core::text;
use crate::core::{load, read, workbook};
use crate::discover::Inputs;
use crate::error::Failure;
use crate::select;

/// A file's report and its sheet when one could be built (it may still have errors:
/// see [`FileReport::has_errors`]). A workbook (by its name: `.xlsx`) is read as
/// one, anything else as a TOML sheet.
pub fn load_text(name: &str, bytes: &[u8], today: NaiveDate) -> (FileReport, Option<Sheet>) {
    load_bytes(name, bytes.to_vec(), today)
}

/// [`load_text`], taking the bytes.
fn load_bytes(name: &str, bytes: Vec<u8>, today: NaiveDate) -> (FileReport, Option<Sheet>) {
    if workbook::is_workbook(Path::new(name)) {
        workbook::load_workbook(name, &bytes, today)
    } else {
        load::load_file(name, bytes, today)
    }
}

/// How many files are read and checked at once: enough to keep every core busy,
/// few enough that memory does not grow with the number of sheets.
const CHUNK: usize = 128;

/// Reads and checks files in input order. `prepare` runs on the worker threads right
/// after a file is checked and takes its sheet, so what the caller keeps of a sheet
/// (a rendering of its findings, a line of a report) is made there and the sheet
/// is dropped there. `each` then gets, in input order, every file's report with
/// `duplicate-region` added, what `prepare` made, and whether `duplicate-region`
/// changed the report afterwards (so that whatever was made from the report is
/// stale).
pub fn for_each_file<P: Send>(
    files: &[PathBuf],
    today: NaiveDate,
    prepare: impl Fn(&FileReport, Option<Sheet>) -> P + Sync,
    mut each: impl FnMut(FileReport, P, bool) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let mut duplicates = DuplicateRegions::default();
    for chunk in files.chunks(CHUNK) {
        let loaded = chunk
            .par_iter()
            .map(|path| {
                let (report, sheet) = load_path(path, today)?;
                // What `duplicate-region` needs, before `prepare` takes the sheet.
                let identity = sheet.as_ref().map(RegionIdentity::of);
                let prepared = prepare(&report, sheet);
                Ok((report, identity, prepared))
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        for (mut report, identity, prepared) in loaded {
            let found = identity.and_then(|id| duplicates.check(id));
            let stale = found.is_some();
            if let Some(d) = found {
                report.diagnostics.push(d);
                report.sort();
            }
            each(report, prepared, stale)?;
        }
    }
    Ok(())
}

/// Reads (by the rules of [`read`]) and checks one sheet file. A file not read for
/// a reason that is a finding about it (`symlink`, `too-large`) gives a report
/// holding that finding and no sheet; any other reason stops the command.
pub fn load_path(path: &Path, today: NaiveDate) -> Result<(FileReport, Option<Sheet>), Failure> {
    let name = display_path(path);
    match read::read_sheet(path) {
        Ok(bytes) => Ok(load_bytes(&name, bytes, today)),
        Err(e) => match e.finding() {
            Some(msg) => Ok((read::not_read(&name, msg), None)),
            None => Err(Failure::read(path, e)),
        },
    }
}

/// The bytes of a sheet file (read by the rules of [`read`]), for a command that
/// needs the file itself: every reason not to read it stops the command.
pub fn read_sheet(path: &Path) -> Result<Vec<u8>, Failure> {
    read::read_sheet(path).map_err(|e| Failure::read(path, e))
}

/// A path as shown to the user: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// The sheets a report command is about, each made into what the report needs of it.
#[derive(Debug)]
pub struct ReportSheets<T> {
    /// In input order, the sheets `--region` names (all of them without it).
    pub sheets: Vec<(SheetId, T)>,
    /// A sheet was skipped for its errors, so the command ends with exit 2 (SPEC §4).
    pub skipped: bool,
}

/// Loads the sheets of a command other than `validate`: a sheet with errors is
/// skipped and its diagnostics printed on stderr (SPEC §4); every other sheet that
/// `wanted` names (`--region`; all when empty) is made into a `T` by `make` on the
/// worker threads, so only what the report needs is kept, whatever the number of
/// sheets. A name that matches no sheet is an error listing the known regions, or
/// saying that its sheet has errors.
pub fn load_for_report<T: Send>(
    inputs: &Inputs,
    wanted: &[String],
    ctx: &crate::output::Ctx,
    make: impl Fn(Sheet) -> T + Sync,
) -> anyhow::Result<ReportSheets<T>> {
    use std::io::Write;
    /// What a worker hands on for one file.
    enum Made<T> {
        /// The file has errors: skipped. The region, when the sheet could be built.
        Skipped(Option<String>),
        /// Not read, for a reason that is a warning (`symlink`): shown, not counted.
        NotRead,
        /// Loaded, but not named by `--region`.
        Other(SheetId),
        Kept(SheetId, T),
    }
    let named = |id: &SheetId| wanted.is_empty() || wanted.iter().any(|w| select::matches(id, w));
    let prepare = |report: &FileReport, sheet: Option<Sheet>| match sheet {
        Some(sheet) if !report.has_errors() => {
            let id = sheet.id();
            if named(&id) {
                Made::Kept(id, make(sheet))
            } else {
                Made::Other(id)
            }
        }
        None if !report.has_errors() => Made::NotRead,
        sheet => Made::Skipped(sheet.map(|s| s.region)),
    };
    let mut loaded = ReportSheets {
        sheets: Vec::new(),
        skipped: false,
    };
    // Every sheet loaded, in input order, to list when a name is unknown.
    let mut known: Vec<SheetId> = Vec::new();
    let mut skipped: Vec<(String, Option<String>)> = Vec::new();
    let mut stderr = String::new();
    for_each_file(&inputs.files, ctx.today, prepare, |report, made, stale| {
        let made = match made {
            // `duplicate-region` was added: the sheet now has an error.
            Made::Kept(id, _) | Made::Other(id) if stale => Made::Skipped(Some(id.region)),
            m => m,
        };
        match made {
            Made::Kept(id, value) => {
                known.push(id.clone());
                loaded.sheets.push((id, value));
            }
            Made::Other(id) => known.push(id),
            Made::NotRead => {
                stderr.push_str(&crate::render::diag::render_human(
                    &report,
                    ctx.lang,
                    ctx.color_stderr,
                ));
            }
            Made::Skipped(region) => {
                stderr.push_str(&crate::render::diag::render_errors(
                    &report,
                    ctx.lang,
                    ctx.color_stderr,
                ));
                stderr.push_str(&crate::i18n::ui::Ui::skipped(ctx.lang, &report.name));
                stderr.push_str("\n\n");
                skipped.push((report.name, region));
            }
        }
        Ok(())
    })?;
    let mut err = ctx.stderr();
    err.write_all(stderr.as_bytes())?;
    err.flush()?;
    loaded.skipped = !skipped.is_empty();
    for w in wanted {
        if loaded.sheets.iter().any(|(id, _)| select::matches(id, w)) {
            continue;
        }
        let skipped_file = skipped.iter().find(|(file, region)| {
            select::stem_matches(&select::stem_of(Path::new(file)), w)
                || region
                    .as_deref()
                    .is_some_and(|r| text::region_key(r) == text::region_key(w))
        });
        return Err(match skipped_file {
            Some((file, _)) => Failure::RegionHasErrors {
                name: w.clone(),
                file: file.clone(),
            },
            None => Failure::UnknownRegion {
                name: w.clone(),
                known: select::known_regions(&known),
            },
        }
        .into());
    }
    Ok(loaded)
}
