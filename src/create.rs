//! Writing a new file without ever replacing one (SPEC §7): the content goes to a
//! temporary file in the same folder, which then takes the final name only if no
//! file has it (`renameat2(RENAME_NOREPLACE)`, else a hard link, through
//! `tempfile`'s `persist_noclobber`). A file that appeared meanwhile (another
//! writer, an officer saving in an editor) is never clobbered, and the final name
//! never shows a half-written file: a run that fails or is interrupted leaves at
//! most a hidden `.sheet-*.tmp` file, never a partial file at the final name.
//!
//! [`FolderLock`] serialises the writers of one folder that must check the folder
//! before they write (`sheet new` and its one sheet per region and year).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Failure;

/// Creates `path` holding `contents`; [`Failure::Exists`] when it exists already.
/// A name holding a control character is refused ([`Failure::ControlCharacters`]).
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    refuse_control_characters("", &path.to_string_lossy())?;
    let io_failure = |source: io::Error| Failure::Io {
        path: path.to_path_buf(),
        source,
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(Failure::Exists {
            path: path.to_path_buf(),
        });
    }
    // A missing folder is said as such, not as the OS error about the hidden
    // temporary file made in it.
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(Failure::NotFound { path: folder });
    }
    let mut temp = temp_file(&folder).map_err(io_failure)?;
    temp.write_all(contents)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io_failure)?;
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(Failure::Exists {
            path: path.to_path_buf(),
        }),
        // A file system with neither (some network shares, FAT): create the final
        // name exclusively and write it; still never replaces a file. (The
        // temporary file is removed as `e` is dropped.)
        Err(_) => write_exclusive(path, contents),
    }
}

/// Refuses a name (`what`: the option it came from, or empty for a file name) that
/// holds a control character (a newline, a tab, an escape…) or a bidirectional
/// override: it would end up in a file name or inside a new sheet's text.
pub fn refuse_control_characters(what: &str, value: &str) -> Result<(), Failure> {
    if crate::core::text::has_control_character(value) {
        return Err(Failure::ControlCharacters {
            what: what.to_string(),
            value: value.to_string(),
        });
    }
    Ok(())
}

/// Refuses the names of a sheet (its prefecture and region) before a file is made
/// from it (SPEC §7): `source` is where they were written (a sheet's file, a
/// workbook), and each name comes with the key or label it was written under, so
/// the message points at what to fix (`regions/z.toml: region "Z\u{1b}[31m"`).
pub fn refuse_sheet_names(source: &str, names: [(&str, &str); 2]) -> Result<(), Failure> {
    for (key, value) in names {
        refuse_control_characters(&format!("{source}: {key}"), value)?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new temporary file in `dir`, hidden, and readable as a file made with
/// `File::create` would be (tempfile's default is owner-only).
fn temp_file(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sheet-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The process's umask still applies, as for any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

fn write_exclusive(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| match source.kind() {
            io::ErrorKind::AlreadyExists => Failure::Exists {
                path: path.to_path_buf(),
            },
            _ => Failure::Io {
                path: path.to_path_buf(),
                source,
            },
        })?;
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(|source| Failure::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// An exclusive lock on a folder for writers that check it before they write,
/// held until dropped. It is an advisory lock (`flock`) on a hidden file in the
/// folder, released by the system if the process dies; the file is removed when the
/// lock is let go.
#[derive(Debug)]
pub struct FolderLock {
    path: PathBuf,
    // Held for the lock; closing it releases the lock.
    _file: File,
}

/// The lock file's name.
pub const LOCK_FILE: &str = ".sheet.lock";

impl FolderLock {
    /// Waits for the lock of `dir`.
    pub fn acquire(dir: &Path) -> Result<FolderLock, Failure> {
        let path = dir.join(LOCK_FILE);
        let io_failure = |source: io::Error| Failure::Io {
            path: path.clone(),
            source,
        };
        loop {
            let file = open_lock_file(&path).map_err(io_failure)?;
            file.lock().map_err(io_failure)?;
            // The holder before us removes the file as it lets go: a lock taken on
            // that removed file locks nothing, so take it again on the file now
            // at the name.
            if is_same_file(&file, &path) {
                return Ok(FolderLock { path, _file: file });
            }
        }
    }
}

impl Drop for FolderLock {
    fn drop(&mut self) {
        // Removed while still locked, so nobody holds a lock on the name's file
        // when it is gone.
        let _ = fs::remove_file(&self.path);
    }
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Not through a link someone left at the lock's name.
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        create_new(&p, "région = \"南加賀\"\n".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "région = \"南加賀\"\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        create_new(&p, b"x").unwrap();
        let made = fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain");
        File::create(&plain).unwrap();
        let expected = fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(made, expected);
    }

    #[test]
    fn never_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        fs::write(&p, "old").unwrap();
        let err = create_new(&p, b"new").unwrap_err();
        assert!(matches!(err, Failure::Exists { .. }), "{err}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn concurrent_writers_one_wins_and_nothing_is_clobbered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("race.toml");
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let p = p.clone();
                std::thread::spawn(move || {
                    create_new(&p, format!("writer {i}\n").as_bytes()).is_ok()
                })
            })
            .collect();
        let wins = handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|ok| *ok)
            .count();
        assert_eq!(wins, 1);
        let text = fs::read_to_string(&p).unwrap();
        assert!(
            text.starts_with("writer ") && text.ends_with('\n'),
            "{text}"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/a.toml");
        match create_new(&p, b"x") {
            Err(Failure::NotFound { path }) => assert_eq!(path, dir.path().join("no/such")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_with_a_control_character_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "a\nb.toml",
            "a\u{1b}[2J.toml",
            "a\u{202e}lmth.toml",
            "a\rb.toml",
        ] {
            let p = dir.path().join(name);
            assert!(
                matches!(create_new(&p, b"x"), Err(Failure::ControlCharacters { .. })),
                "{name:?}"
            );
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_folder_lock_is_exclusive_and_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let counter = std::sync::Arc::new(std::sync::Mutex::new((0u32, 0u32)));
        let handles: Vec<_> = (0..6)
            .map(|_| {
                let dir = dir.path().to_path_buf();
                let counter = counter.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let _lock = FolderLock::acquire(&dir).unwrap();
                        {
                            let mut c = counter.lock().unwrap();
                            c.0 += 1;
                            c.1 = c.1.max(c.0);
                        }
                        std::thread::yield_now();
                        counter.lock().unwrap().0 -= 1;
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        assert_eq!(counter.lock().unwrap().1, 1, "two holders at once");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
