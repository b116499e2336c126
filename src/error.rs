//! Failures that stop a command (exit 2), as opposed to findings about a sheet.
//! Their words are in [`crate::i18n::failure`].

use std::path::PathBuf;

use crate::i18n::Lang;

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

impl Failure {
    /// The one-line message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::failure::text(self, lang)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
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
