//! `diff`: what changed between two sheets, or between the sheets of two git
//! revisions, per section and item.
//!
//! Versions are paired by path, then by rename, then by (prefecture, region,
//! fiscal year); each pair is compared by [`semantic`]. `duplicate-region` is not
//! checked between the two sides. A pair with a version that does not load is not
//! compared: it is a sheet of status `error`, never "no differences".

pub mod semantic;

use chrono::NaiveDate;
use serde::Serialize;

pub use semantic::{Change, Kind, Note, NoteKind, Section};

use crate::core::check::same_region;
use crate::core::diag::FileReport;
use crate::core::model::Sheet;
use crate::git::Commit;
use crate::revisions::{Rename, Version};
use crate::workspace;

/// What one side of the comparison is.
#[derive(Debug, Clone, Serialize)]
pub struct DiffSide {
    /// `file`, `revision` or `working_tree`.
    pub kind: &'static str,
    /// The file or the revision as given; null for the working tree.
    pub name: Option<String>,
    /// The commit a revision resolved to.
    pub commit: Option<String>,
}

impl DiffSide {
    pub fn file(name: &str) -> DiffSide {
        DiffSide {
            kind: "file",
            name: Some(name.to_string()),
            commit: None,
        }
    }

    pub fn revision(commit: &Commit) -> DiffSide {
        DiffSide {
            kind: "revision",
            name: Some(commit.rev.clone()),
            commit: Some(commit.hash.clone()),
        }
    }

    pub fn working_tree() -> DiffSide {
        DiffSide {
            kind: "working_tree",
            name: None,
            commit: None,
        }
    }
}

/// What happened to one sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetStatus {
    Unchanged,
    Changed,
    Added,
    Removed,
    /// A version does not load: not compared.
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct SheetEntry {
    pub region: Option<String>,
    pub old_file: Option<String>,
    pub new_file: Option<String>,
    pub status: SheetStatus,
    pub changes: usize,
}

/// `diff --format json` (SPEC §4.1, with more keys).
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub old: DiffSide,
    pub new: DiffSide,
    pub sheets: Vec<SheetEntry>,
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
}

/// A version read and checked; `sheet` only when it has no error.
#[derive(Debug)]
pub struct LoadedVersion {
    pub name: String,
    /// The bytes as read, to show as written when the version does not load.
    pub bytes: Vec<u8>,
    pub report: FileReport,
    pub sheet: Option<Sheet>,
}

impl LoadedVersion {
    pub fn load(version: Version, today: NaiveDate) -> LoadedVersion {
        let (report, sheet) = workspace::load_text(&version.name, &version.bytes, today);
        let sheet = sheet.filter(|_| !report.has_errors());
        LoadedVersion {
            name: version.name,
            bytes: version.bytes,
            report,
            sheet,
        }
    }
}

/// The two versions of one sheet; a side is `None` where the sheet does not exist.
#[derive(Debug)]
pub struct VersionPair {
    pub old: Option<LoadedVersion>,
    pub new: Option<LoadedVersion>,
}

impl VersionPair {
    /// The versions that do not load, with whether each is the old one.
    pub fn unloadable(&self) -> impl Iterator<Item = (bool, &LoadedVersion)> {
        let old = self.old.iter().map(|v| (true, v));
        let new = self.new.iter().map(|v| (false, v));
        old.chain(new).filter(|(_, v)| v.sheet.is_none())
    }

    fn name(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .map_or("", |v| v.name.as_str())
    }
}

/// Pairs old and new versions: same path, then renamed, then the same prefecture,
/// region and fiscal year. In order of path.
pub fn pair(
    old: Vec<LoadedVersion>,
    new: Vec<LoadedVersion>,
    renames: &[Rename],
) -> Vec<VersionPair> {
    let mut old: Vec<Option<LoadedVersion>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<LoadedVersion>> = new.into_iter().map(Some).collect();
    let mut pairs = Vec::new();
    let mut take_pairs = |same: &dyn Fn(&LoadedVersion, &LoadedVersion) -> bool| {
        for slot in old.iter_mut() {
            let Some(o) = slot.as_ref() else { continue };
            let found = new
                .iter()
                .position(|n| n.as_ref().is_some_and(|n| same(o, n)));
            if let Some(j) = found {
                pairs.push(VersionPair {
                    old: slot.take(),
                    new: new[j].take(),
                });
            }
        }
    };
    take_pairs(&|o, n| o.name == n.name);
    take_pairs(&|o, n| renames.iter().any(|r| r.old == o.name && r.new == n.name));
    take_pairs(&|o, n| match (&o.sheet, &n.sheet) {
        (Some(a), Some(b)) => same_region(a, b),
        _ => false,
    });
    pairs.extend(old.into_iter().flatten().map(|o| VersionPair {
        old: Some(o),
        new: None,
    }));
    pairs.extend(new.into_iter().flatten().map(|n| VersionPair {
        old: None,
        new: Some(n),
    }));
    pairs.sort_by(|a, b| a.name().cmp(b.name()));
    pairs
}

impl DiffReport {
    /// Compares every pair. `follow_renames`: a pair of two paths is a renamed file
    /// (not when two files were named on the command line).
    pub fn new(
        old: DiffSide,
        new: DiffSide,
        pairs: &[VersionPair],
        follow_renames: bool,
    ) -> DiffReport {
        let mut report = DiffReport {
            old,
            new,
            sheets: Vec::new(),
            changes: Vec::new(),
            notes: Vec::new(),
        };
        fn sheet(v: &Option<LoadedVersion>) -> Option<&Sheet> {
            v.as_ref().and_then(|v| v.sheet.as_ref())
        }
        for pair in pairs {
            let region = sheet(&pair.new)
                .or_else(|| sheet(&pair.old))
                .map(|s| s.region.clone());
            let mut entry = SheetEntry {
                region,
                old_file: pair.old.as_ref().map(|v| v.name.clone()),
                new_file: pair.new.as_ref().map(|v| v.name.clone()),
                status: SheetStatus::Error,
                changes: 0,
            };
            if pair.unloadable().next().is_some() {
                report.sheets.push(entry);
                continue;
            }
            match (sheet(&pair.old), sheet(&pair.new)) {
                (Some(a), Some(b)) => {
                    let d = semantic::diff_sheets(a, b);
                    if follow_renames && a.file != b.file {
                        report.notes.push(Note {
                            region: b.region.clone(),
                            file: b.file.clone(),
                            kind: NoteKind::Renamed {
                                old_file: a.file.clone(),
                            },
                            section: None,
                            parent: None,
                        });
                    }
                    entry.changes = d.changes.len();
                    entry.status = if d.changes.is_empty() {
                        SheetStatus::Unchanged
                    } else {
                        SheetStatus::Changed
                    };
                    report.changes.extend(d.changes);
                    report.notes.extend(d.notes);
                }
                (None, Some(b)) => {
                    entry.status = SheetStatus::Added;
                    entry.changes = 1;
                    report.changes.push(semantic::whole_sheet(b, Kind::Added));
                }
                (Some(a), None) => {
                    entry.status = SheetStatus::Removed;
                    entry.changes = 1;
                    report.changes.push(semantic::whole_sheet(a, Kind::Removed));
                }
                (None, None) => {}
            }
            report.sheets.push(entry);
        }
        report
    }

    /// How many sheets have the status.
    pub fn count(&self, status: SheetStatus) -> usize {
        self.sheets.iter().filter(|e| e.status == status).count()
    }
}
