//! `sheet completions SHELL` and `sheet man`: generated from the clap definitions.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::output::{Ctx, Exit};

pub fn run(args: &CompletionsArgs, _ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "sheet", &mut buf);
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Exit::Ok)
}

/// `sheet man`: the man page of `sheet` in roff.
pub fn man(_ctx: &Ctx) -> anyhow::Result<Exit> {
    let cmd = Cli::command();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut buf)?;
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Exit::Ok)
}
