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
//! Across revisions sheets are matched by path, then by git's rename detection, then
//! by (prefecture, region, fiscal year). `duplicate-region` is not checked between
//! the two sides.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value as Json;

use crate::check::region_identity;
use crate::cli::{DiagFormat, DiffArgs};
use crate::diag::FileReport;
use crate::error::Failure;
use crate::fiscal::FiscalYear;
use crate::git::{self, Commit, Repo};
use crate::i18n::review::{self as words, W};
use crate::i18n::Lang;
use crate::model::Sheet;
use crate::output::{Ctx, Exit};
use crate::report::diff::semantic::{
    self as diff, Change, Kind, Note, NoteKind, Section, Segment, SegmentTag,
};
use crate::revisions::{self, Rename, Selection, SelectionKind, Version};
use crate::source::clean;
use crate::workspace;

/// What one side of the comparison is.
#[derive(Debug, Clone, Serialize)]
pub struct SideInfo {
    /// `file`, `revision` or `working_tree`.
    pub kind: &'static str,
    /// The file or the revision as given; null for the working tree.
    pub name: Option<String>,
    /// The commit a revision resolved to.
    pub commit: Option<String>,
}

/// What happened to one sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetStatus {
    Unchanged,
    Changed,
    Added,
    Removed,
    /// One side has errors: not compared.
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct SheetEntry {
    pub region: Option<String>,
    pub old_file: Option<String>,
    pub new_file: Option<String>,
    pub status: SheetStatus,
    pub changes: usize,
}

/// `diff --format json` (SPEC §4.1, with more keys).
#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub old: SideInfo,
    pub new: SideInfo,
    pub sheets: Vec<SheetEntry>,
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
}

/// A version read and checked; `sheet` only when it has no error.
struct Loaded {
    name: String,
    report: FileReport,
    sheet: Option<Sheet>,
}

impl Loaded {
    fn new(v: Version, ctx: &Ctx) -> Loaded {
        let (report, sheet) = workspace::load_text(&v.name, &v.bytes, ctx.today);
        let sheet = sheet.filter(|_| !report.has_errors());
        Loaded {
            name: v.name,
            report,
            sheet,
        }
    }
}

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
            let old = Loaded::new(read_file(&a)?, ctx);
            let new = Loaded::new(read_file(&b)?, ctx);
            (
                SideInfo {
                    kind: "file",
                    name: Some(old.name.clone()),
                    commit: None,
                },
                SideInfo {
                    kind: "file",
                    name: Some(new.name.clone()),
                    commit: None,
                },
                vec![(Some(old), Some(new))],
            )
        }
        Mode::External(e) => {
            let load = |file: &Option<PathBuf>, name: &str| -> anyhow::Result<Option<Loaded>> {
                Ok(match file {
                    Some(f) => {
                        let mut v = read_file(f)?;
                        v.name = name.to_string();
                        Some(Loaded::new(v, ctx))
                    }
                    None => None,
                })
            };
            let old = load(&e.old_file, &e.path)?;
            let new = load(&e.new_file, e.new_path.as_deref().unwrap_or(&e.path))?;
            let info = |name: &str| SideInfo {
                kind: "file",
                name: Some(name.to_string()),
                commit: None,
            };
            (
                info(&e.path),
                info(e.new_path.as_deref().unwrap_or(&e.path)),
                vec![(old, new)],
            )
        }
        Mode::Revisions(revs) => revisions(&revs, &args.paths, ctx)?,
    };
    let (report, trouble) = compare(old, new, pairs, follow_renames, ctx)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        DiagFormat::Json => {
            // Serialise first so a closed pipe is an io error (ends quietly).
            let json = serde_json::to_string_pretty(&report)?;
            writeln!(out, "{json}")?;
        }
        DiagFormat::Human => render_human(&report, ctx, &mut out)?,
    }
    out.flush()?;
    Ok(if trouble {
        Exit::Trouble
    } else if report.changes.is_empty() || external {
        // As an external diff, git takes any exit but 0 for a crash (unless
        // diff.trustExitCode is set), so differences exit 0 there.
        Exit::Ok
    } else {
        Exit::Findings
    })
}

fn read_file(path: &Path) -> Result<Version, Failure> {
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Failure::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            Failure::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    Ok(Version {
        name: workspace::display_path(path),
        bytes,
    })
}

type Pairs = Vec<(Option<Loaded>, Option<Loaded>)>;

fn revisions(
    revs: &[String],
    paths: &[PathBuf],
    ctx: &Ctx,
) -> anyhow::Result<(SideInfo, SideInfo, Pairs)> {
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
                .find(|r| r.ends_with(".toml") && !Path::new(r).exists())
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
            Failure::UnknownRevision(_) if rev.ends_with(".toml") && !Path::new(rev).exists() => {
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
    let load_all =
        |vs: Vec<Version>| -> Vec<Loaded> { vs.into_iter().map(|v| Loaded::new(v, ctx)).collect() };
    let pairs = pair(
        load_all(versions.old),
        load_all(versions.new),
        &versions.renames,
    );
    let info = |c: &Commit| SideInfo {
        kind: "revision",
        name: Some(c.rev.clone()),
        commit: Some(c.hash.clone()),
    };
    let new_info = match &new {
        Some(c) => info(c),
        None => SideInfo {
            kind: "working_tree",
            name: None,
            commit: None,
        },
    };
    Ok((info(&old), new_info, pairs))
}

/// Pairs old and new versions: same path, then renamed (as git detects it), then
/// the same prefecture, region and fiscal year.
fn pair(old: Vec<Loaded>, new: Vec<Loaded>, renames: &[Rename]) -> Pairs {
    let mut old: Vec<Option<Loaded>> = old.into_iter().map(Some).collect();
    let mut new: Vec<Option<Loaded>> = new.into_iter().map(Some).collect();
    let mut pairs: Pairs = Vec::new();
    let take_pair = |old: &mut Vec<Option<Loaded>>,
                     new: &mut Vec<Option<Loaded>>,
                     pairs: &mut Pairs,
                     same: &dyn Fn(&Loaded, &Loaded) -> bool| {
        for slot in old.iter_mut() {
            let Some(o) = slot.as_ref() else { continue };
            let found = new
                .iter()
                .position(|n| n.as_ref().is_some_and(|n| same(o, n)));
            if let Some(j) = found {
                pairs.push((slot.take(), new[j].take()));
            }
        }
    };
    take_pair(&mut old, &mut new, &mut pairs, &|o, n| o.name == n.name);
    take_pair(&mut old, &mut new, &mut pairs, &|o, n| {
        renames.iter().any(|r| r.old == o.name && r.new == n.name)
    });
    take_pair(
        &mut old,
        &mut new,
        &mut pairs,
        &|o, n| match (&o.sheet, &n.sheet) {
            (Some(a), Some(b)) => region_identity(a) == region_identity(b),
            _ => false,
        },
    );
    pairs.extend(old.into_iter().flatten().map(|o| (Some(o), None)));
    pairs.extend(new.into_iter().flatten().map(|n| (None, Some(n))));
    let key = |p: &(Option<Loaded>, Option<Loaded>)| {
        p.1.as_ref()
            .or(p.0.as_ref())
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    pairs.sort_by_key(key);
    pairs
}

/// Diffs every pair; sides with errors are reported on stderr and left out.
fn compare(
    old: SideInfo,
    new: SideInfo,
    pairs: Pairs,
    follow_renames: bool,
    ctx: &Ctx,
) -> anyhow::Result<(DiffReport, bool)> {
    let mut report = DiffReport {
        old,
        new,
        sheets: Vec::new(),
        changes: Vec::new(),
        notes: Vec::new(),
    };
    let mut trouble = false;
    for (o, n) in pairs {
        let mut broken = false;
        for side in [&o, &n].into_iter().flatten() {
            if side.sheet.is_none() {
                broken = true;
                print_errors(&side.report, ctx)?;
                eprintln!("{}\n", words::side_skipped(ctx.lang, &side.name));
            }
        }
        let region = |l: &Option<Loaded>| {
            l.as_ref()
                .and_then(|l| l.sheet.as_ref())
                .map(|s| s.region.clone())
        };
        let mut entry = SheetEntry {
            region: region(&n).or_else(|| region(&o)),
            old_file: o.as_ref().map(|l| l.name.clone()),
            new_file: n.as_ref().map(|l| l.name.clone()),
            status: SheetStatus::Error,
            changes: 0,
        };
        if broken {
            trouble = true;
            report.sheets.push(entry);
            continue;
        }
        let sheet = |l: &Option<Loaded>| l.as_ref().and_then(|l| l.sheet.clone());
        match (sheet(&o), sheet(&n)) {
            (Some(a), Some(b)) => {
                let d = diff::diff_sheets(&a, &b);
                if follow_renames && a.file != b.file {
                    report.notes.push(Note {
                        region: b.region.clone(),
                        file: b.file.clone(),
                        kind: NoteKind::Renamed {
                            old_file: a.file.clone(),
                        },
                        section: None,
                        parent: None,
                    });
                }
                entry.changes = d.changes.len();
                entry.status = if d.changes.is_empty() {
                    SheetStatus::Unchanged
                } else {
                    SheetStatus::Changed
                };
                report.changes.extend(d.changes);
                report.notes.extend(d.notes);
            }
            (None, Some(b)) => {
                entry.status = SheetStatus::Added;
                entry.changes = 1;
                report.changes.push(diff::whole_sheet(&b, Kind::Added));
            }
            (Some(a), None) => {
                entry.status = SheetStatus::Removed;
                entry.changes = 1;
                report.changes.push(diff::whole_sheet(&a, Kind::Removed));
            }
            (None, None) => {}
        }
        report.sheets.push(entry);
    }
    Ok((report, trouble))
}

/// Prints the errors of a file that could not be loaded on stderr.
pub(crate) fn print_errors(report: &FileReport, ctx: &Ctx) -> std::io::Result<()> {
    let text = crate::diag::render_errors(report, ctx.lang, ctx.color_stderr);
    std::io::stderr().write_all(text.as_bytes())
}

// ---------------------------------------------------------------------------
// Human output

/// ANSI styles, used only when colour is on.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.paint("1", t)
    }
    fn red(&self, t: &str) -> String {
        self.paint("31", t)
    }
    fn green(&self, t: &str) -> String {
        self.paint("32", t)
    }
    fn yellow(&self, t: &str) -> String {
        self.paint("33", t)
    }
}

fn side_label(s: &SideInfo, lang: Lang) -> String {
    match (s.kind, &s.name, &s.commit) {
        ("working_tree", _, _) => W::WorkingTree.get(lang).to_string(),
        (_, Some(name), Some(commit)) => {
            let short: String = commit.chars().take(7).collect();
            if name.starts_with(&short) {
                name.clone()
            } else {
                format!("{name} ({short})")
            }
        }
        (_, Some(name), None) => name.clone(),
        _ => String::new(),
    }
}

/// Shortens an item's text for the path line of a block.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let text = clean(text).replace(['\n', '\r'], " ");
    let mut width = 0;
    let mut out = String::new();
    for c in text.chars() {
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width > MAX {
            out.push_str("...");
            return out;
        }
        out.push(c);
    }
    out
}

fn path_line(c: &Change, lang: Lang) -> String {
    let quoted = |s: &Option<String>| {
        s.as_deref()
            .map(|s| lang.pick(format!("「{}」", short(s)), format!(" \"{}\"", short(s))))
            .unwrap_or_default()
    };
    let mut parts = Vec::new();
    let sec = words::section(c.section, lang);
    match c.section {
        Section::Sheet => parts.push(sec.to_string()),
        Section::Progress => {
            parts.push(format!(
                "{}{}",
                words::section(Section::Goals, lang),
                quoted(&c.parent)
            ));
            parts.push(format!("{sec}{}", quoted(&c.item)));
        }
        Section::Views => {
            parts.push(format!(
                "{}{}",
                words::section(Section::Challenges, lang),
                quoted(&c.item)
            ));
            parts.push(sec.to_string());
        }
        Section::Strengths | Section::Concerns | Section::Questions => parts.push(sec.to_string()),
        _ => parts.push(format!("{sec}{}", quoted(&c.item))),
    }
    if let Some(f) = &c.field {
        parts.push(words::field(f, lang));
    }
    parts.join(" ")
}

/// A scalar value for people: strings as written, status words translated.
fn scalar(v: &Json, field: Option<&str>, lang: Lang) -> String {
    match v {
        Json::String(s) if matches!(field, Some("status" | "better")) => words::status(s, lang),
        Json::String(s) => clean(s),
        Json::Null => "-".to_string(),
        Json::Number(n) => n.to_string(),
        Json::Bool(b) => b.to_string(),
        other => clean(&other.to_string()),
    }
}

fn get_str<'j>(v: &'j Json, key: &str) -> Option<&'j str> {
    v.get(key).and_then(Json::as_str)
}

/// `text（2018-11-02、予定）` for a progress item or hospital collaboration.
fn event_line(v: &Json, lang: Lang) -> String {
    let mut extra = Vec::new();
    if let Some(d) = get_str(v, "date") {
        extra.push(d.to_string());
    }
    if let Some(s) = get_str(v, "status") {
        extra.push(words::status(s, lang));
    }
    if let Some(o) = get_str(v, "organizer") {
        extra.push(format!("{}: {}", words::field("organizer", lang), clean(o)));
    }
    let text = clean(get_str(v, "text").unwrap_or_default());
    if extra.is_empty() {
        text
    } else {
        lang.pick(
            format!("{text}（{}）", extra.join("、")),
            format!("{text} ({})", extra.join(", ")),
        )
    }
}

/// Lines describing an added or removed item.
fn describe(c: &Change, v: &Json, lang: Lang) -> Vec<String> {
    if !v.is_object() {
        return vec![scalar(v, c.field.as_deref(), lang)];
    }
    let label = |key: &str| words::field(key, lang);
    match c.section {
        Section::Sheet => {
            let fy = v
                .get("fiscal_year")
                .and_then(Json::as_i64)
                .and_then(|y| i32::try_from(y).ok())
                .and_then(FiscalYear::new)
                .map(|fy| match lang {
                    Lang::Ja => fy.display_ja(),
                    Lang::En => fy.display_en(),
                })
                .unwrap_or_default();
            let mut lines = vec![format!(
                "{} {} {fy}",
                clean(get_str(v, "prefecture").unwrap_or_default()),
                clean(get_str(v, "region").unwrap_or_default())
            )];
            let count = |key: &str| v.get(key).and_then(Json::as_array).map_or(0, Vec::len);
            lines.push(lang.pick(
                format!(
                    "達成目標 {}、課題 {}、指標 {}",
                    count("goals"),
                    count("challenges"),
                    count("indicators")
                ),
                format!(
                    "{} goals, {} challenges, {} indicators",
                    count("goals"),
                    count("challenges"),
                    count("indicators")
                ),
            ));
            lines
        }
        Section::Goals => {
            let mut lines = vec![clean(get_str(v, "text").unwrap_or_default())];
            for p in v
                .get("progress")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                lines.push(format!("  {}: {}", label("progress"), event_line(p, lang)));
            }
            lines
        }
        Section::Progress | Section::HospitalCollaboration => vec![event_line(v, lang)],
        Section::Challenges => {
            let mut lines = vec![clean(get_str(v, "text").unwrap_or_default())];
            for a in v
                .get("actions")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                lines.push(format!("  {}: {}", label("actions"), scalar(a, None, lang)));
            }
            lines
        }
        Section::Indicators => {
            let mut parts = Vec::new();
            for key in ["baseline", "current", "target"] {
                if let Some(x) = v.get(key) {
                    parts.push(format!("{} {}", label(key), scalar(x, None, lang)));
                }
            }
            let unit = get_str(v, "unit").map(clean).unwrap_or_default();
            vec![format!(
                "{}: {} {unit}",
                clean(get_str(v, "name").unwrap_or_default()),
                parts.join(" / ")
            )
            .trim_end()
            .to_string()]
        }
        _ => vec![clean(&v.to_string())],
    }
}

/// `11 人（達成、進捗 0%）`.
fn standing_line(value: &str, numeric: bool, s: &diff::Standing, lang: Lang) -> String {
    let mut judged = Vec::new();
    match s.achieved {
        Some(true) => judged.push(W::Achieved.get(lang).to_string()),
        Some(false) => judged.push(W::NotAchieved.get(lang).to_string()),
        None => {}
    }
    if let Some(p) = s.progress_pct {
        judged.push(format!(
            "{} {}",
            W::ProgressPct.get(lang),
            crate::render::percent(p)
        ));
    }
    if let Some(t) = &s.target {
        judged.push(format!("{} {t}", W::TargetWord.get(lang)));
    }
    let unit = s.unit.as_deref().map(clean).unwrap_or_default();
    let value = if unit.is_empty() || !numeric {
        value.to_string()
    } else {
        format!("{value} {unit}")
    };
    if judged.is_empty() {
        value
    } else {
        lang.pick(
            format!("{value}（{}）", judged.join("、")),
            format!("{value} ({})", judged.join(", ")),
        )
    }
}

fn inline(segments: &[Segment], style: &Style) -> String {
    if !style.on {
        return clean(&diff::inline_markers(segments));
    }
    segments
        .iter()
        .map(|s| {
            let t = clean(&s.text);
            match s.tag {
                SegmentTag::Equal => t,
                SegmentTag::Delete => style.paint("7;31", &t),
                SegmentTag::Insert => style.paint("7;32", &t),
            }
        })
        .collect()
}

fn render_change(
    c: &Change,
    lang: Lang,
    style: &Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", style.yellow(&path_line(c, lang)))?;
    let (mark, label) = match c.kind {
        Kind::Added => ("+", words::kind(c.kind, lang)),
        Kind::Removed => ("-", words::kind(c.kind, lang)),
        Kind::Changed => ("~", words::kind(c.kind, lang)),
    };
    writeln!(out, "  {mark} {label}")?;
    let field = c.field.as_deref();
    match c.kind {
        Kind::Added | Kind::Removed => {
            let v = if c.kind == Kind::Added {
                &c.new
            } else {
                &c.old
            };
            let paint = |t: &str| {
                if c.kind == Kind::Added {
                    style.green(t)
                } else {
                    style.red(t)
                }
            };
            if let Some(v) = v {
                let lines = describe(c, v, lang);
                for (i, l) in lines.iter().enumerate() {
                    let prefix = if i == 0 { mark } else { " " };
                    writeln!(out, "    {}", paint(&format!("{prefix} {l}")))?;
                }
            }
        }
        Kind::Changed => {
            let show = |v: &Option<Json>| {
                v.as_ref()
                    .map_or("-".to_string(), |v| scalar(v, field, lang))
            };
            let (old, new) = (show(&c.old), show(&c.new));
            let (old_line, new_line) = match &c.assessment {
                Some(a) => {
                    let numeric = |v: &Option<Json>| matches!(v, Some(Json::Number(_)));
                    (
                        standing_line(&old, numeric(&c.old), &a.old, lang),
                        standing_line(&new, numeric(&c.new), &a.new, lang),
                    )
                }
                None => (old.clone(), new.clone()),
            };
            writeln!(out, "    {}", style.red(&format!("- {old_line}")))?;
            writeln!(out, "    {}", style.green(&format!("+ {new_line}")))?;
            let is_text = |v: &Option<Json>| matches!(v, Some(Json::String(_)));
            let plain_text = !matches!(
                field,
                Some("status" | "better" | "date" | "as_of" | "rescheduled_from")
            );
            if is_text(&c.old) && is_text(&c.new) && plain_text {
                let (Some(Json::String(a)), Some(Json::String(b))) = (&c.old, &c.new) else {
                    return Ok(());
                };
                let segs = diff::inline_chars(a, b);
                writeln!(out, "    = {}", inline(&segs, style))?;
            }
        }
    }
    Ok(())
}

fn render_human(report: &DiffReport, ctx: &Ctx, out: &mut dyn Write) -> std::io::Result<()> {
    let lang = ctx.lang;
    let style = Style {
        on: ctx.color_stdout,
    };
    let count = |s: SheetStatus| report.sheets.iter().filter(|e| e.status == s).count();
    writeln!(
        out,
        "{}",
        style.bold(&words::diff_summary(
            lang,
            &clean(&side_label(&report.old, lang)),
            &clean(&side_label(&report.new, lang)),
            report.changes.len(),
            count(SheetStatus::Changed),
            count(SheetStatus::Added),
            count(SheetStatus::Removed),
        ))
    )?;
    for entry in &report.sheets {
        let file = entry.new_file.as_ref().or(entry.old_file.as_ref());
        let changes: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| Some(&c.file) == file)
            .collect();
        if changes.is_empty() {
            continue;
        }
        let files = match (&entry.old_file, &entry.new_file) {
            (Some(a), Some(b)) if a != b => format!("{a} -> {b}"),
            _ => file.cloned().unwrap_or_default(),
        };
        let region = entry.region.as_deref().unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.bold(&format!("== {} ({}) ==", clean(region), clean(&files)))
        )?;
        for c in changes {
            writeln!(out)?;
            render_change(c, lang, &style, out)?;
        }
    }
    if !report.notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}:", W::Notes.get(lang))?;
        for n in &report.notes {
            let text = match &n.kind {
                NoteKind::OrderChanged => {
                    let mut what = n
                        .section
                        .map(|s| words::section(s, lang).to_string())
                        .unwrap_or_default();
                    if let Some(p) = &n.parent {
                        what = lang.pick(
                            format!("「{}」の{what}", short(p)),
                            format!("{what} of \"{}\"", short(p)),
                        );
                    }
                    words::order_changed(lang, &n.region, &what)
                }
                NoteKind::Renamed { old_file } => {
                    words::renamed(lang, &n.region, old_file, &n.file)
                }
            };
            writeln!(out, "  - {}", clean(&text))?;
        }
    }
    Ok(())
}
