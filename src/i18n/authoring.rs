//! Words of `sheet new`, `sheet schema` and `sheet render`: what each key of the file
//! means (schema hover text and the comments of a new sheet), the headings of the
//! printed sheet, and the messages of these commands.

use crate::core::keys::Table;
use crate::core::model::{Status, View};
use crate::i18n::Lang;

/// What a key means, for the schema's hover text and the comments of `sheet new`.
/// `None` for a key the table does not have.
pub fn key_doc(table: Table, key: &str, lang: Lang) -> Option<&'static str> {
    let (ja, en) = match (table, key) {
        (Table::Top, "format") => (
            "シートの書式の版。1 だけです（省略できます）",
            "Version of the file format: only 1 (may be left out)",
        ),
        (Table::Top, "sheet") => (
            "シートの基本情報（都道府県・圏域・年度など）と、特徴（強み）・課題・悩み・他自治体への質問",
            "The sheet's basics (prefecture, region, fiscal year, …) and its strengths, concerns and questions",
        ),
        (Table::Top, "goals") => (
            "１ 達成目標。目標ごとに [[goals]] を一つ書きます",
            "Section 1: the goals of the year, one [[goals]] each",
        ),
        (Table::Top, "challenges") => (
            "２ 課題。課題ごとに [[challenges]] を一つ書き、取組方針と視点別の認識を添えます",
            "Section 2: the challenges, one [[challenges]] each, with actions and the four views",
        ),
        (Table::Top, "indicators") => (
            "２ 課題解決の達成度を測る指標。指標ごとに [[indicators]] を一つ書きます",
            "Section 2: indicators measuring the challenges, one [[indicators]] each",
        ),
        (Table::Top, "hospital_collaboration") => (
            "３ 病院（医療機関）との連携状況。一件ごとに [[hospital_collaboration]] を一つ書きます",
            "Section 3: collaboration with hospitals, one [[hospital_collaboration]] each",
        ),
        (Table::Sheet, "prefecture") => (
            "都道府県（必須）。例: \"石川県\"",
            "Prefecture (required), e.g. \"石川県\"",
        ),
        (Table::Sheet, "region") => (
            "圏域の名前（必須）。例: \"南加賀\"。同じ都道府県・年度の中で重ならないようにします",
            "Name of the region (required), e.g. \"南加賀\"; unique within a prefecture and fiscal year",
        ),
        (Table::Sheet, "fiscal_year") => (
            "年度（必須）。2018、\"2018年度\"、\"平成30年度\"、\"H30\"、\"令和6年度\"、\"R6\" のどれでも書けます",
            "Fiscal year (required): 2018, \"2018年度\", \"平成30年度\", \"H30\", \"令和6年度\" or \"R6\"",
        ),
        (Table::Sheet, "meeting") => (
            "会議の名前。例: \"第２回アドバイザー・実施自治体担当者 合同会議\"",
            "The meeting, e.g. \"第２回アドバイザー・実施自治体担当者 合同会議\"",
        ),
        (Table::Sheet, "as_of") => (
            "シートの時点（現時点）。2018-09-30 のように書きます。予定の遅れなどをこの日で判定します",
            "The date the sheet describes (現時点), like 2018-09-30; overdue items are judged at it",
        ),
        (Table::Sheet, "theme") => (
            "都道府県のテーマ。例: \"顔の見える関係づくりと退院支援の強化\"",
            "The prefecture's theme",
        ),
        (Table::Sheet, "summary") => (
            "都道府県の取組の概要（シート冒頭の文章）",
            "The prefecture's opening statement",
        ),
        (Table::Sheet, "strengths") => (
            "２ 【特徴（強み）】。[\"…\", \"…\"] のように並べます",
            "Section 2: strengths (特徴・強み), as [\"…\", \"…\"]",
        ),
        (Table::Sheet, "concerns") => (
            "４ 現時点での課題・悩み。[\"…\", \"…\"] のように並べます",
            "Section 4: current challenges and concerns, as [\"…\", \"…\"]",
        ),
        (Table::Sheet, "questions") => (
            "４ 他自治体への質問。[\"…\", \"…\"] のように並べます",
            "Section 4: questions to other municipalities, as [\"…\", \"…\"]",
        ),
        (Table::Goal, "text") => ("達成目標（必須）", "The goal (required)"),
        (Table::Goal, "indicator") => (
            "この目標の達成度を測る指標の名前。このシートの [[indicators]] の name と同じに書きます",
            "Name of the indicator measuring this goal: the name of one of this sheet's [[indicators]]",
        ),
        (Table::Goal | Table::Challenge, "id") => (
            "項目を見分ける名前（任意、英数字）。文章を書き換えても sheet diff が同じ項目として追えます",
            "A stable identity (optional), so sheet diff follows the item when its text is edited",
        ),
        (Table::Goal, "progress") => (
            "現時点での進捗状況。一件ごとに [[goals.progress]] を一つ書きます",
            "Progress to date, one [[goals.progress]] each",
        ),
        (Table::Progress, "text") => ("進捗の内容（必須）", "What happened or will happen (required)"),
        (Table::Hospital, "text") => ("連携の内容（必須）", "The collaboration (required)"),
        (Table::Progress | Table::Hospital, "date") => (
            "日付。2018-11-02 のほか \"11月2日\"、\"11/2\"、\"11月\"、\"10月中旬\"、\"年度末\" とも書けます（年は年度から決まります）",
            "Date: 2018-11-02, or \"11月2日\", \"11/2\", \"11月\", \"10月中旬\", \"年度末\" (the year follows the fiscal year)",
        ),
        (Table::Progress | Table::Hospital, "status") => (
            "状況: done（実施）/ planned（予定）/ in_progress（実施中）/ postponed（延期）/ cancelled（中止）。日本語でも書けます。書かなければ単なるメモです",
            "Status: done / planned / in_progress / postponed / cancelled (or the Japanese words); leave it out for a plain note",
        ),
        (Table::Progress | Table::Hospital, "rescheduled_from") => (
            "日程を変えたときの、もとの日付",
            "The original date of a moved event",
        ),
        (Table::Progress | Table::Hospital, "note") => (
            "補足（延期の理由など）",
            "A note (why it was moved, …)",
        ),
        (Table::Hospital, "organizer") => ("主催。例: \"白山市\"", "Organizer, e.g. \"白山市\""),
        (Table::Challenge, "text") => ("課題（必須）", "The challenge (required)"),
        (Table::Challenge, "actions") => (
            "課題解決に向けた取組方針。[\"…\", \"…\"] のように並べます",
            "Actions towards solving it, as [\"…\", \"…\"]",
        ),
        (Table::Challenge, "views") => (
            "課題・方針に対する視点別の認識（取組）: 行政側・医療側・事業者側・関係機関・住民等",
            "How each party sees the challenge: administration, medical, providers, community",
        ),
        (Table::Views, "administration") => (
            "行政側の認識。文字列、複数なら [\"…\", \"…\"]。空欄は未記入として扱います",
            "The administration's view (行政側): a string or [\"…\", \"…\"]; blank = not filled",
        ),
        (Table::Views, "medical") => (
            "医療側の認識。文字列、複数なら [\"…\", \"…\"]。空欄は未記入として扱います",
            "The medical side's view (医療側): a string or [\"…\", \"…\"]; blank = not filled",
        ),
        (Table::Views, "providers") => (
            "事業者側の認識。文字列、複数なら [\"…\", \"…\"]。空欄は未記入として扱います",
            "The service providers' view (事業者側): a string or [\"…\", \"…\"]; blank = not filled",
        ),
        (Table::Views, "community") => (
            "関係機関・住民等の認識。文字列、複数なら [\"…\", \"…\"]。空欄は未記入として扱います",
            "The view of other agencies and residents (関係機関・住民等): a string or [\"…\", \"…\"]; blank = not filled",
        ),
        (Table::Indicator, "name") => (
            "指標の名前（必須、シートの中で重ならないように）。例: \"地域移行数\"",
            "Name of the indicator (required, unique in the sheet), e.g. \"地域移行数\"",
        ),
        (Table::Indicator, "reason") => ("指標の設定理由", "Why this indicator was chosen"),
        (Table::Indicator, "unit") => ("単位。例: \"人\"", "Unit, e.g. \"人\""),
        (Table::Indicator, "better") => (
            "良くなる向き: higher（多いほど良い、既定）/ lower（少ないほど良い）",
            "Which way is better: higher (default) or lower",
        ),
        (Table::Indicator, "baseline") => (
            "現状値（第1回会議時）。数値、または定性的な文言・\"未定\"",
            "Baseline (at the 1st meeting): a number, or words, or \"未定\"",
        ),
        (Table::Indicator, "current") => (
            "現状値（今回）。数値、または定性的な文言・\"未定\"",
            "Current value (this meeting): a number, or words, or \"未定\"",
        ),
        (Table::Indicator, "target") => (
            "目標値。数値、\"316以上\" / \"316以下\"、\"増加\" / \"減少\"、定性的な文言、または \"未定\"",
            "Target: a number, \"316以上\" / \"316以下\", \"増加\" / \"減少\", words, or \"未定\"",
        ),
        _ => return None,
    };
    Some(lang.pick(ja, en))
}

/// What a table is, for the schema's hover text on its header.
pub fn table_doc(table: Table, lang: Lang) -> &'static str {
    match table {
        Table::Top => lang.pick(
            "精神障害にも対応した地域包括ケアシステム構築支援事業「事前課題」シート（format 1）",
            "A region's 事前課題 sheet of the regional mental-health care programme (format 1)",
        ),
        Table::Sheet => lang.pick(
            "シートの基本情報と、特徴（強み）・課題・悩み・他自治体への質問",
            "The sheet's basics, strengths, concerns and questions",
        ),
        Table::Goal => lang.pick("達成目標（一つ分）", "One goal"),
        Table::Progress => lang.pick("進捗（一件分）", "One progress item"),
        Table::Challenge => lang.pick("課題（一つ分）", "One challenge"),
        Table::Views => lang.pick(
            "課題・方針に対する視点別の認識（行政側・医療側・事業者側・関係機関・住民等）",
            "The four views of a challenge",
        ),
        Table::Indicator => lang.pick("指標（一つ分）", "One indicator"),
        Table::Hospital => lang.pick(
            "病院（医療機関）との連携（一件分）",
            "One collaboration with hospitals",
        ),
    }
}

/// What a status word means, for completion in editors.
pub fn status_doc(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Done => lang.pick("実施した", "happened"),
        Status::Planned => lang.pick("date の日に実施する予定", "will happen on `date`"),
        Status::InProgress => lang.pick("実施中・準備中", "under way"),
        Status::Postponed => lang.pick("延期した（新しい日付は未定）", "moved, new date not fixed"),
        Status::Cancelled => lang.pick("中止した", "will not happen"),
    }
}

/// What `better` means, for completion in editors.
pub fn better_doc(higher: bool, lang: Lang) -> &'static str {
    if higher {
        lang.pick("多いほど良い（既定）", "higher is better (default)")
    } else {
        lang.pick("少ないほど良い", "lower is better")
    }
}

/// The name of a view on the printed sheet.
pub fn view_label(view: View, lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => view.label_ja(),
        Lang::En => match view {
            View::Administration => "Administration",
            View::Medical => "Medical",
            View::Providers => "Service providers",
            View::Community => "Agencies and residents",
        },
    }
}

crate::words! {
    /// Labels of the printed sheet (`sheet render`).
    pub enum Label {
        Programme => "精神障害にも対応した地域包括ケアシステム構築支援事業", "Regional mental-health care programme (精神障害にも対応した地域包括ケアシステム構築支援事業)";
        SheetTitle => "「事前課題」シート", "Preparatory sheet (事前課題)";
        Prefecture => "都道府県", "Prefecture";
        Region => "圏域", "Region";
        AsOf => "時点", "As of";
        Theme => "テーマ", "Theme";
        Section2 => "２ 圏域の取組における強みと課題", "2 Strengths and challenges of the region's work";
        Section3 => "３ 病院（医療機関）との連携状況", "3 Collaboration with hospitals (medical institutions)";
        Section4 => "４ 現時点での課題・悩み", "4 Current challenges and concerns";
        Progress => "現時点での進捗状況", "Progress to date";
        Strengths => "【特徴（強み）】", "Strengths";
        Challenge => "課題", "Challenge";
        Actions => "課題解決に向けた取組方針", "Actions towards a solution";
        Views => "課題・方針に対する視点別の認識（取組）", "How each party sees it";
        Indicator => "課題解決の達成度を測る指標", "Indicator of progress on the challenges";
        Reason => "指標の設定理由", "Why this indicator";
        Baseline => "現状値（第1回会議時）", "Baseline (1st meeting)";
        Current => "現状値（今回）", "Current (this meeting)";
        Target => "目標値", "Target";
        Concerns => "〇課題・悩み", "Challenges and concerns";
        Questions => "〇他自治体への質問", "Questions to other municipalities";
        Blank => "（空欄）", "(blank)";
        None_ => "（なし）", "(none)";
        Organizer => "主催", "organizer";
        Originally => "当初", "originally";
        Note => "補足", "note";
    }
}

/// `１ 平成30年度の達成目標と現時点での進捗状況`.
pub fn section1(era: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("１ {era}の達成目標と現時点での進捗状況"),
        Lang::En => format!("1 Goals for FY{year} ({era}) and progress to date"),
    }
}

/// `平成30年度の達成目標`: the head of the goals column.
pub fn goals_column(era: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{era}の達成目標"),
        Lang::En => format!("Goals for FY{year}"),
    }
}

/// The two lines above a sheet: the programme of the year, and the meeting.
pub fn heading_lines(
    lang: Lang,
    era: &str,
    fiscal_year: &str,
    meeting: Option<&str>,
) -> [String; 2] {
    let programme = Label::Programme.get(lang);
    let title = Label::SheetTitle.get(lang);
    match lang {
        Lang::Ja => [
            format!("{era} {programme}"),
            format!("{}{title}", meeting.unwrap_or("")),
        ],
        Lang::En => [
            format!("{fiscal_year}: {programme}"),
            match meeting {
                Some(m) => format!("{title}, {m}"),
                None => title.to_string(),
            },
        ],
    }
}

/// The `<title>` of the HTML page.
pub fn page_title(regions: &[String], lang: Lang) -> String {
    let names = regions.join(lang.pick("・", ", "));
    match lang {
        Lang::Ja => format!("{names}「事前課題」シート"),
        Lang::En => format!("Preparatory sheet: {names}"),
    }
}

/// Sentences of `sheet new`.
pub struct NewWords;

impl NewWords {
    /// Said after the file was written.
    pub fn created(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{path} を作りました。エディタで開いて記入し、sheet validate で検査してください。"
            ),
            Lang::En => format!(
                "created {path}: fill it in with an editor, then check it with sheet validate"
            ),
        }
    }

    /// Said when no `sheet.schema.json` was found above the new file.
    pub fn no_schema(lang: Lang, schema_ref: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "sheet: 注意: エディタの補完と説明の表示には {schema_ref} が要ります（シートのフォルダの一つ上で sheet schema > sheet.schema.json を実行してください）"
            ),
            Lang::En => format!(
                "sheet: note: editor completion needs {schema_ref} (run sheet schema > sheet.schema.json in the folder above the sheets)"
            ),
        }
    }

    /// The file exists already.
    pub fn exists(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{path} はすでにあります。上書きはしません（別の --slug か --out を指定してください）"
            ),
            Lang::En => {
                format!("{path} already exists; it is not overwritten (choose another --slug or --out)")
            }
        }
    }

    /// A sheet of the same prefecture, region and fiscal year exists.
    pub fn same_region(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "同じ都道府県・圏域・年度のシートが {path} にあります。新しく作らずにそのファイルを編集してください"
            ),
            Lang::En => format!(
                "{path} is already the sheet of this prefecture, region and fiscal year: edit it instead"
            ),
        }
    }

    /// The region name gives no ASCII file name.
    pub fn needs_slug(lang: Lang, region: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "圏域「{region}」からはファイル名を作れません。英小文字・数字・ハイフンの名前を --slug で指定してください（例: --slug minami-kaga とすると regions/minami-kaga.toml）"
            ),
            Lang::En => format!(
                "cannot make a file name from the region \"{region}\": give one with --slug, in lower-case ASCII letters, digits and hyphens (e.g. --slug minami-kaga makes regions/minami-kaga.toml)"
            ),
        }
    }

    /// `--slug` holds characters that cannot be in a file name.
    pub fn bad_slug(lang: Lang, slug: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "--slug \"{slug}\" は使えません。英小文字・数字・ハイフンで書いてください（例: minami-kaga）"
            ),
            Lang::En => format!(
                "--slug \"{slug}\" is not usable: use lower-case ASCII letters, digits and hyphens (e.g. minami-kaga)"
            ),
        }
    }

    /// `--fiscal-year` cannot be read.
    pub fn bad_fiscal_year(lang: Lang, written: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "年度 \"{written}\" を読めません（2018、2018年度、平成30年度、H30、令和6年度、R6 のように書きます）"
            ),
            Lang::En => format!(
                "cannot read the fiscal year \"{written}\" (write 2018, 2018年度, 平成30年度, H30, 令和6年度 or R6)"
            ),
        }
    }

    /// A required name is blank.
    pub fn blank(lang: Lang, option: &str) -> String {
        match lang {
            Lang::Ja => format!("{option} が空です"),
            Lang::En => format!("{option} is blank"),
        }
    }

    /// `--from` names a sheet with errors.
    pub fn from_has_errors(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{path} にはエラーがあるため、ここから新しいシートを始められません（エラーは上に表示しています。直してからもう一度実行してください）"
            ),
            Lang::En => format!(
                "{path} has errors, so next year's sheet cannot be started from it (they are shown above: fix them and run again)"
            ),
        }
    }

    /// The folder to write in does not exist.
    pub fn no_folder(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!("フォルダ {path} がありません"),
            Lang::En => format!("no such folder: {path}"),
        }
    }
}

/// Sentences of `sheet render`.
pub struct RenderWords;

impl RenderWords {
    /// Said after `--out FILE` was written.
    pub fn written(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!("{path} に書き出しました"),
            Lang::En => format!("wrote {path}"),
        }
    }
}

/// The lines of the comment block that opens a new sheet, and the words of its
/// section markers.
pub struct Template;

impl Template {
    /// The title line: `石川県 南加賀 平成30年度 (2018)「事前課題」シート`.
    pub fn title(lang: Lang, prefecture: &str, region: &str, fy: &str) -> String {
        match lang {
            Lang::Ja => format!("{prefecture} {region} {fy}「事前課題」シート"),
            Lang::En => format!("事前課題 sheet: {prefecture} {region}, {fy}"),
        }
    }

    /// Before the goals of a sheet started with `--from`: where this year's
    /// progress goes.
    pub fn progress_under_goals(lang: Lang) -> &'static str {
        lang.pick(
            "引き継いだ達成目標の進捗は、その [[goals]] の下に [[goals.progress]] を書き足します（下の枠の後半を写します）",
            "this year's progress on a goal carried over goes below its [[goals]], as [[goals.progress]] (copy the second half of the block below)",
        )
    }

    /// Said at the top of a sheet started with `--from`.
    pub fn carried_from(lang: Lang, file: &str, fy: &str) -> [String; 3] {
        match lang {
            Lang::Ja => [
                format!("{file}（{fy}）から始めたシートです。"),
                "達成目標・課題・特徴（強み）・指標を引き継ぎ、指標の「今回」の値を「第1回」（baseline）に移しました。".to_string(),
                "進捗・病院との連携・課題・悩み・質問・時点（as_of）・会議は空です。".to_string(),
            ],
            Lang::En => [
                format!("Started from {file} ({fy}):"),
                "goals, challenges, strengths and indicators carried over, each current value now the baseline;".to_string(),
                "progress, hospital collaboration, concerns, questions, as_of and meeting start empty.".to_string(),
            ],
        }
    }

    /// How to fill the file in.
    pub fn howto(lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Ja => &[
                "書き方",
                "・「#」から行の終わりまではメモ（コメント）で、シートの内容には入りません。",
                "・文字は \"…\" で囲みます。いくつも書くときは [\"…\", \"…\"] と並べます。",
                "・「# 」で始まる記入枠は、行頭の「# 」を消すと使えます（VS Code では行を選んで Ctrl+/）。",
                "  枠は何度でも写して使えます（達成目標が三つなら [[goals]] の枠を三つ）。",
                "・特徴（強み）・課題・悩み・他自治体への質問は [sheet] の中に書きます",
                "  （TOML では見出しより後のキーはすべてその見出しに入るためです）。",
                "・書き終えたら sheet validate で検査し、sheet render --format html で印刷用に出力します。",
            ],
            Lang::En => &[
                "How to fill it in",
                "- From \"#\" to the end of a line is a comment, not part of the sheet.",
                "- Text goes in \"…\"; several items as [\"…\", \"…\"].",
                "- Blocks whose lines start with \"# \" become active when you remove the \"# \"",
                "  (VS Code: select the lines, Ctrl+/). Copy a block as often as needed.",
                "- Strengths, concerns and questions belong under [sheet]",
                "  (in TOML every key after a header belongs to that header).",
                "- Then check it with sheet validate, and print it with sheet render --format html.",
            ],
        }
    }

    /// The line above a block that can be uncommented.
    pub fn use_block(lang: Lang) -> &'static str {
        lang.pick(
            "次の枠の行頭の「# 」を消して使います（必要なだけ写して使えます）",
            "remove the leading \"# \" of the block below to use it (copy it as often as needed)",
        )
    }

    /// Where a part of the sheet that lives in `[sheet]` is written.
    pub fn goes_under(lang: Lang, label: &str, key: &str) -> String {
        match lang {
            Lang::Ja => format!("{label}は、上の [sheet] の {key} に書きます"),
            Lang::En => format!("{label}: write them in {key} under [sheet] above"),
        }
    }

    /// An optional key of a block, commented out below its meaning.
    pub fn optional_below(lang: Lang) -> &'static str {
        lang.pick(
            "（使うときは下の行の「# 」を消します）",
            "(to use it, remove the \"# \" of the line below)",
        )
    }

    /// Left out: an optional key shown commented out.
    pub fn optional(lang: Lang) -> &'static str {
        lang.pick(
            "（書くときは行頭の「# 」を消します）",
            "(remove the leading \"# \" to use it)",
        )
    }
}

/// Sentences of `sheet import`.
pub struct ImportWords;

impl ImportWords {
    /// The line of the file's opening comment that says where it came from.
    pub fn imported_from(lang: Lang, workbook: &str) -> String {
        match lang {
            Lang::Ja => format!("{workbook} から sheet import で作りました"),
            Lang::En => format!("made from {workbook} by sheet import"),
        }
    }

    /// Said after the file was written; `warnings` found in the workbook.
    pub fn created(lang: Lang, path: &str, workbook: &str, warnings: usize) -> String {
        match (lang, warnings) {
            (Lang::Ja, 0) => format!("{workbook} から {path} を作りました"),
            (Lang::Ja, n) => format!(
                "{workbook} から {path} を作りました（注意 {n} 件: sheet validate {path} で確認できます）"
            ),
            (Lang::En, 0) => format!("created {path} from {workbook}"),
            (Lang::En, n) => format!(
                "created {path} from {workbook} ({n} warnings: see sheet validate {path})"
            ),
        }
    }

    /// Nothing was written for a workbook with errors.
    /// `--fiscal-year` names another year than the workbook's.
    pub fn other_year(lang: Lang, workbook: &str, fy: &str) -> String {
        match lang {
            Lang::Ja => {
                format!("sheet: {workbook} は {fy} のシートなので取り込みません（--fiscal-year）")
            }
            Lang::En => {
                format!("sheet: {workbook} is a sheet of {fy}: not imported (--fiscal-year)")
            }
        }
    }

    pub fn not_written(lang: Lang, workbook: &str) -> String {
        match lang {
            Lang::Ja => format!("sheet: {workbook} にエラーがあるため、何も書き出していません"),
            Lang::En => format!("sheet: {workbook} has errors: nothing was written"),
        }
    }

    /// `--out` with several workbooks.
    pub fn one_out(lang: Lang) -> &'static str {
        lang.pick(
            "--out はブックが一つのときだけ使えます（複数のときは --dir でフォルダを指定します）",
            "--out takes one workbook only (for several, give the folder with --dir)",
        )
    }

    /// The workbook's name gives no ASCII file name.
    pub fn needs_out(lang: Lang, workbook: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{workbook} の名前からはシートのファイル名（英小文字・数字・ハイフン）を作れません。--out regions/minami-kaga.toml のように書き出すファイルを指定してください"
            ),
            Lang::En => format!(
                "cannot make a sheet's file name (lower-case ASCII letters, digits, hyphens) from {workbook}: give one with --out, e.g. --out regions/minami-kaga.toml"
            ),
        }
    }

    /// The file exists already.
    pub fn exists(lang: Lang, path: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{path} はすでにあります。上書きはしません（--out で別のファイルを指定するか、--out - で内容を確かめてください）"
            ),
            Lang::En => format!(
                "{path} already exists; it is not overwritten (choose another file with --out, or look with --out -)"
            ),
        }
    }

    /// A sheet of the same prefecture, region and fiscal year is in the folder.
    pub fn same_region(lang: Lang, other: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "同じ都道府県・圏域・年度のシートが {other} にあります。取り込み直すときは、そのファイルを消すか移してから取り込んでください（sheet diff で違いを確かめられます）"
            ),
            Lang::En => format!(
                "{other} is already the sheet of this prefecture, region and fiscal year: to import again, remove or move it first (sheet diff shows what changed)"
            ),
        }
    }

    /// The workbook sits in the folder the sheet would go to.
    pub fn workbook_in_folder(lang: Lang, workbook: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "{workbook} はシートのフォルダの中にあります。取り込んだシートと両方が読まれて圏域が重なるため、フォルダの外に移してから取り込んでください"
            ),
            Lang::En => format!(
                "{workbook} is inside the sheets folder, where it and its imported sheet would both be read as the same region: move it out of the folder first"
            ),
        }
    }
}
