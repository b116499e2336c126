//! `sheet validate`: every finding of every file, then a summary line.

use std::io::Write;

use serde::Serialize;

use crate::cli::{DiagFormat, ValidateArgs};
use crate::core::diag::Severity;
use crate::discover;
use crate::i18n::ui::Ui;
use crate::output::{Ctx, Exit};
use crate::render::diag::{self, JsonDiagnostic};
use crate::workspace;

/// `validate --format json` (SPEC §4.1).
#[derive(Debug, Serialize)]
pub struct ValidateReport {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

/// A file's findings, ready to write.
enum Shown {
    Human(String),
    Json(Vec<JsonDiagnostic>),
}

pub fn run(args: &ValidateArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let mut out: Box<dyn Write> = match args.format {
        DiagFormat::Human => Box::new(ctx.stdout()),
        DiagFormat::Json => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut report = ValidateReport {
        files: 0,
        errors: 0,
        warnings: 0,
        diagnostics: Vec::new(),
    };
    // Each file is rendered (human) or reduced to its JSON findings on the worker
    // threads as soon as it is checked, and written in input order: nothing of a
    // sheet is kept, whatever the number of sheets.
    let shown = |file: &crate::core::diag::FileReport| match args.format {
        DiagFormat::Human => Shown::Human(diag::render_human(file, ctx.lang, ctx.color_stdout)),
        DiagFormat::Json => Shown::Json(
            file.diagnostics
                .iter()
                .map(|d| JsonDiagnostic::new(file, d, ctx.lang))
                .collect(),
        ),
    };
    let prepare = |file: &crate::core::diag::FileReport, _sheet| shown(file);
    workspace::for_each_file(&inputs.files, ctx.today, prepare, |file, made, stale| {
        report.files += 1;
        for d in &file.diagnostics {
            match d.severity() {
                Severity::Error => report.errors += 1,
                Severity::Warning => report.warnings += 1,
            }
        }
        // `duplicate-region` came after: show the file as it is now.
        let made = if stale { shown(&file) } else { made };
        match made {
            Shown::Json(diagnostics) => report.diagnostics.extend(diagnostics),
            Shown::Human(text) => out.write_all(text.as_bytes())?,
        }
        Ok(())
    })?;
    match args.format {
        DiagFormat::Json => {
            crate::output::write_json(&mut out, &report)?;
        }
        DiagFormat::Human => writeln!(
            out,
            "{}",
            Ui::summary(
                ctx.lang,
                report.files,
                report.errors,
                report.warnings,
                args.strict
            )
        )?,
    }
    out.flush()?;
    let failed = report.errors > 0 || (args.strict && report.warnings > 0);
    Ok(if failed { Exit::Findings } else { Exit::Ok })
}
