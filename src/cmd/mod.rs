//! One file per subcommand.

pub mod completions;
pub mod new;
pub mod render;
pub mod schema;
pub mod validate;

use crate::cli::Command;
use crate::output::{Ctx, Exit};

/// Runs a subcommand.
pub fn dispatch(command: &Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match command {
        Command::Validate(args) => validate::run(args, ctx),
        Command::New(args) => new::run(args, ctx),
        Command::Schema => schema::run(ctx),
        Command::Render(args) => render::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man => completions::man(ctx),
    }
}
