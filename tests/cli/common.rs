//! A small builder for "these files, these args, this output, this exit code".

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's own `regions/`.
pub fn bundled_regions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("regions")
}

pub struct Test {
    pub dir: tempfile::TempDir,
    args: Vec<String>,
    cwd: Option<PathBuf>,
    env: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl Test {
    /// An empty temporary folder as the current directory.
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("tempdir"),
            args: Vec::new(),
            cwd: None,
            env: Vec::new(),
        }
    }

    /// A temporary folder holding a copy of the bundled `regions/`.
    pub fn with_regions() -> Test {
        let t = Test::new();
        let dest = t.dir.path().join("regions");
        std::fs::create_dir_all(&dest).expect("mkdir");
        for entry in std::fs::read_dir(bundled_regions()).expect("regions/") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, dest.join(path.file_name().expect("name"))).expect("copy");
        }
        t
    }

    /// Writes a file (creating folders) relative to the temporary folder.
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> Test {
        let p = self.dir.path().join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, contents).expect("write");
        self
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|s| s.to_string()));
        self
    }

    /// Runs in a subfolder of the temporary folder.
    pub fn cwd(mut self, sub: &str) -> Test {
        let p = self.dir.path().join(sub);
        std::fs::create_dir_all(&p).expect("mkdir");
        self.cwd = Some(p);
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `sheet` with the arguments, no colour and a clean environment.
    pub fn run(&self) -> Output {
        self.run_in(self.cwd.as_deref().unwrap_or(self.dir.path()), &self.args)
    }

    /// Runs `sheet` in `dir` with `args`, no colour, no user git configuration and
    /// none of the environment variables `sheet` reads.
    fn run_in(&self, dir: &Path, args: &[impl AsRef<std::ffi::OsStr>]) -> Output {
        let mut cmd = sheet_command();
        cmd.args(args)
            .current_dir(dir)
            .env_remove("SHEET_DIR")
            .env_remove("SHEET_LANG")
            .env_remove("SHEET_COLOR")
            .env_remove("SHEET_FORMAT")
            .env_remove("SHEET_WIDTH")
            .env_remove("SHEET_BORDER")
            .env_remove("COLUMNS")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("NO_COLOR", "1");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run sheet");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// `git` in a test's folder, with a fixed identity and date and no user or system
/// configuration, so commits (and their hashes) are the same on every machine.
pub fn git(dir: &Path, args: &[&str], date: &str) -> String {
    let out = git_command()
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Tester")
        .env("GIT_AUTHOR_EMAIL", "tester@example.org")
        .env("GIT_COMMITTER_NAME", "Tester")
        .env("GIT_COMMITTER_EMAIL", "tester@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Removes every `GIT_*` variable the tests inherit. A test run under `git rebase
/// --exec` or from a hook has `GIT_DIR` set: without this, every git the tests
/// start (and every git `sheet` starts) would work on the repository the tests
/// run in, not on their temporary one.
pub fn without_git_env(cmd: &mut Command) -> &mut Command {
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("GIT_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// The `sheet` binary without the caller's `GIT_*` variables (see [`without_git_env`]).
pub fn sheet_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sheet"));
    without_git_env(&mut cmd);
    cmd
}

/// `git` for the tests: none of the caller's `GIT_*` variables, no system or user
/// configuration.
pub fn git_command() -> Command {
    let mut cmd = Command::new("git");
    without_git_env(&mut cmd)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null");
    cmd
}

impl Test {
    /// Makes the temporary folder a git repository (branch `main`).
    pub fn git_init(self) -> Test {
        git(
            self.dir.path(),
            &["init", "-q", "-b", "main"],
            "2018-09-30T09:00:00+09:00",
        );
        self
    }

    /// Runs git in the temporary folder (see [`git`]).
    pub fn git(&self, args: &[&str]) -> String {
        git(self.dir.path(), args, "2018-09-30T09:00:00+09:00")
    }

    /// Stages everything and commits it with the given message and date.
    pub fn commit(&self, message: &str, date: &str) -> String {
        git(self.dir.path(), &["add", "-A"], date);
        git(self.dir.path(), &["commit", "-q", "-m", message], date);
        git(self.dir.path(), &["rev-parse", "--short", "HEAD"], date)
            .trim()
            .to_string()
    }

    /// Reads a file of the temporary folder.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).expect("read")
    }

    /// Replaces text in a file of the temporary folder (the text must be there).
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(self.dir.path().join(rel), text.replacen(from, to, 1)).expect("write");
    }
}

impl Test {
    /// Runs `sheet` with these arguments (not the builder's), in this subfolder of
    /// the temporary folder (`""` for the folder itself), with a clean environment.
    pub fn sheet_in(&self, sub: &str, args: &[&str]) -> Output {
        let dir = self.dir.path().join(sub);
        std::fs::create_dir_all(&dir).expect("mkdir");
        self.run_in(&dir, args)
    }

    /// [`Test::sheet_in`] the temporary folder itself.
    pub fn sheet(&self, args: &[&str]) -> Output {
        self.sheet_in("", args)
    }
}
