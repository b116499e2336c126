//! `sheet`: the 事前課題 sheets of Japan's regional mental-health care programme as
//! TOML files — loaded with spans, checked, and reported on.
//!
//! Data flows one way: bytes → [`source`] → [`load`] (a [`model::Sheet`] and
//! diagnostics) → [`check`] → commands in [`cmd`], which compute a report and render it.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod create;
pub mod date;
pub mod diag;
pub mod discover;
pub mod error;
pub mod fiscal;
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod i18n;
pub mod indicator;
pub mod label;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod revisions;
pub mod schema;
pub mod select;
pub mod source;
pub mod table;
pub mod text;
pub mod themes;
pub mod workspace;

use std::process::ExitCode;

use clap::Parser;

pub use cli::Cli;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let ctx = output::Ctx::new(&cli);
    match cmd::dispatch(&cli.command, &ctx) {
        Ok(exit) => exit.into(),
        Err(err) => output::report_failure(&err, &ctx),
    }
}
