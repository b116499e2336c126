//! The workbook form of a sheet (SPEC §6) as the writer uses it: the core's table
//! of worksheets and columns (`crate::core::workbook::layout`, which the reader
//! goes by too), and the words the drop-downs offer.

use crate::core::model::{Better, Status};
pub use crate::core::workbook::layout::{
    escape_line, escape_text, looks_marked, Column, Part, CHALLENGE_COLUMNS, CONCERN_COLUMNS,
    GOAL_COLUMNS, HOSPITAL_COLUMNS, INDICATOR_COLUMNS, LIST_MARK, PROGRESS_COLUMNS,
    QUESTION_COLUMNS, SHEET_COLUMNS, SHEET_FIELDS, STRENGTH_COLUMNS,
};

/// The column of `課題` holding a view.
pub fn view_column(view: crate::core::model::View) -> usize {
    let key = view.key();
    CHALLENGE_COLUMNS
        .iter()
        .position(|c| c.key == key)
        .unwrap_or(CHALLENGE_COLUMNS.len())
}

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

/// The words of `向き`: the core's, which the reader reads back.
pub fn better_ja(better: Better) -> &'static str {
    crate::core::workbook::layout::BETTER_WORDS
        .iter()
        .find(|(_, b)| *b == better)
        .map_or("", |(w, _)| w)
}

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
