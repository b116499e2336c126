//! Which files are sheets: the paths given, else `--dir`/`$SHEET_DIR`, else the
//! nearest `regions/` from the current directory upward.

use std::path::{Path, PathBuf};

use crate::core::{read, workbook};
use crate::error::Failure;

/// The name of the folder searched for upward.
pub const REGIONS_DIR: &str = "regions";
/// A file beside the sheets that is not a sheet.
pub const THEMES_FILE: &str = "themes.toml";

/// The sheets to read, and the folder they came from (where `themes.toml` lives).
#[derive(Debug, Clone)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub dir: Option<PathBuf>,
}

/// Resolves the sheets of a command.
pub fn resolve(paths: &[PathBuf], dir: Option<&Path>) -> Result<Inputs, Failure> {
    if !paths.is_empty() {
        let mut files = Vec::new();
        let mut first_dir = None;
        for p in paths {
            // Looked at, never opened: a FIFO or a device named here is refused
            // by what it is.
            let meta = std::fs::metadata(p).map_err(|source| match source.kind() {
                std::io::ErrorKind::NotFound => Failure::NotFound { path: p.clone() },
                _ => Failure::Io {
                    path: p.clone(),
                    source,
                },
            })?;
            if meta.is_dir() {
                first_dir.get_or_insert_with(|| p.clone());
                files.extend(sheets_in(p)?);
            } else if let Some(kind) = read::kind_of(&meta) {
                return Err(Failure::NotRegular {
                    path: p.clone(),
                    kind,
                });
            } else {
                first_dir
                    .get_or_insert_with(|| p.parent().map(Path::to_path_buf).unwrap_or_default());
                files.push(p.clone());
            }
        }
        return Ok(Inputs {
            files,
            dir: first_dir,
        });
    }
    let dir = match dir {
        Some(d) if d.is_dir() => d.to_path_buf(),
        Some(d) => {
            return Err(Failure::NotFound {
                path: d.to_path_buf(),
            })
        }
        None => find_regions_dir()?,
    };
    let files = sheets_in(&dir)?;
    if files.is_empty() {
        return Err(Failure::EmptyDir { path: dir });
    }
    Ok(Inputs {
        files,
        dir: Some(dir),
    })
}

/// The nearest `regions/` folder from the current directory upward, as a path
/// relative to the current directory (`regions`, `../regions`, …).
pub fn find_regions_dir() -> Result<PathBuf, Failure> {
    let cwd = std::env::current_dir().map_err(|source| Failure::Io {
        path: PathBuf::from("."),
        source,
    })?;
    let mut looked = Vec::new();
    let mut relative = PathBuf::new();
    for ancestor in cwd.ancestors() {
        let candidate = ancestor.join(REGIONS_DIR);
        if candidate.is_dir() {
            return Ok(relative.join(REGIONS_DIR));
        }
        looked.push(candidate);
        relative.push("..");
    }
    Err(Failure::NoSheetsDir { looked })
}

/// The `*.toml` files of a folder except `themes.toml`, and its workbooks
/// (`*.xlsx`, not Excel's `~$` lock files), sorted by name: regular
/// files, and links but those that lead to nothing, to something that is not a
/// regular file inside the folder, or to another sheet of the folder (read once,
/// under its own name). A link out of the folder is listed: reading it gives the
/// warning `symlink` (see [`crate::core::read`]). Anything else (a FIFO, a device)
/// is passed over, never opened.
pub fn sheets_in(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|source| Failure::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut links = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Failure::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if !is_sheet_name(&path) {
            continue;
        }
        // The entry's type comes with the folder listing on most file systems, so
        // only links (and file systems that don't tell) cost a `stat`: thousands of
        // sheets would otherwise cost as many system calls.
        let file_type = entry
            .file_type()
            .or_else(|_| std::fs::symlink_metadata(&path).map(|m| m.file_type()));
        match file_type {
            Ok(t) if t.is_file() => files.push(path),
            Ok(t) if t.is_symlink() => links.push(path),
            _ => {}
        }
    }
    if !links.is_empty() {
        let folder = std::fs::canonicalize(dir).map_err(|source| Failure::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        for link in links {
            if link_is_listed(&link, &folder) {
                files.push(link);
            }
        }
    }
    // All in one folder, `dir` then the name: the paths' bytes order them as
    // their names would, and comparing bytes is much cheaper than finding each
    // name again at every comparison (16 M instructions for 2,350 sheets, on the
    // one thread that runs before any file is read).
    files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(files)
}

/// `*.toml` but `themes.toml`, and workbooks (`*.xlsx`, see
/// [`workbook::is_workbook`]).
fn is_sheet_name(path: &Path) -> bool {
    let toml = path.extension().is_some_and(|e| e == "toml")
        && path.file_name().is_some_and(|n| n != THEMES_FILE);
    toml || workbook::is_workbook(path)
}

/// Whether a link of the folder `folder` (canonical) is listed (see [`sheets_in`]).
fn link_is_listed(link: &Path, folder: &Path) -> bool {
    let Ok(target) = std::fs::canonicalize(link) else {
        return false;
    };
    if !target.starts_with(folder) {
        return true;
    }
    let Ok(meta) = std::fs::metadata(&target) else {
        return false;
    };
    let another_sheet = target.parent() == Some(folder) && is_sheet_name(&target);
    read::kind_of(&meta).is_none() && !another_sheet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_sheets_and_workbooks_sorted_by_name_without_themes_toml() {
        let dir = tempfile::tempdir().unwrap();
        // Made out of order; `_` (0x5F) sorts after `Z` and before `a`, and a
        // kanji name after every ASCII one, as bytes do.
        for name in [
            "南加賀.toml",
            "b.toml",
            "a_2.toml",
            "Z.toml",
            "a.toml",
            "themes.toml",
            "a.txt",
            "c.xlsx",
            "~$c.xlsx",
            "d.XLS",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("c.toml")).unwrap();
        let names: Vec<String> = sheets_in(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "Z.toml",
                "a.toml",
                "a_2.toml",
                "b.toml",
                "c.xlsx",
                "d.XLS",
                "南加賀.toml"
            ]
        );
    }
}
