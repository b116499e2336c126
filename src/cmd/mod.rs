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
    /// No sheet is left to report on.
    fn is_empty(&self) -> bool;
}

/// Writes a report per `--format`, to stdout or to `--out FILE` (created, never
/// replaced); exit 2 when a sheet was skipped.
pub(crate) fn write_report(
    report: &impl Report,
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    skipped: bool,
) -> anyhow::Result<Exit> {
    use crate::cli::ReportFormat;
    let human = matches!(opts.format, ReportFormat::Table | ReportFormat::Markdown);
    write_output(opts, ctx, skipped, report.is_empty(), human, |out| {
        match opts.format {
            ReportFormat::Json => crate::output::write_json(&mut &mut *out, report)?,
            ReportFormat::Table => {
                let look = crate::table::Look::new(opts.table.width, opts.table.border, ctx);
                report.table(out, &look, ctx.lang)?;
            }
            ReportFormat::Markdown => report.markdown(out, ctx.lang)?,
            ReportFormat::Csv => report.csv(out, opts.table.bom)?,
            // `compare` writes its briefing itself (cmd/compare.rs), and `progress`
            // does not offer html (cli.rs).
            ReportFormat::Html => anyhow::bail!("this report has no HTML form"),
        }
        Ok(())
    })
}

/// Writes what `write` makes to stdout, or to `--out FILE`: created, never
/// replaced, and not at all when no sheet is left (`empty`), so the name is not
/// taken by a file that looks like a result. Text for people (`human`) leaves for
/// stdout through the escaping writer; JSON, CSV and HTML escape their own way.
pub(crate) fn write_output(
    opts: &crate::cli::ReportArgs,
    ctx: &Ctx,
    skipped: bool,
    empty: bool,
    human: bool,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
) -> anyhow::Result<Exit> {
    use std::io::Write;
    let exit = if skipped { Exit::Trouble } else { Exit::Ok };
    if let Some(path) = opts.out.as_deref().filter(|p| p.as_os_str() != "-") {
        if empty {
            ctx.eprintln(&crate::i18n::ui::Ui::nothing_to_render(ctx.lang));
            return Ok(Exit::Trouble);
        }
        let mut text = Vec::new();
        write(&mut text)?;
        crate::create::create_new(path, &text)?;
        let shown = crate::workspace::display_path(path);
        let mut out = ctx.stdout();
        writeln!(
            out,
            "{}",
            crate::i18n::authoring::RenderWords::written(ctx.lang, &shown)
        )
        .and_then(|()| out.flush())
        .map_err(|source| crate::error::Failure::CreatedNotTold {
            path: path.to_path_buf(),
            source,
        })?;
        return Ok(exit);
    }
    let raw = || std::io::BufWriter::new(std::io::stdout().lock());
    let mut out: Box<dyn Write> = if human {
        Box::new(crate::render::terminal::Terminal::new(
            raw(),
            ctx.color_stdout,
        ))
    } else {
        Box::new(raw())
    };
    write(&mut out)?;
    out.flush()?;
    Ok(exit)
}
