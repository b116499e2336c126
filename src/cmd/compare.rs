//! `sheet compare`: the regions side by side — what each has written, which views
//! are blank, indicators of the same name, themes, whom to ask each question, and
//! the advisor's briefing (texts, timeline; as HTML with charts).
//! Computed in [`crate::report::compare`], rendered by [`crate::render::compare`].

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{CompareArgs, ReportFormat};
use crate::git::Repo;
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::render::compare::html::RegionHistory;
use crate::report::compare::{CompareReport, SheetDigest};
use crate::report::Judging;
use crate::table::Look;
use crate::themes::Glossary;
use crate::{discover, revisions, workspace};

pub fn run(args: &CompareArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let opts = &args.report;
    let judging = Judging::new(opts.as_of.as_deref(), ctx.today)?;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let glossary = Glossary::load(inputs.dir.as_deref()).map_err(crate::error::Failure::from)?;
    let loaded = workspace::load_for_report(&inputs, &opts.selection()?, ctx, |sheet| {
        SheetDigest::new(&sheet, &judging, &glossary)
    })?;
    let report = CompareReport::new(loaded.sheets, &judging, &glossary);
    if opts.format == ReportFormat::Html {
        let empty = report.regions.is_empty();
        return super::write_output(opts, ctx, loaded.skipped, empty, |out| {
            let histories = histories(&report, ctx);
            let page = render::compare::html::page(&report, &histories, ctx.lang);
            out.write_all(page.as_bytes())?;
            Ok(())
        });
    }
    super::write_report(&report, opts, ctx, loaded.skipped)
}

/// The history of each region's file, for the sheets inside a git repository:
/// one `git log` (and one read of its versions) per file. Outside git, or where
/// git cannot say, a region simply has none.
fn histories<'a>(report: &'a CompareReport, ctx: &Ctx) -> Vec<RegionHistory<'a>> {
    let mut repos: Vec<(PathBuf, Option<Repo>)> = Vec::new();
    let mut out = Vec::new();
    for r in &report.regions {
        let path = Path::new(&r.file);
        let dir = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(d) => d.to_path_buf(),
            None => PathBuf::from("."),
        };
        let repo = match repos.iter().position(|(d, _)| *d == dir) {
            Some(i) => &repos[i].1,
            None => {
                repos.push((dir.clone(), Repo::discover(&dir).ok()));
                &repos[repos.len() - 1].1
            }
        };
        let Some(repo) = repo else { continue };
        let Ok(rel) = repo.relative(path) else {
            continue;
        };
        let Ok(versions) = revisions::file_history(repo, &rel) else {
            continue;
        };
        if let Ok(history) =
            crate::report::history::history(versions, &rel, &r.region, None, ctx.today, ctx.lang)
        {
            out.push(RegionHistory {
                label: &r.label,
                report: history,
            });
        }
    }
    out
}

impl super::Report for CompareReport {
    fn table(&self, out: &mut dyn Write, look: &Look, lang: Lang) -> std::io::Result<()> {
        render::compare::table(out, self, look, lang)
    }
    fn markdown(&self, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
        render::compare::markdown(out, self, lang)
    }
    fn csv(&self, out: &mut dyn Write, bom: bool) -> anyhow::Result<()> {
        render::compare::csv(out, self, bom)
    }
    fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}
