//! The tables of format 1 and the keys each may hold (SPEC §1.1): what the loader
//! accepts, the schema describes and `sheet new` writes.

/// The tables of format 1, and the keys each may hold (SPEC §1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Top,
    Sheet,
    Goal,
    Progress,
    Challenge,
    Views,
    Indicator,
    Hospital,
}

impl Table {
    pub const ALL: [Table; 8] = [
        Table::Top,
        Table::Sheet,
        Table::Goal,
        Table::Progress,
        Table::Challenge,
        Table::Views,
        Table::Indicator,
        Table::Hospital,
    ];

    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Table::Top => &[
                "format",
                "sheet",
                "goals",
                "challenges",
                "indicators",
                "hospital_collaboration",
            ],
            Table::Sheet => &[
                "prefecture",
                "region",
                "fiscal_year",
                "meeting",
                "as_of",
                "theme",
                "summary",
                "strengths",
                "concerns",
                "questions",
            ],
            Table::Goal => &["text", "indicator", "id", "progress"],
            Table::Progress => &["text", "date", "status", "rescheduled_from", "note"],
            Table::Challenge => &["text", "actions", "id", "views"],
            Table::Views => &["administration", "medical", "providers", "community"],
            Table::Indicator => &[
                "name", "reason", "unit", "better", "baseline", "current", "target",
            ],
            Table::Hospital => &[
                "text",
                "date",
                "status",
                "rescheduled_from",
                "note",
                "organizer",
            ],
        }
    }

    /// How the table is written in a file.
    pub fn header(self) -> &'static str {
        match self {
            Table::Top => "(top level)",
            Table::Sheet => "[sheet]",
            Table::Goal => "[[goals]]",
            Table::Progress => "[[goals.progress]]",
            Table::Challenge => "[[challenges]]",
            Table::Views => "[challenges.views]",
            Table::Indicator => "[[indicators]]",
            Table::Hospital => "[[hospital_collaboration]]",
        }
    }
}
