//! `sheet history --region NAME`: a region's indicator values over the git history
//! of its file (following renames), oldest first, one row per commit and indicator.
//! A commit whose version of the file does not load is a row saying so, not a gap.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::Failure;
use crate::git::Repo;
use crate::i18n::review as words;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::report::history::history;
use crate::table::Look;
use crate::{discover, revisions, select, workspace};

pub fn run(args: &HistoryArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let (path, region) = find_region(&args.region, ctx)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let repo = Repo::discover(&dir)?;
    let rel = repo.relative(&path)?;
    let versions = revisions::file_history(&repo, &rel)?;
    let wanted = args.indicator.as_deref();
    let report = history(versions, &rel, &region, wanted, ctx.today, ctx.lang)
        .map_err(|e| Failure::Other(words::unknown_indicator(ctx.lang, &e.name, &e.known)))?;
    match args.format {
        HistoryFormat::Json => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            crate::output::write_json(&mut out, &report)?;
            out.flush()?;
        }
        HistoryFormat::Csv => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            render::history::csv(&mut out, &report, args.table.bom)?;
            out.flush()?;
        }
        HistoryFormat::Svg => {
            // Sheet text in the chart is escaped by maud and cleaned of controls.
            let mut out = ctx.stdout();
            out.write_all(render::history::svg(&report, ctx.lang).as_bytes())?;
            out.flush()?;
        }
        HistoryFormat::Table => {
            let look = Look::new(args.table.width, args.table.border, ctx);
            let mut out = ctx.stdout();
            render::history::human(&mut out, &report, &look, ctx.lang)?;
            out.flush()?;
        }
    }
    Ok(Exit::Ok)
}

/// The region's sheet file in the working tree, and its region name. A sheet that
/// does not load now is still found by its file name.
fn find_region(wanted: &str, ctx: &Ctx) -> anyhow::Result<(PathBuf, String)> {
    let inputs = discover::resolve(&[], ctx.dir.as_deref())?;
    let mut known = Vec::new();
    for file in &inputs.files {
        // A file that is not read (a link out of the folder, too large) is no
        // candidate; the reading rules keep a link to a kernel file from hanging.
        let Ok((_, sheet)) = workspace::load_path(file, ctx.today) else {
            continue;
        };
        let stem = select::stem_of(file);
        match sheet {
            Some(sheet) => {
                if select::matches(&sheet.id(), wanted) {
                    return Ok((file.clone(), sheet.region));
                }
                known.push(select::known_label(&sheet.region, &stem));
            }
            None => {
                if select::stem_matches(&stem, wanted) {
                    return Ok((file.clone(), stem));
                }
                known.push(stem);
            }
        }
    }
    Err(Failure::UnknownRegion {
        name: wanted.to_string(),
        known,
    }
    .into())
}
