//! The workbook form of a sheet (SPEC §6): worksheet names, the header of each
//! column (the Japanese label and the TOML key), and the words of `状況` and `向き`.
//!
//! The reader of workbooks (branch `workbook`) keeps the same table in
//! `src/core/workbook/layout.rs`; until the two branches meet, the writer has its
//! own copy here. They must be unified into the core's when merged: then this file
//! becomes a re-export of it.

use crate::core::model::{Better, Status, View};

/// A column of a worksheet: the header written in row 1, and the TOML key the
/// reader also accepts as a header (`None` for the numbers that link rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub label: &'static str,
    pub key: Option<&'static str>,
}

const fn col(label: &'static str, key: &'static str) -> Column {
    Column {
        label,
        key: Some(key),
    }
}

const fn number(label: &'static str) -> Column {
    Column { label, key: None }
}

/// `シート`: one row per field of `[sheet]`, item and content.
pub const SHEET: &str = "シート";
pub const SHEET_COLUMNS: [Column; 2] = [number("項目"), number("内容")];
/// The rows of `シート`: the item as written in `項目`, and its key.
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

/// `達成目標`.
pub const GOALS: &str = "達成目標";
pub const GOALS_COLUMNS: [Column; 4] = [
    number("番号"),
    col("達成目標", "text"),
    col("指標", "indicator"),
    col("ID", "id"),
];

/// `進捗`: progress items, linked to their goal by its number.
pub const PROGRESS: &str = "進捗";
pub const PROGRESS_COLUMNS: [Column; 6] = [
    number("目標番号"),
    col("日付", "date"),
    col("状況", "status"),
    col("進捗状況", "text"),
    col("元の予定", "rescheduled_from"),
    col("備考", "note"),
];

/// `強み`: strengths, one a row.
pub const STRENGTHS: &str = "強み";
pub const STRENGTHS_COLUMNS: [Column; 1] = [col("強み", "strengths")];

/// `課題`.
pub const CHALLENGES: &str = "課題";
pub const CHALLENGES_COLUMNS: [Column; 8] = [
    number("番号"),
    col("課題", "text"),
    col("取組方針", "actions"),
    col("行政側", "administration"),
    col("医療側", "medical"),
    col("事業者側", "providers"),
    col("関係機関・住民等", "community"),
    col("ID", "id"),
];

/// The column of `課題` holding a view.
pub fn view_column(view: View) -> usize {
    match view {
        View::Administration => 3,
        View::Medical => 4,
        View::Providers => 5,
        View::Community => 6,
    }
}

/// `指標`.
pub const INDICATORS: &str = "指標";
pub const INDICATORS_COLUMNS: [Column; 7] = [
    col("指標", "name"),
    col("設定理由", "reason"),
    col("単位", "unit"),
    col("向き", "better"),
    col("現状値（第1回会議時）", "baseline"),
    col("現状値（今回）", "current"),
    col("目標値", "target"),
];

/// `病院との連携`. §6 lists no `元の予定`: it is written (after `備考`) only for a
/// sheet whose hospital collaboration has a `rescheduled_from`, which would be
/// lost otherwise.
pub const HOSPITAL: &str = "病院との連携";
pub const HOSPITAL_COLUMNS: [Column; 5] = [
    col("日付", "date"),
    col("状況", "status"),
    col("主催", "organizer"),
    col("内容", "text"),
    col("備考", "note"),
];
pub const HOSPITAL_RESCHEDULED: Column = col("元の予定", "rescheduled_from");

/// `課題・悩み`: concerns, one a row.
pub const CONCERNS: &str = "課題・悩み";
pub const CONCERNS_COLUMNS: [Column; 1] = [col("課題・悩み", "concerns")];

/// `他自治体への質問`: questions, one a row.
pub const QUESTIONS: &str = "他自治体への質問";
pub const QUESTIONS_COLUMNS: [Column; 1] = [col("質問", "questions")];

/// `印刷`: the sheet laid out like the paper form; written by `export` only and
/// ignored when read.
pub const PRINT: &str = "印刷";

/// `記入方法`: how to fill the workbook; ignored when read, like `印刷`.
pub const HOWTO: &str = "記入方法";

/// The canonical Japanese word of a status, as the drop-down of `状況` offers it.
pub fn status_ja(status: Status) -> &'static str {
    match status {
        Status::Done => "実施済",
        Status::Planned => "予定",
        Status::InProgress => "実施中",
        Status::Postponed => "延期",
        Status::Cancelled => "中止",
    }
}

/// The words of `向き`.
pub fn better_ja(better: Better) -> &'static str {
    match better {
        Better::Higher => "高いほど良い",
        Better::Lower => "低いほど良い",
    }
}

/// A list of several statements in one cell: each on its own line, after `・`.
pub const LIST_MARK: char = '・';

#[cfg(test)]
mod tests {
    use super::*;

    /// The status words written are words the loader reads back as that status.
    #[test]
    fn status_words_read_back() {
        for s in Status::ALL {
            assert_eq!(Status::parse(status_ja(s)), Some(s), "{s:?}");
        }
    }

    /// Excel refuses a drop-down list longer than 255 characters.
    #[test]
    fn drop_down_lists_fit_excel() {
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| status_ja(*s)).collect();
        assert!(statuses.join(",").chars().count() <= 255);
    }
}
