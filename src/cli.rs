//! The command line: clap definitions only; the work lives in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// 事前課題シート（精神障害にも対応した地域包括ケアシステム構築支援事業）を
/// TOML で管理し、検査・進捗・比較・差分を表示します。
#[derive(Debug, Parser)]
#[command(name = "sheet", version, max_term_width = 100)]
pub struct Cli {
    /// シートのフォルダ（既定: 現在のフォルダから上へ探した regions/）
    #[arg(long, global = true, env = "SHEET_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// 表示の言語 (language of output)
    #[arg(long, global = true, env = "SHEET_LANG", value_enum, default_value_t = Lang::Ja)]
    pub lang: Lang,
    /// 色付け（NO_COLOR も尊重します）
    #[arg(long, global = true, env = "SHEET_COLOR", value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// 端末のときだけ (only on a terminal)
    Auto,
    /// 常に (always)
    Always,
    /// しない (never)
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// シートを検査し、誤りと注意を行・列つきで示す (check sheets)
    Validate(ValidateArgs),
}

/// `sheet validate`
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// シートのファイルかフォルダ（既定: regions/）
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// 注意（warning）も失敗として扱う (warnings fail too)
    #[arg(long)]
    pub strict: bool,
    /// 出力形式
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
}

/// Output of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// 人が読む形 (human)
    Human,
    /// JSON
    Json,
}
