//! Words of `--help`, usage errors and the man pages.
//!
//! `cli.rs` builds clap's command from the derive and sets every text below on it,
//! so no help text is written in one language only. Arguments are found by their
//! clap id (the field name) and the subcommand they belong to.

use crate::i18n::Lang;

crate::words! {
    /// Headings and fixed phrases of help and usage errors.
    pub enum H {
        Usage => "使い方", "Usage";
        Commands => "コマンド", "Commands";
        Arguments => "引数", "Arguments";
        Options => "オプション", "Options";
        OptionsTag => "[オプション]", "[OPTIONS]";
        CommandValue => "コマンド", "COMMAND";
        Values => "値", "Possible values";
        ValuesShort => "値", "possible values";
        Default => "既定", "default";
        Env => "環境変数", "env";
        Examples => "例", "Examples";
        Error => "エラー", "error";
        Tip => "ヒント", "tip";
        HelpShort => "ヘルプを表示する（--help で詳しく）", "Print help (see more with '--help')";
        HelpLong => "ヘルプを表示する（-h で要約）", "Print help (see a summary with '-h')";
        Version => "版を表示する", "Print version";
    }
}

crate::words! {
    /// What each command does: the first line of its help.
    pub enum About {
        Sheet => "事前課題シート（精神障害にも対応した地域包括ケアシステム構築支援事業）を \
                  TOML で管理し、検査・進捗・比較・差分を表示します。",
                 "Keep the pre-meeting sheets of Japan's regional mental-health care \
                  programme as TOML files: check them, show each region's progress, \
                  compare regions and review changes.";
        Validate => "シートを検査し、誤りと注意を行・列つきで示す",
                    "Check sheets; show errors and warnings with line and column";
        Progress => "圏域ごとの達成目標・進捗・指標",
                    "Goals, progress and indicators of each region";
        Compare => "事前資料: 圏域を並べて比較（本文、予定、視点の空欄、指標、テーマ、質問）",
                   "The briefing: regions side by side with texts, timeline, indicators, themes";
        Diff => "2 つのシート、または git の版どうしを項目ごとに比べる",
                "Compare two sheets, or git revisions, item by item";
        History => "圏域の指標の値を git の履歴で追う",
                   "Follow a region's indicator values through the git history";
        New => "記入用の新しいシートを作る（--out FILE.xlsx で配布用の Excel ブック）",
               "Start a new sheet to fill in (--out FILE.xlsx: an Excel workbook to hand out)";
        Export => "シートを Excel のブック（xlsx）に書き出す",
                  "Write sheets as Excel workbooks (xlsx)";
        Import => "Excel のブック（.xlsx）を TOML のシートにする",
                  "Turn Excel workbooks (.xlsx) into TOML sheets";
        Render => "シートを元の様式に並べて出力する（印刷用）",
                  "Lay sheets out like the original form, to print";
        Schema => "エディタ用の JSON Schema を出力する", "Print the JSON Schema for editors";
        Show => "シートを安定したテキストで表示する（git の textconv 用）",
                "Print a sheet as stable text (for git's textconv)";
        Completions => "シェルの補完スクリプトを出力する", "Print shell completions";
        Man => "man ページ（roff）を出力する", "Print or write the man pages (roff)";
        Help => "このヘルプ、またはコマンドのヘルプを表示する",
                "Print this message or the help of a command";
    }
}

/// The about line of a command (`""` for `sheet` itself).
pub fn about(command: &str) -> Option<About> {
    Some(match command {
        "" | "sheet" => About::Sheet,
        "validate" => About::Validate,
        "progress" => About::Progress,
        "compare" => About::Compare,
        "diff" => About::Diff,
        "history" => About::History,
        "new" => About::New,
        "export" => About::Export,
        "import" => About::Import,
        "render" => About::Render,
        "schema" => About::Schema,
        "show" => About::Show,
        "completions" => About::Completions,
        "man" => About::Man,
        "help" => About::Help,
        _ => return None,
    })
}

crate::words! {
    /// The help of each argument.
    pub enum Arg {
        Dir => "シートのフォルダ（既定: 現在のフォルダから上へ探した regions/）",
               "Folder of the sheets (default: the nearest regions/ found upward from here)";
        Lang => "表示の言語", "Language of output";
        Color => "色付け（NO_COLOR も尊重します）", "When to colour output (NO_COLOR is honoured)";
        Paths => "シートのファイルかフォルダ（既定: regions/）",
                 "Sheet files or folders (default: regions/)";
        Strict => "注意（warning）も失敗として扱う", "Treat warnings as failures too";
        Format => "出力形式", "Output format";
        DiffArgs => "OLD NEW（2 つのファイル）または REV [REV2]（git の版。省略時は HEAD と作業ツリー）",
                    "OLD NEW (two files) or REV [REV2] (git revisions; default: HEAD against the working tree)";
        DiffPaths => "比べるシートのファイルかフォルダ（版を比べるとき）",
                     "Sheet files or folders to compare (with revisions)";
        HistoryRegion => "圏域（名前、「圏域」の有無・全角半角を問わず。ファイル名でも可）",
                         "Region (its name, in any width, or its file name)";
        Indicator => "この指標だけを表示", "Show only this indicator";
        Canonical => "1 行 1 項目の安定したテキスト（既定。git の textconv 用）",
                     "Stable text, one item a line (the default; for git's textconv)";
        RawOnError => "読み込めないシートは元のテキストを出して終了コード 0（textconv 用）",
                      "Print a sheet that does not load as it is, and exit 0 (for textconv)";
        File => "シートのファイル", "Sheet file";
        NewRegion => "圏域の名前（例: 南加賀。--from のときの既定: そのシートの圏域）",
                     "Name of the region, as the sheet writes it (with --from, default: that sheet's)";
        Prefecture => "都道府県（例: 石川県。--from のときの既定: そのシートの都道府県）",
                      "Prefecture, as the sheet writes it (with --from, default: that sheet's)";
        NewFiscalYear => "年度（例: 平成30年度、2018、R6。--from のときの既定: その翌年度）",
                         "Fiscal year (e.g. 2018, H30, R6; with --from, default: the year after)";
        OnlyFiscalYear => "この年度のシートだけを読む（例: R7、2025、令和7年度）",
                          "Read only the sheets of this fiscal year (e.g. R7, 2025, FY2025)";
        HistoryFiscalYear => "この年度のシートを追う（既定: 最も新しい年度）",
                             "Follow the sheet of this fiscal year (default: the latest)";
        From => "このシートから翌年度のシートを始める（目標・課題・強み・指標を引き継ぎ、今回の値を第1回の値に）",
                "Start next year's sheet from this one (goals, challenges, strengths and indicators carried over, current values becoming baselines)";
        Slug => "ファイル名（英小文字・数字・ハイフン。既定: 圏域名が英字ならそこから作る）",
                "File name: lowercase letters, digits, hyphens (default: made from a region name in Latin letters)";
        NewOut => "書き出すファイル（既定: regions/<slug>.toml、- で標準出力。.xlsx なら配布用の \
                   Excel ブック）。上書きはしません",
                  "File to write (default: regions/<slug>.toml; - for standard output; .xlsx for \
                   an Excel workbook to hand out). Never overwrites";
        ExportOut => "書き出すブック（FILE.xlsx）か、圏域ごとに <ファイル名>.xlsx を書くフォルダ。\
                      上書きはしません",
                     "Workbook to write (FILE.xlsx), or a folder to write <file name>.xlsx into for \
                      each region. Never overwrites";
        ReportOut => "書き出すファイル（既定: 標準出力。xlsx では必須）。上書きはしません",
                     "File to write (default: standard output; required for xlsx). Never overwrites";
        RenderRegion => "出力する圏域（名前・「圏域」なし・ファイル名。くり返し可。既定: すべて）",
                        "Region to print (name or file name; repeatable; default: all)";
        RenderOut => "書き出すファイル（既定: 標準出力）。上書きはしません",
                     "File to write (default: standard output). Never overwrites";
        Shell => "シェル", "Shell";
        ManOut => "man ページを書き出すフォルダ（sheet.1 とコマンドごとの sheet-<コマンド>.1。\
                   既定: sheet.1 を標準出力に）。上書きはしません",
                  "Folder to write the pages to (sheet.1 and sheet-<command>.1 for each command; \
                   default: sheet.1 on standard output). Never overwrites";
        ReportRegion => "圏域（名前・「圏域」の有無・ファイル名。くり返し可）",
                        "Region (name or file name; repeatable)";
        AsOf => "この日付で期限超過を判定（既定: シートの as_of、なければ今日）",
                "Judge overdue items at this date (default: the sheet's as_of, else today)";
        Width => "表の幅（既定: 端末の幅、端末でなければ 80。0 = 折り返さない）",
                 "Table width (default: the terminal's, else 80; 0 = no wrapping)";
        Border => "表の罫線（ascii はどの端末でも崩れない）",
                  "Table borders (ascii looks right on every terminal)";
        Bom => "CSV の先頭に BOM を付け、改行を CRLF に（日本語版 Excel 用）",
               "CSV with a BOM and CRLF line ends (for Excel)";
        HelpCommand => "ヘルプを見るコマンド", "Command to show the help of";
        Workbooks => "読み込むブック（.xlsx、シートの様式どおりのもの）。\
                      エラーのあるブックからは何も書きません",
                     "Workbooks (.xlsx) in the layout of a sheet; nothing is written \
                      for a workbook with errors";
        ImportOut => "書き出すファイル（ブックが一つのとき。- で標準出力）。\
                      既定: シートのフォルダ（--dir、なければ regions/）に <ブックの名前>.toml。\
                      上書きはしません",
                     "File to write (one workbook only; - for standard output). \
                      Default: <workbook name>.toml in the sheets folder (--dir, else \
                      regions/). Never overwrites";
    }
}

/// The help of argument `arg` (its clap id) of subcommand `command`.
pub fn arg(command: &str, arg: &str) -> Option<Arg> {
    Some(match (command, arg) {
        (_, "dir") => Arg::Dir,
        (_, "lang") => Arg::Lang,
        (_, "color") => Arg::Color,
        ("diff", "args") => Arg::DiffArgs,
        ("diff", "paths") => Arg::DiffPaths,
        (_, "paths") => Arg::Paths,
        (_, "strict") => Arg::Strict,
        (_, "format") => Arg::Format,
        ("history", "region") => Arg::HistoryRegion,
        ("new", "region") => Arg::NewRegion,
        ("render", "region") => Arg::RenderRegion,
        (_, "region") => Arg::ReportRegion,
        (_, "indicator") => Arg::Indicator,
        (_, "canonical") => Arg::Canonical,
        (_, "raw_on_error") => Arg::RawOnError,
        (_, "file") => Arg::File,
        (_, "prefecture") => Arg::Prefecture,
        ("new", "fiscal_year") => Arg::NewFiscalYear,
        ("history", "fiscal_year") => Arg::HistoryFiscalYear,
        (_, "fiscal_year") => Arg::OnlyFiscalYear,
        ("new", "from") => Arg::From,
        (_, "slug") => Arg::Slug,
        ("new", "out") => Arg::NewOut,
        ("export", "out") => Arg::ExportOut,
        ("progress" | "compare", "out") => Arg::ReportOut,
        ("import", "workbooks") => Arg::Workbooks,
        ("import", "out") => Arg::ImportOut,
        ("render", "out") => Arg::RenderOut,
        ("man", "out") => Arg::ManOut,
        (_, "shell") => Arg::Shell,
        (_, "as_of") => Arg::AsOf,
        (_, "width") => Arg::Width,
        (_, "border") => Arg::Border,
        (_, "bom") => Arg::Bom,
        ("help", "command") => Arg::HelpCommand,
        _ => return None,
    })
}

crate::words! {
    /// The help of each possible value of an argument.
    pub enum Value {
        Ja => "日本語", "Japanese";
        En => "英語", "English";
        Auto => "端末のときだけ", "only on a terminal";
        Always => "常に", "always";
        Never => "しない", "never";
        Human => "人が読む形", "for people";
        Json => "JSON（機械可読）", "JSON, for programs";
        Table => "端末の表", "terminal table";
        Markdown => "Markdown（会議メモに貼る）", "Markdown, to paste into meeting notes";
        RenderMarkdown => "Markdown", "Markdown";
        Csv => "CSV（1 行に 1 つの値）", "CSV, one value a row";
        Html => "印刷用の HTML（A4、一つのファイル）", "HTML to print (A4, one file)";
        Xlsx => "Excel のブック（--out FILE.xlsx と一緒に）", "Excel workbook (with --out FILE.xlsx)";
        Briefing => "事前資料の HTML（グラフ入り、A4 横、一つのファイル）",
                    "the briefing as HTML (charts, A4 landscape, one file)";
        Svg => "SVG の折れ線グラフ（第1回・今回・目標）",
               "SVG line chart (baseline, current, target)";
        Ascii => "ASCII（+-|）: 曖昧幅を全角にする端末でも崩れない",
                 "ASCII (+-|): right on every terminal";
        Unicode => "Unicode の罫線: 曖昧幅が半角の端末向け",
                   "box drawing: for terminals that show ambiguous-width characters narrow";
    }
}

/// The help of `value` of argument `arg` of subcommand `command`; `None` for values
/// that need none (shell names).
pub fn value(command: &str, arg: &str, value: &str) -> Option<Value> {
    Some(match (command, arg, value) {
        (_, "lang", "ja") => Value::Ja,
        (_, "lang", "en") => Value::En,
        (_, "color", "auto") => Value::Auto,
        (_, "color", "always") => Value::Always,
        (_, "color", "never") => Value::Never,
        (_, "format", "human") => Value::Human,
        (_, "format", "json") => Value::Json,
        (_, "format", "table") => Value::Table,
        ("render", "format", "markdown") => Value::RenderMarkdown,
        (_, "format", "markdown") => Value::Markdown,
        (_, "format", "csv") => Value::Csv,
        ("compare", "format", "html") => Value::Briefing,
        (_, "format", "html") => Value::Html,
        (_, "format", "xlsx") => Value::Xlsx,
        (_, "format", "svg") => Value::Svg,
        (_, "border", "ascii") => Value::Ascii,
        (_, "border", "unicode") => Value::Unicode,
        _ => return None,
    })
}

/// The examples below the help of `diff`.
pub fn diff_examples(lang: Lang) -> &'static str {
    lang.pick(
        "sheet diff OLD.toml NEW.toml          2 つのファイル\n\
         sheet diff REV [REV2] [-- PATH...]    git の版と作業ツリー（または REV2）",
        "sheet diff OLD.toml NEW.toml          two files\n\
         sheet diff REV [REV2] [-- PATH...]    a git revision against the working tree (or REV2)",
    )
}

/// Sentences of usage errors (clap's errors, said in the output language).
pub struct UsageError;

impl UsageError {
    pub fn unknown_argument(lang: Lang, arg: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' という引数はありません"),
            Lang::En => format!("unexpected argument '{arg}' found"),
        }
    }

    pub fn missing_value(lang: Lang, arg: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' に値がありません"),
            Lang::En => format!("a value is required for '{arg}' but none was supplied"),
        }
    }

    pub fn invalid_value(lang: Lang, arg: &str, value: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' に '{value}' は使えません"),
            Lang::En => format!("invalid value '{value}' for '{arg}'"),
        }
    }

    /// `reason` says why a value did not parse (see [`UsageError::not_a_number`]).
    pub fn invalid_value_because(lang: Lang, arg: &str, value: &str, reason: &str) -> String {
        format!(
            "{}{}{reason}",
            UsageError::invalid_value(lang, arg, value),
            lang.pick("（", ": ")
        ) + lang.pick("）", "")
    }

    /// Why a number did not parse.
    pub fn not_a_number(lang: Lang, kind: &std::num::IntErrorKind) -> &'static str {
        use std::num::IntErrorKind::*;
        match kind {
            Empty => lang.pick("空です", "empty"),
            PosOverflow => lang.pick("大きすぎます", "too large"),
            NegOverflow => lang.pick("小さすぎます", "too small"),
            _ => lang.pick(
                "0 以上の整数を書いてください",
                "expected a whole number, 0 or more",
            ),
        }
    }

    pub fn possible_values(lang: Lang, values: &str) -> String {
        format!("[{}: {values}]", H::ValuesShort.get(lang))
    }

    pub fn unknown_command(lang: Lang, name: &str) -> String {
        match lang {
            Lang::Ja => format!("'{name}' というコマンドはありません"),
            Lang::En => format!("unrecognized subcommand '{name}'"),
        }
    }

    pub fn missing_arguments(lang: Lang) -> &'static str {
        lang.pick(
            "次の引数が必要です:",
            "the following required arguments were not provided:",
        )
    }

    pub fn used_twice(lang: Lang, arg: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' は一度だけ指定できます"),
            Lang::En => format!("the argument '{arg}' cannot be used multiple times"),
        }
    }

    pub fn conflict(lang: Lang, arg: &str, other: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' は '{other}' と一緒に使えません"),
            Lang::En => format!("the argument '{arg}' cannot be used with '{other}'"),
        }
    }

    pub fn extra_value(lang: Lang, arg: &str, value: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' の後に余分な値 '{value}' があります"),
            Lang::En => {
                format!("unexpected value '{value}' for '{arg}' found; no more were expected")
            }
        }
    }

    pub fn not_utf8(lang: Lang) -> &'static str {
        lang.pick(
            "引数が UTF-8 ではありません",
            "invalid UTF-8 was detected in one or more arguments",
        )
    }

    /// The first line of an error clap says in its own words (English), which follow.
    pub fn other(lang: Lang) -> &'static str {
        lang.pick(
            "コマンドラインを読めません",
            "the command line cannot be read",
        )
    }

    pub fn similar(lang: Lang, what: Similar, names: &str) -> String {
        let (ja, en) = match what {
            Similar::Argument => ("似た引数", "a similar argument exists"),
            Similar::Command => ("似たコマンド", "a similar subcommand exists"),
            Similar::Value => ("似た値", "a similar value exists"),
        };
        format!("{}: {names}", lang.pick(ja, en))
    }

    pub fn pass_as_value(lang: Lang, arg: &str) -> String {
        match lang {
            Lang::Ja => format!("'{arg}' を値として渡すには '-- {arg}' と書きます"),
            Lang::En => format!("to pass '{arg}' as a value, use '-- {arg}'"),
        }
    }

    pub fn more(lang: Lang, help: &str) -> String {
        match lang {
            Lang::Ja => format!("詳しくは '{help}' を見てください。"),
            Lang::En => format!("For more information, try '{help}'."),
        }
    }
}

/// What a "did you mean" names.
#[derive(Debug, Clone, Copy)]
pub enum Similar {
    Argument,
    Command,
    Value,
}

crate::words! {
    /// Section headings of the man pages.
    pub enum ManSection {
        Name => "名前", "NAME";
        Synopsis => "書式", "SYNOPSIS";
        Description => "説明", "DESCRIPTION";
        Arguments => "引数", "ARGUMENTS";
        Options => "オプション", "OPTIONS";
        Commands => "コマンド", "COMMANDS";
        Examples => "例", "EXAMPLES";
        Environment => "環境変数", "ENVIRONMENT";
        ExitStatus => "終了ステータス", "EXIT STATUS";
        SeeAlso => "関連項目", "SEE ALSO";
        Manual => "sheet の手引き", "sheet manual";
    }
}

/// The environment variables `sheet` reads, with what each does.
pub fn environment(lang: Lang) -> [(&'static str, &'static str); 7] {
    [
        (
            "SHEET_DIR",
            lang.pick(
                "シートのフォルダ（--dir と同じ）。",
                "Folder of the sheets (as --dir).",
            ),
        ),
        (
            "SHEET_LANG",
            lang.pick(
                "表示の言語 ja か en（--lang と同じ）。",
                "Language of output, ja or en (as --lang).",
            ),
        ),
        (
            "SHEET_COLOR",
            lang.pick(
                "色付け auto、always、never（--color と同じ）。",
                "When to colour output: auto, always, never (as --color).",
            ),
        ),
        (
            "SHEET_WIDTH",
            lang.pick("表の幅（--width と同じ）。", "Table width (as --width)."),
        ),
        (
            "SHEET_BORDER",
            lang.pick(
                "表の罫線 ascii か unicode（--border と同じ）。",
                "Table borders, ascii or unicode (as --border).",
            ),
        ),
        (
            "NO_COLOR",
            lang.pick(
                "空でなければ、--color always のとき以外は色を付けません。",
                "When not empty, no colour unless --color always.",
            ),
        ),
        (
            "COLUMNS",
            lang.pick(
                "標準出力が端末でなく --width もないときの表の幅。",
                "Table width when standard output is not a terminal and --width is not given.",
            ),
        ),
    ]
}

/// Said once below the list of environment variables.
pub fn environment_note(lang: Lang) -> &'static str {
    lang.pick(
        "コマンドラインのオプションは環境変数より優先します。空の環境変数は設定されていないものとみなします。",
        "An option on the command line wins over the environment. A variable set but empty counts as unset.",
    )
}

/// The exit statuses of a command (`""` for `sheet` itself), SPEC §2.
pub fn exit_status(command: &str, lang: Lang) -> Vec<(u8, &'static str)> {
    let trouble = lang.pick(
        "使い方の誤り、読めないパス、または読み込めないシート（ほかのシートは処理して最後に 2）。",
        "Bad usage, an unreadable path, or a sheet that does not load (the other sheets are still done, then 2).",
    );
    match command {
        "" | "sheet" => vec![
            (0, lang.pick("成功。", "Success.")),
            (
                1,
                lang.pick(
                    "validate がエラー（--strict では注意も）を見つけた、または diff が違いを見つけた。",
                    "validate found an error (or a warning under --strict), or diff found a difference.",
                ),
            ),
            (2, trouble),
        ],
        "validate" => vec![
            (
                0,
                lang.pick(
                    "エラーなし（--strict では注意もなし）。",
                    "No error (and, under --strict, no warning).",
                ),
            ),
            (
                1,
                lang.pick(
                    "エラーがある（--strict では注意も）。",
                    "An error was found (or a warning under --strict).",
                ),
            ),
            (
                2,
                lang.pick(
                    "使い方の誤り、または読めないパス。",
                    "Bad usage or an unreadable path.",
                ),
            ),
        ],
        "import" => vec![
            (
                0,
                lang.pick(
                    "すべてのブックをシートにした。",
                    "Every workbook was written as a sheet.",
                ),
            ),
            (
                1,
                lang.pick(
                    "エラーのあるブックがあった（そのブックからは何も書いていない）。",
                    "A workbook has errors (nothing was written for it).",
                ),
            ),
            (
                2,
                lang.pick(
                    "使い方の誤り、読めないパス、または書き出せないファイル（既にあるなど）。",
                    "Bad usage, an unreadable path, or a file that cannot be written (it exists, ...).",
                ),
            ),
        ],
        "diff" => vec![
            (0, lang.pick("違いなし。", "No difference.")),
            (1, lang.pick("違いあり。", "Differences found.")),
            (
                2,
                lang.pick(
                    "問題（使い方の誤り、git がない、版がない、読み込めないシートなど）。",
                    "Trouble (bad usage, no git, no such revision, a sheet that does not load, ...).",
                ),
            ),
        ],
        _ => vec![(0, lang.pick("成功。", "Success.")), (2, trouble)],
    }
}

/// Said by `sheet man --out DIR` for each page written.
pub fn man_written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Ja => format!("{path} を書き出しました"),
        Lang::En => format!("wrote {path}"),
    }
}
