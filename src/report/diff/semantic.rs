//! The semantic diff of two sheets: what changed per section and item, not per line.
//!
//! Items of a list (goals, progress items, challenges, actions, views, indicators,
//! hospital collaboration, strengths, concerns, questions) are matched
//!
//! 1. by `id` (goals and challenges),
//! 2. else by equal text (after NFC and trimming),
//! 3. else by similar text: the character-level similarity ratio of `similar`
//!    (2 × matching characters / total characters, after NFC) of at least
//!    [`SIMILARITY_THRESHOLD`], best pairs first,
//!
//! so an edited sentence is one `changed`, not a removal and an addition. Two items
//! that both carry an `id` are never matched when the ids differ. A reordering alone
//! is no change; it is reported as a [`Note`]. Values are compared for meaning: `11`
//! and `11.0`, `"11月2日"` and `2018-11-02`, `"予定"` and `"planned"` are equal.
//!
//! Pure: two sheets in, changes and notes out.

use std::borrow::Cow;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value as Json;
use similar::{Algorithm, ChangeTag, InlineChangeMode, InlineChangeOptions, TextDiff};
use unicode_normalization::UnicodeNormalization;

use crate::core::model::{Challenge, DateValue, Event, Goal, Indicator, Sheet, Value, View};
use crate::core::value::WrittenNumber;
pub use crate::report::Standing;

/// The least similarity (0–1) for two texts to count as one edited item: an edited
/// sentence keeps at least half of its characters.
pub const SIMILARITY_THRESHOLD: f32 = 0.5;

/// Above this many candidate pairs in one list, step 3 (similar text) is skipped, so a
/// hostile sheet with thousands of items cannot make a diff slow.
const MAX_SIMILARITY_PAIRS: usize = 4096;

/// Where a change is (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Sheet,
    Goals,
    Progress,
    Challenges,
    Views,
    Indicators,
    HospitalCollaboration,
    Strengths,
    Concerns,
    Questions,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Sheet => "sheet",
            Section::Goals => "goals",
            Section::Progress => "progress",
            Section::Challenges => "challenges",
            Section::Views => "views",
            Section::Indicators => "indicators",
            Section::HospitalCollaboration => "hospital_collaboration",
            Section::Strengths => "strengths",
            Section::Concerns => "concerns",
            Section::Questions => "questions",
        }
    }
}

/// What happened to the item or field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

/// An indicator's standing before and after a change of its values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub old: Standing,
    pub new: Standing,
}

/// One change (SPEC §4.1 `diff`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub region: String,
    /// The sheet's path (the new one when both exist).
    pub file: String,
    pub section: Section,
    /// The goal, challenge, indicator, progress item or list entry, by `id`, else its
    /// text (as it was before, for a changed or removed item). `null` for `[sheet]`.
    pub item: Option<String>,
    /// The goal of a progress item; the challenge of a view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The key that changed; `null` when a whole item was added or removed.
    pub field: Option<String>,
    pub kind: Kind,
    pub old: Option<Json>,
    pub new: Option<Json>,
    /// A changed field's old value as written, when it says more than `old`: a date
    /// with a precision word or a weekday (`"11月中旬"`), `"未定"`, a number written
    /// with words (`"13人"`) (SPEC §4.1 `date_text`, `<field>_text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_text: Option<String>,
    /// The same for `new`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_text: Option<String>,
    /// For a changed indicator value: its standing before and after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
}

/// Something worth saying that is not a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum NoteKind {
    /// The items of a list are in another order.
    OrderChanged,
    /// The sheet's file was renamed or moved.
    Renamed { old_file: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub region: String,
    pub file: String,
    #[serde(flatten)]
    pub kind: NoteKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// The goal or challenge whose list was reordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// The changes between two versions of one sheet.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SheetDiff {
    pub changes: Vec<Change>,
    pub notes: Vec<Note>,
}

/// How the items of two lists correspond.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matching {
    /// (old index, new index), by old index.
    pub pairs: Vec<(usize, usize)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
    /// The matched items are in another relative order.
    pub reordered: bool,
}

/// What identifies an item for matching.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub id: Option<&'a str>,
    pub text: &'a str,
}

fn nfc(s: &str) -> String {
    s.trim().nfc().collect()
}

/// Similarity ratio (0–1) of two texts, per character after NFC.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (nfc(a), nfc(b));
    if a == b {
        return 1.0;
    }
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(50))
        .diff_chars(a.as_str(), b.as_str())
        .ratio()
}

/// Matches two lists: by id, else equal text, else similar text.
pub fn match_items(old: &[Key], new: &[Key]) -> Matching {
    let compatible = |o: &Key, n: &Key| match (o.id, n.id) {
        (Some(a), Some(b)) => a.trim() == b.trim(),
        _ => true,
    };
    let mut old_to_new: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_taken = vec![false; new.len()];
    // 1. ids
    for (i, o) in old.iter().enumerate() {
        let Some(id) = o.id else { continue };
        if let Some(j) = (0..new.len())
            .find(|&j| !new_taken[j] && new[j].id.is_some_and(|n| n.trim() == id.trim()))
        {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
    // 2. equal text
    let new_norm: Vec<String> = new.iter().map(|k| nfc(k.text)).collect();
    for (i, o) in old.iter().enumerate() {
        if old_to_new[i].is_some() {
            continue;
        }
        let text = nfc(o.text);
        if let Some(j) =
            (0..new.len()).find(|&j| !new_taken[j] && new_norm[j] == text && compatible(o, &new[j]))
        {
            old_to_new[i] = Some(j);
            new_taken[j] = true;
        }
    }
    // 3. similar text, best pairs first
    let old_left: Vec<usize> = (0..old.len())
        .filter(|&i| old_to_new[i].is_none())
        .collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&j| !new_taken[j]).collect();
    if !old_left.is_empty()
        && !new_left.is_empty()
        && old_left.len() * new_left.len() <= MAX_SIMILARITY_PAIRS
    {
        let mut candidates = Vec::new();
        for &i in &old_left {
            for &j in &new_left {
                if !compatible(&old[i], &new[j]) {
                    continue;
                }
                let r = similarity(old[i].text, new[j].text);
                if r >= SIMILARITY_THRESHOLD {
                    candidates.push((r, i, j));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, i, j) in candidates {
            if old_to_new[i].is_none() && !new_taken[j] {
                old_to_new[i] = Some(j);
                new_taken[j] = true;
            }
        }
    }
    let pairs: Vec<(usize, usize)> = old_to_new
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    let reordered = pairs.windows(2).any(|w| w[0].1 > w[1].1);
    Matching {
        removed: (0..old.len())
            .filter(|&i| old_to_new[i].is_none())
            .collect(),
        added: (0..new.len()).filter(|&j| !new_taken[j]).collect(),
        pairs,
        reordered,
    }
}

/// Collects changes for one pair of sheets.
struct Differ<'a> {
    region: &'a str,
    file: &'a str,
    out: SheetDiff,
}

/// Where the fields being compared are: a section, the item (`None` for `[sheet]`)
/// and the item's parent.
#[derive(Clone, Copy)]
struct At<'s> {
    section: Section,
    item: Option<&'s str>,
    parent: Option<&'s str>,
}

impl<'s> At<'s> {
    fn new(section: Section, item: Option<&'s str>, parent: Option<&'s str>) -> At<'s> {
        At {
            section,
            item,
            parent,
        }
    }
}

/// Matches two lists of items by the key each gives ([`match_items`]).
fn match_by<'s, T>(a: &'s [T], b: &'s [T], key: impl Fn(&'s T) -> Key<'s>) -> Matching {
    let ka: Vec<Key> = a.iter().map(&key).collect();
    let kb: Vec<Key> = b.iter().map(&key).collect();
    match_items(&ka, &kb)
}

/// What a scalar field holds, for comparing by meaning.
#[derive(Debug, Clone, PartialEq)]
enum Field {
    Text(String),
    Number(f64),
    Date(crate::core::date::SheetDate),
    Absent,
}

fn text_field(s: Option<&str>) -> Field {
    match s {
        Some(s) if !crate::core::text::is_blank(s) => Field::Text(nfc(s)),
        _ => Field::Absent,
    }
}

/// A date, or `未定` (`undetermined`: no date, announced as not fixed yet).
type DateSide<'a> = (Option<&'a DateValue>, bool);

fn date_field((d, undetermined): DateSide) -> Field {
    match d {
        Some(d) => Field::Date(d.date),
        None if undetermined => Field::Text(crate::core::indicator::UNDETERMINED.to_string()),
        None => Field::Absent,
    }
}

/// A date as written, when it says more than its ISO form (JSON's `date_text`).
fn date_text((d, undetermined): DateSide) -> Option<String> {
    crate::core::model::date_text(d, undetermined).map(str::to_string)
}

/// A value written as a number with words, as written (JSON's `<field>_text`).
fn value_text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_written_number).map(|w| w.text.clone())
}

fn value_field(v: Option<&Value>) -> Field {
    match v {
        None => Field::Absent,
        Some(Value::Integer(i)) => Field::Number(*i as f64),
        Some(Value::Float(f)) => Field::Number(*f),
        // A number written as text (`"13人"`) compares by its text, as before it
        // was read as a number.
        Some(Value::Text(t) | Value::Written(WrittenNumber { text: t, .. })) => text_field(Some(t)),
    }
}

fn json_of<T: Serialize>(v: &T) -> Option<Json> {
    serde_json::to_value(v).ok()
}

/// An item added or removed whole, as JSON: what serde writes, with the texts
/// SPEC §4.1 adds (a progress item's `date_text`, an indicator's `<field>_text`).
trait ItemJson: Serialize + Sized {
    fn item_json(&self) -> Option<Json> {
        json_of(self)
    }
}

/// Sets `key` of a JSON object to `text`, when there is one.
fn put_text(json: &mut Json, key: &str, text: Option<String>) {
    if let (Some(object), Some(text)) = (json.as_object_mut(), text) {
        object.insert(key.to_string(), Json::String(text));
    }
}

/// The `i`-th element of array `key` of a JSON object.
fn element<'j>(json: &'j mut Json, key: &str, i: usize) -> Option<&'j mut Json> {
    json.get_mut(key).and_then(|a| a.get_mut(i))
}

fn add_event_texts(json: &mut Json, e: &Event) {
    put_text(
        json,
        "date_text",
        date_text((e.date.as_ref(), e.date_undetermined)),
    );
    put_text(
        json,
        "rescheduled_from_text",
        date_text((e.rescheduled_from.as_ref(), false)),
    );
}

fn add_indicator_texts(json: &mut Json, i: &Indicator) {
    put_text(json, "baseline_text", value_text(i.baseline.as_ref()));
    put_text(json, "current_text", value_text(i.current.as_ref()));
    put_text(json, "target_text", value_text(i.target.as_ref()));
}

fn add_goal_texts(json: &mut Json, g: &Goal) {
    for (i, e) in g.progress.iter().enumerate() {
        if let Some(item) = element(json, "progress", i) {
            add_event_texts(item, e);
        }
    }
}

impl ItemJson for Event {
    fn item_json(&self) -> Option<Json> {
        let mut json = json_of(self)?;
        add_event_texts(&mut json, self);
        Some(json)
    }
}

impl ItemJson for Indicator {
    fn item_json(&self) -> Option<Json> {
        let mut json = json_of(self)?;
        add_indicator_texts(&mut json, self);
        Some(json)
    }
}

impl ItemJson for Goal {
    fn item_json(&self) -> Option<Json> {
        let mut json = json_of(self)?;
        add_goal_texts(&mut json, self);
        Some(json)
    }
}

impl ItemJson for Challenge {}

impl ItemJson for Sheet {
    fn item_json(&self) -> Option<Json> {
        let mut json = json_of(self)?;
        for (i, g) in self.goals.iter().enumerate() {
            if let Some(item) = element(&mut json, "goals", i) {
                add_goal_texts(item, g);
            }
        }
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(item) = element(&mut json, "indicators", i) {
                add_indicator_texts(item, ind);
            }
        }
        for (i, e) in self.hospital_collaboration.iter().enumerate() {
            if let Some(item) = element(&mut json, "hospital_collaboration", i) {
                add_event_texts(item, e);
            }
        }
        Some(json)
    }
}

fn opt_json<T: Serialize>(v: Option<&T>) -> Option<Json> {
    v.and_then(json_of)
}

impl<'a> Differ<'a> {
    fn push(
        &mut self,
        section: Section,
        item: Option<&str>,
        parent: Option<&str>,
        field: Option<&str>,
        old: Option<Json>,
        new: Option<Json>,
    ) {
        let kind = match (&old, &new) {
            (None, Some(_)) => Kind::Added,
            (Some(_), None) => Kind::Removed,
            _ => Kind::Changed,
        };
        self.out.changes.push(Change {
            region: self.region.to_string(),
            file: self.file.to_string(),
            section,
            item: item.map(str::to_string),
            parent: parent.map(str::to_string),
            field: field.map(str::to_string),
            kind,
            old,
            new,
            old_text: None,
            new_text: None,
            assessment: None,
        });
    }

    /// Compares one field; `old`/`new` are what JSON shows.
    fn field(
        &mut self,
        at: At<'_>,
        name: &str,
        (a, old): (Field, Option<Json>),
        (b, new): (Field, Option<Json>),
    ) -> bool {
        if a == b {
            return false;
        }
        // The kind follows what the fields hold: a date that became `未定` is
        // changed, though its JSON date is null.
        let kind = match (&a, &b) {
            (Field::Absent, _) => Kind::Added,
            (_, Field::Absent) => Kind::Removed,
            _ => Kind::Changed,
        };
        let old = if a == Field::Absent { None } else { old };
        let new = if b == Field::Absent { None } else { new };
        self.push(at.section, at.item, at.parent, Some(name), old, new);
        if let Some(last) = self.out.changes.last_mut() {
            last.kind = kind;
        }
        true
    }

    /// Sets the texts as written of the change just pushed.
    fn texts(&mut self, old: Option<String>, new: Option<String>) {
        if let Some(last) = self.out.changes.last_mut() {
            last.old_text = old;
            last.new_text = new;
        }
    }

    fn text(&mut self, at: At<'_>, name: &str, old: Option<&str>, new: Option<&str>) {
        self.field(
            at,
            name,
            (text_field(old), old.map(|s| Json::String(s.to_string()))),
            (text_field(new), new.map(|s| Json::String(s.to_string()))),
        );
    }

    fn date(&mut self, at: At<'_>, name: &str, old: DateSide, new: DateSide) {
        let (a, b) = (
            (date_field(old), opt_json(old.0)),
            (date_field(new), opt_json(new.0)),
        );
        if self.field(at, name, a, b) {
            self.texts(date_text(old), date_text(new));
        }
    }

    fn note_order(&mut self, section: Section, parent: Option<&str>) {
        self.out.notes.push(Note {
            region: self.region.to_string(),
            file: self.file.to_string(),
            kind: NoteKind::OrderChanged,
            section: Some(section),
            parent: parent.map(str::to_string),
        });
    }

    /// A list of plain strings (strengths, concerns, questions, actions, a view).
    fn strings(
        &mut self,
        section: Section,
        parent: Option<&str>,
        field: Option<&str>,
        old: &[String],
        new: &[String],
    ) {
        // Blank entries (`providers = ""`) are "not filled", not text; a one-item
        // list is the string it holds, read as a workbook cell reads it.
        let (old, new) = (list_items(old), list_items(new));
        let ko: Vec<Key> = old.iter().map(|s| Key { id: None, text: s }).collect();
        let kn: Vec<Key> = new.iter().map(|s| Key { id: None, text: s }).collect();
        let m = match_items(&ko, &kn);
        let (item_of, parent_of) = match field {
            // A view or the actions: the item is the challenge.
            Some(_) => (parent, None),
            None => (None, parent),
        };
        for &(i, j) in &m.pairs {
            if nfc(&old[i]) != nfc(&new[j]) {
                let item = item_of.unwrap_or(&old[i]);
                self.push(
                    section,
                    Some(item),
                    parent_of,
                    field,
                    Some(Json::String(old[i].to_string())),
                    Some(Json::String(new[j].to_string())),
                );
            }
        }
        for &i in &m.removed {
            let item = item_of.unwrap_or(&old[i]);
            self.push(
                section,
                Some(item),
                parent_of,
                field,
                Some(Json::String(old[i].to_string())),
                None,
            );
        }
        for &j in &m.added {
            let item = item_of.unwrap_or(&new[j]);
            self.push(
                section,
                Some(item),
                parent_of,
                field,
                None,
                Some(Json::String(new[j].to_string())),
            );
        }
        if m.reordered {
            self.note_order(section, parent);
        }
    }

    fn sheet(&mut self, a: &Sheet, b: &Sheet) {
        let at = At::new(Section::Sheet, None, None);
        self.text(at, "prefecture", Some(&a.prefecture), Some(&b.prefecture));
        self.text(at, "region", Some(&a.region), Some(&b.region));
        let fy = |x: &Sheet| x.fiscal_year.start_year();
        self.field(
            at,
            "fiscal_year",
            (Field::Number(f64::from(fy(a))), Some(Json::from(fy(a)))),
            (Field::Number(f64::from(fy(b))), Some(Json::from(fy(b)))),
        );
        self.text(at, "meeting", a.meeting.as_deref(), b.meeting.as_deref());
        self.date(
            at,
            "as_of",
            (a.as_of.as_ref(), false),
            (b.as_of.as_ref(), false),
        );
        self.text(at, "theme", a.theme.as_deref(), b.theme.as_deref());
        self.text(at, "summary", a.summary.as_deref(), b.summary.as_deref());
        self.strings(Section::Strengths, None, None, &a.strengths, &b.strengths);
        self.strings(Section::Concerns, None, None, &a.concerns, &b.concerns);
        self.strings(Section::Questions, None, None, &a.questions, &b.questions);
    }

    fn goals<'s>(&mut self, a: &'s [Goal], b: &'s [Goal]) {
        let m = match_by(a, b, |g| Key {
            id: g.id.as_deref(),
            text: &g.text,
        });
        let s = Section::Goals;
        for &(i, j) in &m.pairs {
            let (o, n) = (&a[i], &b[j]);
            let name = name_of(o.id.as_deref(), &o.text);
            let at = At::new(s, Some(name), None);
            self.text(at, "id", o.id.as_deref(), n.id.as_deref());
            self.text(at, "text", Some(&o.text), Some(&n.text));
            self.text(
                at,
                "indicator",
                o.indicator.as_deref(),
                n.indicator.as_deref(),
            );
            self.events(Section::Progress, Some(name), &o.progress, &n.progress);
        }
        self.unmatched(s, None, &m, a, b, |g| name_of(g.id.as_deref(), &g.text));
    }

    /// Progress items of a goal, or hospital collaboration.
    fn events<'s>(&mut self, s: Section, parent: Option<&str>, a: &'s [Event], b: &'s [Event]) {
        let m = match_by(a, b, |e| Key {
            id: None,
            text: &e.text,
        });
        for &(i, j) in &m.pairs {
            let (o, n) = (&a[i], &b[j]);
            let at = At::new(s, Some(o.text.as_str()), parent);
            self.text(at, "text", Some(&o.text), Some(&n.text));
            let date = |e: &'s Event| (e.date.as_ref(), e.date_undetermined);
            self.date(at, "date", date(o), date(n));
            let status = |e: &Event| e.status.map(|x| x.as_str());
            self.text(at, "status", status(o), status(n));
            let moved = |e: &'s Event| (e.rescheduled_from.as_ref(), false);
            self.date(at, "rescheduled_from", moved(o), moved(n));
            self.text(at, "note", o.note.as_deref(), n.note.as_deref());
            self.text(
                at,
                "organizer",
                o.organizer.as_deref(),
                n.organizer.as_deref(),
            );
        }
        self.unmatched(s, parent, &m, a, b, |e| &e.text);
    }

    fn challenges<'s>(&mut self, a: &'s [Challenge], b: &'s [Challenge]) {
        let m = match_by(a, b, |c| Key {
            id: c.id.as_deref(),
            text: &c.text,
        });
        let s = Section::Challenges;
        for &(i, j) in &m.pairs {
            let (o, n) = (&a[i], &b[j]);
            let name = name_of(o.id.as_deref(), &o.text);
            let at = At::new(s, Some(name), None);
            self.text(at, "id", o.id.as_deref(), n.id.as_deref());
            self.text(at, "text", Some(&o.text), Some(&n.text));
            self.strings(s, Some(name), Some("actions"), &o.actions, &n.actions);
            for v in View::ALL {
                self.strings(
                    Section::Views,
                    Some(name),
                    Some(v.key()),
                    o.views.get(v),
                    n.views.get(v),
                );
            }
        }
        self.unmatched(s, None, &m, a, b, |c| name_of(c.id.as_deref(), &c.text));
    }

    fn indicators<'s>(&mut self, a: &'s [Indicator], b: &'s [Indicator]) {
        let m = match_by(a, b, |i| Key {
            id: None,
            text: &i.name,
        });
        let s = Section::Indicators;
        for &(i, j) in &m.pairs {
            let (o, n) = (&a[i], &b[j]);
            let at = At::new(s, Some(o.name.as_str()), None);
            self.text(at, "name", Some(&o.name), Some(&n.name));
            self.text(at, "reason", o.reason.as_deref(), n.reason.as_deref());
            self.text(at, "unit", o.unit.as_deref(), n.unit.as_deref());
            let better = |i: &Indicator| Some(i.better().as_str());
            self.text(at, "better", better(o), better(n));
            let standing = Assessment {
                old: Standing::of(o),
                new: Standing::of(n),
            };
            for (field, x, y) in [
                ("baseline", &o.baseline, &n.baseline),
                ("current", &o.current, &n.current),
                ("target", &o.target, &n.target),
            ] {
                let changed = self.field(
                    at,
                    field,
                    (value_field(x.as_ref()), opt_json(x.as_ref())),
                    (value_field(y.as_ref()), opt_json(y.as_ref())),
                );
                if changed {
                    self.texts(value_text(x.as_ref()), value_text(y.as_ref()));
                    if let Some(last) = self.out.changes.last_mut() {
                        last.assessment = Some(standing.clone());
                    }
                }
            }
        }
        self.unmatched(s, None, &m, a, b, |i| &i.name);
    }

    /// The items only one side has (whole, as `removed` / `added`), and a note when
    /// the matched items were only reordered.
    fn unmatched<T: ItemJson>(
        &mut self,
        s: Section,
        parent: Option<&str>,
        m: &Matching,
        a: &[T],
        b: &[T],
        name: impl Fn(&T) -> &str,
    ) {
        for &i in &m.removed {
            self.push(s, Some(name(&a[i])), parent, None, a[i].item_json(), None);
        }
        for &j in &m.added {
            self.push(s, Some(name(&b[j])), parent, None, None, b[j].item_json());
        }
        if m.reordered {
            self.note_order(s, parent);
        }
    }
}

/// The statements of a list, as a workbook cell holds them (SPEC §6): blank ones
/// left out, and a one-item list the same as a string of the same text — which is
/// a list when its lines each start with `・`. So `["a"]` and `"a"`, or
/// `["・a\n・b"]` and `["a", "b"]`, are no change, and `sheet diff` finds nothing
/// between a sheet and the import of its export.
fn list_items(v: &[String]) -> Vec<Cow<'_, str>> {
    let filled: Vec<&String> = v
        .iter()
        .filter(|s| !crate::core::text::is_blank(s))
        .collect();
    if let [one] = filled.as_slice() {
        if let Some(lines) = bullet_lines(one) {
            return lines.into_iter().map(Cow::Owned).collect();
        }
    }
    filled
        .into_iter()
        .map(|s| Cow::Borrowed(s.as_str()))
        .collect()
}

/// The items of a text of two or more lines that each start with `・`.
fn bullet_lines(text: &str) -> Option<Vec<String>> {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !crate::core::text::is_blank(l))
        .collect();
    if lines.len() < 2 {
        return None;
    }
    lines
        .iter()
        .map(|l| {
            l.trim_start()
                .strip_prefix('・')
                .map(|i| i.trim().to_string())
        })
        .collect()
}

fn name_of<'s>(id: Option<&'s str>, text: &'s str) -> &'s str {
    match id {
        Some(id) if !id.trim().is_empty() => id,
        _ => text,
    }
}

/// The changes from `old` to `new` (two versions of one region's sheet).
pub fn diff_sheets(old: &Sheet, new: &Sheet) -> SheetDiff {
    let mut d = Differ {
        region: &new.region,
        file: &new.file,
        out: SheetDiff::default(),
    };
    d.sheet(old, new);
    d.goals(&old.goals, &new.goals);
    d.challenges(&old.challenges, &new.challenges);
    d.indicators(&old.indicators, &new.indicators);
    d.events(
        Section::HospitalCollaboration,
        None,
        &old.hospital_collaboration,
        &new.hospital_collaboration,
    );
    d.out
}

/// A sheet added or removed whole: one change, the sheet as its value.
pub fn whole_sheet(sheet: &Sheet, kind: Kind) -> Change {
    let value = sheet.item_json();
    let (old, new) = match kind {
        Kind::Removed => (value, None),
        _ => (None, value),
    };
    Change {
        region: sheet.region.clone(),
        file: sheet.file.clone(),
        section: Section::Sheet,
        item: None,
        parent: None,
        field: None,
        kind,
        old,
        new,
        old_text: None,
        new_text: None,
        assessment: None,
    }
}

/// A piece of an inline, character-level comparison of two texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub tag: SegmentTag,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentTag {
    Equal,
    Delete,
    Insert,
}

/// What changed inside an edited text, character by character after NFC (Japanese
/// has no spaces to split words on), tidied by `similar`'s semantic cleanup. Line
/// ends inside a value are shown as `⏎`.
pub fn inline_chars(old: &str, new: &str) -> Vec<Segment> {
    let flat = |s: &str| -> String {
        s.nfc()
            .collect::<String>()
            .replace("\r\n", "\n")
            .replace('\n', "⏎")
            + "\n"
    };
    let (old, new) = (flat(old), flat(new));
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_millis(200))
        .diff_lines(old.as_str(), new.as_str());
    let mut options = InlineChangeOptions::new();
    options
        .mode(InlineChangeMode::Chars)
        .semantic_cleanup(true)
        .min_ratio(0.0);
    let mut deleted: Vec<(bool, String)> = Vec::new();
    let mut inserted: Vec<(bool, String)> = Vec::new();
    let mut equal: Option<String> = None;
    for op in diff.ops() {
        for change in diff.iter_inline_changes_with_options(op, options) {
            let parts: Vec<(bool, String)> = change
                .iter_strings_lossy()
                .map(|(e, s)| (e, s.trim_end_matches('\n').to_string()))
                .filter(|(_, s)| !s.is_empty())
                .collect();
            match change.tag() {
                ChangeTag::Delete => deleted.extend(parts),
                ChangeTag::Insert => inserted.extend(parts),
                ChangeTag::Equal => {
                    equal = Some(parts.into_iter().map(|(_, s)| s).collect());
                }
            }
        }
    }
    if let Some(text) = equal {
        return vec![Segment {
            tag: SegmentTag::Equal,
            text,
        }];
    }
    merge_inline(deleted, inserted)
}

/// Merges the emphasised pieces of the old and the new line into one sequence. The
/// unemphasised pieces of both are the same text, in the same order.
fn merge_inline(old: Vec<(bool, String)>, new: Vec<(bool, String)>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |tag: SegmentTag, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(text),
            _ => out.push(Segment {
                tag,
                text: text.to_string(),
            }),
        }
    };
    let (mut oi, mut ni) = (0, 0);
    // Offsets into a partly consumed equal piece.
    let (mut oo, mut no) = (0, 0);
    loop {
        match (old.get(oi), new.get(ni)) {
            (Some((true, s)), _) => {
                push(SegmentTag::Delete, s);
                oi += 1;
            }
            (_, Some((true, s))) => {
                push(SegmentTag::Insert, s);
                ni += 1;
            }
            (Some((false, a)), Some((false, b))) => {
                let (ra, rb) = (&a[oo..], &b[no..]);
                let common: usize = ra
                    .chars()
                    .zip(rb.chars())
                    .take_while(|(x, y)| x == y)
                    .map(|(x, _)| x.len_utf8())
                    .sum();
                if common == 0 {
                    // Not the same text after all: show both sides whole.
                    push(SegmentTag::Delete, ra);
                    push(SegmentTag::Insert, rb);
                    oi += 1;
                    ni += 1;
                    oo = 0;
                    no = 0;
                    continue;
                }
                push(SegmentTag::Equal, &ra[..common]);
                oo += common;
                no += common;
                if oo >= a.len() {
                    oi += 1;
                    oo = 0;
                }
                if no >= b.len() {
                    ni += 1;
                    no = 0;
                }
            }
            (Some((false, a)), None) => {
                push(SegmentTag::Delete, &a[oo..]);
                oi += 1;
                oo = 0;
            }
            (None, Some((false, b))) => {
                push(SegmentTag::Insert, &b[no..]);
                ni += 1;
                no = 0;
            }
            (None, None) => break,
        }
    }
    out
}

/// `地域[-移行-]{+定着+}支援`: the inline comparison with markers, for output
/// without colour.
pub fn inline_markers(segments: &[Segment]) -> String {
    let mut s = String::new();
    for seg in segments {
        match seg.tag {
            SegmentTag::Equal => s.push_str(&seg.text),
            SegmentTag::Delete => {
                s.push_str("[-");
                s.push_str(&seg.text);
                s.push_str("-]");
            }
            SegmentTag::Insert => {
                s.push_str("{+");
                s.push_str(&seg.text);
                s.push_str("+}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<'a>(v: &'a [&'a str]) -> Vec<Key<'a>> {
        v.iter().map(|t| Key { id: None, text: t }).collect()
    }

    #[test]
    fn inline_japanese() {
        let segs = inline_chars(
            "地域移行支援の強化が必要である。",
            "地域定着支援の充実が必要である。",
        );
        assert_eq!(
            inline_markers(&segs),
            "地域[-移行-]{+定着+}支援の[-強化-]{+充実+}が必要である。"
        );
        let segs = inline_chars("同じ", "同じ");
        assert_eq!(inline_markers(&segs), "同じ");
        assert_eq!(inline_markers(&inline_chars("", "新")), "{+新+}");
        assert_eq!(inline_markers(&inline_chars("旧", "")), "[-旧-]");
        assert_eq!(
            inline_markers(&inline_chars("a\nb", "a\nc")),
            "a⏎[-b-]{+c+}"
        );
    }

    #[test]
    fn edited_sentence_matches_similar() {
        let m = match_items(
            &keys(&["地域移行支援の強化が必要である。", "ピアサポーター"]),
            &keys(&["ピアサポーター", "地域定着支援の充実が必要である。"]),
        );
        assert_eq!(m.pairs, vec![(0, 1), (1, 0)]);
        assert!(m.reordered);
        assert!(m.added.is_empty() && m.removed.is_empty());
    }

    #[test]
    fn unrelated_texts_do_not_match() {
        let m = match_items(&keys(&["病院との連携"]), &keys(&["予算が足りない"]));
        assert!(m.pairs.is_empty());
        assert_eq!((m.removed.clone(), m.added.clone()), (vec![0], vec![0]));
    }

    #[test]
    fn different_ids_never_match() {
        let old = [Key {
            id: Some("a"),
            text: "同じ文",
        }];
        let new = [Key {
            id: Some("b"),
            text: "同じ文",
        }];
        let m = match_items(&old, &new);
        assert!(m.pairs.is_empty());
        let new = [Key {
            id: Some("a"),
            text: "全く別の文章です",
        }];
        assert_eq!(match_items(&old, &new).pairs, vec![(0, 0)]);
    }

    /// A sheet with one challenge whose actions and community view are `actions`
    /// and `community` (TOML values).
    fn challenge_sheet(actions: &str, community: &str) -> Sheet {
        let text = format!(
            "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 2018\n\
             strengths = [\"強み\"]\n\
             [[challenges]]\ntext = \"課題\"\nactions = {actions}\n\
             [challenges.views]\ncommunity = {community}\n"
        );
        let today = chrono::NaiveDate::from_ymd_opt(2018, 9, 30).unwrap();
        let (report, sheet) = crate::workspace::load_text("t.toml", text.as_bytes(), today);
        assert!(!report.has_errors(), "{:?}\n{text}", report.diagnostics);
        sheet.unwrap()
    }

    /// SPEC §6: a workbook cell holds a one-item list as its one string, and a list
    /// as `・` lines; for the round trip, `diff` finds no change between the forms.
    #[test]
    fn a_one_item_list_and_a_string_of_the_same_text_are_equal() {
        let list = challenge_sheet(r#"["方針"]"#, r#"["住民の声"]"#);
        let string = challenge_sheet(r#"["方針"]"#, r#""住民の声""#);
        assert_eq!(diff_sheets(&list, &string), SheetDiff::default());
        assert_eq!(diff_sheets(&string, &list), SheetDiff::default());
        // The one string a cell of `・` lines is, against the list it reads as.
        let lines = challenge_sheet(r#"["・方針A\n・方針B"]"#, r#""・声A\n・声B""#);
        let items = challenge_sheet(r#"["方針A", "方針B"]"#, r#"["声A", "声B"]"#);
        assert_eq!(diff_sheets(&lines, &items), SheetDiff::default());
        assert_eq!(diff_sheets(&items, &lines), SheetDiff::default());
        // Blank items do not count.
        let blanks = challenge_sheet(r#"["", "方針"]"#, r#"["住民の声", " "]"#);
        assert_eq!(diff_sheets(&blanks, &list), SheetDiff::default());
    }

    #[test]
    fn lists_that_differ_still_differ() {
        let one = challenge_sheet(r#"["方針A"]"#, r#""声A""#);
        let two = challenge_sheet(r#"["方針A", "方針B"]"#, r#"["声A", "声B"]"#);
        let d = diff_sheets(&one, &two);
        let added: Vec<(&str, Option<&str>)> = d
            .changes
            .iter()
            .map(|c| (c.section.as_str(), c.field.as_deref()))
            .collect();
        assert_eq!(
            added,
            [
                ("challenges", Some("actions")),
                ("views", Some("community"))
            ]
        );
        assert!(d.changes.iter().all(|c| c.kind == Kind::Added));
        // A single line starting with `・` is text, not a list.
        let bullet = challenge_sheet(r#"["・方針A"]"#, r#""・声A""#);
        assert_eq!(diff_sheets(&one, &bullet).changes.len(), 2);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        /// Short texts from few characters, so equal and similar texts are common.
        fn text() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                proptest::sample::select(vec!['地', '域', '移', '行', '支', '援', '病', '院']),
                1..7,
            )
            .prop_map(|v| v.into_iter().collect())
        }

        #[derive(Debug, Clone)]
        struct Spec {
            strengths: Vec<String>,
            goals: Vec<(String, Vec<(String, bool)>)>,
            indicators: Vec<(i64, i64, i64)>,
            theme: Option<String>,
        }

        fn spec() -> impl Strategy<Value = Spec> {
            (
                proptest::collection::vec(text(), 0..5),
                proptest::collection::vec(
                    (
                        text(),
                        proptest::collection::vec((text(), any::<bool>()), 0..3),
                    ),
                    0..4,
                ),
                proptest::collection::vec((0i64..20, 0i64..20, 0i64..20), 0..3),
                proptest::option::of(text()),
            )
                .prop_map(|(strengths, goals, indicators, theme)| Spec {
                    strengths,
                    goals,
                    indicators,
                    theme,
                })
        }

        fn sheet(spec: &Spec) -> Option<Sheet> {
            let q = |s: &str| format!("\"{s}\"");
            let mut t = String::from(
                "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 2018\nas_of = 2018-09-30\n",
            );
            if let Some(th) = &spec.theme {
                t.push_str(&format!("theme = {}\n", q(th)));
            }
            let list: Vec<String> = spec.strengths.iter().map(|s| q(s)).collect();
            t.push_str(&format!("strengths = [{}]\n", list.join(", ")));
            for (g, progress) in &spec.goals {
                t.push_str(&format!("[[goals]]\ntext = {}\n", q(g)));
                for (p, done) in progress {
                    let status = if *done { "done" } else { "planned" };
                    t.push_str(&format!(
                        "[[goals.progress]]\ntext = {}\nstatus = \"{status}\"\n",
                        q(p)
                    ));
                }
            }
            for (n, (b, c, tg)) in spec.indicators.iter().enumerate() {
                t.push_str(&format!(
                    "[[indicators]]\nname = \"指標{n}\"\nbaseline = {b}\ncurrent = {c}\ntarget = {tg}\n"
                ));
            }
            let today = chrono::NaiveDate::from_ymd_opt(2018, 9, 30)?;
            let (report, sheet) = crate::workspace::load_text("t.toml", t.as_bytes(), today);
            sheet.filter(|_| !report.has_errors())
        }

        fn count(d: &SheetDiff, k: Kind) -> usize {
            d.changes.iter().filter(|c| c.kind == k).count()
        }

        #[test]
        fn generated_sheets_load() {
            let spec = Spec {
                strengths: vec!["地域".into(), "病院".into()],
                goals: vec![("支援".into(), vec![("移行".into(), true)])],
                indicators: vec![(1, 2, 3)],
                theme: Some("院".into()),
            };
            assert!(sheet(&spec).is_some());
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn a_sheet_against_itself_is_empty(a in spec()) {
                let Some(a) = sheet(&a) else { return Ok(()) };
                let d = diff_sheets(&a, &a);
                prop_assert!(d.changes.is_empty(), "{:#?}", d.changes);
                prop_assert!(d.notes.is_empty(), "{:#?}", d.notes);
            }

            #[test]
            fn added_and_removed_are_symmetric(a in spec(), b in spec()) {
                let (Some(a), Some(b)) = (sheet(&a), sheet(&b)) else { return Ok(()) };
                let ab = diff_sheets(&a, &b);
                let ba = diff_sheets(&b, &a);
                prop_assert_eq!(count(&ab, Kind::Added), count(&ba, Kind::Removed));
                prop_assert_eq!(count(&ab, Kind::Removed), count(&ba, Kind::Added));
                prop_assert_eq!(count(&ab, Kind::Changed), count(&ba, Kind::Changed));
                prop_assert_eq!(ab.changes.is_empty(), ba.changes.is_empty());
            }
        }
    }

    #[test]
    fn duplicates_pair_in_order() {
        let m = match_items(&keys(&["x", "x", "y"]), &keys(&["x", "y", "x"]));
        assert_eq!(m.pairs, vec![(0, 0), (1, 2), (2, 1)]);
    }
}
