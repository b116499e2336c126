//! Loading a set of sheets: every file read and checked, findings kept per file,
//! and `duplicate-region` across files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check;
use crate::diag::{Diagnostic, FileReport};
use crate::discover::Inputs;
use crate::error::Failure;
use crate::i18n::diag::Msg;
use crate::load;
use crate::model::{Sheet, SheetId};
use crate::source::Source;
use crate::{select, text};

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

/// Reads and checks files in input order. `prepare` runs on the worker threads right
/// after a file is checked and takes its sheet, so what the caller keeps of a sheet
/// (a rendering of its findings, a line of a report) is made there and the sheet
/// is dropped there. `each` then gets, in input order on the calling thread, every
/// file's report with `duplicate-region` added, what `prepare` made, and whether
/// `duplicate-region` changed the report afterwards (so that whatever was made from
/// the report is stale). One chunk of files is held at a time.
/// `duplicate-region` only looks back at earlier files, so the output is the same
/// on every run.
pub fn for_each_file<P: Send>(
    files: &[PathBuf],
    today: NaiveDate,
    prepare: impl Fn(&FileReport, Option<Sheet>) -> P + Sync,
    mut each: impl FnMut(FileReport, P, bool) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    /// What `duplicate-region` needs of a sheet.
    struct Owner {
        identity: (String, String, i32),
        region: String,
        span: crate::model::Span,
    }
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
                let owner = sheet.as_ref().map(|s| Owner {
                    identity: check::region_identity(s),
                    region: s.region.clone(),
                    span: s.spans.region.clone(),
                });
                let prepared = prepare(&report, sheet);
                Ok((report, owner, prepared))
            })
            .collect::<Result<Vec<_>, Failure>>()?;
        for (mut report, owner, prepared) in loaded {
            let mut stale = false;
            if let Some(owner) = owner {
                if let Some(other) = owners.get(&owner.identity) {
                    report.diagnostics.push(Diagnostic::new(
                        owner.span,
                        Msg::DuplicateRegion {
                            region: owner.region,
                            other_file: other.clone(),
                        },
                    ));
                    report.diagnostics.sort_by_key(|d| d.span.start);
                    stale = true;
                } else {
                    owners.insert(owner.identity, report.source.name.clone());
                }
            }
            each(report, prepared, stale)?;
        }
    }
    Ok(())
}

/// A path as shown to the user: as given, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

/// The sheets of a report command, each made into what the report needs of it.
#[derive(Debug)]
pub struct Loaded<T> {
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
) -> anyhow::Result<Loaded<T>> {
    use std::io::Write;
    /// What a worker hands on for one file.
    enum Made<T> {
        /// The file has errors: skipped. The region, when the sheet could be built.
        Skipped(Option<String>),
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
        sheet => Made::Skipped(sheet.map(|s| s.region)),
    };
    let mut loaded = Loaded {
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
            Made::Skipped(region) => {
                stderr.push_str(&crate::diag::render_errors(
                    &report,
                    ctx.lang,
                    ctx.color_stderr,
                ));
                stderr.push_str(&crate::i18n::ui::Ui::skipped(ctx.lang, &report.source.name));
                stderr.push_str("\n\n");
                skipped.push((report.source.name, region));
            }
        }
        Ok(())
    })?;
    std::io::stderr().write_all(stderr.as_bytes())?;
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
