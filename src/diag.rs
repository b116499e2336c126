//! Findings about a sheet: codes, severities, positions, and how they are shown.

use std::ops::Range;

use serde::Serialize;

use crate::i18n::diag::Msg;
use crate::i18n::Lang;
use crate::source::Source;

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
}

impl Code {
    /// All codes, in the order of SPEC §2.
    pub const ALL: [Code; 25] = [
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
            | Code::NoAsOf => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding: what, where (a byte span of the sheet's text) and why.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub span: Range<usize>,
    pub msg: Msg,
}

impl Diagnostic {
    pub fn new(span: Range<usize>, msg: Msg) -> Diagnostic {
        Diagnostic { span, msg }
    }

    pub fn code(&self) -> Code {
        self.msg.code()
    }

    pub fn severity(&self) -> Severity {
        self.code().severity()
    }
}

/// All findings of one file, with the text they point into.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }
}

/// A diagnostic as `--format json` shows it (SPEC §4.1).
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl JsonDiagnostic {
    pub fn new(source: &Source, d: &Diagnostic, lang: Lang) -> JsonDiagnostic {
        let (line, column) = source.line_col(d.span.start);
        JsonDiagnostic {
            file: source.name.clone(),
            line,
            column,
            severity: d.severity(),
            code: d.code(),
            message: d.msg.text(lang),
            help: d.msg.help(lang),
        }
    }
}

/// Writes diagnostics the way rustc and cargo do: header, `--> file:line:col`, the
/// source line with a caret under the offending key or value, and a help line.
/// Borders are ASCII so they stay intact where ambiguous-width characters are wide.
pub fn render_human(
    out: &mut dyn codespan_reporting::term::WriteStyle,
    report: &FileReport,
    lang: Lang,
) -> std::io::Result<()> {
    use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, Chars, Config};

    let shown = crate::source::sanitize_for_terminal(&report.source.text);
    let file = SimpleFile::new(report.source.name.as_str(), shown.as_ref());
    let config = Config {
        chars: Chars::ascii(),
        tab_width: 4,
        ..Config::default()
    };
    for d in &report.diagnostics {
        let start = d.span.start.min(shown.len());
        let end = d.span.end.clamp(start, shown.len());
        let cs = match d.severity() {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        };
        let mut notes = Vec::new();
        if let Some(help) = d.msg.help(lang) {
            notes.push(format!("{}: {}", lang.pick("ヒント", "help"), help));
        }
        let message = crate::source::clean(&d.msg.text(lang));
        let cs = cs
            .with_code(d.code().as_str())
            .with_message(message)
            .with_labels(vec![Label::primary((), start..end)])
            .with_notes(notes);
        term::emit_to_write_style(out, &config, &file, &cs).map_err(std::io::Error::other)?;
    }
    Ok(())
}
