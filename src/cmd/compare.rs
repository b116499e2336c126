//! `sheet compare`: the regions side by side — what each has written, which views
//! are blank, indicators of the same name, themes, and whom to ask each question.
//! Computed in [`crate::report::compare`], rendered by [`crate::render::compare`].

use std::io::Write;

use crate::cli::CompareArgs;
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::report::compare::{CompareReport, SheetDigest};
use crate::report::Judging;
use crate::table::Look;
use crate::themes::Glossary;
use crate::{discover, workspace};

pub fn run(args: &CompareArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let opts = &args.report;
    let judging = Judging::new(opts.as_of.as_deref(), ctx.today)?;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let glossary = Glossary::load(inputs.dir.as_deref()).map_err(crate::error::Failure::from)?;
    let loaded = workspace::load_for_report(&inputs, &opts.region, ctx, |sheet| {
        SheetDigest::new(&sheet, &judging, &glossary)
    })?;
    let report = CompareReport::new(loaded.sheets, &judging, &glossary);
    super::write_report(&report, opts, ctx, loaded.skipped)
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
}
