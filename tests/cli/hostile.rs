//! Hostile input: every command on a corpus of bad files exits 0, 1 or 2 with a
//! message, never panics, and modifies nothing; closed pipes end quietly.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::Test;

/// Bad inputs written into `regions/` of a fresh temporary folder.
fn bad_corpus() -> Test {
    let valid = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .unwrap();
    let mut random = Vec::new();
    let mut state: u64 = 0x5eed;
    for _ in 0..8192 {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        random.push((state >> 56) as u8);
    }
    let mut many_items = valid.clone();
    for i in 0..20_000 {
        many_items.push_str(&format!(
            "\n[[goals]]\ntext = \"目標{i}\"\n  [[goals.progress]]\n  text = \"項目\"\n  date = \"10/1\"\n  status = \"planned\"\n"
        ));
    }
    let mut t = Test::new()
        .file(
            "regions/truncated.toml",
            &valid.as_bytes()[..valid.len() / 2],
        )
        .file("regions/random.toml", random)
        .file("regions/deep.toml", format!("x = {}", "[".repeat(100_000)))
        .file("regions/deep-tables.toml", "a.".repeat(50_000) + "b = 1\n")
        .file(
            "regions/huge-string.toml",
            valid.replace("顔の見える関係ができている", &"長".repeat(2_000_000)),
        )
        .file(
            "regions/nan.toml",
            valid.replace("current = 2", "current = nan"),
        )
        .file(
            "regions/inf.toml",
            valid.replace("current = 2", "current = -inf"),
        )
        .file(
            "regions/bigint.toml",
            valid.replace("current = 2", "current = 9223372036854775808"),
        )
        .file("regions/many-items.toml", many_items)
        .file(
            "regions/escape.toml",
            valid.replace(
                "顔の見える関係ができている",
                "\\u001b[31m赤\\u001b]0;title\\u0007\\u202e",
            ),
        )
        .file("regions/empty.toml", "")
        .file("regions/bom-only.toml", b"\xEF\xBB\xBF")
        .file("regions/nul.toml", b"\0\0\0\0");
    // SPEC §7: a name that drives a terminal (OSC 52, clear-screen, a lone CR, a
    // bidi override, a C1 control) on a file with a syntax error; links out of the
    // folder to a file holding a secret, to the process's environment and to
    // `/proc/kmsg` (which blocks when read); a FIFO and a link to it.
    t = t
        .file(
            "regions/x\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\r\u{202e}\u{85}.toml",
            "[sheet\nregion = \"\u{1b}[2J\r\"\n",
        )
        .file("secret.txt", format!("token = \"{SECRET}\"\n"));
    let regions = t.path("regions");
    std::os::unix::fs::symlink("../secret.txt", regions.join("secret.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", regions.join("environ.toml")).unwrap();
    std::os::unix::fs::symlink("/proc/kmsg", regions.join("kmsg.toml")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(regions.join("fifo.toml"))
        .status()
        .unwrap();
    assert!(fifo.success());
    std::os::unix::fs::symlink("fifo.toml", regions.join("to-fifo.toml")).unwrap();
    // Mutations of a valid sheet: each line dropped in turn, values swapped.
    for (i, line) in valid.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let mutated = valid.replacen(line, "", 1);
        t = t.file(&format!("regions/drop-{i:02}.toml"), mutated);
        let swapped = valid.replacen(line, &line.replace('"', "").replace('=', "= ["), 1);
        t = t.file(&format!("regions/swap-{i:02}.toml"), swapped);
    }
    t
}

/// Held by a file that links of the corpus point to: never printed.
const SECRET: &str = "hostile-corpus-secret-5d1c";

/// Every entry of a folder and its contents; for a link, where it points; nothing
/// for a FIFO (reading it would block).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let contents = if meta.file_type().is_symlink() {
                std::fs::read_link(&p)
                    .unwrap()
                    .into_os_string()
                    .into_encoded_bytes()
            } else if meta.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p, contents)
        })
        .collect();
    v.sort();
    v
}

/// Commands that read sheets, with the arguments to run them on `regions/`.
pub const READ_COMMANDS: &[&[&str]] = &[
    &["validate"],
    &["validate", "--format", "json"],
    &["--lang", "en", "validate", "--strict"],
    &["progress"],
    &["progress", "--format", "json", "--as-of", "2018-10-01"],
    &["progress", "--format", "csv", "--bom"],
    &["compare"],
    &["compare", "--format", "markdown"],
    &["--lang", "en", "compare", "--format", "json"],
    &["render", "--format", "html"],
    &["render", "--format", "markdown"],
    &["show", "--canonical", "regions/escape.toml"],
    &["show", "--canonical", "regions/random.toml"],
    &["show", "--canonical", "regions/many-items.toml"],
    &["diff", "regions/escape.toml", "regions/many-items.toml"],
    &["diff", "regions/random.toml", "regions/deep.toml"],
    &[
        "--lang",
        "en",
        "diff",
        "regions/swap-03.toml",
        "regions/drop-05.toml",
        "--format",
        "json",
    ],
];

#[test]
fn every_command_survives_the_bad_corpus_and_writes_nothing() {
    let t = bad_corpus();
    let before = snapshot(&t.path("regions"));
    for args in READ_COMMANDS {
        let out = crate::common::sheet_command()
            .args(*args)
            .current_dir(t.dir.path())
            .env("NO_COLOR", "1")
            .env("HOSTILE_SECRET", SECRET)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "{args:?} exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
            "{args:?}: an escape character reached the terminal"
        );
        // CRLF is a line end (CSV for Excel has them); a lone CR is not.
        let (out_lines, err_lines) = (stdout.replace("\r\n", "\n"), stderr.replace("\r\n", "\n"));
        for c in ['\r', '\u{7}', '\u{202e}', '\u{85}'] {
            assert!(
                !out_lines.contains(c) && !err_lines.contains(c),
                "{args:?}: {c:?} reached the terminal"
            );
        }
        assert!(
            !stdout.contains(SECRET) && !stderr.contains(SECRET),
            "{args:?}: a file out of the folder was printed"
        );
        assert!(
            !stdout.is_empty() || !stderr.is_empty(),
            "{args:?} said nothing"
        );
    }
    assert_eq!(
        before,
        snapshot(&t.path("regions")),
        "a reading command changed a file"
    );
}

/// `compare` reads `themes.toml` on a thread of rayon's pool (its stack is smaller
/// than the main thread's): deep nesting is an error there, not an overflow.
#[test]
fn a_deeply_nested_themes_toml_is_an_error_not_a_crash() {
    let n = 100_000;
    let valid = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .unwrap();
    let t = Test::new().file("regions/minimal.toml", valid).file(
        "regions/themes.toml",
        format!("[themes]\nx = {}{}\n", "[".repeat(n), "]".repeat(n)),
    );
    for args in [&["compare"][..], &["compare", "--format", "json"]] {
        let out = t.sheet(args);
        assert!(matches!(out.code, 1 | 2), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("themes.toml"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut t = Test::new();
    let noisy = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/broken/5-blanks.toml"),
    )
    .unwrap();
    for i in 0..200 {
        t = t.file(
            &format!("regions/r{i:03}.toml"),
            noisy.replace("石川中央", &format!("圏域{i}")),
        );
    }
    for args in &READ_COMMANDS[..9] {
        let mut child = crate::common::sheet_command()
            .args(*args)
            .current_dir(t.dir.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // stdout is dropped here: the pipe is closed after one line.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {:?} {stderr}",
            out.status
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}
