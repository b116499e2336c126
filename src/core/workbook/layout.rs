//! The workbook layout of format 1 (SPEC §6): its worksheets, and for each the
//! headers of its columns, as a Japanese label and a key. Reading and writing
//! workbooks both go by these tables.
//!
//! Row 1 of a worksheet holds the headers, data starts on row 2. A header is found
//! by its label or its key, in any order, after NFKC and without spaces or line
//! breaks (`現状値\n(第1回会議時)` is `現状値（第1回会議時）`).

use crate::core::keys::Table;
use crate::core::model::{Better, View};
use crate::core::text;

/// A column of a worksheet: the header as the form writes it and the key it stands
/// for (the TOML key of format 1, or a key of the workbook's own for the columns
/// that link rows: [`NUMBER`], [`GOAL`], [`FIELD`], [`CONTENT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub label: &'static str,
    pub key: &'static str,
}

const fn col(label: &'static str, key: &'static str) -> Column {
    Column { label, key }
}

/// `番号`: a goal's (or a challenge's) number, which `進捗` rows name.
pub const NUMBER: &str = "number";
/// `目標番号`: the number of the goal a `進捗` row belongs to.
pub const GOAL: &str = "goal";
/// `項目`: the field a row of `シート` holds.
pub const FIELD: &str = "field";
/// `内容`: the value of a row of `シート`.
pub const CONTENT: &str = "content";

/// The mark that starts each line of a cell holding a list (`actions`, a view).
pub const LIST_MARK: char = '・';

/// U+2060 WORD JOINER, invisible: written before a line of a statement that
/// itself starts with `・`, so that the line is not read as the start of an item,
/// and removed when read. Officials never type it, so their cells read as typed.
pub const LIST_ESCAPE: char = '\u{2060}';

/// A line that starts an item of a list cell: after spaces, the mark (half-width
/// `･` too).
pub fn starts_item(line: &str) -> bool {
    text::nfkc(line.trim_start()).starts_with(LIST_MARK)
}

/// A line that would start an item, were it not escaped: after spaces, any escapes
/// and then the mark.
pub fn looks_marked(line: &str) -> bool {
    starts_item(line.trim_start().trim_start_matches(LIST_ESCAPE))
}

/// A line of a statement as written in a list cell: escaped when it looks marked.
pub fn escape_line(line: &str) -> std::borrow::Cow<'_, str> {
    if looks_marked(line) {
        format!("{LIST_ESCAPE}{line}").into()
    } else {
        line.into()
    }
}

/// A line as read from a list cell: one escape removed where the writer put it.
pub fn unescape_line(line: &str) -> &str {
    match line.strip_prefix(LIST_ESCAPE) {
        Some(rest) if looks_marked(rest) => rest,
        _ => line,
    }
}

/// A statement written whole in a list cell (one item, or a view written as one
/// string): every line that looks marked escaped, so that it is not read as a list.
pub fn escape_text(s: &str) -> String {
    s.split('\n')
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reverse of [`escape_text`].
pub fn unescape_text(s: &str) -> String {
    s.split('\n')
        .map(unescape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `向き`: the words of the drop-down, and what each means (`higher` / `lower` are
/// read too).
pub const BETTER_WORDS: [(&str, Better); 2] = [
    ("高いほど良い", Better::Higher),
    ("低いほど良い", Better::Lower),
];

/// What is wrong with a header of row 1, or with the `項目` of a row of `シート`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Not a label or key of the worksheet.
    Unknown,
    /// Blank, over a column that holds data.
    Blank,
    /// The column (or field) is there already, to the left (or above).
    Duplicate,
}

/// The worksheets of a workbook, in the order `export` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Sheet,
    Goals,
    Progress,
    Strengths,
    Challenges,
    Indicators,
    Hospital,
    Concerns,
    Questions,
    /// Written by `export` for printing; ignored when read.
    Print,
    /// How to fill the workbook, written by `export` and `new`; ignored when read.
    Howto,
}

impl Part {
    pub const ALL: [Part; 11] = [
        Part::Sheet,
        Part::Goals,
        Part::Progress,
        Part::Strengths,
        Part::Challenges,
        Part::Indicators,
        Part::Hospital,
        Part::Concerns,
        Part::Questions,
        Part::Print,
        Part::Howto,
    ];

    /// The worksheet's name.
    pub fn name(self) -> &'static str {
        match self {
            Part::Sheet => "シート",
            Part::Goals => "達成目標",
            Part::Progress => "進捗",
            Part::Strengths => "強み",
            Part::Challenges => "課題",
            Part::Indicators => "指標",
            Part::Hospital => "病院との連携",
            Part::Concerns => "課題・悩み",
            Part::Questions => "他自治体への質問",
            Part::Print => "印刷",
            Part::Howto => "記入方法",
        }
    }

    /// Whether the worksheet holds data of the sheet (`印刷` and `記入方法` are for
    /// people, and are not read).
    pub fn is_read(self) -> bool {
        !matches!(self, Part::Print | Part::Howto)
    }

    /// The worksheet named `name` (compared after NFKC, without spaces).
    pub fn find(name: &str) -> Option<Part> {
        let name = squeeze(name);
        Part::ALL.into_iter().find(|p| squeeze(p.name()) == name)
    }

    /// The columns of the worksheet, in the order `export` writes them.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Part::Sheet => &SHEET_COLUMNS,
            Part::Goals => &GOAL_COLUMNS,
            Part::Progress => &PROGRESS_COLUMNS,
            Part::Strengths => &STRENGTH_COLUMNS,
            Part::Challenges => &CHALLENGE_COLUMNS,
            Part::Indicators => &INDICATOR_COLUMNS,
            Part::Hospital => &HOSPITAL_COLUMNS,
            Part::Concerns => &CONCERN_COLUMNS,
            Part::Questions => &QUESTION_COLUMNS,
            Part::Print | Part::Howto => &[],
        }
    }

    /// The column whose label or key `header` is.
    pub fn column(self, header: &str) -> Option<Column> {
        let header = squeeze(header);
        if header.is_empty() {
            return None;
        }
        self.columns()
            .iter()
            .find(|c| squeeze(c.label) == header || c.key.eq_ignore_ascii_case(&header))
            .copied()
    }

    /// The table of format 1 that a row of the worksheet is (`None` for `シート`,
    /// whose rows are fields, the one-per-row lists of `[sheet]`, and `印刷`).
    pub fn table(self) -> Option<Table> {
        match self {
            Part::Goals => Some(Table::Goal),
            Part::Progress => Some(Table::Progress),
            Part::Challenges => Some(Table::Challenge),
            Part::Indicators => Some(Table::Indicator),
            Part::Hospital => Some(Table::Hospital),
            _ => None,
        }
    }

    /// The worksheet holding the key `key` of table `table`, with the column's
    /// label: where a person looks for it in a workbook.
    pub fn of_key(table: Table, key: &str) -> Option<(Part, &'static str)> {
        let part = match table {
            Table::Top if key == "format" => {
                return sheet_field(key).map(|c| (Part::Sheet, c.label))
            }
            Table::Top => return None,
            Table::Sheet => {
                if let Some(c) = sheet_field(key) {
                    return Some((Part::Sheet, c.label));
                }
                [Part::Strengths, Part::Concerns, Part::Questions]
                    .into_iter()
                    .find(|p| p.columns().iter().any(|c| c.key == key))?
            }
            Table::Goal => Part::Goals,
            Table::Progress => Part::Progress,
            Table::Challenge | Table::Views => Part::Challenges,
            Table::Indicator => Part::Indicators,
            Table::Hospital => Part::Hospital,
        };
        let column = part.columns().iter().find(|c| c.key == key)?;
        Some((part, column.label))
    }
}

/// `シート`: `項目`, `内容`; its rows are [`SHEET_FIELDS`].
pub const SHEET_COLUMNS: [Column; 2] = [col("項目", FIELD), col("内容", CONTENT)];

/// `達成目標`.
pub const GOAL_COLUMNS: [Column; 4] = [
    col("番号", NUMBER),
    col("達成目標", "text"),
    col("指標", "indicator"),
    col("ID", "id"),
];

/// `進捗`.
pub const PROGRESS_COLUMNS: [Column; 6] = [
    col("目標番号", GOAL),
    col("日付", "date"),
    col("状況", "status"),
    col("進捗状況", "text"),
    col("元の予定", "rescheduled_from"),
    col("備考", "note"),
];

/// `強み`: one strength a row.
pub const STRENGTH_COLUMNS: [Column; 1] = [col("強み", "strengths")];

/// `課題`: the four views are `[challenges.views]`.
pub const CHALLENGE_COLUMNS: [Column; 8] = [
    col("番号", NUMBER),
    col("課題", "text"),
    col("取組方針", "actions"),
    col("行政側", "administration"),
    col("医療側", "medical"),
    col("事業者側", "providers"),
    col("関係機関・住民等", "community"),
    col("ID", "id"),
];

/// `指標`.
pub const INDICATOR_COLUMNS: [Column; 7] = [
    col("指標", "name"),
    col("設定理由", "reason"),
    col("単位", "unit"),
    col("向き", "better"),
    col("現状値（第1回会議時）", "baseline"),
    col("現状値（今回）", "current"),
    col("目標値", "target"),
];

/// `病院との連携`. `元の予定` is not in SPEC §6's list, but
/// `[[hospital_collaboration]]` has `rescheduled_from`: without the column such a
/// sheet would not survive a round trip.
pub const HOSPITAL_COLUMNS: [Column; 6] = [
    col("日付", "date"),
    col("状況", "status"),
    col("主催", "organizer"),
    col("内容", "text"),
    col("元の予定", "rescheduled_from"),
    col("備考", "note"),
];

/// `課題・悩み`: one concern a row.
pub const CONCERN_COLUMNS: [Column; 1] = [col("課題・悩み", "concerns")];

/// `他自治体への質問`: one question a row.
pub const QUESTION_COLUMNS: [Column; 1] = [col("質問", "questions")];

/// The fields a row of `シート` may hold, by `項目`.
pub const SHEET_FIELDS: [Column; 8] = [
    col("形式", "format"),
    col("都道府県", "prefecture"),
    col("圏域", "region"),
    col("年度", "fiscal_year"),
    col("会議", "meeting"),
    col("時点", "as_of"),
    col("テーマ", "theme"),
    col("概要", "summary"),
];

/// The field of `シート` whose label or key `item` is.
pub fn sheet_field(item: &str) -> Option<Column> {
    let item = squeeze(item);
    if item.is_empty() {
        return None;
    }
    SHEET_FIELDS
        .iter()
        .find(|c| squeeze(c.label) == item || c.key.eq_ignore_ascii_case(&item))
        .copied()
}

/// The view a column of `課題` holds.
pub fn view_of(key: &str) -> Option<View> {
    View::ALL.into_iter().find(|v| v.key() == key)
}

/// What a `向き` cell says: `高いほど良い` / `低いほど良い`, or the key's words.
pub fn better_of(word: &str) -> Option<Better> {
    let w = squeeze(word);
    BETTER_WORDS
        .iter()
        .find(|(label, _)| squeeze(label) == w)
        .map(|(_, b)| *b)
        .or_else(|| {
            [Better::Higher, Better::Lower]
                .into_iter()
                .find(|b| b.as_str().eq_ignore_ascii_case(&w))
        })
}

/// A header or a name as compared: NFKC, without spaces and line breaks.
fn squeeze(s: &str) -> String {
    text::nfkc(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_by_label_or_key_in_any_width() {
        let c = Part::Indicators.column("現状値\n(第1回会議時)").unwrap();
        assert_eq!(c.key, "baseline");
        assert_eq!(
            Part::Indicators.column("Baseline").unwrap().label,
            "現状値（第1回会議時）"
        );
        assert_eq!(Part::Progress.column(" 日付 ").unwrap().key, "date");
        assert_eq!(
            Part::Progress.column("rescheduled_from").unwrap().label,
            "元の予定"
        );
        assert!(Part::Progress.column("担当者").is_none());
        assert!(Part::Progress.column("").is_none());
        assert_eq!(Part::find("他自治体への 質問"), Some(Part::Questions));
        assert_eq!(Part::find("Sheet1"), None);
        assert_eq!(sheet_field("都道府県").unwrap().key, "prefecture");
        assert_eq!(sheet_field("fiscal_year").unwrap().label, "年度");
        assert_eq!(better_of("低いほど良い"), Some(Better::Lower));
        assert_eq!(better_of("Higher"), Some(Better::Higher));
        assert_eq!(better_of("多い"), None);
    }

    /// Every key of a table of format 1 has a column, so every sheet can be a
    /// workbook and back.
    #[test]
    fn every_key_has_a_column() {
        for table in Table::ALL {
            for key in table.keys() {
                let nested = matches!(
                    (table, *key),
                    (
                        Table::Top,
                        "sheet" | "goals" | "challenges" | "indicators" | "hospital_collaboration"
                    ) | (Table::Goal, "progress")
                        | (Table::Challenge, "views")
                );
                if !nested {
                    assert!(Part::of_key(table, key).is_some(), "{table:?} {key}");
                }
            }
        }
        // Labels are unique within a worksheet, as are keys.
        for part in Part::ALL {
            let cols = part.columns();
            for (i, a) in cols.iter().enumerate() {
                for b in &cols[i + 1..] {
                    assert_ne!(squeeze(a.label), squeeze(b.label));
                    assert_ne!(a.key, b.key);
                }
            }
        }
    }
}
