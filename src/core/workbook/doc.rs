//! A sheet as a small document tree: the tables and keys of format 1 with values as
//! TOML holds them, each remembering the cell it came from; and its writer.
//!
//! A workbook is read by turning its worksheets into a [`Doc`], writing that as
//! TOML while noting which bytes of the text each value, key and table came from,
//! and loading the text as any sheet is loaded: one loader and one set of checks
//! for both forms. The places of the findings are then turned back into cells
//! ([`Written::locate`]). The same writer, given [`Comments`], writes the sheet that
//! `sheet import` makes.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::core::date::Precision;
use crate::core::keys::Table as Kind;
use crate::core::model::{DateValue, Event, Sheet, Value as SheetValue, View};
use crate::core::place::CellRef;

/// A sheet as tables of keys and values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// `format = 1`, at the top.
    pub format: Option<Value>,
    /// `[sheet]`; `None` when the workbook has no `シート`.
    pub sheet: Option<Table>,
    pub goals: Vec<Goal>,
    pub challenges: Vec<Challenge>,
    pub indicators: Vec<Table>,
    pub hospital_collaboration: Vec<Table>,
}

/// A `[[goals]]` and its `[[goals.progress]]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goal {
    pub table: Table,
    pub progress: Vec<Table>,
}

/// A `[[challenges]]` and its `[challenges.views]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Challenge {
    pub table: Table,
    pub views: Option<Table>,
}

/// One table: its keys in order, and where it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub entries: Vec<Entry>,
    /// The row it came from (its main cell), or the header row of its worksheet.
    pub place: Option<CellRef>,
    /// For keys left empty, the cell where each would have been: a finding about
    /// a missing value points there.
    pub slots: Vec<(&'static str, CellRef)>,
}

/// `key = value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: &'static str,
    pub value: Value,
}

/// A value and its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub place: Option<CellRef>,
}

/// What a value is, as TOML holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    Str(String),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
    /// An array (of strings, for a valid sheet); each item has its own cell.
    List(Vec<Value>),
}

impl Value {
    pub fn new(kind: ValueKind, place: Option<CellRef>) -> Value {
        Value { kind, place }
    }

    pub fn str(s: impl Into<String>) -> Value {
        Value::new(ValueKind::Str(s.into()), None)
    }
}

impl Table {
    pub fn at(place: Option<CellRef>) -> Table {
        Table {
            place,
            ..Table::default()
        }
    }

    pub fn push(&mut self, key: &'static str, value: Value) {
        self.entries.push(Entry { key, value });
    }

    /// The value of `key`, if written.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.value)
    }

    /// The cell where `key` would have been written.
    pub fn slot(&self, key: &str) -> Option<&CellRef> {
        self.slots.iter().find(|(k, _)| *k == key).map(|(_, c)| c)
    }
}

// ------------------------------------------------------------------ the writer

/// The comments of a sheet written for people (`sheet import`): given by the layer
/// that holds the words. Each string is the text of a comment; lines are split at
/// `\n` and each is written after `# `.
pub trait Comments {
    /// The `#:schema` reference for editors, if any.
    fn schema(&self) -> Option<String> {
        None
    }
    /// The comment that opens the file.
    fn head(&self, doc: &Doc) -> Vec<String>;
    /// What a key means, written above the first table of each kind that has it.
    fn key(&self, table: Kind, key: &str) -> Option<String>;
    /// The comment before a part of the sheet.
    fn before(&self, part: Section, doc: &Doc) -> Vec<String>;
}

/// The parts of a sheet a comment may open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// `１ 達成目標と現時点での進捗状況`, before the goals.
    Goals,
    /// `２ 圏域の取組における強みと課題`, before the challenges.
    Challenges,
    /// `課題解決の達成度を測る指標`, before the indicators.
    Indicators,
    /// `３ 病院（医療機関）との連携状況`.
    Hospital,
    /// `４ 現時点での課題・悩み` (concerns, then questions to other regions), at
    /// the end.
    End,
}

/// The text written from a [`Doc`], and where each part of it came from.
#[derive(Debug, Clone)]
pub struct Written {
    pub text: String,
    /// Byte spans of values, keys and tables, by start (the outer first where
    /// two start together). Spans nest or are apart: a table holds its keys and
    /// values, a list its items.
    marks: Vec<(Range<usize>, Mark)>,
    /// For each mark, the innermost mark holding it.
    parents: Vec<Option<usize>>,
    tables: Vec<TableMark>,
}

#[derive(Debug, Clone)]
enum Mark {
    Cell(CellRef),
    Table(usize),
}

/// A table's place and slots, kept for [`Written::locate`].
#[derive(Debug, Clone)]
struct TableMark {
    place: Option<CellRef>,
    slots: Vec<(&'static str, CellRef)>,
}

/// Where a byte of the written text came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Located<'a> {
    /// A value or a key: its cell.
    Cell(&'a CellRef),
    /// Elsewhere in a table (its header): the table's place, and the cells of its
    /// keys left empty.
    Table {
        place: Option<&'a CellRef>,
        slots: &'a [(&'static str, CellRef)],
    },
}

impl Written {
    /// The innermost value, key or table whose text holds the byte at `offset`:
    /// the last mark starting at or before it, or the nearest of its holders that
    /// reaches it (a few steps, whatever the size of the text).
    pub fn locate(&self, offset: usize) -> Option<Located<'_>> {
        let holds =
            |span: &Range<usize>| span.start <= offset && offset < span.end.max(span.start + 1);
        let mut at = self
            .marks
            .partition_point(|(span, _)| span.start <= offset)
            .checked_sub(1)?;
        while !holds(&self.marks[at].0) {
            at = self.parents[at]?;
        }
        Some(match &self.marks[at].1 {
            Mark::Cell(cell) => Located::Cell(cell),
            Mark::Table(i) => {
                let t = &self.tables[*i];
                Located::Table {
                    place: t.place.as_ref(),
                    slots: &t.slots,
                }
            }
        })
    }
}

/// Writes a [`Doc`] as TOML: plain for loading, or with `comments` for people.
pub fn write(doc: &Doc, comments: Option<&dyn Comments>) -> Written {
    let mut w = Writer {
        out: Written {
            text: String::new(),
            marks: Vec::new(),
            parents: Vec::new(),
            tables: Vec::new(),
        },
        comments,
        commented: Vec::new(),
    };
    if let Some(c) = comments {
        if let Some(schema) = c.schema() {
            w.line("", &format!("#:schema {}", one_line(&schema)));
        }
        let head = c.head(doc);
        w.comment("", &head);
        if !head.is_empty() {
            w.blank();
        }
    }
    if let Some(format) = &doc.format {
        w.entry("", "format", format);
        w.blank();
    }
    if let Some(sheet) = &doc.sheet {
        w.table("", "[sheet]", Kind::Sheet, sheet);
    }
    w.section(Section::Goals, doc);
    for goal in &doc.goals {
        w.table("", "[[goals]]", Kind::Goal, &goal.table);
        for p in &goal.progress {
            w.table("  ", "[[goals.progress]]", Kind::Progress, p);
        }
    }
    w.section(Section::Challenges, doc);
    for ch in &doc.challenges {
        w.table("", "[[challenges]]", Kind::Challenge, &ch.table);
        if let Some(views) = &ch.views {
            w.table("  ", "[challenges.views]", Kind::Views, views);
        }
    }
    w.section(Section::Indicators, doc);
    for t in &doc.indicators {
        w.table("", "[[indicators]]", Kind::Indicator, t);
    }
    w.section(Section::Hospital, doc);
    for t in &doc.hospital_collaboration {
        w.table("", "[[hospital_collaboration]]", Kind::Hospital, t);
    }
    w.section(Section::End, doc);
    // One line end at the end, whatever was written last.
    let trimmed = w.out.text.trim_end_matches('\n').len();
    w.out.text.truncate(trimmed);
    w.out.text.push('\n');
    let mut out = w.out;
    out.marks
        .sort_by(|(a, _), (b, _)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out.parents = parents(&out.marks);
    out
}

/// The innermost holder of each span of spans sorted by start, outer first.
fn parents(marks: &[(Range<usize>, Mark)]) -> Vec<Option<usize>> {
    let mut parents = Vec::with_capacity(marks.len());
    let mut open: Vec<usize> = Vec::new();
    for (i, (span, _)) in marks.iter().enumerate() {
        while let Some(&top) = open.last() {
            if marks[top].0.end >= span.end {
                break;
            }
            open.pop();
        }
        parents.push(open.last().copied());
        open.push(i);
    }
    parents
}

struct Writer<'c> {
    out: Written,
    comments: Option<&'c dyn Comments>,
    /// Table kinds whose keys were commented already (only the first is).
    commented: Vec<Kind>,
}

impl Writer<'_> {
    fn line(&mut self, indent: &str, text: &str) {
        self.out.text.push_str(indent);
        self.out.text.push_str(text);
        self.out.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.text.is_empty() && !self.out.text.ends_with("\n\n") {
            self.out.text.push('\n');
        }
    }

    fn comment(&mut self, indent: &str, lines: &[String]) {
        for text in lines {
            for l in text.split('\n') {
                let l = one_line(l);
                if l.is_empty() {
                    self.line(indent, "#");
                } else {
                    self.line(indent, &format!("# {l}"));
                }
            }
        }
    }

    fn section(&mut self, part: Section, doc: &Doc) {
        let Some(c) = self.comments else { return };
        let lines = c.before(part, doc);
        if !lines.is_empty() {
            self.blank();
            self.comment("", &lines);
        }
    }

    fn table(&mut self, indent: &str, header: &str, kind: Kind, table: &Table) {
        self.blank();
        let start = self.out.text.len();
        self.line(indent, header);
        let first = !self.commented.contains(&kind);
        if first {
            self.commented.push(kind);
        }
        for e in &table.entries {
            if first {
                if let Some(doc) = self.comments.and_then(|c| c.key(kind, e.key)) {
                    self.comment(indent, &[doc]);
                }
            }
            self.entry(indent, e.key, &e.value);
        }
        let index = self.out.tables.len();
        self.out.tables.push(TableMark {
            place: table.place.clone(),
            slots: table.slots.clone(),
        });
        self.out
            .marks
            .push((start..self.out.text.len(), Mark::Table(index)));
    }

    fn entry(&mut self, indent: &str, key: &str, value: &Value) {
        self.out.text.push_str(indent);
        let key_start = self.out.text.len();
        self.out.text.push_str(key);
        let key_end = self.out.text.len();
        self.out.text.push_str(" = ");
        let value_start = self.out.text.len();
        match &value.kind {
            ValueKind::List(items) => {
                self.out.text.push_str("[\n");
                for item in items {
                    self.out.text.push_str(indent);
                    self.out.text.push_str("  ");
                    self.value(item);
                    self.out.text.push_str(",\n");
                }
                self.out.text.push_str(indent);
                self.out.text.push(']');
            }
            _ => self.value(value),
        }
        let value_end = self.out.text.len();
        self.out.text.push('\n');
        if let Some(cell) = &value.place {
            self.out
                .marks
                .push((key_start..key_end, Mark::Cell(cell.clone())));
            self.out
                .marks
                .push((value_start..value_end, Mark::Cell(cell.clone())));
        }
    }

    /// A scalar (or a nested list), marked with its cell.
    fn value(&mut self, value: &Value) {
        let start = self.out.text.len();
        match &value.kind {
            ValueKind::Str(s) => self.out.text.push_str(&toml_string(s)),
            ValueKind::Int(i) => self.out.text.push_str(&i.to_string()),
            ValueKind::Float(f) => self.out.text.push_str(&toml_float(*f)),
            ValueKind::Date(d) => self.out.text.push_str(&toml_date(*d)),
            ValueKind::List(items) => {
                self.out.text.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.text.push_str(", ");
                    }
                    self.value(item);
                }
                self.out.text.push(']');
            }
        }
        if let Some(cell) = &value.place {
            self.out
                .marks
                .push((start..self.out.text.len(), Mark::Cell(cell.clone())));
        }
    }
}

/// A TOML string holding `s` exactly.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML float: Rust's shortest form that reads back the same (`12.5`, `1e300`),
/// always with a point or an exponent, and TOML's words for the special values.
fn toml_float(f: f64) -> String {
    if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        let s = format!("{f:?}");
        if s.contains(['.', 'e', 'E']) {
            s
        } else {
            format!("{s}.0")
        }
    }
}

/// A TOML local date. A year TOML cannot write (beyond 0–9999) is written as a
/// string, which the loader then reports as a date it cannot read.
fn toml_date(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        d.format("%Y-%m-%d").to_string()
    } else {
        toml_string(&d.to_string())
    }
}

/// A comment's text on one line: controls other than tab are not allowed in TOML
/// comments.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

// --------------------------------------------------------- a sheet as a tree

/// A loaded sheet as a tree again: what `sheet new --from` and `export` start from.
/// Writing it and loading the text gives the same sheet.
pub fn doc_of(sheet: &Sheet) -> Doc {
    let mut top = Table::default();
    top.push("prefecture", Value::str(&sheet.prefecture));
    top.push("region", Value::str(&sheet.region));
    top.push("fiscal_year", Value::str(sheet.fiscal_year.era_ja()));
    opt_str(&mut top, "meeting", &sheet.meeting);
    if let Some(d) = &sheet.as_of {
        top.push("as_of", date_value(d));
    }
    opt_str(&mut top, "theme", &sheet.theme);
    opt_str(&mut top, "summary", &sheet.summary);
    list(&mut top, "strengths", &sheet.strengths);
    list(&mut top, "concerns", &sheet.concerns);
    list(&mut top, "questions", &sheet.questions);

    let goals = sheet
        .goals
        .iter()
        .map(|g| {
            let mut t = Table::default();
            t.push("text", Value::str(&g.text));
            opt_str(&mut t, "indicator", &g.indicator);
            opt_str(&mut t, "id", &g.id);
            Goal {
                table: t,
                progress: g.progress.iter().map(event).collect(),
            }
        })
        .collect();
    let challenges = sheet
        .challenges
        .iter()
        .map(|c| {
            let mut t = Table::default();
            t.push("text", Value::str(&c.text));
            list(&mut t, "actions", &c.actions);
            opt_str(&mut t, "id", &c.id);
            let mut views = Table::default();
            for v in View::ALL {
                match c.views.get(v) {
                    [] => {}
                    [one] => views.push(v.key(), Value::str(one)),
                    many => views.push(v.key(), str_list(many)),
                }
            }
            Challenge {
                table: t,
                views: (!views.entries.is_empty()).then_some(views),
            }
        })
        .collect();
    let indicators = sheet
        .indicators
        .iter()
        .map(|i| {
            let mut t = Table::default();
            t.push("name", Value::str(&i.name));
            opt_str(&mut t, "reason", &i.reason);
            opt_str(&mut t, "unit", &i.unit);
            if let Some(b) = i.better_written {
                t.push("better", Value::str(b.as_str()));
            }
            for (key, v) in [
                ("baseline", &i.baseline),
                ("current", &i.current),
                ("target", &i.target),
            ] {
                if let Some(v) = v {
                    t.push(key, indicator_value(v));
                }
            }
            t
        })
        .collect();
    Doc {
        format: Some(Value::new(ValueKind::Int(1), None)),
        sheet: Some(top),
        goals,
        challenges,
        indicators,
        hospital_collaboration: sheet.hospital_collaboration.iter().map(event).collect(),
    }
}

fn event(e: &Event) -> Table {
    let mut t = Table::default();
    t.push("text", Value::str(&e.text));
    if let Some(d) = &e.date {
        t.push("date", date_value(d));
    } else if e.date_undetermined {
        t.push("date", Value::str("未定"));
    }
    if let Some(s) = e.status {
        t.push("status", Value::str(s.as_str()));
    }
    if let Some(d) = &e.rescheduled_from {
        t.push("rescheduled_from", date_value(d));
    }
    opt_str(&mut t, "note", &e.note);
    opt_str(&mut t, "organizer", &e.organizer);
    t
}

/// A date as written: a TOML date when it was one (or a plain ISO day), else the
/// words (`"11月2日"`, `"10月中旬"`), so what the date means and how it reads stay.
fn date_value(d: &DateValue) -> Value {
    let iso_day = d.date.precision == Precision::Day && d.written == d.date.to_iso();
    if iso_day {
        Value::new(ValueKind::Date(d.date.date), None)
    } else {
        Value::str(&d.written)
    }
}

fn indicator_value(v: &SheetValue) -> Value {
    Value::new(
        match v {
            SheetValue::Integer(i) => ValueKind::Int(*i),
            SheetValue::Float(f) => ValueKind::Float(*f),
            SheetValue::Written(w) => ValueKind::Str(w.text.clone()),
            SheetValue::Text(t) => ValueKind::Str(t.clone()),
        },
        None,
    )
}

fn opt_str(t: &mut Table, key: &'static str, value: &Option<String>) {
    if let Some(v) = value {
        t.push(key, Value::str(v));
    }
}

fn list(t: &mut Table, key: &'static str, items: &[String]) {
    if !items.is_empty() {
        t.push(key, str_list(items));
    }
}

fn str_list(items: &[String]) -> Value {
    Value::new(
        ValueKind::List(items.iter().map(Value::str).collect()),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, 9, 30).unwrap()
    }

    fn load_text(text: &str) -> Sheet {
        let (report, sheet) = load::load_file("t.toml", text.as_bytes().to_vec(), today());
        assert!(!report.has_errors(), "{:?}\n{text}", report.diagnostics);
        sheet.expect("a sheet")
    }

    /// What a sheet holds, places aside.
    fn contents(s: &Sheet) -> String {
        let mut v = serde_json::to_value(s).unwrap();
        // Dates as written, too: `"11月2日"` must stay `"11月2日"`.
        let mut written = Vec::new();
        for e in s.progress_items().chain(&s.hospital_collaboration) {
            for d in [&e.date, &e.rescheduled_from].into_iter().flatten() {
                written.push(d.written.clone());
            }
            written.push(format!("undetermined: {}", e.date_undetermined));
        }
        v["written_dates"] = serde_json::json!(written);
        v.to_string()
    }

    #[test]
    fn a_loaded_sheet_written_again_loads_the_same() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/regions");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let sheet = load_text(&text);
            let written = write(&doc_of(&sheet), None);
            let again = load_text(&written.text);
            assert_eq!(contents(&again), contents(&sheet), "{}", path.display());
            seen += 1;
        }
        assert!(seen >= 3);
    }

    #[test]
    fn awkward_values_survive() {
        let text = r#"
[sheet]
prefecture = "石\"川\\県"
region = "南加賀"
fiscal_year = 2018
as_of = "H30.9.30"
summary = """
一行目
二行目"""
strengths = ["tab\there", "'quotes'"]

[[goals]]
text = "g"

  [[goals.progress]]
  text = "p"
  date = "10月中旬"
  status = "実施予定"

  [[goals.progress]]
  text = "q"
  date = "未定"

  [[goals.progress]]
  text = "r"
  date = "9月3日(月)"
  status = "済み"

[[challenges]]
text = "c"
  [challenges.views]
  providers = ""
  community = ["a", "b"]

[[indicators]]
name = "n"
baseline = "11人（H29年度～現時点）"
current = 12.5
target = "316以上"
better = "higher"

[[indicators]]
name = "m"
current = -3
target = "未定"
"#;
        let sheet = load_text(text);
        let written = write(&doc_of(&sheet), None);
        assert_eq!(contents(&load_text(&written.text)), contents(&sheet));
    }

    #[test]
    fn floats_read_back_as_floats() {
        for f in [12.5, 3.0, -0.0, 1e300, 1e-7, 123456789012345680000.0] {
            let s = toml_float(f);
            let v: toml::Value = toml::from_str(&format!("x = {s}")).unwrap();
            assert_eq!(v["x"].as_float(), Some(f), "{s}");
        }
        assert_eq!(toml_float(f64::NAN), "nan");
        assert_eq!(toml_float(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn every_value_and_table_is_located() {
        let cell = |r| Some(CellRef::new("指標", r, 0));
        let mut t = Table::at(cell(1));
        t.slots.push(("target", CellRef::new("指標", 1, 6)));
        t.push(
            "name",
            Value::new(ValueKind::Str("地域移行数".into()), cell(2)),
        );
        t.push(
            "baseline",
            Value::new(ValueKind::Int(11), Some(CellRef::new("指標", 1, 4))),
        );
        let doc = Doc {
            indicators: vec![t],
            ..Doc::default()
        };
        let w = write(&doc, None);
        let at = |needle: &str| w.text.find(needle).unwrap();
        assert_eq!(
            w.locate(at("\"地域")),
            Some(Located::Cell(&CellRef::new("指標", 2, 0)))
        );
        assert_eq!(
            w.locate(at("11")),
            Some(Located::Cell(&CellRef::new("指標", 1, 4)))
        );
        assert!(matches!(
            w.locate(at("[[indicators]]")),
            Some(Located::Table { place: Some(c), slots }) if c.row == 1 && slots.len() == 1
        ));
        assert_eq!(w.locate(w.text.len() + 10), None);
    }

    #[test]
    fn list_items_nest_in_their_list_and_tables_hold_their_keys() {
        let cell = |r: u32| Some(CellRef::new("強み", r, 0));
        let mut top = Table::at(Some(CellRef::new("シート", 0, 0)));
        top.push(
            "strengths",
            Value::new(
                ValueKind::List(vec![
                    Value::new(ValueKind::Str("一".into()), cell(1)),
                    Value::new(ValueKind::Str("二".into()), cell(2)),
                ]),
                cell(0),
            ),
        );
        let doc = Doc {
            sheet: Some(top),
            goals: vec![Goal::default(), Goal::default()],
            ..Doc::default()
        };
        let w = write(&doc, None);
        let at = |needle: &str| w.text.find(needle).unwrap();
        assert_eq!(
            w.locate(at("\"二")),
            Some(Located::Cell(&CellRef::new("強み", 2, 0)))
        );
        assert_eq!(
            w.locate(at("[\n")),
            Some(Located::Cell(&CellRef::new("強み", 0, 0)))
        );
        // The list's line end is in `[sheet]`; the blank line after it in nothing.
        let close = at("\n]\n") + 1;
        assert_eq!(
            w.locate(close),
            Some(Located::Cell(&CellRef::new("強み", 0, 0)))
        );
        assert!(matches!(w.locate(close + 1), Some(Located::Table { .. })));
        assert_eq!(w.locate(close + 2), None);
        let second = w.text.rfind("[[goals]]").unwrap();
        assert!(matches!(
            w.locate(second),
            Some(Located::Table { place: None, .. })
        ));
    }

    struct Words;

    impl Comments for Words {
        fn schema(&self) -> Option<String> {
            Some("../sheet.schema.json".into())
        }
        fn head(&self, _: &Doc) -> Vec<String> {
            vec!["見出し\n二行目\u{1b}".into()]
        }
        fn key(&self, _: Kind, key: &str) -> Option<String> {
            Some(format!("{key} の説明"))
        }
        fn before(&self, part: Section, _: &Doc) -> Vec<String> {
            vec![format!("{part:?}")]
        }
    }

    #[test]
    fn comments_are_comments_and_keys_are_explained_once() {
        let text = r#"
[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = 2018
[[goals]]
text = "一"
[[goals]]
text = "二"
"#;
        let sheet = load_text(text);
        let written = write(&doc_of(&sheet), Some(&Words));
        assert!(written
            .text
            .starts_with("#:schema ../sheet.schema.json\n# 見出し\n# 二行目 \n"));
        assert_eq!(
            written.text.matches("# text の説明").count(),
            1,
            "{}",
            written.text
        );
        assert!(written.text.contains("# Goals\n"));
        assert_eq!(contents(&load_text(&written.text)), contents(&sheet));
    }
}
