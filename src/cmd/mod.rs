//! One file per subcommand.

pub mod compare;
pub mod completions;
pub mod diff;
pub mod history;
pub mod new;
pub mod progress;
pub mod render;
pub mod schema;
pub mod show;
pub mod validate;

use crate::cli::Command;
use crate::output::{Ctx, Exit};

/// Runs a subcommand.
pub fn dispatch(command: &Command, ctx: &Ctx) -> anyhow::Result<Exit> {
    match command {
        Command::Validate(args) => validate::run(args, ctx),
        Command::Diff(args) => diff::run(args, ctx),
        Command::History(args) => history::run(args, ctx),
        Command::Show(args) => show::run(args, ctx),
        Command::Progress(args) => progress::run(args, ctx),
        Command::Compare(args) => compare::run(args, ctx),
        Command::New(args) => new::run(args, ctx),
        Command::Schema => schema::run(ctx),
        Command::Render(args) => render::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man => completions::man(ctx),
    }
}
