//! SPEC §7 for files and the terminal: nothing from data drives the terminal; links
//! out of the folder, special files and oversized files are not read; files are
//! created only, one at a time; empty variables count as unset.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Output, Test};

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .unwrap()
}

/// An OSC 52 clipboard write, then clear-screen.
const OSC52: &str = "\u{1b}]52;c;SGVsbG8=\u{7}";
const CLEAR: &str = "\u{1b}[2J";

/// The characters that must never reach a terminal raw (ESC is checked apart: with
/// colour on, it may start the program's own colour sequences).
const RAW: [(char, &str); 5] = [
    ('\u{7}', "BEL"),
    ('\r', "CR"),
    ('\u{202e}', "U+202E"),
    ('\u{85}', "U+0085"),
    ('\u{9b}', "U+009B"),
];

/// The file name that holds them all.
fn hostile_name() -> String {
    format!("x{OSC52}{CLEAR}\r\u{202e}\u{85}.toml")
}

/// The same name as it must be shown.
const HOSTILE_NAME_SHOWN: &str =
    "x\\u{1b}]52;c;SGVsbG8=\\u{7}\\u{1b}[2J\\u{d}\\u{202e}\\u{85}.toml";

/// A valid sheet whose values hold every hostile character (as TOML escapes), the
/// region `南加賀\rFAKE` among them.
fn hostile_sheet(tag: &str) -> String {
    minimal()
        .replace("テスト圏域", "南加賀\\rFAKE")
        .replace(
            "顔の見える関係ができている",
            &format!("関係{tag}\\u001b]52;c;SGVsbG8=\\u0007\\u001b[2J"),
        )
        .replace("地域移行支援を推進する。", "推進\\u202e する\\u0085。")
        .replace("第1回地域連絡会", &format!("連絡会{tag}\\r上書き"))
        .replace("制度の周知を図る。", "周知\\u009b2J\\u007f")
}

/// A folder `regions/` with a valid hostile sheet and a hostile file name holding a
/// syntax error on a line of raw hostile characters.
fn hostile_regions() -> Test {
    Test::new().file("regions/ok.toml", hostile_sheet("")).file(
        &format!("regions/{}", hostile_name()),
        format!("[sheet]\nregion = \"{OSC52}{CLEAR}\r\u{202e}\u{85}\"\nbad =\n"),
    )
}

/// Asserts that no hostile character reached the output raw: ESC only as a colour
/// sequence when `color`, never otherwise.
#[track_caller]
fn assert_clean(out: &Output, color: bool, what: &str) {
    for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        for (c, name) in RAW {
            assert!(
                !text.contains(c),
                "{what}: {name} reached {stream}:\n{text}"
            );
        }
        for (at, _) in text.match_indices('\u{1b}') {
            let rest = &text[at + 1..];
            let sgr = rest.strip_prefix('[').is_some_and(|r| {
                let end = r.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'));
                end.is_some_and(|e| r[e..].starts_with('m'))
            });
            assert!(
                color && sgr,
                "{what}: an escape sequence reached {stream} ({:?}):\n{text}",
                &rest[..rest.len().min(12)]
            );
        }
    }
}

/// Every escaped form of `forms` shows in stdout or stderr.
#[track_caller]
fn assert_shown(out: &Output, forms: &[&str], what: &str) {
    let all = format!("{}{}", out.stdout, out.stderr);
    for form in forms {
        assert!(all.contains(form), "{what}: {form} not shown:\n{all}");
    }
}

const COLORS: [&str; 2] = ["never", "always"];

#[test]
fn validate_shows_hostile_names_and_lines_escaped() {
    let t = hostile_regions();
    for color in COLORS {
        let out = t.sheet(&["--color", color, "validate"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_clean(&out, color == "always", "validate");
        assert_shown(
            &out,
            &[
                HOSTILE_NAME_SHOWN,
                "\\u{1b}]52;c;SGVsbG8=\\u{7}\\u{1b}[2J\\u{d}\\u{202e}\\u{85}",
            ],
            "validate",
        );
        if color == "always" {
            assert!(out.stdout.contains("\u{1b}["), "no colour at all");
        }
    }
    let out = t.sheet(&["validate", "--format", "json"]);
    assert_clean(&out, false, "validate --format json");
    // JSON keeps the data: the name comes back whole when parsed.
    let json = out.json();
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(
        files.contains(&format!("regions/{}", hostile_name()).as_str()),
        "{files:?}"
    );
}

#[test]
fn report_commands_show_hostile_values_and_names_escaped() {
    let t = hostile_regions();
    for color in COLORS {
        for args in [
            &["progress"][..],
            &["compare"],
            &["progress", "--format", "markdown"],
            &["compare", "--format", "markdown"],
            &["render", "--format", "markdown"],
            &["render", "--format", "html"],
        ] {
            let what = format!("{args:?} --color {color}");
            let mut all = vec!["--color", color];
            all.extend_from_slice(args);
            let out = t.sheet(&all);
            // The hostile file has errors: skipped, exit 2.
            assert_eq!(out.code, 2, "{what}: {}", out.stderr);
            assert_clean(&out, color == "always", &what);
            // Markdown escapes the backslash itself: `\\u{d}` reads `\u{d}`.
            let region = if args.contains(&"markdown") {
                "南加賀\\\\u{d}FAKE"
            } else {
                "南加賀\\u{d}FAKE"
            };
            assert_shown(&out, &[HOSTILE_NAME_SHOWN, region], &what);
        }
    }
}

#[test]
fn show_shows_hostile_values_escaped() {
    let t = hostile_regions();
    for color in COLORS {
        let out = t.sheet(&["--color", color, "show", "regions/ok.toml"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_clean(&out, color == "always", "show");
        assert_shown(&out, &["南加賀\\u{d}FAKE", "\\u{1b}]52"], "show");
        let out = t.sheet(&[
            "--color",
            color,
            "show",
            &format!("regions/{}", hostile_name()),
        ]);
        assert_clean(&out, color == "always", "show of the hostile name");
        assert_shown(&out, &[HOSTILE_NAME_SHOWN], "show of the hostile name");
    }
}

#[test]
fn diff_shows_hostile_values_escaped() {
    let t = hostile_regions().file("regions/ok2.toml", hostile_sheet("2"));
    for color in COLORS {
        let out = t.sheet(&[
            "--color",
            color,
            "diff",
            "regions/ok.toml",
            "regions/ok2.toml",
        ]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_clean(&out, color == "always", "diff");
        assert_shown(&out, &["\\u{1b}]52", "\\u{d}"], "diff");
    }
}

#[test]

fn diff_shows_hostile_names_escaped() {
    let t = hostile_regions();
    for color in COLORS {
        let bad = format!("regions/{}", hostile_name());
        let out = t.sheet(&["--color", color, "diff", "regions/ok.toml", &bad]);
        assert_clean(&out, color == "always", "diff with the hostile name");
        assert_shown(&out, &[HOSTILE_NAME_SHOWN], "diff with the hostile name");
    }
}

#[test]
fn history_shows_hostile_commit_subjects_escaped() {
    let t = Test::new()
        .git_init()
        .file("regions/ok.toml", hostile_sheet(""));
    t.commit(
        &format!("最初{OSC52}{CLEAR}\r上書き\u{202e}"),
        "2018-09-30T09:00:00+09:00",
    );
    t.edit("regions/ok.toml", "current = 2", "current = 3");
    t.commit("二回目\u{85}\u{9b}2J", "2018-10-30T09:00:00+09:00");
    for color in COLORS {
        let out = t.sheet(&[
            "--color", color, "history", "--region", "ok", "--width", "0",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_clean(&out, color == "always", "history");
        assert_shown(
            &out,
            &[
                "南加賀\\u{d}FAKE",
                "\\u{1b}]52",
                "\\u{d}上書き\\u{202e}",
                "\\u{85}\\u{9b}2J",
            ],
            "history",
        );
    }
}

/// The caret of a diagnostic stays under the offending text when escaping makes the
/// line longer: full-width text, a tab, an emoji and an ESC come before it.
#[test]
fn the_caret_stays_under_its_text_after_escaping() {
    let t = Test::new().file(
        "regions/a.toml",
        "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = \"平成30年度\"\nas_of = 2018-09-30\n\n[[goals]]\ntext = \"目標\"\n  [[goals.progress]]\n  text = \"北海道\t😀\u{1b}[2J連携\" ; status = \"完了\"\n",
    );
    let out = t.sheet(&["validate"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert_clean(&out, false, "validate");
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("北海道"))
        .unwrap_or_else(|| panic!("no snippet line:\n{}", out.stdout));
    let snippet = lines[at];
    let carets = lines[at + 1];
    assert!(snippet.contains("\\u{1b}[2J"), "{snippet}");
    // The caret's column, counted in terminal cells, is where `;` is.
    let width = |s: &str| unicode_width_of(s);
    let caret_col = carets.find('^').map(|i| width(&carets[..i])).unwrap();
    let semicolon = snippet.find(';').map(|i| width(&snippet[..i])).unwrap();
    let tab_to_spaces = snippet.replace('\t', "    ");
    let semicolon_expanded = tab_to_spaces
        .find(';')
        .map(|i| width(&tab_to_spaces[..i]))
        .unwrap();
    assert!(
        caret_col == semicolon || caret_col == semicolon_expanded,
        "caret at {caret_col}, `;` at {semicolon}:\n{}",
        out.stdout
    );
}

/// Terminal cells of text as a terminal draws it: wide East Asian characters and
/// emoji take two.
fn unicode_width_of(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115f | 0x2e80..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff => 2,
            0xfe30..=0xfe4f | 0xff00..=0xff60 | 0xffe0..=0xffe6 => 2,
            0x1f300..=0x1faff | 0x20000..=0x3fffd => 2,
            _ => 1,
        })
        .sum()
}

/// Under a pseudo-terminal colour is on by itself: the program's colour sequences
/// pass, nothing from data does. Skipped, with a notice, without python3.
#[test]
fn under_a_terminal_colour_is_on_and_data_still_escaped() {
    let has_python = Command::new("python3")
        .arg("-c")
        .arg("import pty")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_python {
        eprintln!("skipped: python3 (with its pty module) is not installed");
        return;
    }
    let t = hostile_regions();
    let helper = r#"
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
chunks = []
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    chunks.append(data)
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(b"".join(chunks))
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    for args in [&["validate"][..], &["progress"], &["compare"]] {
        let out = Command::new("python3")
            .arg("-c")
            .arg(helper)
            .arg(env!("CARGO_BIN_EXE_sheet"))
            .args(args)
            .current_dir(t.dir.path())
            .env_remove("NO_COLOR")
            .env_remove("SHEET_COLOR")
            .env("TERM", "xterm-256color")
            .output()
            .unwrap();
        // The terminal turns each newline into CR LF.
        let screen = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        let what = format!("{args:?} under a terminal");
        let shown = Output {
            code: out.status.code().unwrap_or(-1),
            stdout: screen,
            stderr: String::new(),
        };
        assert!(matches!(shown.code, 1 | 2), "{what}: {}", shown.stdout);
        assert_clean(&shown, true, &what);
        assert!(
            shown.stdout.contains("\u{1b}["),
            "{what}: no colour:\n{}",
            shown.stdout
        );
        assert_shown(&shown, &[HOSTILE_NAME_SHOWN], &what);
    }
}

/// `sheet` with a clean environment, as `Test` runs it, for what `Test` cannot do
/// (a timeout, a chosen stdout).
fn sheet_command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sheet"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for var in [
        "SHEET_DIR",
        "SHEET_LANG",
        "SHEET_COLOR",
        "SHEET_FORMAT",
        "SHEET_WIDTH",
        "SHEET_BORDER",
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs a command and fails the test if it takes more than `secs` (it is killed).
fn run_with_timeout(mut cmd: Command, secs: u64) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish in {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out_reader.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

const SECRET: &str = "s3cret-token-value-9f2a";

/// A folder of sheets with links out of it: to a file holding a secret, to the
/// environment of the process (holding the secret too) and to `/proc/kmsg`, which
/// blocks when read.
fn linked_regions() -> Test {
    let t = Test::new()
        .file("regions/ok.toml", minimal())
        .file("secret.txt", format!("token = \"{SECRET}\"\n"));
    let regions = t.path("regions");
    std::os::unix::fs::symlink("../secret.txt", regions.join("secret.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", regions.join("environ.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/kmsg", regions.join("kmsg.toml")).unwrap();
    t
}

const READERS: &[&[&str]] = &[
    &["validate"],
    &["validate", "--format", "json"],
    &["progress"],
    &["compare"],
    &["render"],
];

#[test]
fn links_out_of_the_folder_are_not_read() {
    let t = linked_regions();
    for args in READERS {
        let mut cmd = sheet_command(t.dir.path(), args);
        cmd.env("SHEET_TEST_SECRET", SECRET);
        let out = run_with_timeout(cmd, 20);
        let what = format!("{args:?}");
        assert!(
            !out.stdout.contains(SECRET) && !out.stderr.contains(SECRET),
            "{what}: the secret was printed:\n{}\n{}",
            out.stdout,
            out.stderr
        );
        let all = format!("{}{}", out.stdout, out.stderr);
        for link in ["secret.toml", "environ.toml", "kmsg.toml"] {
            assert!(all.contains(link), "{what}: {link} not reported:\n{all}");
        }
        assert!(
            all.contains("symlink"),
            "{what}: no symlink warning:\n{all}"
        );
        // A warning: the links are no reason for exit 2, and the sheet is read.
        assert_eq!(out.code, 0, "{what}:\n{all}");
    }
    let out = t.sheet(&["validate", "--format", "json"]);
    let json = out.json();
    let links: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "symlink")
        .collect();
    assert_eq!(links.len(), 3, "{json:#}");
    assert!(links.iter().all(|d| d["severity"] == "warning"));
}

#[test]
fn a_link_inside_the_folder_is_read_once() {
    let t = Test::new().file("regions/a.toml", minimal()).file(
        "regions/old/b.toml",
        minimal().replace("テスト圏域", "別の圏域"),
    );
    let regions = t.path("regions");
    // To another sheet of the folder: read once, under the sheet's own name.
    std::os::unix::fs::symlink("a.toml", regions.join("same.toml")).unwrap();
    // To a file in a subfolder: read under the link's name.
    std::os::unix::fs::symlink("old/b.toml", regions.join("b.toml")).unwrap();
    let out = t.sheet(&["validate", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let json = out.json();
    assert_eq!(json["files"], 2, "{json:#}");
    assert_eq!(json["errors"], 0, "no duplicate-region: {json:#}");
}

#[test]
fn a_named_link_out_of_its_folder_is_not_read_either() {
    let t = linked_regions();
    let out = t.sheet(&["--lang", "en", "validate", "regions/secret.toml"]);
    assert!(!out.stdout.contains(SECRET) && !out.stderr.contains(SECRET));
    assert!(out.stdout.contains("symlink"), "{}", out.stdout);
    // A report of nothing but that link shows nothing: not a success.
    for command in ["progress", "compare"] {
        let out = t.sheet(&[command, "regions/secret.toml"]);
        assert_eq!(out.code, 2, "{command}: {}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains("symlink"), "{command}: {}", out.stderr);
        assert!(!out.stdout.contains(SECRET) && !out.stderr.contains(SECRET));
    }
}

#[test]

fn show_and_diff_never_print_a_file_out_of_the_folder() {
    let t = linked_regions();
    for args in [
        &["show", "regions/secret.toml"][..],
        &["diff", "regions/ok.toml", "regions/secret.toml"],
    ] {
        let out = t.sheet(args);
        assert!(
            !out.stdout.contains(SECRET) && !out.stderr.contains(SECRET),
            "{args:?}: {}{}",
            out.stdout,
            out.stderr
        );
    }
}

#[test]
fn special_files_are_never_opened() {
    let t = Test::new().file("regions/ok.toml", minimal());
    mkfifo(&t.path("regions/fifo.toml"));
    mkfifo(&t.path("named.toml"));
    std::os::unix::fs::symlink("fifo.toml", t.path("regions/to-fifo.toml")).unwrap();
    // In the folder: passed over.
    for args in READERS {
        let out = run_with_timeout(sheet_command(t.dir.path(), args), 20);
        assert_eq!(out.code, 0, "{args:?}: {}{}", out.stdout, out.stderr);
    }
    // Named: refused, saying what it is.
    for (path, what) in [
        ("named.toml", "named pipe (FIFO)"),
        ("/dev/null", "a device"),
        ("/proc/self/environ", "a kernel file"),
        ("/proc/kmsg", "a kernel file"),
    ] {
        for cmd in [&["validate"][..], &["progress"], &["render"]] {
            let mut args = vec!["--lang", "en"];
            args.extend_from_slice(cmd);
            args.push(path);
            let mut run = sheet_command(t.dir.path(), &args);
            run.env("SHEET_TEST_SECRET", SECRET);
            let out = run_with_timeout(run, 20);
            assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
            assert!(
                out.stderr.contains(what) && out.stderr.contains(path),
                "{args:?}: {}",
                out.stderr
            );
            assert!(!out.stderr.contains("no such file"), "{}", out.stderr);
            assert!(!out.stdout.contains(SECRET) && !out.stderr.contains(SECRET));
        }
    }
}

#[test]

fn show_never_opens_a_fifo() {
    let t = Test::new();
    mkfifo(&t.path("named.toml"));
    let out = run_with_timeout(sheet_command(t.dir.path(), &["show", "named.toml"]), 20);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_sheet_over_4_mib_is_too_large_and_one_of_4_mib_is_not() {
    const MIB4: u64 = 4 * 1024 * 1024;
    let t = Test::new();
    std::fs::create_dir_all(t.path("regions")).unwrap();
    let make = |name: &str, len: u64| {
        // Spaces: a sheet of 4 MiB that is valid TOML up to its size.
        let mut text = minimal().into_bytes();
        text.resize(len as usize, b' ');
        std::fs::write(t.path(name), text).unwrap();
    };
    make("regions/at-limit.toml", MIB4);
    make("regions/over.toml", MIB4 + 1);
    let out = t.sheet(&["validate", "--format", "json"]);
    let json = out.json();
    let codes: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        codes.contains(&("regions/over.toml".into(), "too-large".into())),
        "{codes:?}"
    );
    assert!(
        !codes.iter().any(|(f, _)| f == "regions/at-limit.toml"),
        "{codes:?}"
    );
    assert_eq!(out.code, 1);
    let out = t.sheet(&["--lang", "en", "validate", "regions/over.toml"]);
    assert!(out.stdout.contains("too-large"), "{}", out.stdout);
    assert!(out.stdout.contains("4194305 bytes"), "{}", out.stdout);
    let out = t.sheet(&["--lang", "en", "progress", "regions/over.toml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("too-large"), "{}", out.stderr);
}

/// A 1 GB sparse file is refused at once, under a memory limit far below its size.
#[test]
fn a_1_gb_sparse_file_is_refused_at_once_in_bounded_memory() {
    let t = Test::new();
    std::fs::create_dir_all(t.path("regions")).unwrap();
    std::fs::File::create(t.path("regions/huge.toml"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 500000 && exec \"$0\" --lang en validate regions/huge.toml")
        .arg(env!("CARGO_BIN_EXE_sheet"))
        .current_dir(t.dir.path())
        .env("NO_COLOR", "1");
    let started = Instant::now();
    let out = run_with_timeout(cmd, 20);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("too-large"), "{}", out.stdout);
}

/// `sheet new` for one region and year, twice at once with different file names:
/// exactly one sheet, every round.
#[test]
fn two_new_sheets_for_one_region_at_once_make_exactly_one() {
    let t = Test::new();
    for round in 0..50 {
        let dir = t.path(&format!("r{round}"));
        std::fs::create_dir_all(&dir).unwrap();
        let dir_arg = dir.to_str().unwrap();
        let children: Vec<_> = ["one", "two"]
            .iter()
            .map(|slug| {
                sheet_command(
                    t.dir.path(),
                    &[
                        "new",
                        "--dir",
                        dir_arg,
                        "--prefecture",
                        "石川県",
                        "--region",
                        "南加賀",
                        "--fiscal-year",
                        "2018",
                        "--slug",
                        slug,
                    ],
                )
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
            })
            .collect();
        let codes: Vec<i32> = children
            .into_iter()
            .map(|mut c| c.wait().unwrap().code().unwrap_or(-1))
            .collect();
        let files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1, "round {round}: {files:?} {codes:?}");
        assert_eq!(
            codes.iter().filter(|&&c| c == 0).count(),
            1,
            "round {round}: {codes:?}"
        );
        assert!(codes.contains(&2), "round {round}: {codes:?}");
    }
}

#[test]
fn new_refuses_names_with_control_characters() {
    let base = [
        "new",
        "--prefecture",
        "石川県",
        "--region",
        "南加賀",
        "--fiscal-year",
        "2018",
        "--slug",
        "minami-kaga",
    ];
    let cases: [(usize, &str); 5] = [
        (4, "X\nformat = 2"),
        (4, "南加賀\u{1b}[2J"),
        (2, "石川県\r"),
        (4, "南\u{202e}加賀"),
        (2, "石川\t県"),
    ];
    for (at, value) in cases {
        let t = Test::new().file("regions/.keep", "");
        let mut args = base.to_vec();
        args[at] = value;
        let out = t.sheet(&args);
        assert_eq!(out.code, 2, "{value:?}: {}", out.stderr);
        assert!(out.stderr.contains("制御文字"), "{value:?}: {}", out.stderr);
        assert_clean(&out, false, "new");
        assert!(!t.path("regions/minami-kaga.toml").exists(), "{value:?}");
    }
    let t = Test::new().file("regions/.keep", "");
    let mut args = base[..8].to_vec();
    args.extend(["--out", "regions/a\nb.toml"]);
    let out = t.sheet(&args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(std::fs::read_dir(t.path("regions")).unwrap().count(), 1);
}

/// The names SPEC §7 refuses in a file-making command, as TOML escapes, with the
/// form the message shows them in: an ESC colour sequence with a bidi override, a
/// CR, a C1 control with DEL.
const BAD_NAMES: [(&str, &str, &str); 3] = [
    (
        "region",
        "Z\\u001b[31m\\u202e",
        "region \"Z\\u{1b}[31m\\u{202e}\"",
    ),
    ("prefecture", "石川県\\r", "prefecture \"石川県\\r\""),
    (
        "region",
        "南\\u0085加賀\\u007f",
        "region \"南\\u{85}加賀\\u{7f}\"",
    ),
];

/// A valid sheet whose `key` is `value` (a TOML escape).
fn sheet_named(key: &str, value: &str) -> String {
    let from = if key == "region" {
        "region = \"テスト圏域\""
    } else {
        "prefecture = \"石川県\""
    };
    minimal().replace(from, &format!("{key} = \"{value}\""))
}

/// The files of a folder of a test, by name.
fn files_in(t: &Test, rel: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(t.path(rel))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Refused with exit 2, in the output language, the name escaped.
#[track_caller]
fn assert_refused(out: &Output, shown: &str, lang: &str, what: &str) {
    assert_eq!(out.code, 2, "{what}: {}{}", out.stdout, out.stderr);
    let said = if lang == "en" {
        "holds a control character"
    } else {
        "に制御文字（改行・エスケープなど）があります"
    };
    assert!(out.stderr.contains(said), "{what}: {}", out.stderr);
    assert!(
        out.stderr.contains(shown),
        "{what}: {shown}\n{}",
        out.stderr
    );
    assert_clean(out, false, what);
}

#[test]
fn export_refuses_names_with_control_characters() {
    for (key, value, shown) in BAD_NAMES {
        for lang in ["ja", "en"] {
            let t = Test::new()
                .file(
                    "regions/a-good.toml",
                    minimal().replace("テスト圏域", "良い圏域"),
                )
                .file("regions/z.toml", sheet_named(key, value));
            // One workbook to a file; one per sheet to a folder, where the good
            // sheet's workbook is not written either.
            for args in [
                &["export", "regions/z.toml", "--out", "z.xlsx"][..],
                &["export", "regions", "--out", "out"][..],
            ] {
                let mut args = args.to_vec();
                args.extend(["--lang", lang]);
                let out = t.sheet(&args);
                assert_refused(&out, &format!("z.toml: {shown}"), lang, &args.join(" "));
                assert!(!t.path("z.xlsx").exists(), "{args:?}");
                assert!(!t.path("out").exists(), "{args:?}");
            }
        }
    }
}

/// The name of a workbook in a folder comes from the sheet's file name: one that
/// holds a control character is refused before anything, the folder included, is
/// made.
#[test]
fn export_refuses_a_file_name_with_control_characters() {
    let t = Test::new()
        .file(
            "regions/a-good.toml",
            minimal().replace("テスト圏域", "良い圏域"),
        )
        .file("regions/z\u{1b}[2J\u{202e}.toml", minimal());
    let out = t.sheet(&["export", "regions", "--out", "out"]);
    assert_refused(
        &out,
        "out/z\\u{1b}[2J\\u{202e}.xlsx",
        "ja",
        "export to a folder",
    );
    assert!(!t.path("out").exists());
    let out = t.sheet(&["export", "regions/a-good.toml", "--out", "a\u{1b}[2J.xlsx"]);
    assert_refused(&out, "a\\u{1b}[2J.xlsx", "ja", "export --out");
    assert_eq!(files_in(&t, "."), ["regions"]);
}

#[test]
fn render_out_refuses_names_with_control_characters() {
    for (key, value, shown) in BAD_NAMES {
        let t = Test::new().file("regions/z.toml", sheet_named(key, value));
        for format in ["html", "markdown"] {
            for lang in ["ja", "en"] {
                let file = format!("z.{format}");
                let args = [
                    "render", "--format", format, "regions", "--out", &file, "--lang", lang,
                ];
                let out = t.sheet(&args);
                assert_refused(&out, &format!("z.toml: {shown}"), lang, &args.join(" "));
                assert_eq!(files_in(&t, "."), ["regions"], "{args:?}");
            }
        }
        // To stdout nothing is made: the page is written, the names escaped.
        let out = t.sheet(&["render", "--format", "markdown", "regions"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_clean(&out, false, "render to stdout");
    }
    let t = Test::new().file("regions/z.toml", minimal());
    let out = t.sheet(&["render", "regions", "--out", "z\r.html"]);
    assert_refused(&out, "z\\r.html", "ja", "render --out z\\r.html");
    assert_eq!(files_in(&t, "."), ["regions"]);
}

/// A workbook's 都道府県 or 圏域 cell holding a control character (written in the
/// file as `_x001B_`, `_x000D_`, or the character itself) gives no sheet, to a
/// folder, to a named file or to stdout.
#[test]
fn import_refuses_names_with_control_characters() {
    let cases = [
        ("region", "南\\u001b[31m加賀", "圏域 \"南\\u{1b}[31m加賀\""),
        ("region", "南\\u202e加賀", "圏域 \"南\\u{202e}加賀\""),
        ("prefecture", "石川\\r県", "都道府県 \"石川\\r県\""),
    ];
    for (key, value, shown) in cases {
        let book = crate::workbook_read::workbook_of(&sheet_named(key, value));
        for lang in ["ja", "en"] {
            let t = Test::new()
                .file("regions/.keep", "")
                .file("in/minami-kaga.xlsx", &book);
            for out_args in [
                &[][..],
                &["--out", "regions/x.toml"][..],
                &["--out", "-"][..],
            ] {
                let mut args = vec!["import", "in/minami-kaga.xlsx", "--lang", lang];
                args.extend(out_args);
                let out = t.sheet(&args);
                assert_refused(
                    &out,
                    &format!("in/minami-kaga.xlsx: {shown}"),
                    lang,
                    &args.join(" "),
                );
                assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
                assert_eq!(files_in(&t, "regions"), [".keep"], "{args:?}");
            }
        }
    }
}

/// A workbook whose file name holds a control character is not imported under a
/// name made from it (it was cleaned into `w-31m.toml` and imported, exit 0).
#[test]
fn import_refuses_a_workbook_named_with_control_characters() {
    let book = crate::workbook_read::workbook_of(&minimal());
    let t = Test::new()
        .file("regions/.keep", "")
        .file("in/w\u{1b}[31m.xlsx", &book);
    let args = ["import", "in/w\u{1b}[31m.xlsx"];
    let out = t.sheet(&args);
    assert_refused(
        &out,
        "w\\u{1b}[31m",
        "ja",
        "import with a control character in the name",
    );
    assert_eq!(files_in(&t, "regions"), [".keep"]);
}

/// `validate` tells beforehand of a name the commands that make files refuse: a
/// warning `control-character` at the value (at the cell in a workbook), the name
/// escaped; the sheet stays valid (exit 0; 1 under `--strict`).
#[test]
fn validate_warns_of_names_with_control_characters() {
    let book = crate::workbook_read::workbook_of(&sheet_named("region", "南\\u001b[31m加賀"));
    let t = Test::new()
        .file("regions/z.toml", sheet_named("prefecture", "石川県\\u202e"))
        .file("in/z.xlsx", &book);
    let out = t.sheet(&["validate", "regions/z.toml"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "warning[control-character]: `prefecture` の \"石川県\\u{202e}\" に制御文字（改行・エスケープなど）があります"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("regions/z.toml:3:14"), "{}", out.stdout);
    assert_clean(&out, false, "validate");
    let out = t.sheet(&["validate", "--strict", "regions/z.toml"]);
    assert_eq!(out.code, 1, "{}", out.stdout);

    let out = t.sheet(&["validate", "in/z.xlsx", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "warning[control-character]: 圏域 \"南\\u{1b}[31m加賀\" holds a control character"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("sheet import makes no sheet"),
        "{}",
        out.stdout
    );
    assert_clean(&out, false, "validate a workbook");
    let json = t
        .sheet(&["validate", "in/z.xlsx", "--format", "json"])
        .json();
    let found: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "control-character")
        .collect();
    assert_eq!(found.len(), 1, "{json:#}");
    assert_eq!(found[0]["cell"], "シート!B4", "{json:#}");
}

/// A full stdout does not undo `sheet new`: the sheet is kept, exit 2, and the
/// message says the file was made.
#[test]
fn new_with_a_full_stdout_keeps_the_file_and_says_so() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let t = Test::new().file("regions/.keep", "");
    let mut cmd = sheet_command(
        t.dir.path(),
        &[
            "--lang",
            "en",
            "new",
            "--prefecture",
            "石川県",
            "--region",
            "南加賀",
            "--fiscal-year",
            "2018",
            "--slug",
            "minami-kaga",
        ],
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = cmd.stdout(full).stderr(Stdio::piped()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("created regions/minami-kaga.toml (it is kept)"),
        "{stderr}"
    );
    assert!(t.path("regions/minami-kaga.toml").is_file());
}

/// `render --out` when every sheet has errors: nothing written, exit 2, the
/// diagnostics on stderr; the next run is not refused for a file that exists.
#[test]
fn render_out_writes_nothing_when_every_sheet_has_errors() {
    let t = Test::new().file("regions/bad.toml", "[sheet]\nregion = \n");
    for _ in 0..2 {
        let out = t.sheet(&["render", "--out", "page.html", "--format", "html"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("bad.toml"), "{}", out.stderr);
        assert!(!out.stderr.contains("すでにあります"), "{}", out.stderr);
        assert!(!t.path("page.html").exists());
    }
    let out = t.sheet(&["render"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn empty_environment_variables_count_as_unset() {
    for var in [
        "SHEET_DIR",
        "SHEET_LANG",
        "SHEET_COLOR",
        "SHEET_WIDTH",
        "SHEET_BORDER",
        "SHEET_FORMAT",
    ] {
        let t = Test::with_regions().env(var, "");
        let out = t.sheet(&["progress", "--dir", "regions"]);
        assert_eq!(out.code, 0, "{var}=: {}", out.stderr);
        let out = t.sheet(&["validate"]);
        assert_eq!(out.code, 0, "{var}=: {}", out.stderr);
    }
}

/// `themes.toml` comes with the sheets and is read by the same rules: a link out
/// of the folder stops `compare` with a message that names it, and a FIFO in its
/// place is passed over (the built-in glossary is used).
#[test]
fn themes_toml_is_read_by_the_rules_of_a_sheet() {
    let t = linked_regions();
    std::os::unix::fs::symlink("../secret.txt", t.path("regions/themes.toml")).unwrap();
    let out = run_with_timeout(
        sheet_command(t.dir.path(), &["--lang", "en", "compare"]),
        20,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("themes.toml: a link to ../secret.txt"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains(SECRET) && !out.stderr.contains(SECRET));

    let t = Test::new().file("regions/ok.toml", minimal());
    mkfifo(&t.path("regions/themes.toml"));
    let out = run_with_timeout(sheet_command(t.dir.path(), &["compare"]), 20);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// `history` looks through every sheet of the folder for the region asked for.
#[test]

fn history_never_opens_a_kernel_file_through_a_link() {
    let t = Test::new().git_init().file("regions/ok.toml", minimal());
    t.commit("first", "2018-09-30T09:00:00+09:00");
    std::os::unix::fs::symlink("/proc/kmsg", t.path("regions/kmsg.toml")).unwrap();
    let out = run_with_timeout(
        sheet_command(t.dir.path(), &["history", "--region", "ok"]),
        20,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
}
