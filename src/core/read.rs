//! Reading a sheet file that someone else may have made (SPEC §7): a link is not
//! followed out of the folder it is in, only a regular file is opened (never a
//! FIFO, a device, a socket or a file of `/proc` or `/sys`), and a file over
//! [`MAX_SHEET_BYTES`] is not read, at most that many bytes and one more being
//! taken from it whatever its size.
//!
//! A link that stays inside its folder is read as the file it points to. (Listing a
//! folder, [`crate::discover`] leaves out a link to another sheet of the same folder,
//! so that sheet is read once, under its own name.)

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::diag::{Diagnostic, FileReport, Msg};
use super::place::Place;

/// The largest sheet file read: 4 MiB, a hundred times the largest real sheet.
pub const MAX_SHEET_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A link pointing outside the folder it is in; `target` as the link says.
    LinkOutside {
        target: PathBuf,
    },
    /// Over its limit ([`limit_of`]): `size` bytes or more.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// Not a regular file.
    NotRegular(FileKind),
    Io(io::Error),
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    /// A named pipe.
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    /// A file of `/proc` or `/sys`: made up by the kernel when read, and may block.
    Kernel,
    Other,
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

impl ReadError {
    /// The finding that stands for a file that was not read, when it is one
    /// (`symlink`, `too-large`); the other reasons stop a command.
    pub fn finding(&self) -> Option<Msg> {
        match self {
            ReadError::LinkOutside { target } => Some(Msg::Symlink {
                target: target.to_string_lossy().into_owned(),
            }),
            ReadError::TooLarge { size, limit } => Some(Msg::TooLarge {
                size: *size,
                limit: *limit,
            }),
            ReadError::NotRegular(_) | ReadError::Io(_) => None,
        }
    }
}

/// The report of a file that was not read: the one finding, about the file.
pub fn not_read(name: &str, msg: Msg) -> FileReport {
    FileReport {
        name: name.to_string(),
        source: None,
        diagnostics: vec![Diagnostic::new(Place::File, msg)],
    }
}

/// The largest file of this name that is read: a workbook's limit for a workbook
/// ([`crate::core::workbook::MAX_WORKBOOK_BYTES`]), else [`MAX_SHEET_BYTES`].
pub fn limit_of(path: &Path) -> u64 {
    if crate::core::workbook::is_workbook(path) {
        crate::core::workbook::MAX_WORKBOOK_BYTES
    } else {
        MAX_SHEET_BYTES
    }
}

/// Reads a sheet file (a TOML sheet or a workbook) by the rules of this module.
pub fn read_sheet(path: &Path) -> Result<Vec<u8>, ReadError> {
    let limit = limit_of(path);
    let link = fs::symlink_metadata(path)?;
    let is_link = link.file_type().is_symlink();
    if is_link && !link_stays_inside(path)? {
        return Err(ReadError::LinkOutside {
            target: fs::read_link(path)?,
        });
    }
    let meta = if is_link { fs::metadata(path)? } else { link };
    if let Some(kind) = kind_of(&meta) {
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = open(path, !is_link)?;
    // The file opened must be the one looked at: a regular file, the same one.
    let opened = file.metadata()?;
    if let Some(kind) = kind_of(&opened) {
        return Err(ReadError::NotRegular(kind));
    }
    if !same_file(&meta, &opened) {
        return Err(ReadError::Io(io::Error::other(
            "the file changed while it was opened",
        )));
    }
    let capacity = usize::try_from(opened.len().min(limit) + 1).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: opened.len().max(bytes.len() as u64),
            limit,
        });
    }
    Ok(bytes)
}

/// What `meta` describes, unless it is a regular file that may be read.
pub fn kind_of(meta: &Metadata) -> Option<FileKind> {
    let t = meta.file_type();
    if t.is_file() {
        return is_kernel_file(meta).then_some(FileKind::Kernel);
    }
    if t.is_dir() {
        return Some(FileKind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if t.is_socket() {
            return Some(FileKind::Socket);
        }
        if t.is_char_device() {
            return Some(FileKind::CharDevice);
        }
        if t.is_block_device() {
            return Some(FileKind::BlockDevice);
        }
    }
    Some(FileKind::Other)
}

/// Whether a link's target, all links resolved, lies inside the folder the link is
/// in. A link whose target does not exist is an error (not found).
fn link_stays_inside(path: &Path) -> io::Result<bool> {
    let target = fs::canonicalize(path)?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => fs::canonicalize(p)?,
        _ => fs::canonicalize(".")?,
    };
    Ok(target.starts_with(&folder))
}

#[cfg(unix)]
fn open(path: &Path, no_follow: bool) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking, so that a FIFO put in the file's place after it was looked at
    // cannot hold the open; and without following a link where none was seen.
    let mut flags = libc::O_NONBLOCK;
    if no_follow {
        flags |= libc::O_NOFOLLOW;
    }
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path, _no_follow: bool) -> io::Result<File> {
    File::open(path)
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &Metadata, _: &Metadata) -> bool {
    true
}

/// Whether a regular file lives on the file system of `/proc` or `/sys`.
#[cfg(unix)]
fn is_kernel_file(meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    static KERNEL_DEVICES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    KERNEL_DEVICES
        .get_or_init(|| {
            ["/proc", "/sys"]
                .iter()
                .filter_map(|p| fs::metadata(p).ok())
                .map(|m| m.dev())
                .collect()
        })
        .contains(&meta.dev())
}

#[cfg(not(unix))]
fn is_kernel_file(_: &Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_sheet_and_refuses_one_byte_more_than_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok.toml");
        fs::write(&ok, "format = 1\n").unwrap();
        assert_eq!(read_sheet(&ok).unwrap(), b"format = 1\n");
        let at_limit = dir.path().join("at.toml");
        File::create(&at_limit)
            .unwrap()
            .set_len(MAX_SHEET_BYTES)
            .unwrap();
        assert_eq!(read_sheet(&at_limit).unwrap().len() as u64, MAX_SHEET_BYTES);
        let over = dir.path().join("over.toml");
        File::create(&over)
            .unwrap()
            .set_len(MAX_SHEET_BYTES + 1)
            .unwrap();
        assert!(matches!(
            read_sheet(&over),
            Err(ReadError::TooLarge { size, limit }) if size == MAX_SHEET_BYTES + 1 && limit == MAX_SHEET_BYTES
        ));
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_link_inside_its_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("sheets");
        fs::create_dir_all(inner.join("old")).unwrap();
        fs::write(inner.join("old/a.toml"), "a").unwrap();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink("old/a.toml", inner.join("in.toml")).unwrap();
        std::os::unix::fs::symlink("../secret.txt", inner.join("out.toml")).unwrap();
        assert_eq!(read_sheet(&inner.join("in.toml")).unwrap(), b"a");
        match read_sheet(&inner.join("out.toml")) {
            Err(ReadError::LinkOutside { target }) => {
                assert_eq!(target, Path::new("../secret.txt"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn never_opens_kernel_files_or_devices() {
        for (path, kind) in [
            ("/proc/self/environ", FileKind::Kernel),
            ("/dev/null", FileKind::CharDevice),
            ("/tmp", FileKind::Directory),
        ] {
            match read_sheet(Path::new(path)) {
                Err(ReadError::NotRegular(k)) => assert_eq!(k, kind, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
        }
    }
}
