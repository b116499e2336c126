//! Sheets as git holds them: the versions of the sheets of a revision or of the
//! working tree, which of them were renamed, and one file's versions over its
//! history. Bytes only; loading and comparing them is the caller's.
//!
//! The working tree is read from disk here, never through git, so no clean filter
//! of the repository's attributes runs; symbolic links and anything but regular
//! files are left out on both sides (git stores a link as the text of its target).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::core::read::ReadError;
use crate::discover::{REGIONS_DIR, THEMES_FILE};
use crate::error::Failure;
use crate::git::{Blob, Commit, LogEntry, Repo, TreeFile};

/// One version of a sheet file, as read.
#[derive(Debug, Clone)]
pub struct Version {
    /// The path from the top of the repository (or the file as given).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A file renamed between the two sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub old: String,
    pub new: String,
}

/// Which files of a tree are the sheets to compare.
#[derive(Debug, Clone)]
pub struct Selection {
    kind: SelectionKind,
    /// Files selected besides: the other name of a renamed sheet.
    extra: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum SelectionKind {
    /// Repository paths of files or folders (a folder's `*.toml`, not recursive).
    Paths(Vec<String>),
    /// No `regions/` found from here: every folder named `regions` in the repository.
    AnyRegionsDir,
}

/// A file name that can be a sheet: `*.toml` other than `themes.toml`.
fn sheet_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".toml") && name != THEMES_FILE
}

impl Selection {
    pub fn new(kind: SelectionKind) -> Selection {
        Selection {
            kind,
            extra: Vec::new(),
        }
    }

    fn with_extra(&self, extra: impl Iterator<Item = String>) -> Selection {
        let mut s = self.clone();
        s.extra.extend(extra);
        s
    }

    pub fn wants(&self, path: &str) -> bool {
        let parent = path.rsplit_once('/').map_or("", |(p, _)| p);
        let sheet = sheet_name(path);
        self.extra.iter().any(|p| p == path)
            || match &self.kind {
                SelectionKind::Paths(ps) => ps.iter().any(|p| p == path || (sheet && p == parent)),
                SelectionKind::AnyRegionsDir => {
                    sheet && parent.rsplit('/').next() == Some(REGIONS_DIR)
                }
            }
    }
}

/// The selected sheets of two sides, and the renames between them.
#[derive(Debug)]
pub struct SideVersions {
    pub old: Vec<Version>,
    pub new: Vec<Version>,
    pub renames: Vec<Rename>,
}

/// Where a file of one side is.
#[derive(Debug, Clone)]
enum Place {
    Blob(String),
    Disk,
}

/// One side's files: a commit's tree, or the working tree.
struct SideFiles<'r> {
    repo: &'r Repo,
    /// The revision, for messages; `None` for the working tree.
    commit: Option<&'r Commit>,
    files: Vec<(String, Place)>,
}

impl<'r> SideFiles<'r> {
    fn of(repo: &'r Repo, commit: Option<&'r Commit>) -> Result<SideFiles<'r>, Failure> {
        let files = match commit {
            Some(c) => repo
                .tree_files(c)?
                .into_iter()
                .map(|TreeFile { path, blob }| (path, Place::Blob(blob)))
                .collect(),
            None => repo
                .worktree_files()?
                .into_iter()
                .filter(|p| is_regular_file(&repo.top.join(p)))
                .map(|p| (p, Place::Disk))
                .collect(),
        };
        Ok(SideFiles {
            repo,
            commit,
            files,
        })
    }

    /// The contents of these files, in order. A blob missing from the repository (a
    /// partial clone) is `None`; `missing_is_failure` makes it a failure instead.
    fn read(
        &self,
        files: &[&(String, Place)],
        missing_is_failure: bool,
    ) -> Result<Vec<Option<Vec<u8>>>, Failure> {
        let blobs: Vec<String> = files
            .iter()
            .filter_map(|(_, place)| match place {
                Place::Blob(b) => Some(b.clone()),
                Place::Disk => None,
            })
            .collect();
        let mut blobs = self.repo.read_blobs(&blobs)?.into_iter();
        let mut out = Vec::with_capacity(files.len());
        for (path, place) in files {
            let bytes = match place {
                Place::Blob(_) => match blobs.next() {
                    Some(Blob::Found(bytes)) => Some(bytes),
                    Some(Blob::TooLarge(size)) => {
                        return Err(Failure::TooLarge {
                            path: PathBuf::from(path),
                            size,
                            limit: crate::core::read::MAX_SHEET_BYTES,
                        })
                    }
                    _ if missing_is_failure => {
                        return Err(Failure::NotInClone {
                            rev: self.commit.map(|c| c.rev.clone()).unwrap_or_default(),
                            path: path.clone(),
                        })
                    }
                    _ => None,
                },
                Place::Disk => read_worktree_file(&self.repo.top.join(path))?,
            };
            out.push(bytes);
        }
        Ok(out)
    }

    /// The versions of the files `selection` wants. A file removed from the disk
    /// since it was listed is left out.
    fn versions(&self, selection: &Selection) -> Result<Vec<Version>, Failure> {
        let wanted: Vec<&(String, Place)> = self
            .files
            .iter()
            .filter(|(p, _)| selection.wants(p))
            .collect();
        let contents = self.read(&wanted, true)?;
        Ok(wanted
            .into_iter()
            .zip(contents)
            .filter_map(|((name, _), bytes)| {
                bytes.map(|bytes| Version {
                    name: name.clone(),
                    bytes,
                })
            })
            .collect())
    }
}

fn is_regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// A file of the working tree, read from disk: `None` when it is gone or is no
/// longer a regular file.
fn read_worktree_file(path: &Path) -> Result<Option<Vec<u8>>, Failure> {
    if !is_regular_file(path) {
        return Ok(None);
    }
    match crate::core::read::read_sheet(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        // Replaced by something that is no regular file since it was listed.
        Err(ReadError::NotRegular(_) | ReadError::LinkOutside { .. }) => Ok(None),
        Err(e) => Err(Failure::read(path, e)),
    }
}

/// The selected sheets of a commit and of another commit or the working tree
/// (`new` = `None`). A renamed sheet is followed: its other name is selected on the
/// other side.
pub fn between(
    repo: &Repo,
    old: &Commit,
    new: Option<&Commit>,
    selection: &Selection,
) -> Result<SideVersions, Failure> {
    let old_files = SideFiles::of(repo, Some(old))?;
    let new_files = SideFiles::of(repo, new)?;
    let renames = renames(&old_files, &new_files, selection)?;
    let old_selection = selection.with_extra(
        renames
            .iter()
            .filter(|r| selection.wants(&r.new))
            .map(|r| r.old.clone()),
    );
    let new_selection = selection.with_extra(
        renames
            .iter()
            .filter(|r| selection.wants(&r.old))
            .map(|r| r.new.clone()),
    );
    Ok(SideVersions {
        old: old_files.versions(&old_selection)?,
        new: new_files.versions(&new_selection)?,
        renames,
    })
}

/// The least similarity for a removed and an added file to be one renamed file, as
/// git's default (`-M50%`).
const RENAME_SIMILARITY: f64 = 0.5;

/// Above this many bytes to compare over all (removed, added) pairs only identical
/// contents count as a rename, as git gives up on inexact renames past
/// `diff.renameLimit`: a repository with many large files stays quick.
const MAX_RENAME_BYTES: usize = 64 << 20;

/// Files removed on one side and added on the other that are one file renamed: the
/// same contents, else the most similar above [`RENAME_SIMILARITY`]. Done here
/// rather than by `git diff`, which would read (and filter) the working tree and
/// refresh the index. Only files that can be sheets or are selected take part.
fn renames(
    old: &SideFiles,
    new: &SideFiles,
    selection: &Selection,
) -> Result<Vec<Rename>, Failure> {
    let candidate = |p: &str| sheet_name(p) || selection.wants(p);
    let old_paths: HashSet<&str> = old.files.iter().map(|(p, _)| p.as_str()).collect();
    let new_paths: HashSet<&str> = new.files.iter().map(|(p, _)| p.as_str()).collect();
    let removed: Vec<&(String, Place)> = old
        .files
        .iter()
        .filter(|(p, _)| !new_paths.contains(p.as_str()) && candidate(p))
        .collect();
    let added: Vec<&(String, Place)> = new
        .files
        .iter()
        .filter(|(p, _)| !old_paths.contains(p.as_str()) && candidate(p))
        .collect();
    if removed.is_empty() || added.is_empty() {
        return Ok(Vec::new());
    }
    // Contents that cannot be read here (not in a partial clone) take no part.
    let removed: Vec<(&str, Vec<u8>)> = removed
        .iter()
        .map(|(p, _)| p.as_str())
        .zip(old.read(&removed, false)?)
        .filter_map(|(p, bytes)| bytes.map(|b| (p, b)))
        .collect();
    let added: Vec<(&str, Vec<u8>)> = added
        .iter()
        .map(|(p, _)| p.as_str())
        .zip(new.read(&added, false)?)
        .filter_map(|(p, bytes)| bytes.map(|b| (p, b)))
        .collect();
    Ok(match_renames(&removed, &added))
}

/// Pairs removed and added files by contents: identical first, then by similarity,
/// best first (ties by path), each file at most once.
fn match_renames(removed: &[(&str, Vec<u8>)], added: &[(&str, Vec<u8>)]) -> Vec<Rename> {
    let mut used_old = vec![false; removed.len()];
    let mut used_new = vec![false; added.len()];
    let mut renames = Vec::new();
    let mut by_contents: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, (_, bytes)) in removed.iter().enumerate() {
        by_contents.entry(bytes.as_slice()).or_default().push(i);
    }
    for (j, (path, bytes)) in added.iter().enumerate() {
        let Some(same) = by_contents.get_mut(bytes.as_slice()) else {
            continue;
        };
        if same.is_empty() {
            continue;
        }
        let i = same.remove(0);
        used_old[i] = true;
        used_new[j] = true;
        renames.push(Rename {
            old: removed[i].0.to_string(),
            new: path.to_string(),
        });
    }
    let left_old: Vec<usize> = (0..removed.len()).filter(|&i| !used_old[i]).collect();
    let left_new: Vec<usize> = (0..added.len()).filter(|&j| !used_new[j]).collect();
    let bytes = |files: &[(&str, Vec<u8>)], left: &[usize]| -> usize {
        left.iter().map(|&i| files[i].1.len()).sum()
    };
    let work = left_new
        .len()
        .saturating_mul(bytes(removed, &left_old))
        .saturating_add(left_old.len().saturating_mul(bytes(added, &left_new)));
    if work <= MAX_RENAME_BYTES {
        let lines: Vec<LineCounts> = left_old
            .iter()
            .map(|&i| LineCounts::of(&removed[i].1))
            .collect();
        let mut scored = Vec::new();
        for (k, &i) in left_old.iter().enumerate() {
            for &j in &left_new {
                let score = lines[k].similarity(&added[j].1);
                if score >= RENAME_SIMILARITY {
                    scored.push((score, removed[i].0, added[j].0, i, j));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(b.2)));
        for (_, old, new, i, j) in scored {
            if used_old[i] || used_new[j] {
                continue;
            }
            used_old[i] = true;
            used_new[j] = true;
            renames.push(Rename {
                old: old.to_string(),
                new: new.to_string(),
            });
        }
    }
    renames.sort_by(|a, b| a.new.cmp(&b.new));
    renames
}

/// The lines of a file with their counts, to measure how much of it another file
/// keeps.
struct LineCounts<'a> {
    counts: HashMap<&'a [u8], usize>,
    len: usize,
}

impl<'a> LineCounts<'a> {
    fn of(bytes: &'a [u8]) -> LineCounts<'a> {
        let mut counts = HashMap::new();
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            *counts.entry(line).or_insert(0) += 1;
        }
        LineCounts {
            counts,
            len: bytes.len(),
        }
    }

    /// The bytes of the lines both files hold, over the larger file's size (git's
    /// similarity score, counted by lines).
    fn similarity(&self, other: &[u8]) -> f64 {
        let larger = self.len.max(other.len());
        if larger == 0 {
            return 1.0;
        }
        let mut left = self.counts.clone();
        let mut kept = 0;
        for line in other.split_inclusive(|&b| b == b'\n') {
            if let Some(n) = left.get_mut(line) {
                if *n > 0 {
                    *n -= 1;
                    kept += line.len();
                }
            }
        }
        kept as f64 / larger as f64
    }
}

/// One commit of a file's history and the file as that commit holds it.
#[derive(Debug)]
pub struct HistoryVersion {
    pub entry: LogEntry,
    pub blob: Blob,
}

/// The versions of a file over its history (following renames, and copies, as
/// [`Repo::log_follow`] says), oldest first. A commit that deleted the file has
/// [`Blob::Missing`], as has a version not in a partial clone.
pub fn file_history(repo: &Repo, path: &str) -> Result<Vec<HistoryVersion>, Failure> {
    let mut log = repo.log_follow(path)?;
    log.reverse();
    let specs: Vec<String> = log
        .iter()
        .map(|e| format!("{}:{}", e.hash, e.path))
        .collect();
    let blobs = repo.read_blobs(&specs)?;
    Ok(log
        .into_iter()
        .zip(blobs)
        .map(|(entry, blob)| HistoryVersion { entry, blob })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(
        removed: &[(&'static str, &str)],
        added: &[(&'static str, &str)],
    ) -> Vec<(String, String)> {
        let r: Vec<(&str, Vec<u8>)> = removed
            .iter()
            .map(|(p, t)| (*p, t.as_bytes().to_vec()))
            .collect();
        let a: Vec<(&str, Vec<u8>)> = added
            .iter()
            .map(|(p, t)| (*p, t.as_bytes().to_vec()))
            .collect();
        match_renames(&r, &a)
            .into_iter()
            .map(|r| (r.old, r.new))
            .collect()
    }

    #[test]
    fn identical_contents_are_a_rename() {
        let got = pairs(
            &[("r/a.toml", "x\ny\n"), ("r/b.toml", "z\n")],
            &[("r/c.toml", "z\n")],
        );
        assert_eq!(got, [("r/b.toml".into(), "r/c.toml".into())]);
    }

    #[test]
    fn similar_contents_are_a_rename_and_different_ones_are_not() {
        let old = "a = 1\nb = 2\nc = 3\nd = 4\n";
        let edited = "a = 1\nb = 2\nc = 3\nd = 5\n";
        let other = "q = 1\nr = 2\ns = 3\nd = 4\n";
        let got = pairs(
            &[("r/a.toml", old)],
            &[("r/x.toml", other), ("r/y.toml", edited)],
        );
        assert_eq!(got, [("r/a.toml".into(), "r/y.toml".into())]);
        assert!(pairs(&[("r/a.toml", old)], &[("r/x.toml", other)]).is_empty());
    }

    #[test]
    fn selection_of_a_folder_takes_its_sheets_only() {
        let s = Selection::new(SelectionKind::Paths(vec!["regions".into()]));
        assert!(s.wants("regions/a.toml"));
        assert!(!s.wants("regions/themes.toml"));
        assert!(!s.wants("regions/sub/a.toml"));
        assert!(!s.wants("regions/notes.txt"));
        let any = Selection::new(SelectionKind::AnyRegionsDir);
        assert!(any.wants("data/regions/a.toml"));
        assert!(!any.wants("data/a.toml"));
    }
}
