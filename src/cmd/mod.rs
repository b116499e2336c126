//! One file per subcommand.

pub mod compare;
pub mod completions;
pub mod diff;
pub mod export;
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
        Command::Export(args) => export::run(args, ctx),
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
    /// No sheet is left to report on.
    fn is_empty(&self) -> bool;
}

/// Writes a report per `--format`, to stdout or to `--out FILE` (created, never
/// replaced); exit 2 when a sheet was skipped.
pub(crate) fn write_report(
    report: &(impl Report + crate::render::xlsx::WorkbookReport),
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    skipped: bool,
) -> anyhow::Result<Exit> {
    use crate::cli::ReportFormat;
    let exit = if skipped { Exit::Trouble } else { Exit::Ok };
    let to_file = opts.out.as_deref().filter(|p| p.as_os_str() != "-");
    if to_file.is_some() && report.is_empty() {
        return Ok(nothing_to_write(ctx));
    }
    if opts.format == ReportFormat::Xlsx {
        let shown = to_file.map_or_else(|| "-".to_string(), crate::workspace::display_path);
        let book = report
            .workbook(ctx.lang)
            .map_err(|e| e.failure(ctx.lang, &shown))?;
        match to_file {
            Some(path) => create_file(path, &book, ctx)?,
            None => write_binary(&book, ctx)?,
        }
        return Ok(exit);
    }
    write_output(opts, ctx, skipped, report.is_empty(), |out| {
        write_text(report, opts, ctx, out)
    })
}

/// Writes what `write` makes to `--out FILE` (created, never replaced; not at all
/// when no sheet is left, `empty`, so the name is not taken by a file that looks
/// like a result) or to stdout. Tables, Markdown and HTML leave for stdout through
/// the escaping writer; JSON and CSV are data.
pub(crate) fn write_output(
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    skipped: bool,
    empty: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
) -> anyhow::Result<Exit> {
    use crate::cli::ReportFormat;
    use std::io::Write;
    let exit = if skipped { Exit::Trouble } else { Exit::Ok };
    if let Some(path) = opts.out.as_deref().filter(|p| p.as_os_str() != "-") {
        if empty {
            return Ok(nothing_to_write(ctx));
        }
        let mut text = Vec::new();
        write(&mut text)?;
        create_file(path, &text, ctx)?;
        return Ok(exit);
    }
    let raw = || std::io::BufWriter::new(std::io::stdout().lock());
    let mut out: Box<dyn Write> = match opts.format {
        ReportFormat::Table | ReportFormat::Markdown | ReportFormat::Html => Box::new(
            crate::render::terminal::Terminal::new(raw(), ctx.color_stdout),
        ),
        _ => Box::new(raw()),
    };
    write(&mut out)?;
    out.flush()?;
    Ok(exit)
}

/// Said when every sheet was left out and `--out` is not written: exit 2.
fn nothing_to_write(ctx: &Ctx) -> Exit {
    ctx.eprintln(&crate::i18n::ui::Ui::nothing_to_render(ctx.lang));
    Exit::Trouble
}

/// Writes a report in a text format.
fn write_text(
    report: &impl Report,
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    use crate::cli::ReportFormat;
    match opts.format {
        ReportFormat::Json => crate::output::write_json(&mut *out, report)?,
        ReportFormat::Table => {
            let look = crate::table::Look::new(opts.table.width, opts.table.border, ctx);
            report.table(out, &look, ctx.lang)?;
        }
        ReportFormat::Markdown => report.markdown(out, ctx.lang)?,
        ReportFormat::Csv => report.csv(out, opts.table.bom)?,
        // Written by `write_report` itself.
        ReportFormat::Xlsx => {}
        // `compare` writes its briefing itself (cmd/compare.rs), and `progress`
        // does not offer html (cli.rs).
        ReportFormat::Html => anyhow::bail!("this report has no HTML form"),
    }
    Ok(())
}

/// Creates `path` holding `bytes` (never replacing a file) and says so on stdout.
pub(crate) fn create_file(path: &std::path::Path, bytes: &[u8], ctx: &Ctx) -> anyhow::Result<()> {
    use std::io::Write;
    crate::create::create_new(path, bytes)?;
    let shown = crate::workspace::display_path(path);
    let said = crate::i18n::workbook::WorkbookWords::report_written(ctx.lang, &shown);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", crate::render::terminal::clean(&said))?;
    out.flush()?;
    Ok(())
}

/// A workbook on stdout (`--out -`), unless stdout is a terminal: binary data there
/// would only garble it.
fn write_binary(bytes: &[u8], ctx: &Ctx) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout().lock();
    if out.is_terminal() {
        return Err(crate::error::Failure::Other(
            crate::i18n::workbook::WorkbookWords::not_to_terminal(ctx.lang).to_string(),
        )
        .into());
    }
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}
