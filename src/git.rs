//! The `git` program, called safely: never through a shell, always with an argument
//! array, a revision never taken as an option (`-…` refused, `--end-of-options` where
//! git takes it), paths after `--` and literal (no pathspec magic), output read with
//! `-z`.
//!
//! A repository's `.git/config` and `.gitattributes` may have been written by someone
//! else (SPEC §7): every call overrides what could run a program (fsmonitor, hooks,
//! pager, askpass, credential helpers, any transport, so no lazy fetch of a partial
//! clone either) and uses only plumbing that reads: `rev-parse`, `ls-tree`,
//! `ls-files`, `cat-file --batch` and `log --name-status`. None of them refreshes or
//! writes the index, runs a filter, textconv or external diff, or reads a file of the
//! working tree's contents; the working tree's sheets are read from disk by the
//! caller. Messages are in the C locale. `GIT_DIR` and `GIT_WORK_TREE` are
//! respected: they say which repository the user means.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::core::read::MAX_SHEET_BYTES;
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

/// A regular file of a commit's tree (symbolic links and submodules are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// Path from the top of the repository, `/`-separated.
    pub path: String,
    /// The blob's object name.
    pub blob: String,
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

/// A blob asked of `git cat-file --batch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    Found(Vec<u8>),
    /// Larger than a sheet may be ([`MAX_SHEET_BYTES`]): its size, and not read.
    TooLarge(u64),
    /// No such object here: the name resolves to nothing, or the object is not in
    /// this clone (a partial clone, which is never fetched from).
    Missing,
}

/// Refuses what could be taken as an option or is no revision at all.
pub fn check_revision(rev: &str) -> Result<(), Failure> {
    if rev.is_empty() || rev.starts_with('-') || rev.contains('\0') {
        return Err(Failure::BadRevision(rev.to_string()));
    }
    Ok(())
}

/// Settings given on every call, over whatever the repository's configuration
/// says: nothing but git runs, nothing is fetched, nothing decorates the output.
const OVERRIDES: &[&str] = &[
    // Programs named in the configuration.
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.askPass=",
    "credential.helper=",
    // No transport at all, so a partial clone's missing objects are never fetched
    // (through `core.sshCommand`, a proxy or a remote helper).
    "protocol.allow=never",
    // No untracked-cache bookkeeping, which would want to write the index.
    "core.untrackedCache=false",
    // The output as parsed here.
    "core.quotepath=off",
    "color.ui=never",
    "log.showSignature=false",
    "i18n.logOutputEncoding=UTF-8",
];

/// One `git` call: the subcommand's name is kept for messages.
struct Git {
    cmd: Command,
    name: &'static str,
}

/// `git <name>` in `dir`, with the settings every call here shares.
fn git(dir: &Path, name: &'static str) -> Git {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        // Read-only commands take no lock and refresh no index.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        // A partial clone's missing objects stay missing (git 2.44 and later; the
        // `protocol.allow` override stops older ones).
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_NO_REPLACE_OBJECTS", "1")
        .env("GIT_LITERAL_PATHSPECS", "1")
        .env("GIT_PAGER", "cat")
        .env("PAGER", "cat")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_DIFF_OPTS")
        .env_remove("GIT_ICASE_PATHSPECS")
        .env_remove("GIT_GLOB_PATHSPECS")
        .env_remove("GIT_NOGLOB_PATHSPECS")
        .args(["--no-pager", "--literal-pathspecs", "--no-replace-objects"])
        .stdin(Stdio::null());
    for setting in OVERRIDES {
        cmd.arg("-c").arg(setting);
    }
    cmd.arg(name);
    Git { cmd, name }
}

impl Git {
    fn args<I, S>(mut self, args: I) -> Git
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(args);
        self
    }

    fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Git {
        self.cmd.arg(arg);
        self
    }

    /// Runs git and returns stdout; a non-zero exit becomes `on_error(git's message)`.
    fn output_or(mut self, on_error: impl FnOnce(String) -> Failure) -> Result<Vec<u8>, Failure> {
        let out = self.cmd.output().map_err(|e| spawn_failure(self.name, e))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(on_error(git_message(&out.stderr)))
        }
    }

    /// Runs git and returns stdout; a non-zero exit is a [`Failure::Git`].
    fn output(self) -> Result<Vec<u8>, Failure> {
        let name = self.name;
        self.output_or(|message| Failure::Git {
            command: name.to_string(),
            message,
        })
    }
}

fn spawn_failure(name: &str, err: std::io::Error) -> Failure {
    if err.kind() == std::io::ErrorKind::NotFound {
        Failure::GitMissing
    } else {
        Failure::Git {
            command: name.to_string(),
            message: err.to_string(),
        }
    }
}

/// What git said on stderr, as one line: its lines joined, `fatal: ` dropped.
fn git_message(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.strip_prefix("fatal: ")
                .or_else(|| l.strip_prefix("error: "))
                .unwrap_or(l)
        })
        .collect();
    if lines.is_empty() {
        "no message".to_string()
    } else {
        lines.join(" ")
    }
}

impl Repo {
    /// The repository holding `dir` (a folder that exists).
    pub fn discover(dir: &Path) -> Result<Repo, Failure> {
        let shown = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let out = git(dir, "rev-parse")
            .arg("--show-toplevel")
            .output_or(|message| {
                // Anything else (a repository git refuses to read for its owner,
                // `safe.directory`) is said as git says it.
                if message.contains("not a git repository") {
                    Failure::NotARepository {
                        path: shown.clone(),
                    }
                } else {
                    Failure::Git {
                        command: "rev-parse".into(),
                        message,
                    }
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

    fn git(&self, name: &'static str) -> Git {
        git(&self.top, name)
    }

    /// Resolves a revision to a commit. `-…` is refused before git sees it.
    pub fn commit(&self, rev: &str) -> Result<Commit, Failure> {
        check_revision(rev)?;
        let spec = format!("{rev}^{{commit}}");
        let out = self
            .git("rev-parse")
            .args(["--verify", "--quiet", "--end-of-options", &spec])
            .output_or(|_| Failure::UnknownRevision(rev.to_string()))?;
        let hash = String::from_utf8_lossy(&out).trim().to_string();
        if hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Failure::UnknownRevision(rev.to_string()));
        }
        Ok(Commit {
            rev: rev.to_string(),
            hash,
        })
    }

    /// Whether the repository has a commit yet.
    pub fn has_commits(&self) -> Result<bool, Failure> {
        let out = self
            .git("rev-parse")
            .args(["--verify", "--quiet", "HEAD"])
            .cmd
            .output()
            .map_err(|e| spawn_failure("rev-parse", e))?;
        Ok(out.status.success())
    }

    /// Every regular file of a commit's tree.
    pub fn tree_files(&self, commit: &Commit) -> Result<Vec<TreeFile>, Failure> {
        let out = self
            .git("ls-tree")
            .args(["-r", "-z", "--full-tree", "--end-of-options"])
            .arg(&commit.hash)
            .output()?;
        Ok(parse_tree(&out))
    }

    /// The files of the working tree git would show: tracked ones and untracked ones
    /// not ignored (`git ls-files --cached --others --exclude-standard`), which need
    /// not exist. Only the index and the ignore files are read, never written.
    pub fn worktree_files(&self) -> Result<Vec<String>, Failure> {
        let out = self
            .git("ls-files")
            .args([
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
                "--full-name",
            ])
            .output()?;
        let mut files: Vec<String> = out
            .split(|&b| b == 0)
            .filter(|r| !r.is_empty())
            .filter_map(|r| std::str::from_utf8(r).ok())
            .map(str::to_string)
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// The contents of blobs (`<object>` or `<rev>:<path>`), in the order asked
    /// (`git cat-file --batch`, which applies no filter).
    pub fn read_blobs(&self, specs: &[String]) -> Result<Vec<Blob>, Failure> {
        // Sizes first, so a blob larger than any sheet is never read into memory.
        let sizes: Vec<Option<u64>> = self.batch("--batch-check", specs)?;
        let small: Vec<String> = specs
            .iter()
            .zip(&sizes)
            .filter(|(_, size)| matches!(size, Some(n) if *n <= MAX_SHEET_BYTES))
            .map(|(spec, _)| spec.clone())
            .collect();
        let out: Vec<u8> = self.batch("--batch", &small)?;
        let mut bodies = parse_batch(&out, small.len())
            .ok_or_else(|| Failure::Git {
                command: "cat-file".into(),
                message: "unexpected output".into(),
            })?
            .into_iter();
        Ok(sizes
            .into_iter()
            .map(|size| match size {
                None => Blob::Missing,
                Some(n) if n > MAX_SHEET_BYTES => Blob::TooLarge(n),
                Some(_) => bodies.next().unwrap_or(Blob::Missing),
            })
            .collect())
    }

    /// Runs `git cat-file MODE` over `specs`: with `--batch-check`, each spec's size
    /// (`None`: no such blob); with `--batch`, the raw output.
    fn batch<T: BatchOutput>(&self, mode: &str, specs: &[String]) -> Result<T, Failure> {
        if specs.is_empty() {
            return Ok(T::empty());
        }
        let mut child = self
            .git("cat-file")
            .arg(mode)
            .cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_failure("cat-file", e))?;
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
        let status = child.wait().map_err(|e| spawn_failure("cat-file", e))?;
        if read.is_err() || !status.success() {
            let mut err = Vec::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_end(&mut err);
            }
            return Err(Failure::Git {
                command: "cat-file".into(),
                message: git_message(&err),
            });
        }
        T::parse(out, specs.len()).ok_or_else(|| Failure::Git {
            command: "cat-file".into(),
            message: "unexpected output".into(),
        })
    }

    /// The commits that changed a file, newest first, following renames.
    ///
    /// `--follow` follows copies too: git looks for them on every commit that adds
    /// the file (`--find-copies-harder`, fixed in git's code), and no option turns
    /// that off; only the similarity (`--find-renames=<n>`) can be chosen. A file
    /// made from another file therefore continues that file's history here; the
    /// caller tells them apart by their contents
    /// ([`crate::report::history::history`]).
    pub fn log_follow(&self, path: &str) -> Result<Vec<LogEntry>, Failure> {
        // A repository without commits has no history (git log would fail).
        if !self.has_commits()? {
            return Ok(Vec::new());
        }
        let out = self
            .git("log")
            .args([
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
            ])
            .output()?;
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

/// Parses `git ls-tree -r -z`: `<mode> SP <type> SP <object> TAB <path>`, keeping
/// regular files (mode `100644` or `100755`).
fn parse_tree(out: &[u8]) -> Vec<TreeFile> {
    let mut files = Vec::new();
    for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|&b| b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&record[..tab]);
        let mut parts = meta.split(' ');
        let (mode, kind, object) = (parts.next(), parts.next(), parts.next());
        if kind != Some("blob") || !matches!(mode, Some("100644" | "100755")) {
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
    files
}

/// Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n`, or
/// `<spec> missing\n` / `<spec> ambiguous\n`. An object that is not a blob is
/// missing as a blob.
/// What `git cat-file --batch-check` (sizes) or `--batch` (raw bytes) gives.
trait BatchOutput: Sized {
    fn empty() -> Self;
    fn parse(out: Vec<u8>, count: usize) -> Option<Self>;
}

impl BatchOutput for Vec<u8> {
    fn empty() -> Self {
        Vec::new()
    }
    fn parse(out: Vec<u8>, _: usize) -> Option<Self> {
        Some(out)
    }
}

impl BatchOutput for Vec<Option<u64>> {
    fn empty() -> Self {
        Vec::new()
    }
    /// One line a spec: `<oid> blob <size>`, or `<spec> missing` / `ambiguous`
    /// (and a tree or commit is no sheet either).
    fn parse(out: Vec<u8>, count: usize) -> Option<Self> {
        let text = String::from_utf8(out).ok()?;
        let sizes: Vec<Option<u64>> = text
            .lines()
            .map(|line| {
                let mut parts = line.rsplitn(3, ' ');
                let size = parts.next()?.parse().ok()?;
                (parts.next()? == "blob").then_some(size)
            })
            .collect();
        (sizes.len() == count).then_some(sizes)
    }
}

fn parse_batch(out: &[u8], count: usize) -> Option<Vec<Blob>> {
    let mut result = Vec::with_capacity(count);
    let mut pos = 0;
    for _ in 0..count {
        let nl = pos + out.get(pos..)?.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&out[pos..nl]).ok()?;
        pos = nl + 1;
        let mut parts = header.rsplitn(3, ' ');
        let last = parts.next()?;
        if last == "missing" || last == "ambiguous" {
            result.push(Blob::Missing);
            continue;
        }
        let size: usize = last.parse().ok()?;
        let kind = parts.next()?;
        let body = out.get(pos..pos.checked_add(size)?)?;
        pos += size + 1;
        result.push(if kind == "blob" {
            Blob::Found(body.to_vec())
        } else {
            Blob::Missing
        });
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
        assert_eq!(
            got,
            vec![
                Blob::Found(b"x=1".to_vec()),
                Blob::Missing,
                Blob::Found(Vec::new())
            ]
        );
        assert!(parse_batch(b"abc blob 99\nx\n", 1).is_none());
    }

    #[test]
    fn tree_output_keeps_regular_files() {
        let out = b"100644 blob aaa\tr/a.toml\x00120000 blob bbb\tr/link.toml\x00160000 commit ccc\tsub\x00100755 blob ddd\tr/x.sh\0";
        let files = parse_tree(out);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["r/a.toml", "r/x.sh"]);
        assert_eq!(files[0].blob, "aaa");
    }

    #[test]
    fn git_messages_are_one_line() {
        let said = b"fatal: detected dubious ownership in repository at '/r'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /r\n";
        assert_eq!(
            git_message(said),
            "detected dubious ownership in repository at '/r' To add an exception for this directory, call: git config --global --add safe.directory /r"
        );
        assert_eq!(git_message(b""), "no message");
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
