//! Diagnostics for people (like rustc and cargo) and for machines (`--format json`).

use serde::Serialize;

use crate::core::diag::{Code, Diagnostic, FileReport, Severity};
use crate::core::place::Position;
use crate::i18n::diag::Form;
use crate::i18n::Lang;
use crate::render::terminal::{clean, escape_mapping};

/// What a diagnostic says: at a cell of a workbook, in the words of worksheets
/// and columns where the usual words would name TOML keys.
pub fn message(d: &Diagnostic, lang: Lang) -> String {
    crate::i18n::diag::message(&d.msg, lang, Form::of(&d.place))
}

/// The hint of a diagnostic (see [`message`]).
pub fn help(d: &Diagnostic, lang: Lang) -> Option<String> {
    crate::i18n::diag::help(&d.msg, lang, Form::of(&d.place))
}

/// A diagnostic as `--format json` shows it (SPEC §4.1): `line` and `column` for a
/// text file, `cell` (`"指標!F3"`) for a workbook, the others null; all null for a
/// finding about the whole file (`too-large`, `symlink`, `bad-workbook`).
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl JsonDiagnostic {
    pub fn new(report: &FileReport, d: &Diagnostic, lang: Lang) -> JsonDiagnostic {
        let (line, column, cell) = match report.position(d) {
            Position::Line { line, column } => (Some(line), Some(column), None),
            Position::Cell(cell) => (None, None, Some(cell.to_string())),
            Position::File => (None, None, None),
        };
        JsonDiagnostic {
            file: report.name.clone(),
            line,
            column,
            cell,
            severity: d.severity(),
            code: d.code(),
            message: message(d, lang),
            help: help(d, lang),
        }
    }
}

/// Renders diagnostics the way rustc and cargo do: header, `--> file:line:col`, the
/// source line with a caret under the offending key or value (placed by display
/// width, so it sits under full-width text), and a help line. Borders are ASCII so
/// they stay intact where ambiguous-width characters are wide. A place in a
/// workbook is shown as `--> file:worksheet!cell`, without a snippet; a finding
/// about the whole file as `--> file`.
pub fn render_human(report: &FileReport, lang: Lang, color: bool) -> String {
    use annotate_snippets::renderer::DecorStyle;
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let name = clean(&report.name);
    let mut out = String::new();
    for d in &report.diagnostics {
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let text = clean(&message(d, lang));
        let hint = help(d, lang).map(|h| clean(&h));
        let title = level.primary_title(text).id(d.code().as_str());
        let mut group = match (&report.source, d.place.span()) {
            (Some(source), Some(span)) => {
                // Only the line of the diagnostic goes to the renderer (it scans all
                // it is given), with its line number; columns stay relative to the
                // line start.
                let (line, _) = source.line_col(span.start);
                // The line is escaped before it is styled, and the span is carried
                // through the escaping, so the caret stays under the same text.
                let line_start = source.line_start(line);
                let raw = source.line_text(line);
                let start = span.start.saturating_sub(line_start);
                let end = span.end.saturating_sub(line_start).max(start);
                let (shown, at) = escape_mapping(raw, &[start, end]);
                let (start, end) = (at[0], at[1].max(at[0]));
                title.element(
                    Snippet::source(shown)
                        .line_start(line)
                        .path(name.clone())
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            }
            _ => {
                let at = match report.position(d) {
                    Position::Cell(cell) => format!("{name}:{}", clean(&cell.to_string())),
                    Position::Line { line, column } => format!("{name}:{line}:{column}"),
                    Position::File => name.clone(),
                };
                title.element(annotate_snippets::Origin::path(at))
            }
        };
        if let Some(hint) = hint {
            group = group.element(
                Level::HELP
                    .with_name(lang.pick("ヒント", "help"))
                    .message(hint),
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
        name: report.name.clone(),
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
