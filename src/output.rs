//! What every command shares about output: language, colour, today's date, exit
//! codes, and how a failure is printed.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::{Cli, ColorWhen};
use crate::error::Failure;
use crate::i18n::Lang;

/// Exit status of a command (SPEC §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Ok,
    /// 1: `validate` found an error (or a warning under `--strict`); `diff` found a difference.
    Findings,
    /// 2: bad usage, an unreadable path, or a sheet that could not be loaded.
    Trouble,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(match e {
            Exit::Ok => 0,
            Exit::Findings => 1,
            Exit::Trouble => 2,
        })
    }
}

/// Settings resolved once from the command line and the environment.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub color_stdout: bool,
    pub color_stderr: bool,
    pub dir: Option<PathBuf>,
    pub today: NaiveDate,
}

impl Ctx {
    pub fn new(cli: &Cli) -> Ctx {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |is_tty: bool| match cli.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => is_tty && !no_color,
        };
        Ctx {
            lang: cli.lang,
            color_stdout: decide(std::io::stdout().is_terminal()),
            color_stderr: decide(std::io::stderr().is_terminal()),
            dir: cli.dir.clone(),
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// Prints a failure as one line on stderr and gives exit 2; a closed pipe on stdout
/// (`sheet compare | head -1`) ends quietly.
pub fn report_failure(err: &anyhow::Error, ctx: &Ctx) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let message = match err.downcast_ref::<Failure>() {
        Some(f) => f.message(ctx.lang),
        None => format!("{err:#}"),
    };
    let label = ctx.lang.pick("エラー", "error");
    eprintln!(
        "sheet: {label}: {}",
        crate::render::terminal::clean(&message)
    );
    Exit::Trouble.into()
}

/// True when the error (or its cause) is a write to a closed pipe, also when it comes
/// wrapped by serde_json or csv.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            Some(e.kind())
        } else if let Some(e) = cause.downcast_ref::<serde_json::Error>() {
            e.io_error_kind()
        } else if let Some(csv::ErrorKind::Io(e)) =
            cause.downcast_ref::<csv::Error>().map(|e| e.kind())
        {
            Some(e.kind())
        } else {
            None
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
