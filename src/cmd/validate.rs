//! `sheet validate`: every finding of every file, then a summary line.

use std::io::Write;

use serde::Serialize;

use crate::cli::{DiagFormat, ValidateArgs};
use crate::diag::{self, JsonDiagnostic, Severity};
use crate::discover;
use crate::i18n::ui::Ui;
use crate::output::{Ctx, Exit};
use crate::workspace::{self, Workspace};

/// `validate --format json` (SPEC §4.1).
#[derive(Debug, Serialize)]
pub struct ValidateReport {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<JsonDiagnostic>,
}

impl ValidateReport {
    pub fn new(ws: &Workspace, ctx: &Ctx) -> ValidateReport {
        let diagnostics: Vec<JsonDiagnostic> = ws
            .reports
            .iter()
            .flat_map(|r| {
                r.diagnostics
                    .iter()
                    .map(|d| JsonDiagnostic::new(&r.source, d, ctx.lang))
            })
            .collect();
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        ValidateReport {
            files: ws.reports.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            diagnostics,
        }
    }
}

pub fn run(args: &ValidateArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let ws = workspace::load_files(&inputs.files, inputs.dir, ctx.today)?;
    let report = ValidateReport::new(&ws, ctx);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        DiagFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        DiagFormat::Human => {
            for file in &ws.reports {
                out.write_all(diag::render_human(file, ctx.lang, ctx.color_stdout).as_bytes())?;
            }
            writeln!(
                out,
                "{}",
                Ui::summary(ctx.lang, report.files, report.errors, report.warnings)
            )?;
        }
    }
    out.flush()?;
    let failed = report.errors > 0 || (args.strict && report.warnings > 0);
    Ok(if failed { Exit::Findings } else { Exit::Ok })
}
