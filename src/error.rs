//! Failures that stop a command (exit 2), as opposed to findings about a sheet.
//! Their words, and their `Display` (English), are in [`crate::i18n::failure`].

use std::path::PathBuf;

/// A failure: it carries the path or revision and prints as one line with its cause.
#[derive(Debug)]
pub enum Failure {
    NoSheetsDir {
        looked: Vec<PathBuf>,
    },
    NotFound {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    EmptyDir {
        path: PathBuf,
    },
    UnknownRegion {
        name: String,
        known: Vec<String>,
    },
    /// The region asked for is in a sheet skipped for its errors.
    RegionHasErrors {
        name: String,
        file: String,
    },
    Exists {
        path: PathBuf,
    },
    BadDate(String),
    GitMissing,
    NotARepository {
        path: PathBuf,
    },
    UnknownRevision(String),
    BadRevision(String),
    OutsideRepository {
        path: PathBuf,
    },
    /// git failed; `message` is what git said.
    Git {
        command: String,
        message: String,
    },
    /// A file of a revision whose contents this clone does not hold (a partial
    /// clone): `sheet` never fetches.
    NotInClone {
        rev: String,
        path: String,
    },
    BadThemes {
        path: PathBuf,
        problem: crate::themes::ThemesProblem,
    },
    /// A path that is not a regular file where a sheet was expected.
    NotRegular {
        path: PathBuf,
        kind: crate::core::read::FileKind,
    },
    /// A link out of its folder, where a command needs the file itself.
    LinkOutside {
        path: PathBuf,
        target: PathBuf,
    },
    /// A file over the size limit, where a command needs the file itself.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A name (`what`: the option it came from; empty for a file name) holding a
    /// control character, refused before anything is written.
    ControlCharacters {
        what: String,
        value: String,
    },
    /// A file was created (and is kept), but saying so on stdout failed.
    CreatedNotTold {
        path: PathBuf,
        source: std::io::Error,
    },
    Other(String),
}

impl Failure {
    /// A file that could not be read, for a command that needs it (the reasons that
    /// are findings about a sheet in a folder, `symlink` and `too-large`, included).
    pub fn read(path: &std::path::Path, e: crate::core::read::ReadError) -> Failure {
        use crate::core::read::ReadError;
        let path = path.to_path_buf();
        match e {
            ReadError::LinkOutside { target } => Failure::LinkOutside { path, target },
            ReadError::TooLarge { size, limit } => Failure::TooLarge { path, size, limit },
            ReadError::NotRegular(kind) => Failure::NotRegular { path, kind },
            ReadError::Io(source) if source.kind() == std::io::ErrorKind::NotFound => {
                Failure::NotFound { path }
            }
            ReadError::Io(source) => Failure::Io { path, source },
        }
    }
}

impl From<crate::themes::ThemesError> for Failure {
    fn from(e: crate::themes::ThemesError) -> Failure {
        match e {
            crate::themes::ThemesError::Io { path, source } => Failure::Io { path, source },
            crate::themes::ThemesError::Read { path, error } => Failure::read(&path, error),
            crate::themes::ThemesError::Bad { path, problem } => {
                Failure::BadThemes { path, problem }
            }
        }
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Io { source, .. } | Failure::CreatedNotTold { source, .. } => Some(source),
            _ => None,
        }
    }
}
