//! `sheet diff`: what changed between two sheets, or between the sheets of two git
//! revisions (or a revision and the working tree), per section and item.
//!
//! Modes, by the arguments:
//! - `OLD NEW`, both existing files: the two files;
//! - `[REV [REV2]] [-- PATH…]`: the sheets under git (default `HEAD` and the working
//!   tree), in the nearest `regions/` (or `--dir`, or the paths given);
//! - seven or nine arguments: git's external-diff convention (`path old-file old-hex
//!   old-mode new-file new-hex new-mode [new-path info]`), for `git diff --ext-diff`.
//!
//! The versions are read here ([`crate::revisions`] for git), compared in
//! [`crate::report::diff`] and rendered by [`crate::render::diff`].

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{DiagFormat, DiffArgs};
use crate::error::Failure;
use crate::git::{self, Repo};
use crate::i18n::review as words;
use crate::output::{Ctx, Exit};
use crate::render;
use crate::report::diff::{
    self as report, DiffReport, DiffSide, LoadedVersion, SheetStatus, VersionPair,
};
use crate::revisions::{self, Selection, SelectionKind, Version};
use crate::workspace;

enum Mode {
    Files(PathBuf, PathBuf),
    External(External),
    Revisions(Vec<String>),
}

/// git's external-diff arguments.
struct External {
    path: String,
    old_file: Option<PathBuf>,
    new_file: Option<PathBuf>,
    new_path: Option<String>,
}

fn usage(message: String) -> anyhow::Error {
    Failure::Other(message).into()
}

fn mode(args: &DiffArgs, ctx: &Ctx) -> anyhow::Result<Mode> {
    let a = &args.args;
    if a.len() == 2 && Path::new(&a[0]).is_file() && Path::new(&a[1]).is_file() {
        if !args.paths.is_empty() {
            return Err(usage(words::paths_with_files(ctx.lang)));
        }
        return Ok(Mode::Files(PathBuf::from(&a[0]), PathBuf::from(&a[1])));
    }
    // One file that exists and one that looks like a file but does not: the user
    // meant two files, so name the missing one (not "unknown revision" for the other).
    if a.len() == 2 && a.iter().any(|s| Path::new(s).is_file()) {
        if let Some(missing) = a
            .iter()
            .find(|s| looks_like_path(s) && !Path::new(s).exists())
        {
            return Err(Failure::NotFound {
                path: PathBuf::from(missing),
            }
            .into());
        }
    }
    if (a.len() == 7 || a.len() == 9) && args.paths.is_empty() && looks_external(a) {
        let side = |file: &str| (file != "/dev/null").then(|| PathBuf::from(file));
        return Ok(Mode::External(External {
            path: a[0].clone(),
            old_file: side(&a[1]),
            new_file: side(&a[4]),
            new_path: a.get(7).cloned(),
        }));
    }
    if a.len() > 2 {
        return Err(usage(words::diff_usage(ctx.lang)));
    }
    for rev in a {
        git::check_revision(rev)?;
    }
    Ok(Mode::Revisions(a.clone()))
}

/// A sheet's file name, not a revision (`origin/main` has a slash too, so a slash
/// alone does not say it).
fn looks_like_path(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [".toml", ".xlsx", ".xlsm"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Hex names and modes where git's convention has them (`.` for a missing side).
fn looks_external(a: &[String]) -> bool {
    let hex = |s: &str| s == "." || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()));
    let mode = |s: &str| s == "." || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    hex(&a[2]) && mode(&a[3]) && hex(&a[5]) && mode(&a[6])
}

pub fn run(args: &DiffArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let mode = mode(args, ctx)?;
    let external = matches!(mode, Mode::External(_));
    // Two files named on the command line are not a rename.
    let follow_renames = !matches!(mode, Mode::Files(..));
    let (old, new, pairs) = match mode {
        Mode::Files(a, b) => {
            let old = LoadedVersion::load(read_file(&a)?, ctx.today);
            let new = LoadedVersion::load(read_file(&b)?, ctx.today);
            (
                DiffSide::file(&old.name),
                DiffSide::file(&new.name),
                vec![VersionPair {
                    old: Some(old),
                    new: Some(new),
                }],
            )
        }
        Mode::External(e) => {
            let new_path = e.new_path.as_deref().unwrap_or(&e.path);
            let load = |file: &Option<PathBuf>, name: &str| -> anyhow::Result<_> {
                Ok(match file {
                    Some(f) => {
                        let mut v = read_file(f)?;
                        v.name = name.to_string();
                        Some(LoadedVersion::load(v, ctx.today))
                    }
                    None => None,
                })
            };
            let pair = VersionPair {
                old: load(&e.old_file, &e.path)?,
                new: load(&e.new_file, new_path)?,
            };
            (
                DiffSide::file(&e.path),
                DiffSide::file(new_path),
                vec![pair],
            )
        }
        Mode::Revisions(revs) => revisions(&revs, &args.paths, ctx)?,
    };
    let report = DiffReport::new(old, new, &pairs, follow_renames);
    let unloadable = report.count(SheetStatus::Error) > 0;
    let human = args.format == DiagFormat::Human;
    // As git's external diff, stdout is all the reader sees (stderr would land
    // outside git's pager): why a version was not compared is said there.
    if !(external && human) {
        for pair in &pairs {
            for (_, version) in pair.unloadable() {
                let text =
                    crate::render::diag::render_errors(&version.report, ctx.lang, ctx.color_stderr);
                let mut err = ctx.stderr();
                err.write_all(text.as_bytes())?;
                writeln!(err, "{}\n", words::side_skipped(ctx.lang, &version.name))?;
                err.flush()?;
            }
        }
    }
    if human {
        let mut out = ctx.stdout();
        render::diff::human(&report, ctx.lang, ctx.color_stdout, &mut out)?;
        if external {
            for pair in pairs.iter().filter(|p| p.unloadable().next().is_some()) {
                render::diff::unloadable(pair, ctx.lang, ctx.color_stdout, &mut out)?;
            }
        }
        out.flush()?;
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        crate::output::write_json(&mut out, &report)?;
        out.flush()?;
    }
    Ok(if external {
        // git takes any exit but 0 of an external diff for a crash and stops
        // (unless diff.trustExitCode is set), so differences, and a version that
        // does not load, exit 0 there: `git log -p` goes on.
        Exit::Ok
    } else if unloadable {
        Exit::Trouble
    } else if report.changes.is_empty() {
        Exit::Ok
    } else {
        Exit::Findings
    })
}

fn read_file(path: &Path) -> Result<Version, Failure> {
    let bytes = workspace::read_sheet(path)?;
    Ok(Version {
        name: workspace::display_path(path),
        bytes,
    })
}

fn revisions(
    revs: &[String],
    paths: &[PathBuf],
    ctx: &Ctx,
) -> anyhow::Result<(DiffSide, DiffSide, Vec<VersionPair>)> {
    let here = match &ctx.dir {
        Some(d) if d.is_dir() => d.clone(),
        Some(d) => return Err(Failure::NotFound { path: d.clone() }.into()),
        None => PathBuf::from("."),
    };
    let repo = match Repo::discover(&here) {
        Ok(r) => r,
        Err(e) => {
            // `sheet diff a.toml typo.toml` outside a repository: say which file is missing.
            if let Some(missing) = revs
                .iter()
                .find(|r| looks_like_path(r) && !Path::new(r).exists())
            {
                return Err(Failure::NotFound {
                    path: PathBuf::from(missing),
                }
                .into());
            }
            return Err(e.into());
        }
    };
    // `sheet diff a.toml typo.toml`: say which file is missing, not "unknown revision".
    let commit = |rev: &str| {
        repo.commit(rev).map_err(|e| match e {
            Failure::UnknownRevision(_) if looks_like_path(rev) && !Path::new(rev).exists() => {
                Failure::NotFound {
                    path: PathBuf::from(rev),
                }
            }
            e => e,
        })
    };
    let old = commit(revs.first().map(String::as_str).unwrap_or("HEAD"))?;
    let new = match revs.get(1) {
        Some(r) => Some(commit(r)?),
        None => None,
    };
    let selection = if !paths.is_empty() {
        let mut ps = Vec::new();
        for p in paths {
            ps.push(repo.relative(p)?);
        }
        Selection::new(SelectionKind::Paths(ps))
    } else {
        let dir = match &ctx.dir {
            Some(d) => Ok(d.clone()),
            None => crate::discover::find_regions_dir(),
        };
        match dir.map(|d| repo.relative(&d)) {
            Ok(Ok(rel)) => Selection::new(SelectionKind::Paths(vec![rel])),
            _ => Selection::new(SelectionKind::AnyRegionsDir),
        }
    };
    let versions = revisions::between(&repo, &old, new.as_ref(), &selection)?;
    let load_all = |vs: Vec<Version>| -> Vec<LoadedVersion> {
        vs.into_iter()
            .map(|v| LoadedVersion::load(v, ctx.today))
            .collect()
    };
    let pairs = report::pair(
        load_all(versions.old),
        load_all(versions.new),
        &versions.renames,
    );
    let new_side = new
        .as_ref()
        .map_or_else(DiffSide::working_tree, DiffSide::revision);
    Ok((DiffSide::revision(&old), new_side, pairs))
}
