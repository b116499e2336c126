//! `sheet render`: the sheets laid out as the original form (see
//! [`crate::render::sheet`]), as Markdown or as one self-contained HTML file.

use std::io::Write;

use crate::cli::{RenderArgs, RenderFormat};
use crate::error::Failure;
use crate::i18n::authoring::RenderWords;
use crate::i18n::ui::Ui;
use crate::output::{Ctx, Exit};
use crate::render::sheet::{html, markdown, SheetLayouts};
use crate::{create, discover, workspace};

pub fn run(args: &RenderArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let loaded = workspace::load_for_report(&inputs, &args.region, ctx, |sheet| sheet)?;
    let skipped = loaded.skipped;
    let selected: Vec<&crate::core::model::Sheet> = loaded.sheets.iter().map(|(_, s)| s).collect();
    if selected.is_empty() {
        // Every sheet was left out (its diagnostics are on stderr): an empty page
        // would look like a result, and `--out` would hold the name against the
        // next run.
        ctx.eprintln(&Ui::nothing_to_render(ctx.lang));
        return Ok(Exit::Trouble);
    }
    let report = SheetLayouts::new(&selected, ctx.lang);
    let text = match args.format {
        RenderFormat::Markdown => markdown::render(&report, ctx.lang),
        RenderFormat::Html => html::render(&report, ctx.lang),
    };
    match &args.out {
        Some(path) if path.as_os_str() != "-" => {
            create::create_new(path, text.as_bytes())?;
            let shown = workspace::display_path(path);
            let mut out = ctx.stdout();
            writeln!(out, "{}", RenderWords::written(ctx.lang, &shown))
                .and_then(|()| out.flush())
                .map_err(|source| Failure::CreatedNotTold {
                    path: path.clone(),
                    source,
                })?;
        }
        _ => {
            let mut out = ctx.stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(if skipped { Exit::Trouble } else { Exit::Ok })
}
