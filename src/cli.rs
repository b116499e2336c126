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
    /// 圏域ごとの達成目標・進捗・指標 (progress of each region)
    Progress(ProgressArgs),
    /// 圏域を並べて比較（視点の空欄、指標、テーマ、質問） (compare regions)
    Compare(CompareArgs),
    /// 2 つのシート、または git の版どうしを項目ごとに比べる (semantic diff)
    Diff(DiffArgs),
    /// 圏域の指標の値を git の履歴で追う (indicator values over git history)
    History(HistoryArgs),
    /// 記入用の新しいシートを作る (start a new sheet)
    New(NewArgs),
    /// シートを元の様式に並べて出力する（印刷用） (lay a sheet out for print)
    Render(RenderArgs),
    /// エディタ用の JSON Schema を出力する (JSON Schema for editors)
    Schema,
    /// シートを安定したテキストで表示する（git の textconv 用）
    Show(ShowArgs),
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
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
}

/// `sheet diff`
#[derive(Debug, Args)]
#[command(after_help = "sheet diff OLD.toml NEW.toml\nsheet diff REV [REV2] [-- PATH...]")]
pub struct DiffArgs {
    // The help is an attribute, not a doc comment: rustdoc would read `[REV2]`
    // as a link.
    #[arg(
        value_name = "OLD|REV",
        help = "OLD NEW（2 つのファイル）または REV [REV2]（git の版; 省略時 HEAD）"
    )]
    pub args: Vec<String>,
    /// 比べるシートのファイルかフォルダ（版を比べるとき）
    #[arg(last = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// 出力形式
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
}

/// `sheet history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// 圏域名（圏域の有無・全角半角を問わず、ファイル名でも可）
    #[arg(long, value_name = "NAME")]
    pub region: String,
    /// この指標だけを表示
    #[arg(long, value_name = "NAME")]
    pub indicator: Option<String>,
    /// 出力形式
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
    #[command(flatten)]
    pub table: TableArgs,
}

/// Output of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// 表 (table)
    Table,
    /// JSON
    Json,
    /// CSV
    Csv,
}

/// `sheet show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// 1 行 1 項目の安定したテキスト（既定; git の textconv 用）
    #[arg(long)]
    pub canonical: bool,
    /// 読み込めないシートは元のテキストを出して終了コード 0（textconv 用）
    #[arg(long)]
    pub raw_on_error: bool,
    /// シートのファイル
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
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
    // The help is an attribute, not a doc comment: rustdoc would read `<slug>`
    // as an HTML tag.
    #[arg(
        long,
        value_name = "FILE",
        help = "書き出すファイル（既定: regions/<slug>.toml、- で標準出力）。上書きはしません"
    )]
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

/// `sheet progress`
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// シートのファイルかフォルダ（既定: regions/）
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// `sheet compare`
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// シートのファイルかフォルダ（既定: regions/）
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Options shared by the reports (`progress`, `compare`).
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// 圏域（名前・「圏域」の有無・ファイル名。繰り返し可） (region; repeatable)
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    /// この日付で期限超過を判定（既定: シートの as_of、なければ今日） (judge overdue at DATE)
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 出力形式 (output format)
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    #[command(flatten)]
    pub table: TableArgs,
}

/// How terminal tables and CSV are written (`progress`, `compare`, `history`).
#[derive(Debug, Clone, Copy, Args)]
pub struct TableArgs {
    /// 表の幅（既定: 端末の幅、端末でなければ 80。0 = 折り返さない） (table width)
    #[arg(long, value_name = "N", env = "SHEET_WIDTH")]
    pub width: Option<u16>,
    /// 表の罫線（ascii はどの端末でも崩れない） (table borders)
    #[arg(long, value_enum, default_value_t = Border::Ascii, env = "SHEET_BORDER")]
    pub border: Border,
    /// CSV の先頭に BOM を付け、改行を CRLF に（日本語版 Excel 用） (for Excel)
    #[arg(long)]
    pub bom: bool,
}

/// Output of `progress` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// 端末の表 (terminal table)
    Table,
    /// Markdown（会議メモに貼る）
    Markdown,
    /// JSON
    Json,
    /// CSV（1 行に 1 つの値）
    Csv,
}

/// Border characters of terminal tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Border {
    /// ASCII（+-|）: 曖昧幅を全角にする端末でも崩れない (safe everywhere)
    Ascii,
    /// Unicode の罫線: 曖昧幅が半角の端末向け (box drawing; ambiguous-narrow terminals)
    Unicode,
}
