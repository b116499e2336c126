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
    Other(String),
}

impl From<crate::themes::ThemesError> for Failure {
    fn from(e: crate::themes::ThemesError) -> Failure {
        match e {
            crate::themes::ThemesError::Io { path, source } => Failure::Io { path, source },
            crate::themes::ThemesError::Bad { path, problem } => {
                Failure::BadThemes { path, problem }
            }
        }
    }
}

impl std::error::Error for Failure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Failure::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
