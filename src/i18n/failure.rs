//! Messages of the failures that stop a command (see [`crate::error::Failure`]).

use std::path::Path;

use crate::error::Failure;
use crate::i18n::diag::too_large;
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
        Failure::UnknownRegion { name, known } if known.is_empty() => {
            format!("圏域「{name}」はありません（読み込めたシートがありません）")
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
        Failure::BadFiscalYear(w) => format!(
            "--fiscal-year \"{w}\" を読めません（2025、2025年度、令和7年度、R7、平成30年度、H30 のように書きます）"
        ),
        Failure::NoSheetOfYear {
            year,
            region,
            years,
        } => {
            let whose = region
                .as_ref()
                .map(|r| format!("圏域「{r}」の"))
                .unwrap_or_default();
            format!(
                "{whose}{} のシートはありません。ある年度: {}",
                year.display_ja(),
                years_list(years, lang)
            )
        }
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
        Failure::LinkOutside { path, target } => link_outside(path, target, lang),
        Failure::TooLarge { path, size, limit } => {
            format!("{}: {}", path.display(), too_large(*size, *limit, lang))
        }
        Failure::ControlCharacters { what, value } => format!(
            "{} \"{}\" に制御文字（改行・エスケープなど）があります。使えません",
            if what.is_empty() { "ファイル名" } else { what },
            // Escaped as Rust writes it (`\u{1b}`, `\n`): the terminal writer would
            // leave a newline or a tab as they are, and the message is one line.
            value.escape_debug()
        ),
        Failure::CreatedNotTold { path, source } => format!(
            "{} を作りました（そのまま残します）が、標準出力に書けませんでした（{source}）",
            path.display()
        ),
        Failure::Other(m) => m.clone(),
    }
}

/// A link named on the command line that leads out of its folder, in the words
/// of the `symlink` finding.
fn link_outside(path: &Path, target: &Path, lang: Lang) -> String {
    let why = crate::i18n::diag::link_outside(&target.display().to_string(), lang);
    format!("{}: {why}", path.display())
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

/// The fiscal years there are, for people; `（なし）` / `none`.
fn years_list(years: &[crate::core::fiscal::FiscalYear], lang: Lang) -> String {
    if years.is_empty() {
        return lang.pick("（なし）", "none").to_string();
    }
    let shown: Vec<String> = years
        .iter()
        .map(|y| match lang {
            Lang::Ja => y.display_ja(),
            Lang::En => y.display_en(),
        })
        .collect();
    shown.join(lang.pick("、", ", "))
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
        Failure::UnknownRegion { name, known } if known.is_empty() => {
            format!("unknown region \"{name}\": no sheet could be read")
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
        Failure::BadFiscalYear(w) => format!(
            "cannot read --fiscal-year \"{w}\" (write 2025, 2025年度, 令和7年度, R7, 平成30年度 or H30)"
        ),
        Failure::NoSheetOfYear {
            year,
            region,
            years,
        } => {
            let whose = region
                .as_ref()
                .map(|r| format!(" of the region \"{r}\""))
                .unwrap_or_default();
            format!(
                "no sheet{whose} for {}; years there are: {}",
                year.display_en(),
                years_list(years, Lang::En)
            )
        }
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
        Failure::LinkOutside { path, target } => link_outside(path, target, Lang::En),
        Failure::TooLarge { path, size, limit } => {
            format!("{}: {}", path.display(), too_large(*size, *limit, Lang::En))
        }
        Failure::ControlCharacters { what, value } => format!(
            "{} \"{}\" holds a control character (a newline, an escape…): refused",
            if what.is_empty() { "the file name" } else { what },
            value.escape_debug()
        ),
        Failure::CreatedNotTold { path, source } => format!(
            "created {} (it is kept), but stdout could not be written: {source}",
            path.display()
        ),
        Failure::Other(m) => m.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diag::Msg;
    use crate::i18n::diag::{message, Form};

    /// A link or a large file named on the command line is refused in the words
    /// of the finding it is in a folder, after its path.
    #[test]
    fn a_file_not_read_is_named_as_the_finding_says() {
        for lang in [Lang::Ja, Lang::En] {
            let link = Failure::LinkOutside {
                path: "regions/z.toml".into(),
                target: "/etc/passwd".into(),
            };
            let finding = Msg::Symlink {
                target: "/etc/passwd".to_string(),
            };
            assert_eq!(
                text(&link, lang),
                format!("regions/z.toml: {}", message(&finding, lang, Form::Toml))
            );
            let large = Failure::TooLarge {
                path: "big.toml".into(),
                size: 5 << 20,
                limit: 4 << 20,
            };
            let finding = Msg::TooLarge {
                size: 5 << 20,
                limit: 4 << 20,
            };
            assert_eq!(
                text(&large, lang),
                format!("big.toml: {}", message(&finding, lang, Form::Toml))
            );
        }
        assert_eq!(
            text(
                &Failure::ControlCharacters {
                    what: String::new(),
                    value: "a^Jb".to_string()
                },
                Lang::En
            ),
            "the file name \"a^Jb\" holds a control character (a newline, an escape…): refused"
        );
        // The name is shown escaped, a newline and a tab too: the message stays one
        // line, and nothing of the name acts on the terminal.
        let bad = Failure::ControlCharacters {
            what: "--region".to_string(),
            value: "南\n加賀\t\u{1b}[2J\r\u{202e}".to_string(),
        };
        assert_eq!(
            text(&bad, Lang::Ja),
            "--region \"南\\n加賀\\t\\u{1b}[2J\\r\\u{202e}\" に制御文字（改行・エスケープなど）があります。使えません"
        );
    }
}
