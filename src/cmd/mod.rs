//! One file per subcommand.

pub mod validate;

use crate::cli::Command;
use crate::output::{Ctx, Exit};

/// Runs a subcommand.
pub fn dispatch(command: &Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match command {
        Command::Validate(args) => validate::run(args, ctx),
    }
}
