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
        Command::Validate(args) => in_pool(|| validate::run(args, ctx)),
        Command::Diff(args) => diff::run(args, ctx),
        Command::History(args) => history::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Progress(args) => in_pool(|| progress::run(args, ctx)),
        Command::Compare(args) => in_pool(|| compare::run(args, ctx)),
        Command::New(args) => new::run(args, ctx),
        Command::Import(args) => import::run(args, ctx),
        Command::Schema => schema::run(ctx),
        Command::Render(args) => render::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man(args) => completions::man(args, ctx),
    }
}

/// Runs a command that reads many files on a thread of rayon's pool. From the main
/// thread, each of its parallel steps (a chunk of files, a part of a table) put
/// that thread to sleep and then woke it, and the pool's threads too between steps:
/// on the 2-core machine here that cost about 1 ms a step (`compare` on 2,350 sheets
/// with chunks of 32 files took 1.85x the floor's time, of 128 1.41x, of 2,048
/// 1.35x). On a thread of the pool the step's caller takes part in the work
/// instead, and no thread sleeps while there is work (`compare`: 1.32x -> 1.23x
/// per round, 15 rounds). The pool's threads parse every file already, so their
/// stacks are the ones hostile input is tested on.
fn in_pool<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    rayon::scope(|_| work())
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
    // A large buffer: a comparison of thousands of regions is tens of megabytes,
    // written in pieces of a table or a chunk of rows; with the default 8 KiB the
    // writes to stdout alone were 6,500 system calls at 23,500 sheets (now 460).
    // Tables and Markdown are for people and leave through the escaping writer;
    // JSON and CSV are data.
    let raw = || std::io::BufWriter::with_capacity(1 << 18, std::io::stdout().lock());
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
