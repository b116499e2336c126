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
    /// 記入用の新しいシートを作る (start a new sheet)
    New(NewArgs),
    /// エディタ用の JSON Schema を出力する (JSON Schema for editors)
    Schema,
    /// シートを元の様式に並べて出力する（印刷用） (lay a sheet out for print)
    Render(RenderArgs),
    /// シェルの補完スクリプトを出力する (shell completions)
    Completions(CompletionsArgs),
    /// man ページ（roff）を出力する (man page)
    Man,
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
    #[arg(long, value_enum, default_value_t = DiagFormat::Human, env = "SHEET_FORMAT")]
    pub format: DiagFormat,
}

/// `sheet new`
#[derive(Debug, Args)]
pub struct NewArgs {
    /// 圏域の名前（例: 南加賀）
    #[arg(long, value_name = "NAME")]
    pub region: String,
    /// 都道府県（例: 石川県）
    #[arg(long, value_name = "NAME")]
    pub prefecture: String,
    /// 年度（例: 平成30年度、2018、R6）
    #[arg(long, value_name = "FY")]
    pub fiscal_year: String,
    /// ファイル名（英小文字・数字・ハイフン。既定: 圏域名が英字ならそこから作る）
    #[arg(long, value_name = "SLUG")]
    pub slug: Option<String>,
    /// 書き出すファイル（既定: regions/<slug>.toml、- で標準出力）。上書きはしません
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `sheet render`
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// シートのファイルかフォルダ（既定: regions/）
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// 出力する圏域（名前・「圏域」なし・ファイル名。くり返し可。既定: すべて）
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    /// 出力形式
    #[arg(long, value_enum, default_value_t = RenderFormat::Markdown)]
    pub format: RenderFormat,
    /// 書き出すファイル（既定: 標準出力）。上書きはしません
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Output of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Markdown
    Markdown,
    /// 印刷用の HTML（A4、一つのファイル）
    Html,
}

/// `sheet completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// シェル
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Output of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    /// 人が読む形 (human)
    Human,
    /// JSON
    Json,
}
