//! `diff` for people: one block per changed sheet, one entry per change, the path
//! of each change in the words of the sheet, edited sentences marked inline.

use std::io::{self, Write};
use std::time::Duration;

use serde_json::Value as Json;
use similar::{ChangeTag, TextDiff};

use crate::core::fiscal::FiscalYear;
use crate::i18n::review::{self as words, DiffCounts, W};
use crate::i18n::Lang;
use crate::render::terminal::clean;
use crate::report::diff::semantic::{self, Segment, SegmentTag, Standing};
use crate::report::diff::LoadedVersion;
use crate::report::diff::{
    Change, DiffReport, DiffSide, Kind, NoteKind, Section, SheetStatus, VersionPair,
};

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

/// A side as people read it: the file, `HEAD~1 (abc1234)`, or the working tree.
/// A value with line breaks, its later lines under its first (after `    - `),
/// not at the start of the line where they would break the layout.
fn hanging(value: &str) -> String {
    let lead = value.len() - value.trim_start_matches(' ').len();
    value.replace('\n', &format!("\n{}", " ".repeat(6 + lead)))
}

fn side_name(s: &DiffSide, lang: Lang) -> String {
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

/// `text（2018-11-02、予定）` for a progress item or hospital collaboration; a date
/// is shown as written when that says more (`11月中旬`, `未定`).
fn event_line(v: &Json, lang: Lang) -> String {
    let mut extra = Vec::new();
    if let Some(d) = get_str(v, "date_text").or_else(|| get_str(v, "date")) {
        extra.push(clean(d));
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
                let written = get_str(v, &format!("{key}_text")).map(clean);
                if let Some(x) = v.get(key) {
                    let shown = written.unwrap_or_else(|| scalar(x, None, lang));
                    parts.push(format!("{} {shown}", label(key)));
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
fn standing_line(value: &str, numeric: bool, s: &Standing, lang: Lang) -> String {
    let mut judged = crate::render::judged(s, lang);
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
        return clean(&semantic::inline_markers(segments));
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

fn render_change(c: &Change, lang: Lang, style: &Style, out: &mut dyn Write) -> io::Result<()> {
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
                    writeln!(out, "    {}", paint(&format!("{prefix} {}", hanging(l))))?;
                }
            }
        }
        Kind::Changed => {
            // As written when that says more (`11月中旬`, `未定`, `13人`).
            let show = |v: &Option<Json>, text: &Option<String>| match text {
                Some(t) => clean(t),
                None => v
                    .as_ref()
                    .map_or("-".to_string(), |v| scalar(v, field, lang)),
            };
            let (old, new) = (show(&c.old, &c.old_text), show(&c.new, &c.new_text));
            let (old_line, new_line) = match &c.assessment {
                Some(a) => {
                    // A bare number gets its unit; a value written with words has it.
                    let numeric = |v: &Option<Json>, text: &Option<String>| {
                        text.is_none() && matches!(v, Some(Json::Number(_)))
                    };
                    (
                        standing_line(&old, numeric(&c.old, &c.old_text), &a.old, lang),
                        standing_line(&new, numeric(&c.new, &c.new_text), &a.new, lang),
                    )
                }
                None => (old.clone(), new.clone()),
            };
            writeln!(
                out,
                "    {}",
                style.red(&format!("- {}", hanging(&old_line)))
            )?;
            writeln!(
                out,
                "    {}",
                style.green(&format!("+ {}", hanging(&new_line)))
            )?;
            let is_text = |v: &Option<Json>| matches!(v, Some(Json::String(_)));
            let plain_text = !matches!(
                field,
                Some("status" | "better" | "date" | "as_of" | "rescheduled_from")
            );
            if is_text(&c.old) && is_text(&c.new) && plain_text {
                let (Some(Json::String(a)), Some(Json::String(b))) = (&c.old, &c.new) else {
                    return Ok(());
                };
                let segs = semantic::inline_chars(a, b);
                writeln!(out, "    = {}", inline(&segs, style))?;
            }
        }
    }
    Ok(())
}

/// The report for people: a summary line, then a block per changed sheet with one
/// entry per change, then the notes.
pub fn human(report: &DiffReport, lang: Lang, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let style = Style { on: color };
    let counts = DiffCounts {
        changes: report.changes.len(),
        changed: report.count(SheetStatus::Changed),
        added: report.count(SheetStatus::Added),
        removed: report.count(SheetStatus::Removed),
        unloadable: report.count(SheetStatus::Error),
    };
    writeln!(
        out,
        "{}",
        style.bold(&words::diff_summary(
            lang,
            &clean(&side_name(&report.old, lang)),
            &clean(&side_name(&report.new, lang)),
            counts,
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

/// How long the line diff of two versions as written may take: past it, the lines
/// are shown as removed and added.
const RAW_DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// A pair that was not compared because a version does not load, for git's
/// external diff (where stdout is all the reader sees): why, with the errors of each
/// such version, then both versions as written, marked as a line diff.
pub fn unloadable(
    pair: &VersionPair,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let style = Style { on: color };
    for (old, version) in pair.unloadable() {
        writeln!(out)?;
        let name = clean(&version.name);
        writeln!(
            out,
            "{}",
            style.bold(&words::version_does_not_load(lang, old, &name))
        )?;
        let errors = crate::render::diag::render_errors(&version.report, lang, color);
        writeln!(out, "{}", errors.trim_end())?;
    }
    let text = |v: &Option<LoadedVersion>| {
        v.as_ref()
            .map(|v| clean(&String::from_utf8_lossy(&v.bytes)))
            .unwrap_or_default()
    };
    let (old, new) = (text(&pair.old), text(&pair.new));
    writeln!(out)?;
    writeln!(out, "{}", style.bold(words::as_written(lang)))?;
    let diff = TextDiff::configure()
        .timeout(RAW_DIFF_TIMEOUT)
        .diff_lines(&old, &new);
    for change in diff.iter_all_changes() {
        let line = change.value().trim_end_matches(['\n', '\r']);
        match change.tag() {
            ChangeTag::Equal => writeln!(out, " {line}")?,
            ChangeTag::Delete => writeln!(out, "{}", style.red(&format!("-{line}")))?,
            ChangeTag::Insert => writeln!(out, "{}", style.green(&format!("+{line}")))?,
        }
    }
    Ok(())
}
