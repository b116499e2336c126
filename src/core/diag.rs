//! Findings about a sheet as data: codes, severities, places and what each says.
//! Their words are in `crate::i18n::diag`, their renderings in `crate::render::diag`.

use serde::Serialize;
use toml::de::DeValue;

use super::date::{DateError, SheetDate};
use super::fiscal::FiscalYear;
use super::keys::Table;
use super::model::{Better, View};
use super::place::{Place, Position};
use super::source::{EncodingProblem, Source};
use super::syntax::SyntaxError;
use super::value::WrittenNumber;
use super::workbook::cells::{CellValue, WorkbookProblem};
use super::workbook::layout::{HeaderProblem, Part};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Every diagnostic code of SPEC §2 (plus `bad-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Syntax,
    Encoding,
    UnknownKey,
    Type,
    Missing,
    Empty,
    BadFormat,
    BadFiscalYear,
    BadDate,
    BadStatus,
    BadNumber,
    UnknownIndicator,
    DuplicateIndicator,
    DuplicateRegion,
    DoneInFuture,
    EraOverflow,
    Overdue,
    OutsideFiscalYear,
    EmptyView,
    NoProgress,
    NoIndicators,
    Undetermined,
    TargetAlreadyMet,
    FullwidthNumber,
    NoAsOf,
    // Revision 2 (issue 17).
    NumberAsText,
    UnitMismatch,
    QualitativeNumber,
    WeekdayMismatch,
    NoGoals,
    NoChallenges,
    AsOfOutsideFiscalYear,
    Symlink,
    TooLarge,
    UnknownGoal,
    UnknownWorksheet,
    BadWorkbook,
    ControlCharacter,
}

impl Code {
    /// All codes, in the order of SPEC §2.
    pub const ALL: [Code; 38] = [
        Code::Syntax,
        Code::Encoding,
        Code::UnknownKey,
        Code::Type,
        Code::Missing,
        Code::Empty,
        Code::BadFormat,
        Code::BadFiscalYear,
        Code::BadDate,
        Code::BadStatus,
        Code::BadNumber,
        Code::UnknownIndicator,
        Code::DuplicateIndicator,
        Code::DuplicateRegion,
        Code::DoneInFuture,
        Code::EraOverflow,
        Code::Overdue,
        Code::OutsideFiscalYear,
        Code::EmptyView,
        Code::NoProgress,
        Code::NoIndicators,
        Code::Undetermined,
        Code::TargetAlreadyMet,
        Code::FullwidthNumber,
        Code::NoAsOf,
        Code::NumberAsText,
        Code::UnitMismatch,
        Code::QualitativeNumber,
        Code::WeekdayMismatch,
        Code::NoGoals,
        Code::NoChallenges,
        Code::AsOfOutsideFiscalYear,
        Code::Symlink,
        Code::TooLarge,
        Code::UnknownGoal,
        Code::UnknownWorksheet,
        Code::BadWorkbook,
        Code::ControlCharacter,
    ];

    /// The code as written in output (`unknown-key`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::Encoding => "encoding",
            Code::UnknownKey => "unknown-key",
            Code::Type => "type",
            Code::Missing => "missing",
            Code::Empty => "empty",
            Code::BadFormat => "bad-format",
            Code::BadFiscalYear => "bad-fiscal-year",
            Code::BadDate => "bad-date",
            Code::BadStatus => "bad-status",
            Code::BadNumber => "bad-number",
            Code::UnknownIndicator => "unknown-indicator",
            Code::DuplicateIndicator => "duplicate-indicator",
            Code::DuplicateRegion => "duplicate-region",
            Code::DoneInFuture => "done-in-future",
            Code::EraOverflow => "era-overflow",
            Code::Overdue => "overdue",
            Code::OutsideFiscalYear => "outside-fiscal-year",
            Code::EmptyView => "empty-view",
            Code::NoProgress => "no-progress",
            Code::NoIndicators => "no-indicators",
            Code::Undetermined => "undetermined",
            Code::TargetAlreadyMet => "target-already-met",
            Code::FullwidthNumber => "fullwidth-number",
            Code::NoAsOf => "no-as-of",
            Code::NumberAsText => "number-as-text",
            Code::UnitMismatch => "unit-mismatch",
            Code::QualitativeNumber => "qualitative-number",
            Code::WeekdayMismatch => "weekday-mismatch",
            Code::NoGoals => "no-goals",
            Code::NoChallenges => "no-challenges",
            Code::AsOfOutsideFiscalYear => "as-of-outside-fiscal-year",
            Code::Symlink => "symlink",
            Code::TooLarge => "too-large",
            Code::UnknownGoal => "unknown-goal",
            Code::UnknownWorksheet => "unknown-worksheet",
            Code::BadWorkbook => "bad-workbook",
            Code::ControlCharacter => "control-character",
        }
    }

    /// The severity fixed by SPEC §2.
    pub fn severity(self) -> Severity {
        match self {
            Code::EraOverflow
            | Code::Overdue
            | Code::OutsideFiscalYear
            | Code::EmptyView
            | Code::NoProgress
            | Code::NoIndicators
            | Code::Undetermined
            | Code::TargetAlreadyMet
            | Code::FullwidthNumber
            | Code::NoAsOf
            | Code::NumberAsText
            | Code::QualitativeNumber
            | Code::WeekdayMismatch
            | Code::NoGoals
            | Code::NoChallenges
            | Code::AsOfOutsideFiscalYear
            | Code::Symlink
            | Code::UnknownWorksheet
            | Code::ControlCharacter => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding: what, where and why.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub place: Place,
    pub msg: Msg,
}

impl Diagnostic {
    pub fn new(place: impl Into<Place>, msg: Msg) -> Diagnostic {
        Diagnostic {
            place: place.into(),
            msg,
        }
    }

    pub fn code(&self) -> Code {
        self.msg.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }
}

/// All findings of one file, with the text they point into when it is a text file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as shown to the user.
    pub name: String,
    /// The text (for a file that is not UTF-8, the readable part before the problem);
    /// `None` for a workbook.
    pub source: Option<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }

    /// Where a diagnostic's place is, as a person looks it up.
    pub fn position(&self, d: &Diagnostic) -> Position {
        d.place.position(self.source.as_ref())
    }

    /// Puts the findings in reading order (stable: findings at one place keep
    /// the order they were made in).
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| a.place.cmp(&b.place));
    }
}

/// Type names for `type` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeName {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
    Date,
    NumberOrString,
    IntegerOrString,
    StringList,
    StringOrList,
    TableList,
}

impl TypeName {
    pub fn of(v: &DeValue<'_>) -> TypeName {
        match v {
            DeValue::String(_) => TypeName::String,
            DeValue::Integer(_) => TypeName::Integer,
            DeValue::Float(_) => TypeName::Float,
            DeValue::Boolean(_) => TypeName::Boolean,
            DeValue::Datetime(_) => TypeName::Datetime,
            DeValue::Array(_) => TypeName::Array,
            DeValue::Table(_) => TypeName::Table,
        }
    }
}

/// What a diagnostic says. The code follows from the variant.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The text is not TOML: what went wrong, in words of ours (see `syntax`).
    Syntax(SyntaxError),
    Encoding(EncodingProblem),
    UnknownKey {
        key: String,
        table: Table,
    },
    Type {
        key: String,
        expected: TypeName,
        found: TypeName,
    },
    StringForList(&'static str),
    TableForArray(&'static str),
    DateWithTime(String),
    BadBetter(String),
    /// A target's `以上`/`以下` (`増加`/`減少`) against the `better` written.
    ConflictingBetter {
        target: String,
        better: Better,
        /// The target's number (`316`), for the hint; `None` for `増加`/`減少`.
        number: Option<String>,
    },
    Missing {
        key: &'static str,
        table: Table,
    },
    Empty {
        key: &'static str,
        table: Table,
    },
    BadFormat(String),
    BadFiscalYear(String),
    BadDate {
        written: String,
        err: DateError,
        /// The sheet's fiscal year, for examples in the hint.
        year: Option<FiscalYear>,
        /// The date may be `未定` here (an item's `date`).
        may_be_undetermined: bool,
    },
    BadStatus(String),
    BadNumber(String),
    UnknownIndicator {
        name: String,
        known: Vec<String>,
    },
    DuplicateIndicator {
        name: String,
        first: Position,
    },
    DuplicateRegion {
        region: String,
        other_file: String,
    },
    DoneInFuture {
        date: SheetDate,
        as_of: String,
    },
    EraOverflow {
        written: String,
        year: FiscalYear,
    },
    Overdue {
        date: SheetDate,
        as_of: String,
    },
    OutsideFiscalYear {
        date: SheetDate,
        year: FiscalYear,
    },
    EmptyView(View),
    NoProgress,
    NoIndicators,
    /// An indicator without a target, or with a value written `未定`: `key` names
    /// the first such value (none when the target is missing).
    Undetermined {
        name: String,
        missing_target: bool,
        key: Option<(&'static str, String)>,
    },
    TargetAlreadyMet {
        name: String,
        baseline: String,
        target: String,
    },
    FullwidthNumber(String),
    /// No `as_of`; the hint's example date lies in the sheet's fiscal year.
    NoAsOf(FiscalYear),
    /// A number written with its unit, commas, `約` or a remark, read as a number.
    NumberAsText {
        key: &'static str,
        value: WrittenNumber,
        /// The indicator has no `unit` of its own: the hint says to add it.
        add_unit: bool,
    },
    /// A value's unit differs from the indicator's (or from another value's).
    UnitMismatch {
        key: &'static str,
        written: String,
        unit: String,
        expected: String,
        /// Where `expected` came from when the indicator has no `unit`: the key and
        /// text of the value that gave it.
        expected_from: Option<(&'static str, String)>,
    },
    /// A value with digits that is not read as a number: not computed.
    QualitativeNumber {
        key: &'static str,
        written: String,
    },
    WeekdayMismatch {
        written: String,
        date: SheetDate,
        weekday: chrono::Weekday,
        actual: chrono::Weekday,
    },
    NoGoals,
    NoChallenges,
    AsOfOutsideFiscalYear {
        as_of: String,
        year: FiscalYear,
    },
    /// A link out of its folder, not followed; its target as the link says.
    Symlink {
        target: String,
    },
    /// A file over the size limit, not read; its size in bytes (at least), and
    /// the limit for a file of its kind.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// A `進捗` row whose `目標番号` names no goal of `達成目標` (the goals' numbers).
    UnknownGoal {
        written: String,
        known: Vec<String>,
    },
    /// A worksheet the workbook layout does not have.
    UnknownWorksheet(String),
    /// A prefecture or region (`key`) holding a control character, which the
    /// commands that make files from the sheet refuse (SPEC §7).
    ControlCharacter {
        key: &'static str,
        value: String,
    },
    /// Bytes that are not a workbook `sheet` can read, and why.
    BadWorkbook(WorkbookProblem),
    /// A header of row 1 (or the `項目` of a row of `シート`) that is unknown,
    /// blank over data, or repeated (code `unknown-key`).
    BadHeader {
        part: Part,
        written: String,
        problem: HeaderProblem,
    },
    /// A cell no value of format 1 can be: a boolean, an error (`#N/A`), a formula
    /// whose value was never saved, a date with a time (code `type`). `column` is
    /// the column's label.
    BadCell {
        column: &'static str,
        value: CellValue,
    },
}

impl Msg {
    pub fn code(&self) -> Code {
        match self {
            Msg::Syntax(_) => Code::Syntax,
            Msg::Encoding(_) => Code::Encoding,
            Msg::UnknownKey { .. } => Code::UnknownKey,
            Msg::Type { .. }
            | Msg::StringForList(_)
            | Msg::TableForArray(_)
            | Msg::DateWithTime(_)
            | Msg::BadBetter(_)
            | Msg::ConflictingBetter { .. } => Code::Type,
            Msg::Missing { .. } => Code::Missing,
            Msg::Empty { .. } => Code::Empty,
            Msg::BadFormat(_) => Code::BadFormat,
            Msg::BadFiscalYear(_) => Code::BadFiscalYear,
            Msg::BadDate { .. } => Code::BadDate,
            Msg::BadStatus(_) => Code::BadStatus,
            Msg::BadNumber(_) => Code::BadNumber,
            Msg::UnknownIndicator { .. } => Code::UnknownIndicator,
            Msg::DuplicateIndicator { .. } => Code::DuplicateIndicator,
            Msg::DuplicateRegion { .. } => Code::DuplicateRegion,
            Msg::DoneInFuture { .. } => Code::DoneInFuture,
            Msg::EraOverflow { .. } => Code::EraOverflow,
            Msg::Overdue { .. } => Code::Overdue,
            Msg::OutsideFiscalYear { .. } => Code::OutsideFiscalYear,
            Msg::EmptyView(_) => Code::EmptyView,
            Msg::NoProgress => Code::NoProgress,
            Msg::NoIndicators => Code::NoIndicators,
            Msg::Undetermined { .. } => Code::Undetermined,
            Msg::TargetAlreadyMet { .. } => Code::TargetAlreadyMet,
            Msg::FullwidthNumber(_) => Code::FullwidthNumber,
            Msg::NoAsOf(_) => Code::NoAsOf,
            Msg::NumberAsText { .. } => Code::NumberAsText,
            Msg::UnitMismatch { .. } => Code::UnitMismatch,
            Msg::QualitativeNumber { .. } => Code::QualitativeNumber,
            Msg::WeekdayMismatch { .. } => Code::WeekdayMismatch,
            Msg::NoGoals => Code::NoGoals,
            Msg::NoChallenges => Code::NoChallenges,
            Msg::AsOfOutsideFiscalYear { .. } => Code::AsOfOutsideFiscalYear,
            Msg::Symlink { .. } => Code::Symlink,
            Msg::TooLarge { .. } => Code::TooLarge,
            Msg::UnknownGoal { .. } => Code::UnknownGoal,
            Msg::UnknownWorksheet(_) => Code::UnknownWorksheet,
            Msg::BadWorkbook(_) => Code::BadWorkbook,
            Msg::ControlCharacter { .. } => Code::ControlCharacter,
            Msg::BadHeader { .. } => Code::UnknownKey,
            Msg::BadCell { .. } => Code::Type,
        }
    }
}
