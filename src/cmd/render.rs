//! `sheet render`: the sheets laid out as the original form (see
//! [`crate::render::sheet`]), as Markdown or as one self-contained HTML file.

use std::io::Write;

use crate::cli::{RenderArgs, RenderFormat};
use crate::error::Failure;
use crate::i18n::authoring::RenderWords;
use crate::i18n::ui::Ui;
use crate::output::{Ctx, Exit};
use crate::render::sheet::{html, markdown, SheetLayouts};
use crate::select::Selection;
use crate::{create, discover, workspace};

pub fn run(args: &RenderArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let selection = Selection::new(&args.region, args.year.fiscal_year.as_deref())?;
    let loaded = workspace::load_for_report(&inputs, &selection, ctx, |sheet| sheet)?;
    let skipped = loaded.skipped;
    let selected: Vec<&crate::core::model::Sheet> = loaded.sheets.iter().map(|(_, s)| s).collect();
    if selected.is_empty() {
        // Every sheet was left out (its diagnostics are on stderr): an empty page
        // would look like a result, and `--out` would hold the name against the
        // next run.
        ctx.eprintln(&Ui::nothing_to_render(ctx.lang));
        return Ok(Exit::Trouble);
    }
    let to_file = args.out.as_deref().filter(|p| p.as_os_str() != "-");
    if let Some(path) = to_file {
        // A file is made only from sheets whose prefecture and region hold no
        // control character, and under a name that holds none (SPEC §7). Stdout
        // leaves through the escaping writer and needs no such refusal.
        for sheet in &selected {
            create::refuse_sheet_names(
                &sheet.file,
                [("prefecture", &sheet.prefecture), ("region", &sheet.region)],
            )?;
        }
        create::refuse_control_characters("", &path.to_string_lossy())?;
    }
    let report = SheetLayouts::new(&selected, ctx.lang);
    let text = match args.format {
        RenderFormat::Markdown => markdown::render(&report, ctx.lang),
        RenderFormat::Html => html::render(&report, ctx.lang),
    };
    match to_file {
        Some(path) => {
            create::create_new(path, text.as_bytes())?;
            let shown = workspace::display_path(path);
            let mut out = ctx.stdout();
            writeln!(out, "{}", RenderWords::written(ctx.lang, &shown))
                .and_then(|()| out.flush())
                .map_err(|source| Failure::CreatedNotTold {
                    path: path.to_path_buf(),
                    source,
                })?;
        }
        None => {
            let mut out = ctx.stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(if skipped { Exit::Trouble } else { Exit::Ok })
}
