//! The `git` program, called safely: never through a shell, always with an argument
//! array, a revision never taken as an option (`-…` refused, `--end-of-options` where
//! git takes it), paths after `--`, output read with `-z`.
//!
//! Settings that could redirect or decorate git's output are neutralised for the
//! commands run here: `GIT_EXTERNAL_DIFF`, `GIT_PAGER`/`PAGER`, colour, textconv,
//! quoted paths. `GIT_OPTIONAL_LOCKS=0` keeps read-only commands from refreshing the
//! index, so reading never writes a file. Messages are in the C locale. `GIT_DIR` and
//! `GIT_WORK_TREE` are respected: they say which repository the user means.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Failure;

/// A git repository, found from a folder inside it.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The top of the working tree, canonical.
    pub top: PathBuf,
}

/// A commit resolved from a revision the user gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The revision as given (`HEAD~1`).
    pub rev: String,
    /// The full object name.
    pub hash: String,
}

/// A file of a commit's tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// Path from the top of the repository, `/`-separated.
    pub path: String,
    /// The blob's object name.
    pub blob: String,
}

/// A file renamed between two trees (`git diff --find-renames`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    pub old: String,
    pub new: String,
}

/// One commit of a file's history (`git log --follow`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub hash: String,
    pub short: String,
    /// Author date, `YYYY-MM-DD`.
    pub date: String,
    pub subject: String,
    /// `A`, `M`, `D`, `R…`, `C…` as git reports it.
    pub status: String,
    /// The file's path in this commit (after a rename: the new path).
    pub path: String,
}

/// Refuses what could be taken as an option or is no revision at all.
pub fn check_revision(rev: &str) -> Result<(), Failure> {
    if rev.is_empty() || rev.starts_with('-') || rev.contains('\0') {
        return Err(Failure::BadRevision(rev.to_string()));
    }
    Ok(())
}

/// `git` with the settings every call here shares.
fn git(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_DIFF_OPTS")
        .env_remove("GIT_PAGER")
        .env_remove("PAGER")
        .args([
            "--no-pager",
            "-c",
            "core.quotepath=off",
            "-c",
            "color.ui=never",
            "-c",
            "log.showSignature=false",
        ])
        .stdin(Stdio::null());
    cmd
}

/// Runs git and returns stdout; a non-zero exit becomes `on_error(stderr)`.
fn run(cmd: &mut Command, on_error: impl FnOnce(String) -> Failure) -> Result<Vec<u8>, Failure> {
    let out = cmd.output().map_err(spawn_failure)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(on_error(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ))
    }
}

fn spawn_failure(err: std::io::Error) -> Failure {
    if err.kind() == std::io::ErrorKind::NotFound {
        Failure::GitMissing
    } else {
        Failure::Git {
            command: String::new(),
            message: err.to_string(),
        }
    }
}

fn git_failure(command: &str) -> impl FnOnce(String) -> Failure + '_ {
    move |message| Failure::Git {
        command: command.to_string(),
        message: first_line(&message),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().to_string()
}

impl Repo {
    /// The repository holding `dir` (a folder that exists).
    pub fn discover(dir: &Path) -> Result<Repo, Failure> {
        let shown = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let out = run(git(dir).args(["rev-parse", "--show-toplevel"]), |_| {
            Failure::NotARepository {
                path: shown.clone(),
            }
        })?;
        let top = String::from_utf8_lossy(&out)
            .trim_end_matches('\n')
            .to_string();
        if top.is_empty() {
            return Err(Failure::NotARepository { path: shown });
        }
        let top = PathBuf::from(top);
        let top = top.canonicalize().unwrap_or(top);
        Ok(Repo { top })
    }

    fn git(&self) -> Command {
        git(&self.top)
    }

    /// Resolves a revision to a commit. `-…` is refused before git sees it.
    pub fn commit(&self, rev: &str) -> Result<Commit, Failure> {
        check_revision(rev)?;
        let spec = format!("{rev}^{{commit}}");
        let out = run(
            self.git().args([
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                &spec,
            ]),
            |_| Failure::UnknownRevision(rev.to_string()),
        )?;
        let hash = String::from_utf8_lossy(&out).trim().to_string();
        if hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Failure::UnknownRevision(rev.to_string()));
        }
        Ok(Commit {
            rev: rev.to_string(),
            hash,
        })
    }

    /// Every file of a commit's tree.
    pub fn tree_files(&self, commit: &Commit) -> Result<Vec<TreeFile>, Failure> {
        let out = run(
            self.git()
                .args(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options"])
                .arg(&commit.hash),
            git_failure("ls-tree"),
        )?;
        let mut files = Vec::new();
        for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            // "<mode> SP <type> SP <object> TAB <path>"
            let Some(tab) = record.iter().position(|&b| b == b'\t') else {
                continue;
            };
            let meta = String::from_utf8_lossy(&record[..tab]);
            let mut parts = meta.split(' ');
            let (_mode, kind, object) = (parts.next(), parts.next(), parts.next());
            if kind != Some("blob") {
                continue;
            }
            let Some(object) = object else { continue };
            let Ok(path) = std::str::from_utf8(&record[tab + 1..]) else {
                continue;
            };
            files.push(TreeFile {
                path: path.to_string(),
                blob: object.to_string(),
            });
        }
        Ok(files)
    }

    /// The files of the working tree git would show: tracked ones still on disk and
    /// untracked ones not ignored (`git ls-files --cached --others --exclude-standard`).
    pub fn worktree_files(&self) -> Result<Vec<String>, Failure> {
        let out = run(
            self.git().args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--full-name",
            ]),
            git_failure("ls-files"),
        )?;
        let mut files: Vec<String> = out
            .split(|&b| b == 0)
            .filter(|r| !r.is_empty())
            .filter_map(|r| std::str::from_utf8(r).ok())
            .map(str::to_string)
            .filter(|p| self.top.join(p).is_file())
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// The contents of blobs, in the order asked (`git cat-file --batch`). A blob git
    /// cannot find is `None`.
    pub fn read_blobs(&self, specs: &[String]) -> Result<Vec<Option<Vec<u8>>>, Failure> {
        if specs.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .git()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(spawn_failure)?;
        let mut stdin = child.stdin.take();
        let mut stdout = child.stdout.take();
        let mut out = Vec::new();
        let read = std::thread::scope(|scope| {
            // Write on another thread so a full pipe cannot deadlock us.
            scope.spawn(move || {
                if let Some(mut w) = stdin.take() {
                    for spec in specs {
                        // A spec with a line end would break the protocol: ask for
                        // something that does not exist instead.
                        let line = if spec.contains('\n') { "\0" } else { spec };
                        if writeln!(w, "{line}").is_err() {
                            break;
                        }
                    }
                }
            });
            match stdout.as_mut() {
                Some(r) => r.read_to_end(&mut out),
                None => Ok(0),
            }
        });
        let status = child.wait().map_err(spawn_failure)?;
        if read.is_err() || !status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return Err(git_failure("cat-file")(err));
        }
        parse_batch(&out, specs.len()).ok_or_else(|| Failure::Git {
            command: "cat-file".into(),
            message: "unexpected output".into(),
        })
    }

    /// Files renamed between a commit and another commit, or the working tree.
    pub fn renames(&self, old: &Commit, new: Option<&Commit>) -> Result<Vec<Rename>, Failure> {
        let mut cmd = self.git();
        cmd.args([
            "diff",
            "--no-ext-diff",
            "--no-textconv",
            "--no-color",
            "--find-renames",
            "--name-status",
            "-z",
            &old.hash,
        ]);
        if let Some(new) = new {
            cmd.arg(&new.hash);
        }
        cmd.arg("--");
        let out = run(&mut cmd, git_failure("diff"))?;
        let fields: Vec<String> = out
            .split(|&b| b == 0)
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        let mut renames = Vec::new();
        let mut i = 0;
        while i < fields.len() {
            let status = &fields[i];
            if status.starts_with('R') && i + 2 < fields.len() {
                renames.push(Rename {
                    old: fields[i + 1].clone(),
                    new: fields[i + 2].clone(),
                });
                i += 3;
            } else if status.starts_with('C') {
                i += 3;
            } else {
                i += 2;
            }
        }
        Ok(renames)
    }

    /// The commits that changed a file, newest first, following renames.
    pub fn log_follow(&self, path: &str) -> Result<Vec<LogEntry>, Failure> {
        // A repository without commits has no history (git log would fail).
        let head = self
            .git()
            .args(["rev-parse", "--verify", "--quiet", "HEAD"])
            .output()
            .map_err(spawn_failure)?;
        if !head.status.success() {
            return Ok(Vec::new());
        }
        let out = run(
            self.git().args([
                "log",
                "--follow",
                "--find-renames",
                "--no-ext-diff",
                "--no-textconv",
                "--no-color",
                "-z",
                "--name-status",
                "--date=short",
                "--format=%x1e%H%x1f%h%x1f%ad%x1f%s",
                "--",
                path,
            ]),
            git_failure("log"),
        )?;
        Ok(parse_log(&out))
    }

    /// A path the user gave (relative to the current folder) as a path from the top
    /// of the repository. The path need not exist (a sheet deleted since a revision).
    pub fn relative(&self, path: &Path) -> Result<String, Failure> {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            let cwd = std::env::current_dir().map_err(|source| Failure::Io {
                path: PathBuf::from("."),
                source,
            })?;
            cwd.join(path)
        };
        let abs = canonical_prefix(&abs);
        let outside = || Failure::OutsideRepository {
            path: path.to_path_buf(),
        };
        let rel = abs.strip_prefix(&self.top).map_err(|_| outside())?;
        let mut parts = Vec::new();
        for c in rel.components() {
            match c {
                Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
                Component::CurDir => {}
                _ => return Err(outside()),
            }
        }
        Ok(parts.join("/"))
    }
}

/// Canonicalises the longest existing ancestor of `path` and normalises the rest
/// lexically, so paths that no longer exist still compare with the repository's top.
fn canonical_prefix(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    let mut existing = normal.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canon) = existing.canonicalize() {
            let mut out = canon;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return normal,
        }
    }
}

/// Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n`, or
/// `<spec> missing\n` / `<spec> ambiguous\n`.
fn parse_batch(out: &[u8], count: usize) -> Option<Vec<Option<Vec<u8>>>> {
    let mut result = Vec::with_capacity(count);
    let mut pos = 0;
    for _ in 0..count {
        let nl = pos + out.get(pos..)?.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&out[pos..nl]).ok()?;
        pos = nl + 1;
        let mut parts = header.rsplitn(3, ' ');
        let last = parts.next()?;
        if last == "missing" || last == "ambiguous" {
            result.push(None);
            continue;
        }
        let size: usize = last.parse().ok()?;
        let kind = parts.next()?;
        let body = out.get(pos..pos.checked_add(size)?)?;
        pos += size + 1;
        result.push((kind == "blob").then(|| body.to_vec()));
    }
    Some(result)
}

/// Parses `git log -z --name-status --format=%x1e%H%x1f%h%x1f%ad%x1f%s`.
fn parse_log(out: &[u8]) -> Vec<LogEntry> {
    let mut entries: Vec<LogEntry> = Vec::new();
    let mut fields = out
        .split(|&b| b == 0)
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .peekable();
    let mut current: Option<LogEntry> = None;
    while let Some(field) = fields.next() {
        let field = field.trim_start_matches('\n');
        if let Some(header) = field.strip_prefix('\u{1e}') {
            entries.extend(current.take());
            let mut parts = header.splitn(4, '\u{1f}');
            current = Some(LogEntry {
                hash: parts.next().unwrap_or_default().to_string(),
                short: parts.next().unwrap_or_default().to_string(),
                date: parts.next().unwrap_or_default().to_string(),
                subject: parts.next().unwrap_or_default().to_string(),
                status: String::new(),
                path: String::new(),
            });
        } else if field.is_empty() {
            continue;
        } else if let Some(entry) = current.as_mut() {
            let status = field.to_string();
            let first = fields.next().unwrap_or_default();
            let path = if status.starts_with('R') || status.starts_with('C') {
                fields.next().unwrap_or(first)
            } else {
                first
            };
            if entry.status.is_empty() {
                entry.status = status;
                entry.path = path;
            }
        }
    }
    entries.extend(current);
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_that_look_like_options_are_refused() {
        for bad in ["", "-p", "--output=/tmp/x", "--end-of-options"] {
            assert!(matches!(check_revision(bad), Err(Failure::BadRevision(_))));
        }
        assert!(check_revision("HEAD~1").is_ok());
        assert!(
            check_revision("main;rm -rf").is_ok(),
            "refused later by git, never run"
        );
    }

    #[test]
    fn batch_output_is_parsed() {
        let out = b"abc blob 3\nx=1\nHEAD:nope missing\nabd blob 0\n\n";
        let got = parse_batch(out, 3).unwrap();
        assert_eq!(got, vec![Some(b"x=1".to_vec()), None, Some(Vec::new())]);
        assert!(parse_batch(b"abc blob 99\nx\n", 1).is_none());
    }

    #[test]
    fn log_output_is_parsed() {
        let out = b"\x1eaaa\x1fa\x1f2018-10-01\x1frename\x00\nR100\x00r/x.toml\x00r/y.toml\x00\x1ebbb\x1fb\x1f2018-09-01\x1ffirst\x1fwith sep\x00\nA\x00r/x.toml\x00";
        let log = parse_log(out);
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].path, "r/y.toml");
        assert_eq!(log[0].status, "R100");
        assert_eq!(log[1].subject, "first\u{1f}with sep");
        assert_eq!(log[1].date, "2018-09-01");
        assert!(parse_log(b"\x00\x00garbage").is_empty());
    }
}
