//! Diagnostic messages: what each finding says, in Japanese and English.

use crate::core::date::{self, DateError};
use crate::core::diag::{Msg, TypeName};
use crate::core::fiscal::FiscalYear;
use crate::core::keys::Table;
use crate::core::model::{Better, Status};
use crate::core::place::{Place, Position};
use crate::core::source::EncodingProblem;
use crate::core::syntax::{SyntaxError, SyntaxKind};
use crate::core::value::WrittenNumber;
use crate::core::workbook::cells::{CellValue, WorkbookProblem, MAX_UNPACKED};
use crate::core::workbook::layout::{self, HeaderProblem, Part};
use crate::i18n::{status_word, Lang};

/// How a table is named in a message.
pub fn table_header(table: Table, lang: Lang) -> &'static str {
    match table {
        Table::Top => lang.pick("ファイルの先頭（見出しの外）", "the top level"),
        other => other.header(),
    }
}

/// A table's name followed by a Japanese particle: `[sheet] に`, but
/// `ファイルの先頭（見出しの外）に` (no space after a full-width bracket).
fn table_then(table: Table, lang: Lang, particle: &str) -> String {
    then(table_header(table, lang), particle)
}

/// A name followed by a Japanese particle, a space between them after ASCII
/// (`` `current` は``, `「現状値（今回）」は`).
fn then(name: &str, particle: &str) -> String {
    if name.ends_with(|c: char| c.is_ascii()) {
        format!("{name} {particle}")
    } else {
        format!("{name}{particle}")
    }
}

/// The form of the file a message speaks of: a TOML sheet names its keys and
/// tables; a workbook its worksheets and columns, which is what the person sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Toml,
    Workbook,
}

impl Form {
    /// The form of the file a finding's place is in.
    pub fn of(place: &Place) -> Form {
        match place {
            Place::Cell(_) => Form::Workbook,
            _ => Form::Toml,
        }
    }

    fn pick<T>(self, toml: T, workbook: T) -> T {
        match self {
            Form::Toml => toml,
            Form::Workbook => workbook,
        }
    }

    /// A key or column as a message names it: `` `key` `` in TOML, 「列」 in a
    /// workbook (bare in English).
    fn key(self, key: &str, lang: Lang) -> String {
        match (self, lang) {
            (Form::Toml, _) => format!("`{key}`"),
            (Form::Workbook, Lang::Ja) => format!("「{key}」"),
            (Form::Workbook, Lang::En) => key.to_string(),
        }
    }

    /// An indicator's value as a message quotes it: `current = "13人"` in TOML,
    /// `「現状値（今回）」の "13人"` in a workbook.
    fn value(self, key: &str, written: &str, lang: Lang) -> String {
        match (self, lang) {
            (Form::Toml, _) => format!("{key} = \"{written}\""),
            (Form::Workbook, Lang::Ja) => format!("「{}」の \"{written}\"", indicator_label(key)),
            (Form::Workbook, Lang::En) => format!("{} \"{written}\"", indicator_label(key)),
        }
    }

    /// Where the items of a list are written: `[[goals]]` in TOML, the rows of a
    /// worksheet in a workbook.
    fn rows(self, toml: &str, part: Part, lang: Lang) -> String {
        match (self, lang) {
            (Form::Toml, _) => toml.to_string(),
            (Form::Workbook, Lang::Ja) => format!("{} ワークシートの行", part.name()),
            (Form::Workbook, Lang::En) => format!("a row of the worksheet {}", part.name()),
        }
    }
}

/// How a type is named in a `type` message.
pub fn type_name(tn: TypeName, lang: Lang) -> &'static str {
    match tn {
        TypeName::String => lang.pick("文字列", "a string"),
        TypeName::Integer => lang.pick("整数", "an integer"),
        TypeName::Float => lang.pick("小数", "a float"),
        TypeName::Boolean => lang.pick("真偽値", "a boolean"),
        TypeName::Datetime => lang.pick("日時", "a date-time"),
        TypeName::Array => lang.pick("配列", "an array"),
        TypeName::Table => lang.pick("テーブル", "a table"),
        TypeName::Date => lang.pick(
            "日付（2018-11-02 または \"11月2日\" など）",
            "a date (2018-11-02, \"11/2\", ...)",
        ),
        TypeName::NumberOrString => lang.pick("数値または文字列", "a number or a string"),
        TypeName::IntegerOrString => lang.pick("整数または文字列", "an integer or a string"),
        TypeName::StringList => lang.pick("文字列の配列", "an array of strings"),
        TypeName::StringOrList => lang.pick(
            "文字列または文字列の配列",
            "a string or an array of strings",
        ),
        TypeName::TableList => {
            lang.pick("テーブルの配列（[[...]]）", "an array of tables ([[...]])")
        }
    }
}

/// The one-line message of a diagnostic, in the words of its file's form.
pub fn message(msg: &Msg, lang: Lang, form: Form) -> String {
    if form == Form::Workbook {
        if let Some(m) = workbook_message(msg, lang) {
            return m;
        }
    }
    let ja = lang == Lang::Ja;
    match msg {
        Msg::Syntax(e) => syntax_message(e, lang),
        Msg::Encoding(p) => match p {
            EncodingProblem::Utf16 { big_endian } => {
                let e = if *big_endian { "UTF-16BE" } else { "UTF-16LE" };
                if ja {
                    format!("ファイルが {e} で保存されています（UTF-8 ではありません）")
                } else {
                    format!("the file is saved as {e}, not UTF-8")
                }
            }
            EncodingProblem::ShiftJis => lang
                .pick(
                    "ファイルが Shift_JIS（CP932）で保存されているようです（UTF-8 ではありません）",
                    "the file looks like Shift_JIS (CP932), not UTF-8",
                )
                .to_string(),
            EncodingProblem::EucJp => lang
                .pick(
                    "ファイルが EUC-JP で保存されているようです（UTF-8 ではありません）",
                    "the file looks like EUC-JP, not UTF-8",
                )
                .to_string(),
            EncodingProblem::NotUtf8 { byte, .. } => {
                if ja {
                    format!("UTF-8 として読めないバイト 0x{byte:02X} があります（バイナリファイルか、未対応の文字コードです）")
                } else {
                    format!(
                        "byte 0x{byte:02X} is not UTF-8 (a binary file or an unsupported encoding)"
                    )
                }
            }
        },
        Msg::UnknownKey { key, table } => {
            if ja {
                format!(
                    "{} `{key}` というキーはありません",
                    table_then(*table, lang, "に")
                )
            } else {
                format!("unknown key `{key}` in {}", table_header(*table, lang))
            }
        }
        Msg::Type {
            key,
            expected,
            found,
        } => {
            let (key, expected, found) = (
                form.key(key, lang),
                type_name(*expected, lang),
                type_name(*found, lang),
            );
            if ja {
                let verb = form.pick("で書いて", "にして");
                format!(
                    "{}{expected}{verb}ください（{found}になっています）",
                    then(&key, "は")
                )
            } else {
                format!("{key} must be {expected}, found {found}")
            }
        }
        Msg::StringForList(key) => {
            if ja {
                format!("`{key}` は文字列の配列です: [\"...\", \"...\"] のように書いてください")
            } else {
                format!("`{key}` is an array of strings: write [\"...\", \"...\"]")
            }
        }
        Msg::TableForArray(key) => {
            if ja {
                format!("`{key}` は [[{key}]] と二重の角かっこで書きます（項目の並び）")
            } else {
                format!("`{key}` is a list of items: write its header as [[{key}]]")
            }
        }
        Msg::DateWithTime(w) => {
            if ja {
                format!("日付に時刻は書けません: {w}")
            } else {
                format!("a date cannot carry a time: {w}")
            }
        }
        Msg::BadBetter(w) => {
            if ja {
                format!("`better` は \"higher\" か \"lower\" です（\"{w}\" になっています）")
            } else {
                format!("`better` must be \"higher\" or \"lower\", found \"{w}\"")
            }
        }
        Msg::ConflictingBetter { target, better, .. } => {
            if ja {
                format!(
                    "目標値 \"{target}\" と better = \"{}\" の向きが食い違っています",
                    better.as_str()
                )
            } else {
                format!(
                    "target \"{target}\" contradicts better = \"{}\"",
                    better.as_str()
                )
            }
        }
        Msg::Missing { key, table } => {
            if ja {
                format!(
                    "{}必須のキー `{key}` がありません",
                    table_then(*table, lang, "に")
                )
            } else {
                format!(
                    "required key `{key}` is missing from {}",
                    table_header(*table, lang)
                )
            }
        }
        Msg::Empty { key, table } => {
            if ja {
                format!("{} `{key}` が空欄です", table_then(*table, lang, "の"))
            } else {
                format!("`{key}` in {} is blank", table_header(*table, lang))
            }
        }
        Msg::BadFormat(v) => {
            let key = form.pick("format =", "形式");
            if ja {
                format!("{key} {v} には対応していません（対応しているのは 1 だけです）")
            } else {
                format!("{key} {v} is not supported (the only format is 1)")
            }
        }
        Msg::BadFiscalYear(w) => {
            if ja {
                format!("年度 \"{w}\" を読めません")
            } else {
                format!("cannot read the fiscal year \"{w}\"")
            }
        }
        Msg::BadDate { written, err, .. } => {
            let why = match err {
                DateError::Impossible => lang.pick("存在しない日付です", "no such date"),
                DateError::NeedsFiscalYear => lang.pick(
                    "年を決める年度がありません",
                    "no fiscal year to give it a year",
                ),
                _ => lang.pick("日付として読めません", "not a date"),
            };
            if ja {
                format!("日付 \"{written}\": {why}")
            } else {
                format!("date \"{written}\": {why}")
            }
        }
        Msg::BadStatus(w) => {
            if ja {
                format!("{} \"{w}\" は使えません", form.pick("status", "状況"))
            } else {
                format!("unknown {} \"{w}\"", form.pick("status", "状況 (status)"))
            }
        }
        Msg::BadNumber(w) => {
            if ja {
                format!("数値 {w} は指標の値に使えません（NaN・無限大・桁あふれ）")
            } else {
                format!("{w} cannot be an indicator value (NaN, infinite or too large)")
            }
        }
        Msg::UnknownIndicator { name, .. } => {
            if ja {
                format!("指標「{name}」はこのシートの [[indicators]] にありません")
            } else {
                format!("no indicator named \"{name}\" in this sheet's [[indicators]]")
            }
        }
        Msg::DuplicateIndicator { name, first } => {
            if ja {
                format!("指標「{name}」は {}にもあります", position(first, lang))
            } else {
                format!(
                    "indicator \"{name}\" is already defined at {}",
                    position(first, lang)
                )
            }
        }
        Msg::DuplicateRegion { region, other_file } => {
            if ja {
                format!("同じ都道府県・圏域（{region}）・年度のシートが {other_file} にもあります")
            } else {
                format!("{other_file} is a sheet of the same prefecture, region ({region}) and fiscal year")
            }
        }
        Msg::DoneInFuture { date, as_of } => {
            // The status as every output names it (`i18n::status_word`).
            let (date, done) = (
                date_in_message(*date, lang),
                status_word(Status::Done, lang),
            );
            if ja {
                format!("{done}（done）なのに日付 {date} が時点 {as_of} より後です")
            } else {
                format!("marked {done} but dated {date}, after {as_of}")
            }
        }
        Msg::EraOverflow { written, year } => {
            if ja {
                format!(
                    "\"{written}\" は改元後の年度です: {} と書くのが正式です",
                    year.era_ja()
                )
            } else {
                format!(
                    "\"{written}\" is past the end of its era: it is {}",
                    year.display_en()
                )
            }
        }
        Msg::Overdue { date, as_of } => {
            let (date, planned) = (
                date_in_message(*date, lang),
                status_word(Status::Planned, lang),
            );
            if ja {
                format!("{planned}（planned）の日付 {date} が時点 {as_of} を過ぎています")
            } else {
                format!("planned for {date}, which is past {as_of}")
            }
        }
        Msg::OutsideFiscalYear { date, year } => {
            let date = date_in_message(*date, lang);
            if ja {
                format!("日付 {date} が {} の外です", year.display_ja())
            } else {
                format!("{date} is outside {}", year.display_en())
            }
        }
        Msg::EmptyView(view) => {
            if ja {
                format!(
                    "課題の視点「{}」（{}）が空欄です",
                    view.label_ja(),
                    view.key()
                )
            } else {
                format!(
                    "the challenge leaves the view {} ({}) blank",
                    view.key(),
                    view.label_ja()
                )
            }
        }
        Msg::NoProgress => {
            let rows = form.rows("[[goals.progress]]", Part::Progress, lang);
            if ja {
                format!("この達成目標には進捗（{rows}）がありません")
            } else {
                format!("this goal has no progress item ({rows})")
            }
        }
        Msg::NoIndicators => {
            let rows = form.rows("[[indicators]]", Part::Indicators, lang);
            if ja {
                format!("指標（{rows}）が一つもありません")
            } else {
                format!("the sheet has no indicator ({rows})")
            }
        }
        Msg::Undetermined {
            name,
            key: Some((key, written)),
            missing_target: false,
        } => {
            let it = form.value(key, written, lang);
            if ja {
                format!("指標「{name}」は {it} のため、進捗を判定しません")
            } else {
                format!("indicator \"{name}\": {it}, so its progress is not judged")
            }
        }
        Msg::Undetermined {
            name,
            missing_target,
            ..
        } => match (ja, missing_target) {
            (true, true) => format!("指標「{name}」に目標値（target）がありません"),
            (true, false) => format!("指標「{name}」に未定の値があります"),
            (false, true) => format!("indicator \"{name}\" has no target"),
            (false, false) => format!("indicator \"{name}\" has an undetermined (未定) value"),
        },
        Msg::TargetAlreadyMet {
            name,
            baseline,
            target,
        } => {
            if ja {
                format!("指標「{name}」は現状値（第1回会議時）{baseline} の時点で目標値 {target} を達成しています")
            } else {
                format!("indicator \"{name}\": the baseline {baseline} already meets the target {target}")
            }
        }
        Msg::FullwidthNumber(s) => {
            if ja {
                format!("\"{s}\" は全角数字の文字列です")
            } else {
                format!("\"{s}\" is a number written in full-width digits, as a string")
            }
        }
        Msg::NoAsOf(_) => lang
            .pick(
                "[sheet] に as_of（シートの時点）がありません: 今日の日付で判定します",
                "[sheet] has no as_of (the date the sheet describes): judging at today",
            )
            .to_string(),
        Msg::NumberAsText { key, value, .. } => {
            let what = number_reading(value, lang);
            let it = form.value(key, &value.text, lang);
            if ja {
                // No space after a full-width bracket: `2（単位 人）として`.
                let gap = if what.ends_with('）') { "" } else { " " };
                format!("{it} を数値 {what}{gap}として読みました")
            } else {
                format!("read {it} as the number {what}")
            }
        }
        Msg::UnitMismatch {
            key,
            written,
            unit,
            expected,
            expected_from,
        } => {
            let it = form.value(key, written, lang);
            match (ja, expected_from) {
                (true, None) => {
                    let of_indicator = match form {
                        Form::Toml => format!("指標の単位 unit = \"{expected}\""),
                        Form::Workbook => format!("「単位」の {expected}"),
                    };
                    format!("{it} の単位「{unit}」が{of_indicator} と違います")
                }
                (true, Some((other, text))) => {
                    let other = form.value(other, text, lang);
                    let gap = if other.starts_with('「') { "" } else { " " };
                    format!("{it} の単位「{unit}」が{gap}{other} の単位「{expected}」と違います")
                }
                (false, None) => format!(
                    "{it}: its unit \"{unit}\" is not the indicator's {}",
                    form.value("unit", expected, lang)
                ),
                (false, Some((other, text))) => format!(
                    "{it}: its unit \"{unit}\" is not the unit \"{expected}\" of {}",
                    form.value(other, text, lang)
                ),
            }
        }
        Msg::QualitativeNumber { key, written } => {
            let it = form.value(key, written, lang);
            if ja {
                format!("{it} は数値として読めないため計算しません（定性的な値として扱います）")
            } else {
                format!(
                    "{it} is not computed: it is not a number, so it is taken as qualitative text"
                )
            }
        }
        Msg::WeekdayMismatch {
            written,
            date,
            weekday,
            actual,
        } => {
            if ja {
                format!(
                    "\"{written}\" の曜日（{}）が違います: {} は{}曜日です",
                    date::weekday_ja(*weekday),
                    date.display(true),
                    date::weekday_ja(*actual)
                )
            } else {
                format!(
                    "\"{written}\": {} is a {}, not a {}",
                    date.to_iso(),
                    weekday_en(*actual),
                    weekday_en(*weekday)
                )
            }
        }
        Msg::NoGoals => {
            let rows = form.rows("[[goals]]", Part::Goals, lang);
            if ja {
                format!("達成目標（{rows}）が一つもありません")
            } else {
                format!("the sheet has no goal ({rows})")
            }
        }
        Msg::NoChallenges => {
            let rows = form.rows("[[challenges]]", Part::Challenges, lang);
            if ja {
                format!("課題（{rows}）が一つもありません")
            } else {
                format!("the sheet has no challenge ({rows})")
            }
        }
        Msg::AsOfOutsideFiscalYear { as_of, year } => {
            if ja {
                let key = form.pick("as_of（シートの時点）", "時点 ");
                format!("{key}{as_of} が {} の外です", year.display_ja())
            } else {
                format!(
                    "{} (the date the sheet describes) {as_of} is outside {}",
                    form.pick("as_of", "時点"),
                    year.display_en()
                )
            }
        }
        Msg::Symlink { target } => link_outside(target, lang),
        Msg::TooLarge { size, limit } => too_large(*size, *limit, lang),
        Msg::UnknownGoal { written, .. } => {
            if ja {
                format!("目標番号「{written}」の達成目標がありません")
            } else {
                format!("no goal numbered \"{written}\" in {}", Part::Goals.name())
            }
        }
        Msg::UnknownWorksheet(name) => {
            if ja {
                format!("ワークシート「{name}」はシートの様式にないため読みません")
            } else {
                format!("the worksheet \"{name}\" is not part of the layout: not read")
            }
        }
        Msg::BadWorkbook(problem) => bad_workbook(problem, lang),
        Msg::ControlCharacter { key, value } => {
            // The name escaped as Rust writes it, a newline and a tab too, as the
            // refusal of the commands shows it (i18n::failure).
            let value = value.escape_debug();
            let name = form.key(form.pick(key, sheet_label(key)), lang);
            if ja {
                format!(
                    "{} \"{value}\" に制御文字（改行・エスケープなど）があります",
                    then(&name, "の")
                )
            } else {
                format!("{name} \"{value}\" holds a control character (a newline, an escape…)")
            }
        }
        Msg::BadHeader {
            part,
            written,
            problem,
        } => bad_header(*part, written, *problem, lang),
        Msg::BadCell { column, value } => bad_cell(column, value, lang),
    }
}

/// The label of a field of the worksheet シート (`圏域` for `region`).
fn sheet_label(key: &str) -> &str {
    layout::sheet_field(key).map_or(key, |c| c.label)
}

/// A link out of the folder, not followed: the `symlink` finding, and the
/// failure of such a link named on the command line.
pub fn link_outside(target: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("フォルダの外（{target}）を指すリンクです。読みません"),
        Lang::En => format!("a link to {target}, outside the folder: not read"),
    }
}

/// A file over the size a sheet may have, not read: the `too-large` finding,
/// and the failure of such a file named on the command line.
pub fn too_large(size: u64, limit: u64, lang: Lang) -> String {
    let mib = limit >> 20;
    match lang {
        Lang::Ja => format!("ファイルが大きすぎます（{size} バイト、上限 {mib} MiB）。読みません"),
        Lang::En => {
            format!("the file is too large ({size} bytes, the limit is {mib} MiB): not read")
        }
    }
}

/// Why a file is not read as a workbook.
fn bad_workbook(problem: &WorkbookProblem, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match problem {
        WorkbookProblem::NotAWorkbook(_) => lang
            .pick(
                "Excel のブック（.xlsx）として読めません: ZIP 形式ではないか、途中で切れた・壊れたファイルです（名前を .xlsx に変えた CSV なども読めません）",
                "not an Excel workbook (.xlsx): not a zip file, or a truncated or damaged one (a CSV renamed to .xlsx is not a workbook)",
            )
            .to_string(),
        WorkbookProblem::Encrypted => lang
            .pick(
                "パスワードで保護（暗号化）されたブックは読めません",
                "the workbook is protected with a password (encrypted) and cannot be read",
            )
            .to_string(),
        WorkbookProblem::Legacy => lang
            .pick(
                "古い形式の Excel ファイル（.xls）は読めません",
                "a legacy Excel file (.xls) cannot be read",
            )
            .to_string(),
        WorkbookProblem::TooLarge { unpacked } => {
            let mib = MAX_UNPACKED / (1024 * 1024);
            if ja {
                format!("展開すると大きすぎるため読みません（{unpacked} バイト以上、上限 {mib} MiB）")
            } else {
                format!("too large once unpacked ({unpacked} bytes or more, the limit is {mib} MiB): not read")
            }
        }
        WorkbookProblem::Inflates => lang
            .pick(
                "ブックの中のファイルが、書かれている大きさを超えて展開されるため読みません（圧縮爆弾か、壊れたファイル）",
                "a part of the workbook inflates past the size the file declares for it: not read (a zip bomb, or damage)",
            )
            .to_string(),
        WorkbookProblem::Damaged(detail) => {
            if ja {
                format!("ブックの中身が壊れていて読めません（{detail}）")
            } else {
                format!("a part of the workbook is damaged ({detail})")
            }
        }
    }
}

/// A header of row 1, or a `項目` of `シート`, that is not read.
fn bad_header(part: Part, written: &str, problem: HeaderProblem, lang: Lang) -> String {
    let ws = part.name();
    match (lang, part, problem) {
        (Lang::Ja, Part::Sheet, HeaderProblem::Unknown) => {
            format!("{ws} の項目に「{written}」はありません")
        }
        (Lang::En, Part::Sheet, HeaderProblem::Unknown) => {
            format!("no field \"{written}\" in {ws}")
        }
        (Lang::Ja, _, HeaderProblem::Unknown) => {
            format!("ワークシート「{ws}」に「{written}」という列はありません（この列は読みません）")
        }
        (Lang::En, _, HeaderProblem::Unknown) => {
            format!("the worksheet {ws} has no column \"{written}\" (the column is not read)")
        }
        (Lang::Ja, Part::Sheet, HeaderProblem::Blank) => {
            format!("{ws} のこの行は項目が空欄です（内容は読みません）")
        }
        (Lang::En, Part::Sheet, HeaderProblem::Blank) => {
            format!("this row of {ws} names no field (its value is not read)")
        }
        (Lang::Ja, _, HeaderProblem::Blank) => {
            "見出しのない列にデータがあります（この列は読みません）".to_string()
        }
        (Lang::En, _, HeaderProblem::Blank) => {
            "a column holds data but has no header (the column is not read)".to_string()
        }
        (Lang::Ja, Part::Sheet, HeaderProblem::Duplicate) => {
            format!("{ws} の項目「{written}」が二度あります（上の行だけを読みます）")
        }
        (Lang::En, Part::Sheet, HeaderProblem::Duplicate) => {
            format!("the field \"{written}\" appears twice in {ws} (only the first is read)")
        }
        (Lang::Ja, _, HeaderProblem::Duplicate) => {
            format!("列「{written}」が二つあります（左の列だけを読みます）")
        }
        (Lang::En, _, HeaderProblem::Duplicate) => {
            format!("two columns are headed \"{written}\" (only the left one is read)")
        }
    }
}

/// A cell no value can be.
fn bad_cell(column: &str, value: &CellValue, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match value {
        CellValue::Bool(b) => {
            let b = if *b { "TRUE" } else { "FALSE" };
            if ja {
                format!("「{column}」のセルが論理値 {b} です")
            } else {
                format!("the {column} cell holds the boolean {b}")
            }
        }
        CellValue::Error(e) => {
            if ja {
                format!("「{column}」のセルがエラー値 {e} です")
            } else {
                format!("the {column} cell holds the error {e}")
            }
        }
        CellValue::Formula(f) => {
            let f = if f.starts_with('=') {
                f.clone()
            } else {
                format!("={f}")
            };
            if ja {
                format!("「{column}」のセルは数式 {f} で、計算した値が保存されていません")
            } else {
                format!("the {column} cell is the formula {f}, saved without its value")
            }
        }
        CellValue::DateTime(t) => {
            if ja {
                format!("「{column}」のセルが時刻つきの日時 {t} です")
            } else {
                format!("the {column} cell holds a date with a time, {t}")
            }
        }
        CellValue::Text(_) | CellValue::Number(_) | CellValue::Percent(_) | CellValue::Date(_) => {
            if ja {
                format!("「{column}」のセルは読めません")
            } else {
                format!("the {column} cell cannot be read")
            }
        }
    }
}

fn weekday_en(w: chrono::Weekday) -> &'static str {
    match w {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// A date in a message: ISO (`2018-11-02`, `2018-11`), or with its precision word
/// when it has one (`2018年11月中旬`, `2018-11 (mid)`), never only the bare month.
fn date_in_message(date: date::SheetDate, lang: Lang) -> String {
    match date.qualifier {
        None => date.to_iso(),
        Some(_) => date.display(lang == Lang::Ja),
    }
}

/// `13（単位 人）`, `16（単位 人、以上）`, `15（約）`.
fn number_reading(w: &WrittenNumber, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let mut parts = Vec::new();
    if let Some(u) = &w.unit {
        parts.push(if ja {
            format!("単位 {u}")
        } else {
            format!("unit {u}")
        });
    }
    if let Some(b) = w.bound {
        parts.push(
            match b {
                Better::Higher => lang.pick("以上", "at least"),
                Better::Lower => lang.pick("以下", "at most"),
            }
            .to_string(),
        );
    }
    if w.approximate {
        parts.push(lang.pick("約", "approximate").to_string());
    }
    if let Some(r) = &w.remark {
        parts.push(if ja {
            format!("注記「{r}」")
        } else {
            format!("remark \"{r}\"")
        });
    }
    let number = w.number_text();
    if parts.is_empty() {
        number
    } else if ja {
        format!("{number}（{}）", parts.join("、"))
    } else {
        format!("{number} ({})", parts.join(", "))
    }
}

/// The message of a syntax error, in the output language. The parser's English is
/// shown only for an error of no known kind, after a sentence of ours.
fn syntax_message(e: &SyntaxError, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match &e.kind {
        SyntaxKind::JapaneseKey { key } => {
            if ja {
                format!("キー「{key}」は TOML では書けません（キーは英字で書きます）")
            } else {
                format!("\"{key}\" cannot be a key: keys are written in ASCII")
            }
        }
        SyntaxKind::FullwidthSymbol { found, ascii } => {
            if ja {
                format!("全角の「{found}」は TOML の記号 {ascii} として読めません")
            } else {
                format!("the full-width \"{found}\" is not TOML's {ascii}")
            }
        }
        SyntaxKind::FullwidthSpace { indent: true } => lang
            .pick(
                "行頭に全角スペースがあります（TOML では字下げに使えません）",
                "the line is indented with a full-width space, which TOML does not accept",
            )
            .to_string(),
        SyntaxKind::FullwidthSpace { indent: false } => lang
            .pick(
                "文字列の外に全角スペースがあります",
                "a full-width space outside a string, which TOML does not accept",
            )
            .to_string(),
        SyntaxKind::CurlyQuotes { open, .. } => {
            if ja {
                format!("「{open}」は文字列を囲む引用符として使えません（半角の \" で囲みます）")
            } else {
                format!("\"{open}\" cannot quote a string: TOML strings are in ASCII \"...\"")
            }
        }
        SyntaxKind::UnquotedValue { value, .. } => {
            if ja {
                format!("値 {value} が引用符で囲まれていません")
            } else {
                format!("the value {value} is not in quotes")
            }
        }
        SyntaxKind::MissingValue { key } => match (ja, key) {
            (true, Some(k)) => format!("`{k}` の = の後に値がありません"),
            (true, None) => "= の後に値がありません".to_string(),
            (false, Some(k)) => format!("`{k}` has no value after ="),
            (false, None) => "no value after =".to_string(),
        },
        SyntaxKind::MissingEquals { key } => match (ja, key) {
            (true, Some(k)) => format!("`{k}` の後に = がありません"),
            (true, None) => "キーの後に = がありません".to_string(),
            (false, Some(k)) => format!("`{k}` is not followed by ="),
            (false, None) => "a key is not followed by =".to_string(),
        },
        SyntaxKind::DuplicateKey {
            key,
            header,
            first_line,
        } => {
            let what = match (ja, header) {
                (true, true) => format!("見出し {key}"),
                (true, false) => format!("キー `{key}`"),
                (false, true) => format!("the header {key}"),
                (false, false) => format!("the key `{key}`"),
            };
            match (ja, first_line) {
                (true, Some(l)) => format!("{what} が二度書かれています（最初は {l} 行目）"),
                (true, None) => format!("{what} が二度書かれています"),
                (false, Some(l)) => format!("{what} is written twice (first on line {l})"),
                (false, None) => format!("{what} is written twice"),
            }
        }
        SyntaxKind::UnclosedString => lang
            .pick(
                "文字列を閉じる \" がありません",
                "the string has no closing \"",
            )
            .to_string(),
        SyntaxKind::BadCharacterInString => lang
            .pick(
                "文字列の中に使えない制御文字があります",
                "the string holds a control character",
            )
            .to_string(),
        SyntaxKind::InvalidEscape => lang
            .pick(
                "文字列の中の \\ の後を読めません（\\ はエスケープの始まりです）",
                "a \\ in the string starts an escape that is not one",
            )
            .to_string(),
        SyntaxKind::MissingComma => lang
            .pick(
                "配列の要素の間にカンマ（,）がありません",
                "two items of the array have no comma between them",
            )
            .to_string(),
        SyntaxKind::UnclosedArray => lang
            .pick("配列を閉じる ] がありません", "the array has no closing ]")
            .to_string(),
        SyntaxKind::UnclosedHeader => lang
            .pick(
                "見出しの角かっこが閉じていません",
                "the header's brackets are not closed",
            )
            .to_string(),
        SyntaxKind::UnclosedInlineTable => lang
            .pick("{ を閉じる } がありません", "the { has no closing }")
            .to_string(),
        SyntaxKind::TrailingContent => lang
            .pick(
                "値の後に読めない文字があります",
                "unexpected text after the value",
            )
            .to_string(),
        SyntaxKind::InvalidKey => lang
            .pick(
                "キーに使えない文字があります",
                "the key holds a character keys cannot have",
            )
            .to_string(),
        SyntaxKind::InvalidValue => lang
            .pick("値を読めません", "the value is not a TOML value")
            .to_string(),
        SyntaxKind::TooDeep => lang
            .pick(
                "かっこの入れ子が深すぎます",
                "brackets are nested too deeply",
            )
            .to_string(),
        SyntaxKind::Other => {
            if ja {
                format!("TOML として読めません（{}）", e.detail)
            } else {
                format!("not valid TOML ({})", e.detail)
            }
        }
    }
}

/// The hint of a syntax error.
fn syntax_help(e: &SyntaxError, lang: Lang) -> Option<String> {
    let ja = lang == Lang::Ja;
    let key_or = |key: &Option<String>, default: &str| {
        key.as_deref()
            .filter(|k| k.is_ascii() && !k.contains(char::is_whitespace))
            .unwrap_or(default)
            .to_string()
    };
    Some(match &e.kind {
        SyntaxKind::JapaneseKey { key } => {
            let normalized = crate::core::text::normalize(key);
            match JAPANESE_KEYS.iter().find(|(ja_key, _)| *ja_key == normalized) {
                Some((_, k)) => {
                    if ja {
                        format!("「{key}」のキーは `{k}` です: {k} = \"...\"")
                    } else {
                        format!("the key for {key} is `{k}`: {k} = \"...\"")
                    }
                }
                None => lang
                    .pick(
                        "キーは英字で書きます（一覧は examples/template.toml や sheet schema にあります）",
                        "keys are ASCII words (see examples/template.toml or sheet schema)",
                    )
                    .to_string(),
            }
        }
        SyntaxKind::FullwidthSymbol { ascii, .. } => {
            if ja {
                format!("半角の {ascii} に直してください（日本語入力をオフにして入力します）")
            } else {
                format!("type the ASCII {ascii} instead (with the Japanese input method off)")
            }
        }
        SyntaxKind::FullwidthSpace { .. } => lang
            .pick(
                "全角スペースを消すか、半角スペースに直してください",
                "delete the full-width space or type an ASCII space",
            )
            .to_string(),
        SyntaxKind::CurlyQuotes { open, key, value } => {
            let k = key_or(key, "key");
            let v = value.as_deref().unwrap_or("...");
            let kagi = matches!(open, '「' | '『');
            match (ja, kagi) {
                (true, false) => format!("半角の \" で囲みます: {k} = \"{v}\""),
                (true, true) => format!(
                    "半角の \" で囲みます: {k} = \"{v}\"（かぎかっこも文字として残すなら {k} = \"「{v}」\"）"
                ),
                (false, false) => format!("quote it with ASCII \": {k} = \"{v}\""),
                (false, true) => format!(
                    "quote it with ASCII \": {k} = \"{v}\" (or {k} = \"「{v}」\" to keep the brackets as text)"
                ),
            }
        }
        SyntaxKind::UnquotedValue { key, value } => {
            let written = match key {
                Some(_) => format!("{} = \"{value}\"", key_or(key, "key")),
                None => format!("\"{value}\""),
            };
            if ja {
                format!("文字列は半角の \" で囲みます: {written}")
            } else {
                format!("strings are quoted: {written}")
            }
        }
        SyntaxKind::MissingValue { key } => {
            let k = key_or(key, "key");
            if ja {
                format!("{k} = \"...\" のように値を書くか、まだ書けないならその行を消してください")
            } else {
                format!("write a value, like {k} = \"...\", or delete the line")
            }
        }
        SyntaxKind::MissingEquals { key } => {
            let k = key_or(key, "key");
            if ja {
                format!("キーと値は = でつなぎます: {k} = \"...\"")
            } else {
                format!("join key and value with =: {k} = \"...\"")
            }
        }
        SyntaxKind::DuplicateKey { header: true, .. } => lang
            .pick(
                "同じ見出しの内容は一つにまとめてください（項目を並べるなら [[goals]] のように二重の角かっこで書きます）",
                "merge the two into one (a list of items is written with double brackets, like [[goals]])",
            )
            .to_string(),
        SyntaxKind::DuplicateKey { header: false, .. } => lang
            .pick(
                "一つの見出しの下に同じキーは一度しか書けません: どちらかを消すか、別の項目なら新しい見出しを書いてください",
                "a key can be set once per table: delete one, or start a new item with its header",
            )
            .to_string(),
        SyntaxKind::UnclosedString => lang
            .pick(
                "文字列の終わりに \" を書いてください（改行を含む文章は \"\"\" で囲みます）",
                "end the string with \" (text over several lines goes between \"\"\")",
            )
            .to_string(),
        SyntaxKind::BadCharacterInString => lang
            .pick(
                "見えない制御文字を消してください",
                "delete the invisible control character",
            )
            .to_string(),
        SyntaxKind::InvalidEscape => lang
            .pick(
                "\\ を文字として書くなら \\\\ と重ねるか、'...' で囲みます",
                "write a literal \\ as \\\\, or quote the text with '...'",
            )
            .to_string(),
        SyntaxKind::MissingComma => lang
            .pick(
                "[\"...\", \"...\"] のように半角のカンマで区切ります",
                "separate items with commas: [\"...\", \"...\"]",
            )
            .to_string(),
        SyntaxKind::UnclosedArray => lang
            .pick(
                "最後の要素の後に ] を書きます: [\"...\", \"...\"]",
                "close it after the last item: [\"...\", \"...\"]",
            )
            .to_string(),
        SyntaxKind::UnclosedHeader => lang
            .pick(
                "[sheet] や [[goals]] のように閉じます",
                "close it like [sheet] or [[goals]]",
            )
            .to_string(),
        SyntaxKind::TrailingContent => lang
            .pick(
                "1 行に キー = 値 を一つ書きます。説明は # の後にコメントとして書けます",
                "write one key = value per line; a note can follow a #",
            )
            .to_string(),
        SyntaxKind::InvalidKey => lang
            .pick(
                "キーは英字・数字・_ で書きます（一覧は sheet schema にあります）",
                "keys are ASCII letters, digits and _ (see sheet schema)",
            )
            .to_string(),
        SyntaxKind::InvalidValue => lang
            .pick(
                "文字列は \"...\" で囲み、数値は半角数字で、日付は 2018-11-02 のように書きます",
                "quote text as \"...\"; numbers are ASCII digits, dates like 2018-11-02",
            )
            .to_string(),
        SyntaxKind::UnclosedInlineTable | SyntaxKind::TooDeep | SyntaxKind::Other => return None,
    })
}

/// A hint on how to fix a diagnostic, where one helps, in the words of its file's
/// form.
pub fn help(msg: &Msg, lang: Lang, form: Form) -> Option<String> {
    if form == Form::Workbook {
        if let Some(hint) = workbook_help(msg, lang) {
            return hint;
        }
    }
    let ja = lang == Lang::Ja;
    Some(match msg {
            Msg::Encoding(p) => match p {
                EncodingProblem::NotUtf8 { .. } => lang
                    .pick(
                        "シートは UTF-8 のテキストファイルで保存してください",
                        "save the sheet as a UTF-8 text file",
                    )
                    .to_string(),
                known => {
                    // iconv's name of the encoding found, so the command converts
                    // this file (CP932 would garble UTF-16 or EUC-JP).
                    let from = match known {
                        EncodingProblem::Utf16 { big_endian: true } => "UTF-16BE",
                        EncodingProblem::Utf16 { big_endian: false } => "UTF-16LE",
                        EncodingProblem::EucJp => "EUC-JP",
                        _ => "CP932",
                    };
                    if ja {
                        format!("UTF-8 で保存し直してください（メモ帳:「名前を付けて保存」で文字コード「UTF-8」を選ぶ。VS Code: 右下の文字コードをクリックし「エンコード付きで保存」で UTF-8 を選ぶ。iconv -f {from} -t UTF-8 でも変換できます）")
                    } else {
                        format!("re-save it as UTF-8 (Notepad: Save As, Encoding UTF-8; VS Code: click the encoding in the status bar, Save with Encoding, UTF-8; or iconv -f {from} -t UTF-8)")
                    }
                }
            },
            Msg::UnknownKey { key, table } => return unknown_key_help(key, *table, lang),
            Msg::Syntax(e) => return syntax_help(e, lang),
            Msg::StringForList(key) => {
                if ja {
                    format!("{key} = [\"...\"] のように角かっこで囲みます")
                } else {
                    format!("wrap it in brackets: {key} = [\"...\"]")
                }
            }
            Msg::DateWithTime(written) => {
                let day = written.split(['T', 't', ' ']).next().unwrap_or(written);
                if ja {
                    format!("時刻を消して {day} と書いてください")
                } else {
                    format!("write the date only: {day}")
                }
            }
            Msg::BadFiscalYear(_) => lang
                .pick(
                    "2018, \"2018年度\", \"平成30年度\", \"H30\", \"令和6年度\", \"R6\" のように書きます",
                    "write it like 2018, \"2018年度\", \"平成30年度\", \"H30\", \"令和6年度\" or \"R6\"",
                )
                .to_string(),
            Msg::BadDate {
                year,
                may_be_undetermined,
                ..
            } => date_forms(*year, *may_be_undetermined, lang, Form::Toml),
            Msg::BadStatus(_) => {
                let list: Vec<String> = Status::ALL
                    .iter()
                    .map(|s| format!("{}（{}）", s.as_str(), s.japanese_words().join("・")))
                    .collect();
                if ja {
                    format!("使える値: {}。予定も実施もない記録なら status を書きません", list.join(", "))
                } else {
                    format!("accepted: {}; leave status out for a plain note", list.join(", "))
                }
            }
            Msg::UnknownIndicator { name, known } => {
                return Some(match did_you_mean(name, known.iter().map(String::as_str)) {
                    Some(k) => {
                        if ja {
                            format!("「{k}」のことですか？")
                        } else {
                            format!("did you mean \"{k}\"?")
                        }
                    }
                    None if known.is_empty() => lang
                        .pick(
                            "[[indicators]] に name = \"...\" で指標を加えてください",
                            "add the indicator under [[indicators]] with name = \"...\"",
                        )
                        .to_string(),
                    None => {
                        if ja {
                            format!("このシートの指標: {}", known.join("、"))
                        } else {
                            format!("this sheet's indicators: {}", known.join(", "))
                        }
                    }
                })
            }
            Msg::DuplicateRegion { .. } => lang
                .pick(
                    "同じ圏域・年度のシートは一つにまとめてください（別年度なら fiscal_year を確認）",
                    "keep one sheet per region and fiscal year (check fiscal_year)",
                )
                .to_string(),
            Msg::DoneInFuture { .. } => lang
                .pick(
                    "まだ実施していなければ status = \"planned\"（予定）に、日付の誤りなら日付を直してください",
                    "if it has not happened yet, use status = \"planned\"; otherwise fix the date",
                )
                .to_string(),
            Msg::Overdue { .. } => lang
                .pick(
                    "実施したなら status = \"done\"、延期なら \"postponed\"、日付が変わったなら date と rescheduled_from を更新してください",
                    "set status = \"done\" if it happened, \"postponed\" if it moved, or update date and rescheduled_from",
                )
                .to_string(),
            Msg::EmptyView(view) => {
                if ja {
                    format!("{} の認識を {} = \"...\" で書くと、合同会議で話し合う材料になります", view.label_ja(), view.key())
                } else {
                    format!("write the {} view as {} = \"...\"", view.label_ja(), view.key())
                }
            }
            Msg::TargetAlreadyMet { .. } => lang
                .pick(
                    "目標値・現状値の期間（年間か累計か）や better（higher/lower）を確認してください",
                    "check the period of baseline and target (yearly or cumulative) and `better`",
                )
                .to_string(),
            Msg::FullwidthNumber(s) => {
                let n = crate::core::text::normalize(s);
                if ja {
                    format!("数値なら引用符を外して半角で {n} と書いてください")
                } else {
                    format!("if it is a number, write {n} without quotes")
                }
            }
            Msg::NoAsOf(year) => {
                let example = format!("{}-09-30", year.start_year());
                if ja {
                    format!("[sheet] に as_of = {example} のようにシートの時点を書いてください")
                } else {
                    format!("add as_of = {example} (for example) under [sheet]")
                }
            }
            Msg::AsOfOutsideFiscalYear { year, .. } => {
                let (first, last) = (year.first_day(), year.last_day());
                if ja {
                    format!(
                        "{} は {first} から {last} までです: as_of を直すか、fiscal_year を確かめてください",
                        year.era_ja()
                    )
                } else {
                    format!(
                        "{} runs from {first} to {last}: fix as_of, or check fiscal_year",
                        year.display_en()
                    )
                }
            }
            Msg::OutsideFiscalYear { year, .. } => {
                let (first, last) = (year.first_day(), year.last_day());
                if ja {
                    format!(
                        "{} は {first} から {last} までです（1〜3月は翌年です）",
                        year.era_ja()
                    )
                } else {
                    format!(
                        "{} runs from {first} to {last} (January to March are in the next year)",
                        year.display_en()
                    )
                }
            }
            Msg::ConflictingBetter {
                better, number, ..
            } => {
                let implied = match better {
                    Better::Higher => Better::Lower,
                    Better::Lower => Better::Higher,
                };
                let target = match (number, better) {
                    (Some(n), Better::Higher) => format!("\"{n}以上\""),
                    (Some(n), Better::Lower) => format!("\"{n}以下\""),
                    (None, Better::Higher) => "\"増加\"".to_string(),
                    (None, Better::Lower) => "\"減少\"".to_string(),
                };
                if ja {
                    format!(
                        "目標値に合わせて better = \"{}\" にするか、better のとおりなら target = {target} と書いてください",
                        implied.as_str()
                    )
                } else {
                    format!(
                        "set better = \"{}\" to match the target, or, if better is right, write target = {target}",
                        implied.as_str()
                    )
                }
            }
            Msg::NumberAsText {
                key,
                value,
                add_unit,
            } => number_as_text_help(key, value, *add_unit, lang),
            Msg::UnitMismatch { expected, .. } => {
                if ja {
                    format!("単位をそろえてください: 値を「{expected}」で数え直すか、指標の unit を直します")
                } else {
                    format!("use one unit: restate the value in {expected}, or fix the indicator's unit")
                }
            }
            Msg::QualitativeNumber { key, written } => {
                let n = crate::core::text::normalize(written);
                let example: String = n
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .take_while(char::is_ascii_digit)
                    .collect();
                if ja {
                    format!(
                        "数値として比べるなら {key} = {example} のように数だけを書きます（単位は unit、説明は reason に）。文章のままでよければ、このままで構いません"
                    )
                } else {
                    format!(
                        "to compare it as a number, write the number alone, like {key} = {example} (the unit in unit, the rest in reason); leave it if it is meant as text"
                    )
                }
            }
            Msg::WeekdayMismatch {
                written,
                weekday,
                actual,
                ..
            } => {
                let fixed = weekday_fixed(written, *weekday, *actual);
                if ja {
                    format!("日付と曜日のどちらが正しいか確かめてください（日付が正しければ \"{fixed}\"）")
                } else {
                    format!("check which of the date and the weekday is right (if the date is: \"{fixed}\")")
                }
            }
            Msg::NoGoals => lang
                .pick(
                    "[[goals]] の見出しの下に text = \"...\" で達成目標を書き、[[goals.progress]] に進捗を書きます",
                    "add a goal: a [[goals]] header with text = \"...\", its progress under [[goals.progress]]",
                )
                .to_string(),
            Msg::NoChallenges => lang
                .pick(
                    "[[challenges]] の見出しの下に text = \"...\" で課題を書き、[challenges.views] に視点別の認識を書きます",
                    "add a challenge: a [[challenges]] header with text = \"...\", the views under [challenges.views]",
                )
                .to_string(),
            Msg::Symlink { .. } => lang
                .pick(
                    "シートはリンクではなくファイルとしてフォルダに置いてください",
                    "put the sheet in the folder as a file, not a link",
                )
                .to_string(),
            Msg::EraOverflow { year, .. } => {
                if ja {
                    format!("fiscal_year = \"{}\" または {} と書けます", year.era_ja(), year.start_year())
                } else {
                    format!("write fiscal_year = \"{}\" or {}", year.era_ja(), year.start_year())
                }
            }
            Msg::UnknownGoal { known, .. } => {
                if known.is_empty() {
                    lang.pick(
                        "先に 達成目標 ワークシートに目標を書き、その 番号 を 目標番号 に書きます",
                        "write the goal in the 達成目標 worksheet first, and its 番号 in 目標番号",
                    )
                    .to_string()
                } else if ja {
                    format!("達成目標の番号: {}", known.join("、"))
                } else {
                    format!("the goals' numbers: {}", known.join(", "))
                }
            }
            Msg::ControlCharacter { .. } => lang
                .pick(
                    "制御文字を消してください。このままでは sheet export・render --out・new --from はこのシートからファイルを作りません",
                    "remove it: as it is, sheet export, render --out and new --from make no file from this sheet",
                )
                .to_string(),
            Msg::UnknownWorksheet(_) => {
                let names: Vec<&str> = Part::ALL
                    .iter()
                    .filter(|p| p.is_read())
                    .map(|p| p.name())
                    .collect();
                let unread = format!("{}, {}", Part::Print.name(), Part::Howto.name());
                if ja {
                    format!("読むワークシート: {}（{unread} は読みません）", names.join("、"))
                } else {
                    format!("worksheets read: {} ({unread} are not read)", names.join(", "))
                }
            }
            Msg::BadWorkbook(problem) => match problem {
                WorkbookProblem::NotAWorkbook(_)
                | WorkbookProblem::Damaged(_)
                | WorkbookProblem::Inflates => lang.pick(
                    "Excel で開けるなら、「名前を付けて保存」で「Excel ブック (*.xlsx)」として保存し直してください",
                    "if Excel opens it, save it again with Save As, \"Excel Workbook (*.xlsx)\"",
                ),
                WorkbookProblem::Encrypted => lang.pick(
                    "Excel で開き、「ファイル」→「情報」→「ブックの保護」→「パスワードを使用して暗号化」でパスワードを消して保存し直してください",
                    "open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password) and save it again",
                ),
                WorkbookProblem::Legacy => lang.pick(
                    "Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください",
                    "open it in Excel and save it with Save As, \"Excel Workbook (*.xlsx)\"",
                ),
                WorkbookProblem::TooLarge { .. } => lang.pick(
                    "シートのブックはふつう数十 KB です。画像などを除いて保存し直してください",
                    "a sheet's workbook is usually tens of kilobytes: remove pictures and the like and save it again",
                ),
            }
            .to_string(),
            Msg::BadHeader { part, written, problem } => {
                if *problem == HeaderProblem::Duplicate {
                    return None;
                }
                let labels: Vec<&str> = match part {
                    Part::Sheet => layout::SHEET_FIELDS.iter().map(|c| c.label).collect(),
                    _ => part.columns().iter().map(|c| c.label).collect(),
                };
                if let Some(l) = did_you_mean(written, labels.iter().copied()) {
                    return Some(if ja {
                        format!("「{l}」のことですか？")
                    } else {
                        format!("did you mean \"{l}\"?")
                    });
                }
                match (ja, part) {
                    (true, Part::Sheet) => format!("使える項目: {}", labels.join("、")),
                    (false, Part::Sheet) => format!("fields: {}", labels.join(", ")),
                    (true, _) => format!("使える見出し: {}（英語のキーでも書けます）", labels.join("、")),
                    (false, _) => format!("headers: {} (or the English keys)", labels.join(", ")),
                }
            }
            Msg::BadCell { value, .. } => match value {
                CellValue::Formula(_) => lang.pick(
                    "Excel か LibreOffice で開いて保存し直すと値が保存されます（または値を直接入力してください）",
                    "open and save it again in Excel or LibreOffice, which saves the value (or type the value itself)",
                ),
                CellValue::DateTime(_) => lang.pick(
                    "日付だけを入力してください（時刻は書けません）",
                    "type the date only (no time)",
                ),
                _ => lang.pick(
                    "文字・数値・日付のどれかを入力してください",
                    "type a text, a number or a date",
                ),
            }
            .to_string(),
            _ => return None,
        })
}

/// The date forms a hint names, with examples in the sheet's fiscal year.
/// The date forms a hint names, with examples in the sheet's fiscal year: TOML
/// strings and a TOML date in a TOML file, what to type in a cell in a workbook.
fn date_forms(
    year: Option<FiscalYear>,
    may_be_undetermined: bool,
    lang: Lang,
    form: Form,
) -> String {
    let start = year.map_or(2018, FiscalYear::start_year);
    let era = year.map_or("H30".to_string(), FiscalYear::era_short);
    let weekday = chrono::NaiveDate::from_ymd_opt(start, 10, 15)
        .map_or("火", |d| date::weekday_ja(chrono::Datelike::weekday(&d)));
    let mut words = vec![
        "11/2".to_string(),
        "11月2日".to_string(),
        format!("10月15日({weekday})"),
        "11月".to_string(),
        "10月中旬".to_string(),
        "10月末".to_string(),
        "上半期".to_string(),
        "年度末".to_string(),
    ];
    let era_day = format!("{era}.11.2");
    let undetermined = may_be_undetermined.then(|| "未定".to_string());
    match form {
        Form::Toml => {
            let quoted = |w: &String| format!("\"{w}\"");
            let mut forms: Vec<String> = words.iter().map(quoted).collect();
            forms.push(format!("{start}-11-02"));
            forms.extend([Some(era_day), undetermined].iter().flatten().map(quoted));
            if lang == Lang::Ja {
                format!("{} などの形で書きます", forms.join(", "))
            } else {
                format!("accepted forms: {}", forms.join(", "))
            }
        }
        Form::Workbook => {
            words.extend([Some(era_day), undetermined].into_iter().flatten());
            if lang == Lang::Ja {
                format!(
                    "日付のセル（{start}/11/2）にするか、{} などの形で入力します",
                    words.join("、")
                )
            } else {
                format!(
                    "make it a date cell ({start}/11/2), or type a form such as {}",
                    words.join(", ")
                )
            }
        }
    }
}

/// A weekday-mismatched date with the weekday the date has (`10月15日(月)`).
fn weekday_fixed(written: &str, weekday: chrono::Weekday, actual: chrono::Weekday) -> String {
    let wrong = date::weekday_ja(weekday);
    match written.rfind(wrong) {
        Some(at) => format!(
            "{}{}{}",
            &written[..at],
            date::weekday_ja(actual),
            &written[at + wrong.len()..]
        ),
        None => written.to_string(),
    }
}

/// How to write a number written as text: bare, its unit in `unit`, its remark in
/// `reason`.
fn number_as_text_help(key: &str, w: &WrittenNumber, add_unit: bool, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let n = w.number_text();
    let value = match w.bound {
        Some(Better::Higher) => format!("\"{n}以上\""),
        Some(Better::Lower) => format!("\"{n}以下\""),
        None => n,
    };
    let mut parts = vec![if ja {
        format!("{key} = {value} と書きます")
    } else {
        format!("write {key} = {value}")
    }];
    if let (true, Some(u)) = (add_unit, &w.unit) {
        parts.push(if ja {
            format!("単位は指標に unit = \"{u}\" と書きます")
        } else {
            format!("put the unit in the indicator: unit = \"{u}\"")
        });
    }
    if w.approximate || w.remark.is_some() {
        parts.push(
            lang.pick(
                "「約」や括弧内の注記は reason に書きます",
                "an \"about\" or a remark in brackets goes in reason",
            )
            .to_string(),
        );
    }
    parts.join(lang.pick("。", "; "))
}

/// Japanese names officers may type for a key.
const JAPANESE_KEYS: &[(&str, &str)] = &[
    ("行政側", "administration"),
    ("医療側", "medical"),
    ("事業者側", "providers"),
    ("関係機関・住民等", "community"),
    ("関係機関", "community"),
    ("都道府県", "prefecture"),
    ("圏域", "region"),
    ("年度", "fiscal_year"),
    ("強み", "strengths"),
    ("課題・悩み", "concerns"),
    ("質問", "questions"),
    ("目標値", "target"),
    ("現状値", "current"),
    ("単位", "unit"),
    ("日付", "date"),
];

fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word_n = crate::core::text::normalize(word).to_lowercase();
    candidates
        .map(|c| (strsim::jaro_winkler(&word_n, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn unknown_key_help(key: &str, table: Table, lang: Lang) -> Option<String> {
    let ja = lang == Lang::Ja;
    // A key of another table: explain TOML's scoping.
    if let Some(owner) = Table::ALL
        .into_iter()
        .find(|t| *t != table && t.keys().contains(&key))
    {
        return Some(if ja {
            format!(
                "`{key}` は {}キーです。TOML では見出し（{}）より後のキーはすべてその見出しの項目に入ります。{}見出しの下、次の見出しより前に移してください",
                table_then(owner, lang, "の"),
                table_header(table, lang),
                table_then(owner, lang, "の")
            )
        } else {
            format!(
                "`{key}` belongs to {}. In TOML every key after a header ({}) belongs to that header's table until the next header: move it under {}, before the next header",
                table_header(owner, lang),
                table_header(table, lang),
                table_header(owner, lang)
            )
        });
    }
    let normalized = crate::core::text::normalize(key);
    if let Some((_, k)) = JAPANESE_KEYS
        .iter()
        .find(|(ja_key, _)| *ja_key == normalized)
    {
        if table.keys().contains(k) {
            return Some(if ja {
                format!("キーは英語で書きます: `{k}`")
            } else {
                format!("keys are English: `{k}`")
            });
        }
    }
    let suggestion = did_you_mean(key, table.keys().iter().copied());
    Some(match suggestion {
        Some(k) => {
            if ja {
                format!("`{k}` のことですか？")
            } else {
                format!("did you mean `{k}`?")
            }
        }
        None => {
            if ja {
                format!(
                    "{}使えるキー: {}",
                    table_then(table, lang, "で"),
                    table.keys().join(", ")
                )
            } else {
                format!(
                    "keys of {}: {}",
                    table_header(table, lang),
                    table.keys().join(", ")
                )
            }
        }
    })
}

/// A place as a message names it: `12 行目` / `line 12`, or a cell `指標!F3`.
pub fn position(p: &Position, lang: Lang) -> String {
    match p {
        Position::Line { line, .. } => match lang {
            Lang::Ja => format!("{line} 行目"),
            Lang::En => format!("line {line}"),
        },
        Position::Cell(cell) => cell.to_string(),
        Position::File => lang.pick("ファイル全体", "the whole file").to_string(),
    }
}

/// The message of a finding at a cell of a workbook that is worded apart from a
/// TOML file's; `None` where [`message`] words it for both ([`Form`]).
fn workbook_message(msg: &Msg, lang: Lang) -> Option<String> {
    let ja = lang == Lang::Ja;
    Some(match msg {
        Msg::Missing { key: "sheet", .. } => {
            let ws = Part::Sheet.name();
            if ja {
                format!("ワークシート「{ws}」がありません")
            } else {
                format!("the workbook has no worksheet {ws}")
            }
        }
        Msg::Missing { key, table } | Msg::Empty { key, table } => {
            let (part, label) = Part::of_key(*table, key)?;
            match (ja, part) {
                (true, Part::Sheet) => format!("{} に「{label}」がありません（必須）", part.name()),
                (false, Part::Sheet) => format!("{} has no {label} (required)", part.name()),
                (true, _) => format!("「{label}」が空欄です（必須）"),
                (false, _) => format!("{label} is blank (required)"),
            }
        }
        Msg::BadBetter(w) => {
            let [(higher, _), (lower, _)] = layout::BETTER_WORDS;
            if ja {
                format!("「向き」は「{higher}」か「{lower}」です（\"{w}\" になっています）")
            } else {
                format!("向き must be {higher} (higher) or {lower} (lower), found \"{w}\"")
            }
        }
        Msg::ConflictingBetter { target, better, .. } => {
            let word = layout::BETTER_WORDS
                .iter()
                .find(|(_, b)| b == better)
                .map_or("", |(w, _)| w);
            if ja {
                format!("目標値 \"{target}\" と 向き「{word}」が食い違っています")
            } else {
                format!(
                    "the target \"{target}\" contradicts 向き {word} ({})",
                    better.as_str()
                )
            }
        }
        Msg::UnknownIndicator { name, .. } => {
            if ja {
                format!(
                    "指標「{name}」は {} ワークシートにありません",
                    Part::Indicators.name()
                )
            } else {
                format!(
                    "no indicator named \"{name}\" in the worksheet {}",
                    Part::Indicators.name()
                )
            }
        }
        Msg::NoAsOf(_) => {
            if ja {
                format!(
                    "{} に「時点」がありません: 今日の日付で判定します",
                    Part::Sheet.name()
                )
            } else {
                format!(
                    "{} has no 時点 (the date the sheet describes): judging at today",
                    Part::Sheet.name()
                )
            }
        }
        _ => return None,
    })
}

/// The hint of a finding at a cell of a workbook, where the hint for a TOML file
/// would show TOML: `Some(None)` for no hint, `None` where the usual hint fits.
fn workbook_help(msg: &Msg, lang: Lang) -> Option<Option<String>> {
    let ja = lang == Lang::Ja;
    let sheet = Part::Sheet.name();
    Some(Some(match msg {
        Msg::Missing { key: "sheet", .. } => {
            let (field, content) = (layout::SHEET_COLUMNS[0].label, layout::SHEET_COLUMNS[1].label);
            if ja {
                format!("ワークシート「{sheet}」を作り、見出し「{field}」「{content}」の下に都道府県・圏域・年度を書きます")
            } else {
                format!("add a worksheet {sheet} with the headers {field} and {content}, and rows for 都道府県, 圏域 and 年度")
            }
        }
        Msg::Missing { .. } | Msg::Empty { .. } | Msg::Type { .. } | Msg::StringForList(_) => {
            return Some(None)
        }
        Msg::NoAsOf(year) => {
            let example = format!("{}/9/30", year.start_year());
            if ja {
                format!("{sheet} の 項目「時点」の 内容 に {example} のような日付を入力してください")
            } else {
                format!("add a row 時点 to {sheet} with a date such as {example}")
            }
        }
        Msg::ControlCharacter { .. } => lang
            .pick(
                "制御文字を消してください。このままでは sheet import はこのブックからシートを作りません",
                "remove it: as it is, sheet import makes no sheet from this workbook",
            )
            .to_string(),
        Msg::UnknownIndicator { known, .. } if known.is_empty() => {
            if ja {
                format!("{} ワークシートに指標の行を加えてください", Part::Indicators.name())
            } else {
                format!("add the indicator as a row of the worksheet {}", Part::Indicators.name())
            }
        }
        Msg::BadStatus(_) => {
            let list: Vec<String> = Status::ALL
                .iter()
                .map(|s| s.japanese_words().join("・"))
                .collect();
            if ja {
                format!("使える値: {}。予定も実施もない記録なら 状況 は空欄にします", list.join(", "))
            } else {
                format!("accepted: {}; leave 状況 blank for a plain note", list.join(", "))
            }
        }
        Msg::DoneInFuture { .. } => lang
            .pick(
                "まだ実施していなければ 状況 を「予定」に、日付の誤りなら 日付 を直してください",
                "if it has not happened yet, set 状況 to 予定; otherwise fix 日付",
            )
            .to_string(),
        Msg::Overdue { .. } => lang
            .pick(
                "実施したなら 状況 を「実施」、延期なら「延期」に、日付が変わったなら 日付 と 元の予定 を直してください",
                "set 状況 to 実施 if it happened, 延期 if it moved, or update 日付 and 元の予定",
            )
            .to_string(),
        Msg::EmptyView(view) => {
            if ja {
                format!("{} ワークシートの「{}」の欄に書くと、合同会議で話し合う材料になります", Part::Challenges.name(), view.label_ja())
            } else {
                format!("write it in the column {} of the worksheet {}", view.label_ja(), Part::Challenges.name())
            }
        }
        Msg::TargetAlreadyMet { .. } => lang
            .pick(
                "目標値・現状値の期間（年間か累計か）や 向き を確認してください",
                "check the period of the values (yearly or cumulative) and 向き",
            )
            .to_string(),
        Msg::FullwidthNumber(s) => {
            let n = crate::core::text::normalize(s);
            if ja {
                format!("数値なら半角で {n} と入力してください")
            } else {
                format!("if it is a number, type {n} in half-width digits")
            }
        }
        Msg::EraOverflow { year, .. } => {
            if ja {
                format!("年度 は「{}」または {} と書けます", year.era_ja(), year.start_year())
            } else {
                format!("write 年度 as {} or {}", year.era_ja(), year.start_year())
            }
        }
        Msg::NumberAsText {
            key,
            value,
            add_unit,
        } => {
            let n = value.number_text();
            // A bound stays text, which the cell reads with no warning when it is
            // the number and 以上/以下 alone (`5以上`, SPEC §3).
            let bound = match value.bound {
                Some(Better::Higher) => Some("以上"),
                Some(Better::Lower) => Some("以下"),
                None => None,
            };
            let column = indicator_label(key);
            let mut parts = vec![match (bound, ja) {
                (Some(b), true) => format!("「{column}」のセルに {n}{b} と入力します"),
                (Some(b), false) => format!("type {n}{b} in the cell {column}"),
                (None, true) => format!("数値のセルに {n} とだけ入力します"),
                (None, false) => format!("type the number {n} alone in the cell"),
            }];
            if let (true, Some(u)) = (add_unit, &value.unit) {
                parts.push(if ja {
                    format!("単位は「単位」の列に {u} と書きます")
                } else {
                    format!("put {u} in the column 単位")
                });
            }
            if value.approximate || value.remark.is_some() {
                parts.push(
                    lang.pick(
                        "「約」や括弧内の注記は「設定理由」に書きます",
                        "an approximate 約 or a remark in brackets goes in 設定理由",
                    )
                    .to_string(),
                );
            }
            parts.join(lang.pick("。", "; "))
        }
        Msg::UnitMismatch { expected, .. } => {
            if ja {
                format!("単位をそろえてください: 値を「{expected}」で数え直すか、「単位」の列を直します")
            } else {
                format!("use one unit: restate the value in {expected}, or fix the column 単位")
            }
        }
        Msg::QualitativeNumber { .. } => lang
            .pick(
                "数値として比べるなら、セルには数だけを入力します（単位は「単位」、説明は「設定理由」に）。文章のままでよければ、このままで構いません",
                "to compare it as a number, type the number alone (the unit in 単位, the rest in 設定理由); leave it if it is meant as text",
            )
            .to_string(),
        Msg::NoGoals => {
            let (goals, progress) = (Part::Goals.name(), Part::Progress.name());
            if ja {
                format!("{goals} ワークシートに目標を、{progress} ワークシートにその進捗を書きます")
            } else {
                format!("write the goals in the worksheet {goals}, their progress in {progress}")
            }
        }
        Msg::NoChallenges => {
            let ws = Part::Challenges.name();
            if ja {
                format!("{ws} ワークシートに課題と取組方針、視点別の認識を書きます")
            } else {
                format!("write the challenges, their actions and views in the worksheet {ws}")
            }
        }
        Msg::AsOfOutsideFiscalYear { year, .. } => {
            let (first, last) = (year.first_day(), year.last_day());
            if ja {
                format!("{} は {first} から {last} までです: 時点 を直すか、年度 を確かめてください", year.era_ja())
            } else {
                format!("{} runs from {first} to {last}: fix 時点, or check 年度", year.display_en())
            }
        }
        Msg::ConflictingBetter { better, number, .. } => {
            let implied = match better {
                Better::Higher => Better::Lower,
                Better::Lower => Better::Higher,
            };
            let word = |b: Better| {
                layout::BETTER_WORDS
                    .iter()
                    .find(|(_, x)| *x == b)
                    .map_or("", |(w, _)| w)
            };
            let target = match (number, better) {
                (Some(n), Better::Higher) => format!("{n}以上"),
                (Some(n), Better::Lower) => format!("{n}以下"),
                (None, Better::Higher) => "増加".to_string(),
                (None, Better::Lower) => "減少".to_string(),
            };
            if ja {
                format!("目標値に合わせて 向き を「{}」にするか、向き のとおりなら 目標値 を「{target}」と書いてください", word(implied))
            } else {
                format!("set 向き to {} to match the target, or, if 向き is right, write the target as {target}", word(implied))
            }
        }
        Msg::BadFiscalYear(_) => lang
            .pick(
                "年度 は 2018、2018年度、平成30年度、H30、令和6年度、R6 のように入力します",
                "type 年度 like 2018, 2018年度, 平成30年度, H30, 令和6年度 or R6",
            )
            .to_string(),
        Msg::BadDate {
            year,
            may_be_undetermined,
            ..
        } => date_forms(*year, *may_be_undetermined, lang, Form::Workbook),
        Msg::DuplicateRegion { .. } => lang
            .pick(
                "同じ圏域・年度のシートは一つにまとめてください（別の年度なら シート の「年度」を確かめてください）",
                "keep one sheet per region and fiscal year (check 年度 in the worksheet シート)",
            )
            .to_string(),
        Msg::WeekdayMismatch {
            written,
            weekday,
            actual,
            ..
        } => {
            let fixed = weekday_fixed(written, *weekday, *actual);
            if ja {
                format!("日付と曜日のどちらが正しいか確かめてください（日付が正しければ {fixed} と入力します）")
            } else {
                format!("check which of the date and the weekday is right (if the date is, type {fixed})")
            }
        }
        // What a cell cannot give rise to (the text written from a workbook is
        // TOML made by `sheet`), and the TOML-only advice the general hint would
        // give: no hint rather than TOML.
        Msg::BadBetter(_)
        | Msg::BadFormat(_)
        | Msg::UnknownKey { .. }
        | Msg::Syntax(_)
        | Msg::Encoding(_)
        | Msg::TableForArray(_)
        | Msg::DateWithTime(_) => return Some(None),
        _ => return None,
    }))
}

/// The column of `指標` holding an indicator's key (`現状値（今回）` for `current`).
fn indicator_label(key: &str) -> &str {
    Part::of_key(Table::Indicator, key).map_or(key, |(_, label)| label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(s: &str, is_target: bool) -> WrittenNumber {
        match crate::core::value::read(s, is_target) {
            crate::core::value::Reading::Number(w) => w,
            other => panic!("{s}: {other:?}"),
        }
    }

    /// A target with its unit and 以上: in a TOML file the hint writes TOML; at a
    /// cell it says what to type in which cell, which the reader then takes with
    /// no warning (`5以上`, the unit in 単位).
    #[test]
    fn a_bound_target_is_said_in_the_words_of_each_form() {
        let msg = |add_unit| Msg::NumberAsText {
            key: "target",
            value: written("5人以上", true),
            add_unit,
        };
        let hint = |add_unit, lang, form| help(&msg(add_unit), lang, form).unwrap();
        assert_eq!(
            hint(true, Lang::Ja, Form::Toml),
            "target = \"5以上\" と書きます。単位は指標に unit = \"人\" と書きます"
        );
        assert_eq!(
            hint(true, Lang::Ja, Form::Workbook),
            "「目標値」のセルに 5以上 と入力します。単位は「単位」の列に 人 と書きます"
        );
        assert_eq!(
            hint(true, Lang::En, Form::Workbook),
            "type 5以上 in the cell 目標値; put 人 in the column 単位"
        );
        assert_eq!(
            hint(false, Lang::Ja, Form::Workbook),
            "「目標値」のセルに 5以上 と入力します"
        );
        assert_eq!(
            hint(false, Lang::En, Form::Workbook),
            "type 5以上 in the cell 目標値"
        );
        let lower = Msg::NumberAsText {
            key: "target",
            value: written("約3件以下（年間）", true),
            add_unit: false,
        };
        assert_eq!(
            help(&lower, Lang::Ja, Form::Workbook).unwrap(),
            "「目標値」のセルに 3以下 と入力します。「約」や括弧内の注記は「設定理由」に書きます"
        );
        // What the hint says to type is read as the bound with no warning.
        assert!(written("5以上", true).is_plain_bound());
        assert!(written("3以下", true).is_plain_bound());
    }

    /// No hint shown at a cell of a workbook speaks TOML: no `key = value`, no
    /// `[[table]]`, no quoted string, no English key.
    #[test]
    fn no_hint_at_a_cell_speaks_toml() {
        let year = FiscalYear::new(2018);
        let day = crate::core::date::SheetDate::day(
            chrono::NaiveDate::from_ymd_opt(2018, 10, 15).unwrap(),
        );
        let msgs = [
            Msg::NumberAsText {
                key: "target",
                value: written("5人以上", true),
                add_unit: true,
            },
            Msg::NumberAsText {
                key: "current",
                value: written("約13人（H29年度～）", false),
                add_unit: true,
            },
            Msg::NumberAsText {
                key: "target",
                value: written("１６以下", true),
                add_unit: false,
            },
            Msg::UnitMismatch {
                key: "target",
                written: "3件".into(),
                unit: "件".into(),
                expected: "人".into(),
                expected_from: None,
            },
            Msg::QualitativeNumber {
                key: "current",
                written: "11人程度増".into(),
            },
            Msg::FullwidthNumber("１１".into()),
            Msg::BadFiscalYear("平成".into()),
            Msg::BadDate {
                written: "11月31日".into(),
                err: DateError::Impossible,
                year,
                may_be_undetermined: true,
            },
            Msg::BadDate {
                written: "そのうち".into(),
                err: DateError::Unreadable,
                year: None,
                may_be_undetermined: false,
            },
            Msg::BadStatus("できた".into()),
            Msg::UnknownIndicator {
                name: "x".into(),
                known: vec![],
            },
            Msg::UnknownIndicator {
                name: "地域移行".into(),
                known: vec!["地域移行数".into()],
            },
            Msg::DuplicateRegion {
                region: "南加賀".into(),
                other_file: "a.xlsx".into(),
            },
            Msg::DoneInFuture {
                date: day,
                as_of: "2018-09-30".into(),
            },
            Msg::Overdue {
                date: day,
                as_of: "2018-11-30".into(),
            },
            Msg::EmptyView(crate::core::model::View::Medical),
            Msg::TargetAlreadyMet {
                name: "n".into(),
                baseline: "11".into(),
                target: "3".into(),
            },
            Msg::NoAsOf(FiscalYear::new(2018).unwrap()),
            Msg::AsOfOutsideFiscalYear {
                as_of: "2019-09-30".into(),
                year: FiscalYear::new(2018).unwrap(),
            },
            Msg::OutsideFiscalYear {
                date: day,
                year: FiscalYear::new(2019).unwrap(),
            },
            Msg::ConflictingBetter {
                target: "5以上".into(),
                better: Better::Lower,
                number: Some("5".into()),
            },
            Msg::WeekdayMismatch {
                written: "10月15日(火)".into(),
                date: day,
                weekday: chrono::Weekday::Tue,
                actual: chrono::Weekday::Mon,
            },
            Msg::EraOverflow {
                written: "平成32年度".into(),
                year: FiscalYear::new(2020).unwrap(),
            },
            Msg::NoGoals,
            Msg::NoChallenges,
            Msg::NoProgress,
            Msg::NoIndicators,
            Msg::UnknownKey {
                key: "concerns".into(),
                table: Table::Hospital,
            },
            Msg::StringForList("actions"),
            Msg::TableForArray("goals"),
            Msg::DateWithTime("2018-11-02T10:00".into()),
            Msg::BadBetter("up".into()),
            Msg::BadFormat("2".into()),
            Msg::Missing {
                key: "region",
                table: Table::Sheet,
            },
            Msg::Type {
                key: "番号".into(),
                expected: TypeName::Integer,
                found: TypeName::String,
            },
        ];
        for msg in &msgs {
            for lang in [Lang::Ja, Lang::En] {
                let Some(hint) = help(msg, lang, Form::Workbook) else {
                    continue;
                };
                // TOML's marks, and its keys. English prose quotes a name and
                // says "the target" or "one unit": there only what no prose has.
                let mut toml_words = vec![
                    "=",
                    "[[",
                    "[sheet]",
                    "`",
                    "fiscal_year",
                    "as_of",
                    "rescheduled_from",
                ];
                if lang == Lang::Ja {
                    toml_words.extend(["\"", "target", "baseline", "current", "unit", "reason"]);
                    toml_words.extend(["status", "better", "date", "text"]);
                }
                for word in toml_words {
                    assert!(!hint.contains(word), "{msg:?} ({lang:?}): {word} in {hint}");
                }
            }
        }
        // The general hints of these do speak TOML: the test would see it.
        assert!(help(&msgs[0], Lang::Ja, Form::Toml)
            .unwrap()
            .contains("target = "));
        assert!(help(&msgs[7], Lang::Ja, Form::Toml).unwrap().contains('"'));
    }

    /// The messages worded once for both forms name keys in a TOML file and
    /// worksheets and columns in a workbook.
    #[test]
    fn one_message_in_the_words_of_each_form() {
        let said = |msg: &Msg, lang, form| message(msg, lang, form);
        let unit = Msg::UnitMismatch {
            key: "target",
            written: "3件".to_string(),
            unit: "件".to_string(),
            expected: "人".to_string(),
            expected_from: Some(("baseline", "2人".to_string())),
        };
        assert_eq!(
            said(&unit, Lang::Ja, Form::Toml),
            "target = \"3件\" の単位「件」が baseline = \"2人\" の単位「人」と違います"
        );
        assert_eq!(
            said(&unit, Lang::Ja, Form::Workbook),
            "「目標値」の \"3件\" の単位「件」が「現状値（第1回会議時）」の \"2人\" の単位「人」と違います"
        );
        assert_eq!(
            said(&unit, Lang::En, Form::Workbook),
            "目標値 \"3件\": its unit \"件\" is not the unit \"人\" of 現状値（第1回会議時） \"2人\""
        );
        let type_error = Msg::Type {
            key: "番号".to_string(),
            expected: TypeName::Integer,
            found: TypeName::String,
        };
        assert_eq!(
            said(&type_error, Lang::Ja, Form::Toml),
            "`番号` は整数で書いてください（文字列になっています）"
        );
        assert_eq!(
            said(&type_error, Lang::Ja, Form::Workbook),
            "「番号」は整数にしてください（文字列になっています）"
        );
        assert_eq!(
            said(&Msg::NoProgress, Lang::En, Form::Toml),
            "this goal has no progress item ([[goals.progress]])"
        );
        assert_eq!(
            said(&Msg::NoProgress, Lang::En, Form::Workbook),
            "this goal has no progress item (a row of the worksheet 進捗)"
        );
        assert_eq!(
            said(
                &Msg::BadStatus("できた".to_string()),
                Lang::En,
                Form::Workbook
            ),
            "unknown 状況 (status) \"できた\""
        );
        let control = Msg::ControlCharacter {
            key: "region",
            value: "南\n加賀\u{1b}[2J".to_string(),
        };
        assert_eq!(
            said(&control, Lang::Ja, Form::Toml),
            "`region` の \"南\\n加賀\\u{1b}[2J\" に制御文字（改行・エスケープなど）があります"
        );
        assert_eq!(
            said(&control, Lang::Ja, Form::Workbook),
            "「圏域」の \"南\\n加賀\\u{1b}[2J\" に制御文字（改行・エスケープなど）があります"
        );
        assert_eq!(
            said(&control, Lang::En, Form::Workbook),
            "圏域 \"南\\n加賀\\u{1b}[2J\" holds a control character (a newline, an escape…)"
        );
    }
}
