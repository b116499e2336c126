//! Failures that stop a command (exit 2), as opposed to findings about a sheet.

use std::path::PathBuf;

use crate::i18n::Lang;

/// A failure: it carries the path or revision and prints as one line with its cause.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("no sheets found: looked in {}", looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    NoSheetsDir { looked: Vec<PathBuf> },
    #[error("{}: no such file or folder", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: no *.toml sheets in this folder", path.display())]
    EmptyDir { path: PathBuf },
    #[error("unknown region \"{name}\"; known regions: {}", known.join(", "))]
    UnknownRegion { name: String, known: Vec<String> },
    #[error("{}: already exists; it is not overwritten", path.display())]
    Exists { path: PathBuf },
    #[error("bad date \"{0}\"")]
    BadDate(String),
    #[error("the git program was not found; install git to compare revisions")]
    GitMissing,
    #[error("{}: not inside a git repository", path.display())]
    NotARepository { path: PathBuf },
    #[error("unknown revision \"{0}\"")]
    UnknownRevision(String),
    #[error("\"{0}\" cannot be a revision: it starts with \"-\" or is empty")]
    BadRevision(String),
    #[error("{}: outside the git repository", path.display())]
    OutsideRepository { path: PathBuf },
    #[error("git {command} failed: {message}")]
    Git { command: String, message: String },
    #[error("{}: {}", path.display(), crate::i18n::report::themes_problem(Lang::En, problem))]
    BadThemes {
        path: PathBuf,
        problem: crate::themes::ThemesProblem,
    },
    #[error("{0}")]
    Other(String),
}

impl Failure {
    /// The one-line message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Failure::NoSheetsDir { looked } => format!(
                "シートのフォルダが見つかりません（--dir か SHEET_DIR で指定してください）。探した場所: {}",
                looked
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            Failure::NotFound { path } => {
                format!("{}: ファイルまたはフォルダがありません", path.display())
            }
            Failure::Io { path, source } => format!("{}: 読み書きできません（{source}）", path.display()),
            Failure::EmptyDir { path } => {
                format!("{}: このフォルダにシート（*.toml）がありません", path.display())
            }
            Failure::UnknownRegion { name, known } => format!(
                "圏域「{name}」はありません。ある圏域: {}",
                known.join("、")
            ),
            Failure::Exists { path } => format!(
                "{} はすでにあります。上書きはしません（別の名前を指定してください）",
                path.display()
            ),
            Failure::BadDate(d) => format!("日付 \"{d}\" を読めません（例: 2018-09-30）"),
            Failure::GitMissing => {
                "git が見つかりません。版どうしの比較には git をインストールしてください".to_string()
            }
            Failure::NotARepository { path } => {
                format!("{}: git のリポジトリの中ではありません", path.display())
            }
            Failure::UnknownRevision(r) => format!("版（リビジョン）\"{r}\" がありません"),
            Failure::BadRevision(r) => {
                format!("\"{r}\" は版（リビジョン）として使えません（\"-\" で始まるか空です）")
            }
            Failure::OutsideRepository { path } => {
                format!("{}: git のリポジトリの外にあります", path.display())
            }
            Failure::Git { command, message } => format!("git {command} が失敗しました: {message}"),
            Failure::BadThemes { path, problem } => format!(
                "{}: {}",
                path.display(),
                crate::i18n::report::themes_problem(lang, problem)
            ),
            Failure::Other(m) => m.clone(),
        }
    }
}
