//! A repository written by someone else (SPEC §7): no program but git runs, nothing
//! under `.git/` is written, paths given to git are literal, and git's refusals are
//! said as git says them. Every test works in its own temporary folders; the
//! commands an attacker would plant only create a marker file there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common::{git, Output, Test};

const MK: &str = "regions/minami-kaga.toml";
const D1: &str = "2018-09-30T10:00:00+09:00";
const D2: &str = "2018-10-15T10:00:00+09:00";

/// The bundled regions in two commits (南加賀's 地域移行数 11 → 12), then edited
/// again in the working tree (→ 13), every sheet stat-dirty.
fn repo() -> Test {
    let t = Test::with_regions().git_init();
    t.commit("第2回会議の事前課題シート", D1);
    t.edit(MK, "current  = 11", "current  = 12");
    t.commit("南加賀: 地域移行数 12人", D2);
    t.edit(MK, "current  = 12", "current  = 13");
    make_stat_dirty(&t);
    t
}

/// Gives every sheet a new modification time, so git would have to look at each
/// again (and a command that refreshes the index would write it).
fn make_stat_dirty(t: &Test) {
    let later = SystemTime::now() + Duration::from_secs(3600);
    for entry in std::fs::read_dir(t.path("regions")).unwrap() {
        let file = std::fs::File::options()
            .append(true)
            .open(entry.unwrap().path())
            .unwrap();
        file.set_modified(later).unwrap();
    }
}

/// A shell command that leaves a marker file when it runs.
fn planted(marker: &Path) -> String {
    format!("touch '{}'", marker.display())
}

/// The marker of a test, in its temporary folder (outside the repository).
fn marker(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

/// Runs every command that reads sheets or git in the repository: each must work
/// (exit 0, or 1 for a difference) and run nothing but git.
fn run_every_reading_command(t: &Test, marker: &Path) {
    for (args, code) in reading_commands() {
        let out = t.sheet(&args);
        assert_eq!(out.code, code, "{args:?}:\n{}\n{}", out.stdout, out.stderr);
        assert!(!marker.exists(), "{args:?} ran the planted program");
    }
}

/// The reading commands and the exit each gives in [`repo`].
fn reading_commands() -> Vec<(Vec<&'static str>, i32)> {
    vec![
        (vec!["diff"], 1),
        (vec!["diff", "HEAD~1"], 1),
        (vec!["diff", "HEAD~1", "HEAD"], 1),
        (vec!["diff", "--format", "json"], 1),
        (vec!["history", "--region", "南加賀"], 0),
        (vec!["show", "--canonical", MK], 0),
        (vec!["validate"], 0),
        (vec!["compare"], 0),
        (vec!["progress"], 0),
        (vec!["render", "--region", "南加賀"], 0),
    ]
}

/// Runs git with the test's environment but none of `sheet`'s precautions, to show
/// that the planted setting is live.
fn plain_git(t: &Test, args: &[&str]) -> std::process::Output {
    crate::common::git_command()
        .args(args)
        .current_dir(t.dir.path())
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env_remove("GIT_EXTERNAL_DIFF")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Asserts that plain git runs the planted program, then clears the marker.
fn live(t: &Test, marker: &Path, args: &[&str]) {
    plain_git(t, args);
    assert!(
        marker.exists(),
        "git {args:?} should run the planted program (else this test proves nothing)"
    );
    std::fs::remove_file(marker).unwrap();
    // The control run may have refreshed the index: dirty the sheets again.
    make_stat_dirty(t);
}

#[test]
fn fsmonitor_does_not_run() {
    let t = repo();
    let (_d, m) = marker("fsmonitor");
    t.git(&["config", "core.fsmonitor", &planted(&m)]);
    live(&t, &m, &["status"]);
    run_every_reading_command(&t, &m);
}

#[test]
fn clean_and_smudge_filters_do_not_run() {
    let t = repo();
    let (_d, m) = marker("filter");
    std::fs::write(t.path(".gitattributes"), "*.toml filter=evil\n").unwrap();
    t.git(&[
        "config",
        "filter.evil.clean",
        &format!("{}; cat", planted(&m)),
    ]);
    t.git(&[
        "config",
        "filter.evil.smudge",
        &format!("{}; cat", planted(&m)),
    ]);
    live(&t, &m, &["diff", "HEAD"]);
    run_every_reading_command(&t, &m);
}

#[test]
fn a_filter_process_does_not_run() {
    let t = repo();
    let (_d, m) = marker("process");
    std::fs::write(t.path(".gitattributes"), "*.toml filter=evil\n").unwrap();
    t.git(&["config", "filter.evil.process", &planted(&m)]);
    live(&t, &m, &["diff", "HEAD"]);
    run_every_reading_command(&t, &m);
}

#[test]
fn textconv_does_not_run() {
    let t = repo();
    let (_d, m) = marker("textconv");
    std::fs::write(t.path(".gitattributes"), "*.toml diff=evil\n").unwrap();
    t.git(&[
        "config",
        "diff.evil.textconv",
        &format!("{}; cat", planted(&m)),
    ]);
    live(&t, &m, &["log", "-p", "-1"]);
    run_every_reading_command(&t, &m);
}

#[test]
fn external_diff_commands_do_not_run() {
    let t = repo();
    let (_d, m) = marker("external");
    std::fs::write(t.path(".gitattributes"), "*.toml diff=evil\n").unwrap();
    t.git(&["config", "diff.external", &planted(&m)]);
    t.git(&["config", "diff.evil.command", &planted(&m)]);
    live(&t, &m, &["diff", "HEAD~1", "HEAD"]);
    run_every_reading_command(&t, &m);
}

#[test]
fn pagers_do_not_run() {
    // git starts a pager only for a terminal, which a test has not: this shows that
    // none is started through the configuration when `sheet` calls git.
    let t = repo();
    let (_d, m) = marker("pager");
    let pager = format!("{}; cat", planted(&m));
    for key in [
        "core.pager",
        "pager.log",
        "pager.rev-parse",
        "pager.ls-files",
    ] {
        t.git(&["config", key, &pager]);
    }
    run_every_reading_command(&t, &m);
}

#[test]
fn hooks_do_not_run() {
    let t = repo();
    let (_d, m) = marker("hook");
    let hooks = t.path(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let script = format!("#!/bin/sh\n{}\n", planted(&m));
    for name in [
        "pre-commit",
        "post-index-change",
        "reference-transaction",
        "post-checkout",
        "fsmonitor-watchman",
        "pre-auto-gc",
    ] {
        let path = hooks.join(name);
        std::fs::write(&path, &script).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    plain_git(&t, &["commit", "-q", "--allow-empty", "-m", "hooked"]);
    assert!(m.exists(), "the hooks are live");
    // Back to the two commits (itself running a hook).
    plain_git(&t, &["reset", "-q", "--soft", "HEAD~1"]);
    std::fs::remove_file(&m).unwrap();
    make_stat_dirty(&t);
    run_every_reading_command(&t, &m);
}

#[test]
fn credential_helpers_and_askpass_do_not_run() {
    let t = repo();
    let (_d, m) = marker("credential");
    t.git(&["config", "credential.helper", &format!("!{}", planted(&m))]);
    t.git(&["config", "core.askPass", &planted(&m)]);
    let fill = crate::common::git_command()
        .args(["credential", "fill"])
        .current_dir(t.dir.path())
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(b"protocol=https\nhost=example.invalid\n\n")?;
            }
            child.wait()
        });
    assert!(fill.is_ok());
    assert!(m.exists(), "the helper is live");
    std::fs::remove_file(&m).unwrap();
    run_every_reading_command(&t, &m);
}

/// A partial clone (`--filter=blob:none`) of a local repository, whose remote then
/// points where only an ssh command could reach, with the command planted.
fn partial_clone(m: &Path) -> (Test, Test) {
    let origin = repo();
    origin.git(&["checkout", "-q", "--", "."]);
    origin.git(&["config", "uploadpack.allowFilter", "true"]);
    let clone = Test::new();
    let url = format!("file://{}", origin.dir.path().display());
    git(
        clone.dir.path(),
        &["clone", "-q", "--filter=blob:none", &url, "."],
        D2,
    );
    clone.git(&[
        "remote",
        "set-url",
        "origin",
        "ssh://example.invalid/sheets.git",
    ]);
    clone.git(&[
        "config",
        "core.sshCommand",
        &format!("{}; false", planted(m)),
    ]);
    (origin, clone)
}

#[test]
fn a_partial_clone_fetches_nothing() {
    let (_d, m) = marker("ssh");
    let (_origin, t) = partial_clone(&m);
    // HEAD~1's 南加賀 is not in the clone: git would fetch it through ssh.
    let blob = t.git(&["rev-parse", &format!("HEAD~1:{MK}")]);
    let out = plain_git(&t, &["cat-file", "-p", blob.trim()]);
    assert!(!out.status.success());
    assert!(m.exists(), "lazy fetch runs the ssh command");
    std::fs::remove_file(&m).unwrap();
    let before = git_dir_state(&t);

    let out = t.sheet(&["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("HEAD~1:regions/minami-kaga.toml: この版のファイルは手元のリポジトリにありません（部分クローン）"),
        "{}",
        out.stderr
    );
    assert!(!m.exists(), "sheet diff HEAD~1 HEAD fetched");
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let statuses: Vec<String> = out.json()["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(statuses, ["not_in_clone", "ok"], "{}", out.stdout);
    assert!(!m.exists(), "sheet history fetched");
    // What the clone holds is compared as usual.
    t.edit(MK, "current  = 12", "current  = 14");
    let out = t.sheet(&["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.json()["changes"][0]["new"], 14);
    assert!(!m.exists());
    t.edit(MK, "current  = 14", "current  = 12");
    assert_eq!(before, git_dir_state(&t), "nothing written under .git/");
}

/// Every file under `.git/` with its contents and modification time.
fn git_dir_state(t: &Test) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (Vec<u8>, SystemTime)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                walk(&path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap_or_default();
                out.insert(path, (bytes, meta.modified().unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&t.path(".git"), &mut out);
    out
}

#[test]
fn reading_commands_write_nothing_under_dot_git() {
    let t = repo();
    let before = git_dir_state(&t);
    for (args, code) in reading_commands() {
        let out = t.sheet(&args);
        assert_eq!(out.code, code, "{args:?}: {}", out.stderr);
        assert!(before == git_dir_state(&t), "{args:?} wrote under .git/");
    }
    // What `sheet diff` did before: `git diff <commit>` rewrites the index here.
    plain_git(&t, &["diff", "--quiet", "HEAD"]);
    assert!(
        before != git_dir_state(&t),
        "git diff HEAD should refresh the index (else this test proves nothing)"
    );
}

/// A valid sheet of a region.
fn sheet_of(region: &str, current: u32) -> String {
    format!(
        "[sheet]\nprefecture = \"石川県\"\nregion = \"{region}\"\nfiscal_year = 2018\nas_of = 2018-09-30\n\n[[indicators]]\nname = \"退院者数\"\nunit = \"人\"\nbaseline = 1\ncurrent = {current}\ntarget = 5\n"
    )
}

fn currents(out: &Output) -> Vec<(String, i64)> {
    out.json()["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap_or_default().to_string(),
                p["current"].as_i64().unwrap_or(-1),
            )
        })
        .collect()
}

#[test]
fn pathspec_magic_in_a_file_name_is_literal() {
    // Sheets at the top of the repository, where a path given to git starts with
    // the name itself.
    let t = Test::new()
        .git_init()
        .file("b.toml", sheet_of("本物", 1))
        .file(":(literal)b.toml", sheet_of("偽物", 2))
        .file(":(glob)*.toml", sheet_of("星", 3));
    t.commit("first", D1);
    t.edit("b.toml", "current = 1", "current = 4");
    t.commit("second", D2);
    let history = |region: &str| {
        let out = t.sheet(&[
            "--dir", ".", "history", "--region", region, "--format", "json",
        ]);
        assert_eq!(out.code, 0, "{region}: {}", out.stderr);
        currents(&out)
    };
    assert_eq!(history("偽物"), [(":(literal)b.toml".to_string(), 2)]);
    assert_eq!(history("星"), [(":(glob)*.toml".to_string(), 3)]);
    assert_eq!(
        history("本物"),
        [("b.toml".to_string(), 1), ("b.toml".to_string(), 4)]
    );
    let out = t.sheet(&["--dir", ".", "diff", "HEAD~1", "--", ":(glob)*.toml"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = t.sheet(&["--dir", ".", "diff", "HEAD~1", "--", "b.toml"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
}

#[test]
fn dubious_ownership_is_said_as_git_says_it() {
    let t = repo().env("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1");
    for args in [vec!["diff", "HEAD"], vec!["history", "--region", "南加賀"]] {
        let out = t.sheet(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("git rev-parse が失敗しました: detected dubious ownership"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains("safe.directory"), "{}", out.stderr);
        assert!(
            !out.stderr.contains("リポジトリの中ではありません"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_git_that_cannot_start_is_named_with_its_command() {
    // A `git` on PATH that is not executable: starting it fails, not as "not found".
    let bin = tempfile::tempdir().unwrap();
    std::fs::write(bin.path().join("git"), "not a program").unwrap();
    let t = Test::with_regions().env("PATH", &bin.path().display().to_string());
    let out = t.sheet(&["diff", "HEAD"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("git rev-parse が失敗しました"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("git  "), "{}", out.stderr);
}

/// A version in the history larger than a sheet may be (4 MiB) is never read into
/// memory: `history` shows it as not read, `diff` against it stops with the reason.
#[test]
fn a_committed_version_over_four_mib_is_not_read() {
    let t = Test::new().git_init();
    let t = t.file("regions/a.toml", sheet_of("南加賀", 1));
    t.commit("first", D1);
    let big = format!(
        "{}# {}\n",
        sheet_of("南加賀", 2),
        "x".repeat(4 * 1024 * 1024)
    );
    let t = t.file("regions/a.toml", big);
    t.commit("huge", D2);
    let t = t.file("regions/a.toml", sheet_of("南加賀", 3));
    t.commit("small again", D2);

    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let statuses: Vec<String> = out.json()["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(statuses, ["ok", "too_large", "ok"]);

    let out = t.sheet(&["diff", "HEAD~2", "HEAD~1"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("4 MiB"), "{}", out.stderr);
}
