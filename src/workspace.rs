//! Loading a set of sheets: every file read and checked, findings kept per file,
//! and `duplicate-region` across files.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::core::check::{DuplicateRegions, RegionIdentity};
use crate::core::diag::FileReport;
use crate::core::model::{Sheet, SheetId};
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

/// The sheets a command is about, each made into what the report needs of it.
#[derive(Debug)]
pub struct ReportSheets<T> {
    /// The sheets `--region` and `--fiscal-year` name (all of them without them),
    /// in input order but each region's sheets together, oldest first.
    pub sheets: Vec<(SheetId, T)>,
    /// A sheet was skipped for its errors, so the command ends with exit 2 (SPEC §4).
    pub skipped: bool,
}

/// Loads the sheets of a command other than `validate`: a sheet with errors is
/// skipped and its diagnostics printed on stderr (SPEC §4); every other sheet that
/// `selection` names (`--region`, `--fiscal-year`; all when not given) is made
/// into a `T` by `make` on the worker threads, so only what the report needs is
/// kept, whatever the number of sheets. A name that matches no sheet is an error
/// listing the known regions, or saying that its sheet has errors, or naming the
/// years of the region when it has no sheet of the year asked for.
pub fn load_for_report<T: Send>(
    inputs: &Inputs,
    selection: &select::Selection,
    ctx: &crate::output::Ctx,
    make: impl Fn(Sheet) -> T + Sync,
) -> anyhow::Result<ReportSheets<T>> {
    use std::io::Write;
    let wanted = &selection.regions;
    /// What a worker hands on for one file.
    enum Made<T> {
        /// The file has errors: skipped. Who it is, when the sheet could be built.
        Skipped(Option<SheetId>),
        /// Not read, for a reason that is a warning (`symlink`): shown, not counted.
        NotRead,
        /// Loaded, but not named by `--region`.
        Other(SheetId),
        Kept(SheetId, T),
    }
    let prepare = |report: &FileReport, sheet: Option<Sheet>| match sheet {
        Some(sheet) if !report.has_errors() => {
            let id = sheet.id();
            if selection.includes(&id) {
                Made::Kept(id, make(sheet))
            } else {
                Made::Other(id)
            }
        }
        None if !report.has_errors() => Made::NotRead,
        sheet => Made::Skipped(sheet.map(|s| s.id())),
    };
    let mut loaded = ReportSheets {
        sheets: Vec::new(),
        skipped: false,
    };
    // Every sheet loaded, in input order, to list when a name is unknown.
    let mut known: Vec<SheetId> = Vec::new();
    let mut skipped: Vec<(String, Option<SheetId>)> = Vec::new();
    // What goes to stderr, in input order: each file's diagnostics, and for a
    // skipped file the line saying so (left out for the file a failure below
    // names, which says it again).
    let mut stderr: Vec<(String, Option<String>)> = Vec::new();
    // A file not read for a warning (`symlink`): with no sheet left to show, the
    // run showed nothing, which is not success (exit 2, as for a skipped file).
    let mut not_read = false;
    for_each_file(&inputs.files, ctx.today, prepare, |report, made, stale| {
        let made = match made {
            // `duplicate-region` was added: the sheet now has an error.
            Made::Kept(id, _) | Made::Other(id) if stale => Made::Skipped(Some(id)),
            m => m,
        };
        match made {
            Made::Kept(id, value) => {
                known.push(id.clone());
                loaded.sheets.push((id, value));
            }
            Made::Other(id) => known.push(id),
            Made::NotRead => {
                not_read = true;
                stderr.push((
                    crate::render::diag::render_human(&report, ctx.lang, ctx.color_stderr),
                    None,
                ));
            }
            Made::Skipped(region) => {
                stderr.push((
                    crate::render::diag::render_errors(&report, ctx.lang, ctx.color_stderr),
                    Some(report.name.clone()),
                ));
                skipped.push((report.name, region));
            }
        }
        Ok(())
    })?;
    loaded.skipped = !skipped.is_empty() || (not_read && loaded.sheets.is_empty());
    let years_of = |named: &dyn Fn(&SheetId) -> bool| {
        let mut years: Vec<_> = known
            .iter()
            .filter(|id| named(id))
            .map(|id| id.fiscal_year)
            .collect();
        years.sort();
        years.dedup();
        years
    };
    let mut failure = None;
    for w in wanted {
        if loaded.sheets.iter().any(|(id, _)| select::matches(id, w)) {
            continue;
        }
        // A sheet with errors is the one named when its year (if it could be read)
        // is the one asked for.
        let skipped_file = skipped.iter().find(|(file, id)| match id {
            Some(id) => select::matches(id, w) && selection.has_year(id.fiscal_year),
            None => select::stem_matches(&select::stem_of(Path::new(file)), w),
        });
        let other_years = years_of(&|id| select::matches(id, w));
        failure = Some(match (skipped_file, selection.fiscal_year) {
            (Some((file, _)), _) => Failure::RegionHasErrors {
                name: w.clone(),
                file: file.clone(),
            },
            (None, Some(year)) if !other_years.is_empty() => Failure::NoSheetOfYear {
                year,
                region: Some(w.clone()),
                years: other_years,
            },
            (None, _) => Failure::UnknownRegion {
                name: w.clone(),
                known: select::known_regions(&known),
            },
        });
        break;
    }
    if let (None, Some(year)) = (&failure, selection.fiscal_year) {
        let of_year = |id: &Option<SheetId>| id.as_ref().is_some_and(|id| id.fiscal_year == year);
        if loaded.sheets.is_empty() && !skipped.iter().any(|(_, id)| of_year(id)) {
            failure = Some(Failure::NoSheetOfYear {
                year,
                region: None,
                years: years_of(&|_| true),
            });
        }
    }
    let told = match &failure {
        Some(Failure::RegionHasErrors { file, .. }) => Some(file.as_str()),
        _ => None,
    };
    let mut err = ctx.stderr();
    for (text, skipped_file) in &stderr {
        err.write_all(text.as_bytes())?;
        if let Some(file) = skipped_file.as_deref().filter(|f| Some(*f) != told) {
            let line = crate::i18n::ui::Ui::skipped(ctx.lang, file);
            err.write_all(format!("{line}\n\n").as_bytes())?;
        }
    }
    err.flush()?;
    match failure {
        Some(f) => Err(f.into()),
        None => {
            loaded.sheets = select::oldest_first(loaded.sheets);
            Ok(loaded)
        }
    }
}
