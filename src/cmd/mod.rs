//! One file per subcommand.

pub mod compare;
pub mod completions;
pub mod diff;
pub mod history;
pub mod import;
pub mod new;
pub mod progress;
pub mod render;
pub mod schema;
pub mod show;
pub mod validate;

use crate::cli::Command;
use crate::output::{Ctx, Exit};

/// Runs a subcommand.
pub fn dispatch(command: &Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match command {
        Command::Validate(args) => validate::run(args, ctx),
        Command::Diff(args) => diff::run(args, ctx),
        Command::History(args) => history::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Progress(args) => progress::run(args, ctx),
        Command::Compare(args) => compare::run(args, ctx),
        Command::New(args) => new::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Schema => schema::run(ctx),
        Command::Render(args) => render::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man(args) => completions::man(args, ctx),
    }
}

/// A report of `progress` or `compare`: computed once, then written in the format
/// asked for (JSON is the report itself).
pub(crate) trait Report: serde::Serialize {
    fn table(
        &self,
        out: &mut dyn std::io::Write,
        look: &crate::table::Look,
        lang: crate::i18n::Lang,
    ) -> std::io::Result<()>;
    fn markdown(
        &self,
        out: &mut dyn std::io::Write,
        lang: crate::i18n::Lang,
    ) -> std::io::Result<()>;
    fn csv(&self, out: &mut dyn std::io::Write, bom: bool) -> anyhow::Result<()>;
}

/// Writes a report to stdout per `--format`; exit 2 when a sheet was skipped.
pub(crate) fn write_report(
    report: &impl Report,
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    skipped: bool,
) -> anyhow::Result<Exit> {
    use crate::cli::ReportFormat;
    use std::io::Write;
    // Tables and Markdown are for people and leave through the escaping writer;
    // JSON and CSV are data.
    let raw = || std::io::BufWriter::new(std::io::stdout().lock());
    let mut out: Box<dyn Write> = match opts.format {
        ReportFormat::Json | ReportFormat::Csv => Box::new(raw()),
        ReportFormat::Table | ReportFormat::Markdown => Box::new(
            crate::render::terminal::Terminal::new(raw(), ctx.color_stdout),
        ),
    };
    match opts.format {
        ReportFormat::Json => crate::output::write_json(&mut out, report)?,
        ReportFormat::Table => {
            let look = crate::table::Look::new(opts.table.width, opts.table.border, ctx);
            report.table(&mut out, &look, ctx.lang)?;
        }
        ReportFormat::Markdown => report.markdown(&mut out, ctx.lang)?,
        ReportFormat::Csv => report.csv(&mut out, opts.table.bom)?,
    }
    out.flush()?;
    Ok(if skipped { Exit::Trouble } else { Exit::Ok })
}
