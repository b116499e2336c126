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
        Failure::NotRegular { path, kind } => format!(
            "{}: {}です。シートとして読めるのは普通のファイルだけです",
            path.display(),
            kind_name(*kind, lang)
        ),
        Failure::LinkOutside { path, target } => format!(
            "{}: フォルダの外（{}）を指すリンクです。読みません",
            path.display(),
            target.display()
        ),
        Failure::TooLarge { path, size, limit } => format!(
            "{}: ファイルが大きすぎます（{size} バイト、上限 {} MiB）。読みません",
            path.display(),
            limit >> 20
        ),
        Failure::ControlCharacters { what, value } if what.is_empty() => format!(
            "ファイル名 \"{value}\" に制御文字（改行・エスケープなど）があります。使えません"
        ),
        Failure::ControlCharacters { what, value } => format!(
            "{what} \"{value}\" に制御文字（改行・エスケープなど）があります。使えません"
        ),
        Failure::CreatedNotTold { path, source } => format!(
            "{} を作りました（そのまま残します）が、標準出力に書けませんでした（{source}）",
            path.display()
        ),
        Failure::Other(m) => m.clone(),
    }
}

/// What a path that is not a regular file is, in words.
fn kind_name(kind: crate::core::read::FileKind, lang: Lang) -> &'static str {
    use crate::core::read::FileKind;
    match kind {
        FileKind::Directory => lang.pick("フォルダ", "a folder"),
        FileKind::Fifo => lang.pick("名前付きパイプ（FIFO）", "a named pipe (FIFO)"),
        FileKind::Socket => lang.pick("ソケット", "a socket"),
        FileKind::CharDevice | FileKind::BlockDevice => lang.pick("デバイス", "a device"),
        FileKind::Kernel => lang.pick(
            "カーネルのファイル（/proc・/sys）",
            "a kernel file (/proc, /sys)",
        ),
        FileKind::Other => lang.pick("普通のファイルではないもの", "not a regular file"),
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
        Failure::NotRegular { path, kind } => format!(
            "{}: {}; only regular files are read as sheets",
            path.display(),
            kind_name(*kind, Lang::En)
        ),
        Failure::LinkOutside { path, target } => format!(
            "{}: a link to {}, outside its folder: not read",
            path.display(),
            target.display()
        ),
        Failure::TooLarge { path, size, limit } => format!(
            "{}: the file is too large ({size} bytes, the limit is {} MiB): not read",
            path.display(),
            limit >> 20
        ),
        Failure::ControlCharacters { what, value } if what.is_empty() => format!(
            "the file name \"{value}\" holds a control character (a newline, an escape…): refused"
        ),
        Failure::ControlCharacters { what, value } => format!(
            "{what} \"{value}\" holds a control character (a newline, an escape…): refused"
        ),
        Failure::CreatedNotTold { path, source } => format!(
            "created {} (it is kept), but stdout could not be written: {source}",
            path.display()
        ),
        Failure::Other(m) => m.clone(),
    }
}
