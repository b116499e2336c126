//! `sheet history --region NAME`: a region's indicator values over the git history
//! of its file (following renames), oldest first, one row per commit and indicator.
//! A commit whose version of the file does not load is a row saying so, not a gap.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{HistoryArgs, HistoryFormat};
use crate::core::fiscal::FiscalYear;
use crate::error::Failure;
use crate::git::Repo;
use crate::i18n::review as words;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::report::history::{history, OtherYear};
use crate::table::Look;
use crate::{discover, revisions, select, workspace};

pub fn run(args: &HistoryArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let year = args
        .year
        .fiscal_year
        .as_deref()
        .map(select::read_fiscal_year)
        .transpose()?;
    let (followed, others) = find_region(&args.region, year, ctx)?;
    let path = followed.path;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let repo = Repo::discover(&dir)?;
    let rel = repo.relative(&path)?;
    let versions = revisions::file_history(&repo, &rel)?;
    let wanted = args.indicator.as_deref();
    let mut report = history(
        versions,
        &rel,
        &followed.region,
        wanted,
        ctx.today,
        ctx.lang,
    )
    .map_err(|e| Failure::Other(words::unknown_indicator(ctx.lang, &e.name, &e.known)))?;
    report.fiscal_year = followed.fiscal_year;
    report.other_years = others
        .into_iter()
        .map(|c| OtherYear {
            file: workspace::display_path(&c.path),
            fiscal_year: c.fiscal_year,
        })
        .collect();
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

/// A sheet file of the region asked for, in the working tree.
struct Candidate {
    path: PathBuf,
    region: String,
    /// `None` for a file that does not load now (found by its file name).
    fiscal_year: Option<FiscalYear>,
}

/// The region's sheet file to follow, and the region's other files. With several
/// years (SPEC §4), the file of `year` when given, else of the latest year; a
/// sheet that does not load now is still found by its file name.
fn find_region(
    wanted: &str,
    year: Option<FiscalYear>,
    ctx: &Ctx,
) -> anyhow::Result<(Candidate, Vec<Candidate>)> {
    let inputs = discover::resolve(&[], ctx.dir.as_deref())?;
    let mut known = Vec::new();
    let mut found: Vec<Candidate> = Vec::new();
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
                    found.push(Candidate {
                        path: file.clone(),
                        region: sheet.region,
                        fiscal_year: Some(sheet.fiscal_year),
                    });
                } else {
                    known.push(select::known_label(&sheet.region, &stem));
                }
            }
            None => {
                if select::stem_matches(&stem, wanted) {
                    found.push(Candidate {
                        path: file.clone(),
                        region: stem,
                        fiscal_year: None,
                    });
                } else {
                    known.push(stem);
                }
            }
        }
    }
    if found.is_empty() {
        return Err(Failure::UnknownRegion {
            name: wanted.to_string(),
            known,
        }
        .into());
    }
    let chosen = match year {
        Some(year) => found.iter().position(|c| c.fiscal_year == Some(year)),
        // The latest year; a file that does not load only when no other is found.
        None => found
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (c.fiscal_year, std::cmp::Reverse(*i)))
            .map(|(i, _)| i),
    };
    let Some(chosen) = chosen else {
        let mut years: Vec<FiscalYear> = found.iter().filter_map(|c| c.fiscal_year).collect();
        years.sort();
        years.dedup();
        return Err(Failure::NoSheetOfYear {
            year: year.unwrap_or_else(|| years[0]),
            region: Some(wanted.to_string()),
            years,
        }
        .into());
    };
    let followed = found.remove(chosen);
    found.sort_by_key(|c| c.fiscal_year);
    Ok((followed, found))
}
