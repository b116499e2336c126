//! `sheet progress`: per region, the goals with their progress items and the
//! indicators against their targets. Computed in [`crate::report::progress`],
//! rendered by [`crate::render::progress`].

use std::io::Write;

use crate::cli::ProgressArgs;
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::report::progress::{ProgressReport, RegionProgress};
use crate::report::Judging;
use crate::table::Look;
use crate::{discover, workspace};

pub fn run(args: &ProgressArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let opts = &args.report;
    let judging = Judging::new(opts.as_of.as_deref(), ctx.today)?;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let loaded = workspace::load_for_report(&inputs, &opts.selection()?, ctx, |sheet| {
        RegionProgress::new(&sheet, &judging)
    })?;
    let report = ProgressReport::new(loaded.sheets, &judging);
    super::write_report(&report, opts, ctx, loaded.skipped)
}

impl super::Report for ProgressReport {
    fn table(&self, out: &mut dyn Write, look: &Look, lang: Lang) -> std::io::Result<()> {
        render::progress::table(out, self, look, lang)
    }
    fn markdown(&self, out: &mut dyn Write, lang: Lang) -> std::io::Result<()> {
        render::progress::markdown(out, self, lang)
    }
    fn csv(&self, out: &mut dyn Write, bom: bool) -> anyhow::Result<()> {
        render::progress::csv(out, self, bom)
    }
    fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }
}
