//! Messages of the failures that stop a command (see [`crate::error::Failure`]).

use crate::error::Failure;
use crate::i18n::Lang;

/// The one-line message of a failure.
pub fn text(f: &Failure, lang: Lang) -> String {
    match lang {
        Lang::Ja => ja(f),
        Lang::En => en(f),
    }
}

impl Failure {
    /// The one-line message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        text(self, lang)
    }
}

/// A failure's English message, for `anyhow`'s chains.
impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&text(self, Lang::En))
    }
}

fn ja(f: &Failure) -> String {
    let lang = Lang::Ja;
    match f {
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
        Failure::RegionHasErrors { name, file } => format!(
            "圏域「{name}」のシート {file} にはエラーがあるため除きました（エラーは上に表示しています。sheet validate でも確かめられます）"
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
        Failure::NotInClone { rev, path } => format!(
            "{rev}:{path}: この版のファイルは手元のリポジトリにありません（部分クローン）。sheet は取得しないので、git で取得してからもう一度実行してください（例: git show {rev}:{path} > /dev/null）"
        ),
        Failure::BadThemes { path, problem } => format!(
            "{}: {}",
            path.display(),
            crate::i18n::themes::themes_problem(lang, problem)
        ),
        Failure::Other(m) => m.clone(),
    }
}

fn en(f: &Failure) -> String {
    match f {
        Failure::NoSheetsDir { looked } => format!(
            "no sheets found (give --dir or SHEET_DIR); looked in {}",
            looked
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Failure::NotFound { path } => format!("{}: no such file or folder", path.display()),
        Failure::Io { path, source } => format!("{}: {source}", path.display()),
        Failure::EmptyDir { path } => {
            format!("{}: no *.toml sheets in this folder", path.display())
        }
        Failure::UnknownRegion { name, known } => {
            format!(
                "unknown region \"{name}\"; known regions: {}",
                known.join(", ")
            )
        }
        Failure::RegionHasErrors { name, file } => format!(
            "the sheet of \"{name}\", {file}, has errors and was skipped (they are shown above; sheet validate shows them too)"
        ),
        Failure::Exists { path } => {
            format!("{}: already exists; it is not overwritten", path.display())
        }
        Failure::BadDate(d) => format!("bad date \"{d}\" (for example 2018-09-30)"),
        Failure::GitMissing => {
            "the git program was not found; install git to compare revisions".to_string()
        }
        Failure::NotARepository { path } => {
            format!("{}: not inside a git repository", path.display())
        }
        Failure::UnknownRevision(r) => format!("unknown revision \"{r}\""),
        Failure::BadRevision(r) => {
            format!("\"{r}\" cannot be a revision: it starts with \"-\" or is empty")
        }
        Failure::OutsideRepository { path } => {
            format!("{}: outside the git repository", path.display())
        }
        Failure::Git { command, message } => format!("git {command} failed: {message}"),
        Failure::NotInClone { rev, path } => format!(
            "{rev}:{path}: this version is not in this clone (a partial clone); sheet does not fetch: fetch it with git, then run again (for example git show {rev}:{path} > /dev/null)"
        ),
        Failure::BadThemes { path, problem } => format!(
            "{}: {}",
            path.display(),
            crate::i18n::themes::themes_problem(Lang::En, problem)
        ),
        Failure::Other(m) => m.clone(),
    }
}
