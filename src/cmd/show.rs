//! `sheet show --canonical FILE`: a sheet as stable plain text (see
//! [`crate::render::show`]), for git's `textconv`.

use std::io::Write;

use crate::cli::ShowArgs;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::workspace;

pub fn run(args: &ShowArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let bytes = workspace::read_sheet(&args.file)?;
    let name = workspace::display_path(&args.file);
    let (report, sheet) = workspace::load_text(&name, &bytes, ctx.today);
    let mut out = ctx.stdout();
    match sheet {
        Some(sheet) if !report.has_errors() => {
            out.write_all(render::show::canonical(&sheet, ctx.lang).as_bytes())?;
        }
        _ if args.raw_on_error => {
            // For git: a version that does not load is still shown, as written, and
            // exit 0 lets `git diff` and `git log -p` go on.
            out.write_all(render::show::as_written(&report, &bytes, ctx.lang).as_bytes())?;
        }
        _ => {
            let text = crate::render::diag::render_errors(&report, ctx.lang, ctx.color_stderr);
            let mut err = ctx.stderr();
            err.write_all(text.as_bytes())?;
            err.flush()?;
            return Ok(Exit::Trouble);
        }
    }
    out.flush()?;
    Ok(Exit::Ok)
}
