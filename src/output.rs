//! What every command shares about output: language, colour, today's date, exit
//! codes, and how a failure is printed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::cli::{Cli, ColorWhen};
use crate::error::Failure;
use crate::i18n::Lang;
use crate::render::terminal::Terminal;

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

/// Human output on stdout: buffered, and escaped on its way out (SPEC §7). Machine
/// formats (JSON, CSV) are written to [`std::io::stdout`] directly: their escaping is
/// their own.
pub type Stdout = Terminal<std::io::BufWriter<std::io::StdoutLock<'static>>>;

/// Human output on stderr, escaped as [`Stdout`] is.
pub type Stderr = Terminal<std::io::StderrLock<'static>>;

impl Ctx {
    /// Where a command writes what people read on stdout.
    pub fn stdout(&self) -> Stdout {
        Terminal::new(
            std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            self.color_stdout,
        )
    }

    /// Where messages and diagnostics go.
    pub fn stderr(&self) -> Stderr {
        Terminal::new(std::io::stderr().lock(), self.color_stderr)
    }

    /// Writes a message and a newline on stderr; nothing to do when stderr is gone.
    pub fn eprintln(&self, text: &str) {
        let mut err = self.stderr();
        let _ = writeln!(err, "{text}").and_then(|()| err.flush());
    }
}

/// Writes `value` as pretty JSON and a newline. Besides the control characters JSON
/// always escapes, DEL, the C1 controls and the bidirectional overrides are written
/// as `\uXXXX` too: the same JSON to a program, and nothing that drives a terminal
/// when it is printed to one.
pub fn write_json<W: Write + ?Sized>(
    out: &mut W,
    value: &impl serde::Serialize,
) -> anyhow::Result<()> {
    // serde_json writes many small pieces (quotes, indentation): a buffer of its
    // own keeps them off `out`, which may be a `dyn Write`.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *out);
    let mut ser = serde_json::Serializer::with_formatter(&mut buffered, SafeJson::default());
    value.serialize(&mut ser)?;
    writeln!(buffered)?;
    buffered.flush()?;
    Ok(())
}

/// serde_json's pretty formatter, escaping what [`crate::render::terminal::is_unsafe`]
/// names inside strings.
#[derive(Default)]
struct SafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Every character to escape here is DEL or starts with the byte 0xC2 (C1
        // controls) or 0xE2 (the bidirectional overrides); serde_json escapes the
        // C0 controls itself. Most text holds none of these bytes.
        if !fragment.bytes().any(|b| matches!(b, 0x7f | 0xc2 | 0xe2)) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if crate::render::terminal::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[from..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                from = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
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
    ctx.eprintln(&format!("sheet: {label}: {message}"));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_drives_a_terminal_and_keeps_the_value() {
        let value = serde_json::json!({ "名前": "a\u{1b}[2J\u{7f}\u{85}\u{9b}\u{202e}南\r" });
        let mut out = Vec::new();
        write_json(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\n  \"名前\": \"a\\u001b[2J\\u007f\\u0085\\u009b\\u202e南\\r\"\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
