//! The table format in a real terminal: tmux, 80 columns, Japanese text. The width
//! of every character is measured in the terminal itself, and the borders of every
//! table must sit in the same columns on every line.
//!
//! Skipped, with a notice, when tmux is not installed.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::Test;

const COLUMNS: usize = 80;

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A private tmux server, killed when dropped. Each run gets its own session, left
/// in place until then: killing the last session would stop the server while the
/// next run tries to reach it.
struct Tmux {
    socket: String,
    runs: std::cell::Cell<usize>,
}

impl Tmux {
    fn new(tag: &str) -> Tmux {
        Tmux {
            socket: format!("sheet-test-{}-{tag}", std::process::id()),
            runs: std::cell::Cell::new(0),
        }
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Runs a shell command in a detached pane of COLUMNS × rows and returns the
    /// screen once the command has finished.
    fn run(&self, cwd: &Path, shell: &str, rows: usize) -> Vec<String> {
        let script = format!("{shell}; printf '\\n__DONE__'; sleep 60");
        let rows = rows.to_string();
        let cols = COLUMNS.to_string();
        let session = format!("run{}", self.runs.get());
        self.runs.set(self.runs.get() + 1);
        let started = self.tmux(&[
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            &cols,
            "-y",
            &rows,
            "-c",
            &cwd.to_string_lossy(),
            "-e",
            "LANG=C.UTF-8",
            "-e",
            "LC_ALL=C.UTF-8",
            "sh",
            "-c",
            &script,
        ]);
        assert!(started.status.success(), "{started:?}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let out = self.tmux(&["capture-pane", "-p", "-t", &session]);
            let screen = String::from_utf8_lossy(&out.stdout).into_owned();
            if screen.contains("__DONE__") {
                let mut lines: Vec<String> = screen
                    .lines()
                    .take_while(|l| !l.contains("__DONE__"))
                    .map(|l| l.trim_end().to_string())
                    .collect();
                while lines.last().is_some_and(String::is_empty) {
                    lines.pop();
                }
                return lines;
            }
            assert!(Instant::now() < deadline, "tmux timed out:\n{screen}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let socket = self.tmux(&["display-message", "-p", "#{socket_path}"]);
        let _ = self.tmux(&["kill-server"]);
        let path = String::from_utf8_lossy(&socket.stdout).trim().to_string();
        if path.contains(&self.socket) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The width tmux gives each character: a line of the character followed by more
/// filler than fits wraps after 80 cells, so the filler left on the first row says
/// how many cells the character took.
fn measure(tmux: &Tmux, dir: &Path, chars: &BTreeSet<char>) -> HashMap<char, usize> {
    let mut widths = HashMap::new();
    let chars: Vec<char> = chars.iter().copied().collect();
    for (n, batch) in chars.chunks(60).enumerate() {
        let file = dir.join(format!("chars-{n}.txt"));
        let text: String = batch
            .iter()
            .map(|c| format!("{c}{}\n", "x".repeat(COLUMNS)))
            .collect();
        std::fs::write(&file, text).expect("write");
        let screen = tmux.run(dir, &format!("cat {}", file.display()), batch.len() * 2 + 4);
        for (i, c) in batch.iter().enumerate() {
            let row = &screen[i * 2];
            assert!(row.starts_with(*c), "row {i}: {row:?}");
            let cells = COLUMNS + 1 - row.chars().count();
            widths.insert(*c, cells);
        }
    }
    widths
}

/// Column of each character of a line as the terminal draws it.
fn columns(line: &str, widths: &HashMap<char, usize>) -> Vec<(usize, char)> {
    let mut col = 0;
    line.chars()
        .map(|c| {
            let at = col;
            col += if c.is_ascii() { 1 } else { widths[&c] };
            (at, c)
        })
        .collect()
}

fn width(line: &str, widths: &HashMap<char, usize>) -> usize {
    columns(line, widths)
        .last()
        .map_or(0, |(at, c)| at + if c.is_ascii() { 1 } else { widths[c] })
}

/// Checks every table on the screen; returns how many were seen.
fn check_tables(screen: &[String], widths: &HashMap<char, usize>) -> usize {
    let mut tables = 0;
    let mut i = 0;
    while i < screen.len() {
        if !screen[i].starts_with('+') {
            i += 1;
            continue;
        }
        let start = i;
        while i < screen.len() && (screen[i].starts_with('+') || screen[i].starts_with('|')) {
            i += 1;
        }
        let block = &screen[start..i];
        tables += 1;
        let top = &block[0];
        let junctions: Vec<usize> = columns(top, widths)
            .into_iter()
            .filter(|(_, c)| *c == '+')
            .map(|(at, _)| at)
            .collect();
        let w = width(top, widths);
        assert!(
            w <= COLUMNS,
            "table wider than the terminal:\n{}",
            block.join("\n")
        );
        for line in block {
            assert_eq!(width(line, widths), w, "misaligned:\n{}", block.join("\n"));
            let borders: BTreeSet<usize> = columns(line, widths)
                .into_iter()
                .filter(|(_, c)| *c == '|' || *c == '+')
                .map(|(at, _)| at)
                .collect();
            for j in &junctions {
                assert!(
                    borders.contains(j),
                    "no border at column {j} in {line:?}:\n{}",
                    block.join("\n")
                );
            }
        }
    }
    tables
}

#[test]
fn table_borders_line_up_with_japanese_text_in_an_80_column_terminal() {
    if !tmux_available() {
        eprintln!("NOTICE: tmux is not installed; skipping the terminal test");
        return;
    }
    let t = Test::with_regions();
    let tmux = Tmux::new("tables");
    let bin = env!("CARGO_BIN_EXE_sheet");
    let runs: [&[&str]; 5] = [
        &["progress", "--region", "南加賀"],
        &["compare"],
        &["--lang", "en", "compare"],
        &["progress", "--as-of", "2018-11-03"],
        &["--lang", "en", "progress"],
    ];
    let mut screens = Vec::new();
    for args in runs {
        let shell = format!("env -u NO_COLOR -u COLUMNS {bin} {}", args.join(" "));
        let screen = tmux.run(t.dir.path(), &shell, 400);
        // Width detected from the terminal: the same text as asked for 80 columns.
        let piped = Command::new(bin)
            .args(args)
            .args(["--width", "80"])
            .current_dir(t.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("run sheet");
        let piped = String::from_utf8_lossy(&piped.stdout).into_owned();
        let expected: Vec<&str> = piped.lines().map(str::trim_end).collect();
        let shown: Vec<&str> = screen.iter().map(String::as_str).collect();
        assert_eq!(shown, expected, "{args:?}");
        screens.push(screen);
    }
    let chars: BTreeSet<char> = screens
        .iter()
        .flatten()
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_ascii())
        .collect();
    assert!(chars.contains(&'南'), "no Japanese text on screen");
    let widths = measure(&tmux, t.dir.path(), &chars);
    assert_eq!(widths[&'南'], 2);
    let mut tables = 0;
    for screen in &screens {
        tables += check_tables(screen, &widths);
    }
    assert!(tables >= 10, "only {tables} tables seen");
    // At least one table uses the whole width of the terminal.
    assert!(screens
        .iter()
        .flatten()
        .any(|l| l.starts_with('+') && width(l, &widths) == COLUMNS));
}
