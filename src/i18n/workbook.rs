//! Words of the workbooks `sheet` writes (`export`, `new --out FILE.xlsx`, the
//! `xlsx` format of `progress` and `compare`), and of the commands that write them.
//!
//! The worksheet names and headers of the workbook form of a sheet (SPEC §6) are
//! part of the format, not words: they are in `render::xlsx::layout` and are the
//! same in both languages.

use crate::i18n::Lang;
use crate::words;

words! {
    /// Worksheet names and column headers of the report workbooks.
    pub enum X {
        // Worksheets (Excel allows 31 characters and no `[]:*?/\`).
        SheetGoals => "達成目標と進捗", "Goals and progress";
        SheetIndicators => "指標", "Indicators";
        SheetOverview => "概要", "Overview";
        SheetBlankViews => "視点別の空欄", "Blank views";
        SheetIndicatorsAcross => "指標の比較", "Indicators compared";
        SheetThemes => "テーマ", "Themes";
        SheetQuestions => "他自治体への質問", "Questions";
        SheetTexts => "本文", "Texts";
        SheetTimeline => "予定と実施", "Timeline";
        // Columns.
        Label => "圏域", "Region";
        Prefecture => "都道府県", "Prefecture";
        Region => "圏域名", "Region name";
        FiscalYear => "年度", "Fiscal year";
        JudgedAt => "判定日", "Judged at";
        GoalNumber => "目標番号", "Goal";
        Goal => "達成目標", "Goal text";
        GoalIndicator => "目標の指標", "Goal's indicator";
        Date => "日付", "Date";
        Status => "状況", "Status";
        Overdue => "期限超過", "Overdue";
        Item => "進捗状況", "Progress";
        RescheduledFrom => "元の予定", "Originally";
        Note => "備考", "Note";
        Indicator => "指標", "Indicator";
        Unit => "単位", "Unit";
        Better => "向き", "Direction";
        Baseline => "現状値（第1回会議時）", "Baseline";
        Current => "現状値（今回）", "Current";
        Target => "目標値", "Target";
        ValueNotes => "値の注記", "Notes on values";
        Verdict => "判定", "Verdict";
        Achieved => "達成", "Achieved";
        ProgressPct => "進捗率", "Progress";
        PctOfTarget => "目標に対する割合", "Of target";
        MetAtBaseline => "当初から達成", "Met at baseline";
        Reason => "設定理由", "Reason";
        Goals => "達成目標の数", "Goals";
        Done => "進捗: 実施", "Progress: done";
        Planned => "進捗: 予定", "Progress: planned";
        InProgress => "進捗: 実施中", "Progress: in progress";
        Postponed => "進捗: 延期", "Progress: postponed";
        Cancelled => "進捗: 中止", "Progress: cancelled";
        NoStatus => "進捗: 状況なし", "Progress: no status";
        OverdueCount => "進捗: 期限超過", "Progress: overdue";
        Challenges => "課題の数", "Challenges";
        ViewsFilled => "視点: 記入あり", "Views: filled";
        ViewsEmpty => "視点: 空欄", "Views: blank";
        Indicators => "指標の数", "Indicators";
        Numeric => "指標: 数値", "Indicators: numeric";
        IndicatorsAchieved => "指標: 達成", "Indicators: achieved";
        Undetermined => "指標: 未定", "Indicators: undetermined";
        Concerns => "課題・悩みの数", "Concerns";
        Questions => "他自治体への質問の数", "Questions";
        Question => "質問", "Question";
        Themes => "テーマ", "Themes";
        Ask => "聞く相手", "Ask";
        Kind => "区分", "Kind";
        Number => "番号", "No.";
        Text => "本文", "Text";
        What => "内容", "Item";
        Organizer => "主催", "Organizer";
        // Kinds of text and of timeline item.
        KindGoal => "達成目標", "Goal";
        KindStrength => "強み", "Strength";
        KindChallenge => "課題", "Challenge";
        KindConcern => "課題・悩み", "Concern";
        KindQuestion => "他自治体への質問", "Question";
        KindProgress => "進捗", "Progress";
        KindHospital => "病院との連携", "Hospital collaboration";
        Yes => "はい", "yes";
        No => "いいえ", "no";
        // The drop-downs.
        ListTitle => "一覧から選ぶ", "Pick from the list";
        StatusListNote => "一覧にない語も、sheet が読める語（実施、済、開催済 など）なら使えます。",
                          "Other words sheet reads (実施, 済, 開催済, ...) are accepted too.";
        BetterListNote => "高いほど良い（既定）か、低いほど良い。", "higher (the default) or lower is better.";
        // The printed form.
        Blank => "（空欄）", "(blank)";
        PrintFooter => "&P / &N ページ", "page &P of &N";
    }
}

/// A yes / no cell.
pub fn yes_no(lang: Lang, b: bool) -> &'static str {
    if b {
        X::Yes.get(lang)
    } else {
        X::No.get(lang)
    }
}

/// The lines of the `記入方法` worksheet: how to fill the workbook.
pub fn howto(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ja => &[
            "記入方法",
            "",
            "このブックは「事前課題」シートです。ワークシートごとに記入し、そのまま事務局へ返送してください。",
            "・1 行目の見出しは変えないでください。2 行目から、1 行に 1 件ずつ書きます。行は足して構いません。",
            "・「シート」: 都道府県・圏域・年度は記入済みです。時点（現時点の日付）、会議、テーマ、概要を書きます。",
            "・「達成目標」: 番号（1、2、…）と目標を書きます。指標の欄には「指標」ワークシートの指標名を書きます。",
            "・「進捗」: 目標番号（「達成目標」の番号）、日付、状況（一覧から選ぶ）、進捗状況を書きます。延期したものは元の予定に当初の日付を書きます。",
            "・「進捗」の目標番号が空欄の行は、その上の行と同じ目標の進捗です（間の空行は飛ばします）。同じ目標の進捗を続けて書くときは、最初の行にだけ目標番号を書けば足ります。達成目標が一つだけなら、目標番号はすべて空欄で構いません。",
            "・「課題」: 取組方針や視点別の認識を複数書くときは、セルの中で改行（Alt+Enter）し、各行を「・」で始めます。空欄は「記入なし」として扱います。",
            "・「指標」: 値は数字で書き、単位は単位の欄に書きます。向きは一覧から選びます。決まっていない値は「未定」と書きます。",
            "・「強み」「課題・悩み」「他自治体への質問」: 1 行に 1 件です。",
            "・日付は 2018/11/2 のような日付のほか、「11月2日」「11月中旬」「年度末」「未定」とも書けます。",
            "・「印刷」ワークシート（あれば）は、このブックを作った時点の内容を様式どおりに並べた印刷用の写しです。ほかのワークシートに書き足しても変わらず、読み込むときは使いません。",
            "",
            "受け取った側は sheet validate で検査し、sheet import で TOML のシートにします。",
        ],
        Lang::En => &[
            "How to fill this workbook",
            "",
            "This workbook is a preparatory sheet (事前課題). Fill each worksheet and send the workbook back as it is.",
            "- Keep the headers of row 1. Write one item a row from row 2 on; add rows as needed.",
            "- シート: prefecture, region and fiscal year are filled in. Write 時点 (the date the sheet describes), 会議, テーマ and 概要.",
            "- 達成目標: a number (1, 2, ...) and the goal. 指標 names an indicator of the 指標 worksheet.",
            "- 進捗: the goal's number, the date, the status (pick from the list) and the progress. For a postponed item, 元の予定 holds the original date.",
            "- 進捗: a row whose 目標番号 is blank belongs to the goal of the row above it (empty rows between are skipped), so a goal's progress rows need its number on the first only. With a single goal, 目標番号 may be left blank throughout.",
            "- 課題: several actions or views go in one cell, one a line (Alt+Enter), each line starting with ・. A blank view counts as not filled.",
            "- 指標: values are numbers; the unit goes in 単位. Pick 向き from the list. Write 未定 for a value not fixed yet.",
            "- 強み, 課題・悩み, 他自治体への質問: one a row.",
            "- Dates: a date cell such as 2018/11/2, or text such as 11月2日, 11月中旬, 年度末, 未定.",
            "- The 印刷 worksheet (if any) is a copy to print of what the workbook held when it was made; it does not follow what you add elsewhere, and it is not read back.",
            "",
            "The receiver checks the workbook with sheet validate and turns it into a TOML sheet with sheet import.",
        ],
    }
}

/// Sentences of `export` and of the commands writing workbooks.
pub struct WorkbookWords;

impl WorkbookWords {
    /// Said after a workbook was written.
    pub fn written(lang: Lang, region: &str, path: &str) -> String {
        match lang {
            Lang::Ja => format!("{region} → {path} に書き出しました"),
            Lang::En => format!("wrote {region} to {path}"),
        }
    }

    /// Said after a report workbook was written.
    pub fn report_written(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!("{path} に書き出しました"),
            Lang::En => format!("wrote {path}"),
        }
    }

    /// `--out FILE.xlsx` with several regions.
    pub fn needs_folder(lang: Lang, path: &str, regions: usize) -> String {
        match lang {
            Lang::Ja => format!(
                "{regions} 枚のシートは 1 つのファイル {path} に書けません。\
                 フォルダを指定するか（--out DIR、シートごとに 1 ブック）、--region と --fiscal-year で 1 枚にしてください"
            ),
            Lang::En => format!(
                "{regions} sheets do not fit in one file {path}: give a folder \
                 (--out DIR, one workbook each) or pick one sheet (--region, --fiscal-year)"
            ),
        }
    }

    /// Two sheets would be written to the same file.
    pub fn same_name(lang: Lang, path: &str, first: &str, second: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{first} と {second} はどちらも {path} になります。別々に書き出してください（--region）"
            ),
            Lang::En => format!(
                "{first} and {second} would both be written to {path}: export them one at a time (--region)"
            ),
        }
    }

    /// No sheet to write.
    pub fn nothing(lang: Lang) -> &'static str {
        lang.pick(
            "書き出すシートがありません（何も書き出していません）",
            "no sheet to write (nothing was written)",
        )
    }

    /// `--out` is not a folder where one was needed.
    pub fn not_a_folder(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!("{path} はフォルダではありません"),
            Lang::En => format!("{path} is not a folder"),
        }
    }

    /// A workbook would be binary data on a terminal.
    pub fn not_to_terminal(lang: Lang) -> &'static str {
        lang.pick(
            "ブック（xlsx）は端末には出力しません。--out FILE.xlsx でファイルを指定してください",
            "a workbook (xlsx) is not written to a terminal: give --out FILE.xlsx",
        )
    }

    /// A text longer than an Excel cell holds.
    pub fn too_long(lang: Lang, file: &str, place: &str, chars: usize) -> String {
        match lang {
            Lang::Ja => format!(
                "{file}: {place} の文が {chars} 文字あり、Excel のセルの上限（32,767 文字）を超えるためブックにできません"
            ),
            Lang::En => format!(
                "{file}: the text at {place} has {chars} characters, more than an Excel cell holds (32,767)"
            ),
        }
    }

    /// More rows than a worksheet holds.
    pub fn too_many_rows(lang: Lang, worksheet: &str) -> String {
        match lang {
            Lang::Ja => {
                format!("ワークシート「{worksheet}」の行が Excel の上限（1,048,576 行）を超えます")
            }
            Lang::En => {
                format!("the worksheet {worksheet} has more rows than Excel allows (1,048,576)")
            }
        }
    }

    /// Any other problem of the workbook writer.
    pub fn cannot_write(lang: Lang, reason: &str) -> String {
        match lang {
            Lang::Ja => format!("ブックを作れません（{reason}）"),
            Lang::En => format!("cannot make the workbook ({reason})"),
        }
    }
}
