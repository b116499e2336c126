//! Writing a new file without ever replacing one: the content goes to a temporary
//! file in the same folder, which is then hard-linked to the final name. `link(2)`
//! fails when the name exists, so a file that appeared meanwhile (another writer, an
//! officer saving in an editor) is never clobbered, and the final name never shows a
//! half-written file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Failure;

/// Creates `path` holding `contents`; [`Failure::Exists`] when it exists already.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), Failure> {
    let io_failure = |source: io::Error| Failure::Io {
        path: path.to_path_buf(),
        source,
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(Failure::Exists {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (temp_path, mut temp) = temp_file(&dir, path).map_err(io_failure)?;
    let written = temp
        .write_all(contents)
        .and_then(|()| temp.sync_all())
        .map_err(io_failure);
    drop(temp);
    let result = written.and_then(|()| match fs::hard_link(&temp_path, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Failure::Exists {
            path: path.to_path_buf(),
        }),
        // A file system without hard links (some network shares, FAT): create the
        // final name exclusively and write it; still never replaces a file.
        Err(_) => write_exclusive(path, contents),
    });
    let _ = fs::remove_file(&temp_path);
    result
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

/// A new, exclusively created temporary file beside `target`.
fn temp_file(dir: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    let stem = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pid = std::process::id();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let mut last_err = None;
    for attempt in 0..100u32 {
        let candidate = dir.join(format!(".{stem}.{pid}-{nanos}-{attempt}.tmp"));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => return Ok((candidate, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| io::Error::other("no temporary file name")))
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
    fn missing_folder_is_an_io_failure() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no/such/a.toml");
        assert!(matches!(create_new(&p, b"x"), Err(Failure::Io { .. })));
    }
}
