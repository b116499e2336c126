//! `sheet`: the 事前課題 sheets of Japan's regional mental-health care programme as
//! TOML files — loaded with their places, checked, and reported on.
//!
//! Data flows one way: bytes → the format [`core`] (a [`core::model::Sheet`] and
//! diagnostics as data) → [`report`] (plain structs) → [`render`] (text people
//! read; JSON is the report itself). Commands in [`cmd`] only join these up.

pub mod cli;
pub mod cmd;
pub mod core;
pub mod create;
pub mod destination;
pub mod discover;
pub mod error;
#[doc(hidden)]
pub mod fuzzing;
pub mod git;
pub mod i18n;
pub mod label;
pub mod output;
pub mod render;
pub mod report;
pub mod revisions;
pub mod schema;
pub mod select;
pub mod table;
pub mod themes;
pub mod workspace;

use std::process::ExitCode;

pub use cli::Cli;

/// Entry point of the binary.
pub fn main() -> ExitCode {
    match cli::parse(std::env::args_os().collect()) {
        Ok(cli) => run(cli),
        Err(exit) => exit,
    }
}

/// Runs a parsed command line and returns the process exit status.
pub fn run(cli: Cli) -> ExitCode {
    let ctx = output::Ctx::new(&cli);
    match cmd::dispatch(&cli.command, &ctx) {
        Ok(exit) => exit.into(),
        Err(err) => output::report_failure(&err, &ctx),
    }
}
