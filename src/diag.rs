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

/// Renders diagnostics the way rustc and cargo do: header, `--> file:line:col`, the
/// source line with a caret under the offending key or value (placed by display
/// width, so it sits under full-width text), and a help line. Borders are ASCII so
/// they stay intact where ambiguous-width characters are wide; very long lines are
/// cut around the caret.
pub fn render_human(report: &FileReport, lang: Lang, color: bool) -> String {
    use annotate_snippets::renderer::DecorStyle;
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let source = &report.source;
    let mut out = String::new();
    for d in &report.diagnostics {
        // Only the line of the diagnostic goes to the renderer (it scans all it is
        // given), with its line number; columns stay relative to the line start.
        let (line, _) = source.line_col(d.span.start);
        let line_start = source.line_start(line);
        let line_text = source.line_text(line);
        let shown = crate::source::sanitize_for_terminal(line_text);
        let start = d.span.start.saturating_sub(line_start).min(shown.len());
        let end = d
            .span
            .end
            .saturating_sub(line_start)
            .clamp(start, shown.len());
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = crate::source::clean(&d.msg.text(lang));
        let help = d.msg.help(lang).map(|h| crate::source::clean(&h));
        let mut group = level.primary_title(message).id(d.code().as_str()).element(
            Snippet::source(shown.as_ref())
                .line_start(line)
                .path(source.name.as_str())
                .annotation(AnnotationKind::Primary.span(start..end)),
        );
        if let Some(help) = help {
            group = group.element(
                Level::HELP
                    .with_name(lang.pick("ヒント", "help"))
                    .message(help),
            );
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}

/// Renders only the errors of a file: what a command other than `validate` shows on
/// stderr for a sheet it has to leave out.
pub fn render_errors(report: &FileReport, lang: Lang, color: bool) -> String {
    let errors_only = FileReport {
        source: report.source.clone(),
        diagnostics: report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .cloned()
            .collect(),
    };
    render_human(&errors_only, lang, color)
}
