//! A region's sheet (format 1) as plain data, after loading and checking.
//!
//! Places (a span of the text, or a cell of a workbook) are kept beside the values
//! that checks point at; commands that only read values ignore them.

use serde::Serialize;

use crate::core::date::SheetDate;
use crate::core::fiscal::FiscalYear;
use crate::core::place::Place;
use crate::core::value::WrittenNumber;

/// One region's sheet.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    /// The path the sheet was read from, as shown to the user.
    #[serde(skip)]
    pub file: String,
    pub prefecture: String,
    pub region: String,
    #[serde(serialize_with = "serialize_fiscal_year")]
    pub fiscal_year: FiscalYear,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<DateValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub strengths: Vec<String>,
    pub concerns: Vec<String>,
    pub questions: Vec<String>,
    pub goals: Vec<Goal>,
    pub challenges: Vec<Challenge>,
    pub indicators: Vec<Indicator>,
    pub hospital_collaboration: Vec<Event>,
    #[serde(skip)]
    pub places: SheetPlaces,
}

/// Where the parts of `[sheet]` are, for diagnostics.
#[derive(Debug, Clone, Default)]
pub struct SheetPlaces {
    /// The `[sheet]` header (or the start of the file when it is missing).
    pub header: Place,
    pub prefecture: Place,
    pub region: Place,
    pub fiscal_year: Place,
    /// Some `[[goals]]` / `[[challenges]]` were written, even if none could be read
    /// (then their errors say why, and `no-goals` / `no-challenges` would mislead).
    pub goals_written: bool,
    pub challenges_written: bool,
    /// `as_of` was written, even if it could not be read (its error says why).
    pub as_of_written: bool,
}

/// A date as written in the sheet, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateValue {
    /// The date, with the part of the month or year written (`中旬`, `上半期`).
    pub date: SheetDate,
    /// The text as written (`"11月2日"`), or the ISO form of a TOML date.
    pub written: String,
    /// The weekday written in brackets after the day (`10月15日(火)`).
    pub weekday: Option<chrono::Weekday>,
    pub place: Place,
}

impl DateValue {
    /// The date for people, as written in meaning: `2018年11月中旬`, `2018年度上半期`
    /// (see [`SheetDate::display`]).
    pub fn display(&self, ja: bool) -> String {
        self.date.display(ja)
    }

    /// The date as written, when it says more than the ISO date does (a precision
    /// word or a weekday): JSON's `date_text` (SPEC §4.1), `"11月中旬"`.
    pub fn date_text(&self) -> Option<&str> {
        (self.date.qualifier.is_some() || self.weekday.is_some()).then(|| self.written.trim())
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.date.to_iso())
    }
}

/// 達成目標.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    pub progress: Vec<Event>,
    #[serde(skip)]
    pub place: Place,
    #[serde(skip)]
    pub indicator_place: Option<Place>,
}

/// A progress item (現時点での進捗状況) or a hospital collaboration (病院との連携状況).
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rescheduled_from: Option<DateValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    /// `date = "未定"`: no date yet (SPEC 1.3). `date` is `None`; outputs show 未定,
    /// never a blank, and the item is never overdue.
    #[serde(skip)]
    pub date_undetermined: bool,
    #[serde(skip)]
    pub place: Place,
    #[serde(skip)]
    pub status_place: Place,
}

/// The status of a progress item (SPEC §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Planned,
    InProgress,
    Postponed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::Planned,
        Status::InProgress,
        Status::Postponed,
        Status::Cancelled,
    ];

    /// The canonical word (`in_progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Planned => "planned",
            Status::InProgress => "in_progress",
            Status::Postponed => "postponed",
            Status::Cancelled => "cancelled",
        }
    }

    /// The Japanese words accepted for this status (SPEC §1.4).
    pub fn japanese_words(self) -> &'static [&'static str] {
        match self {
            Status::Done => &[
                "実施",
                "実施済",
                "実施済み",
                "済",
                "済み",
                "完了",
                "終了",
                "開催",
                "開催済",
                "開催済み",
            ],
            Status::Planned => &["予定", "実施予定", "開催予定", "未実施"],
            Status::InProgress => &[
                "実施中",
                "進行中",
                "準備中",
                "調整中",
                "検討中",
                "継続",
                "継続中",
            ],
            Status::Postponed => &["延期"],
            Status::Cancelled => &["中止", "取りやめ", "取り止め", "取止め"],
        }
    }

    /// Reads a status word, canonical or Japanese, ignoring case (`Done`),
    /// full-width/half-width differences and surrounding spaces.
    pub fn parse(word: &str) -> Option<Status> {
        // NFKC makes full-width letters ASCII, so ASCII case folding is enough.
        let word = crate::core::text::normalize(word);
        Status::ALL.into_iter().find(|s| {
            s.as_str().eq_ignore_ascii_case(&word) || s.japanese_words().contains(&word.as_str())
        })
    }
}

/// 課題.
#[derive(Debug, Clone, Serialize)]
pub struct Challenge {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: String,
    pub actions: Vec<String>,
    pub views: Views,
    #[serde(skip)]
    pub place: Place,
    /// The `[challenges.views]` header, or the challenge's when absent.
    #[serde(skip)]
    pub views_place: Place,
    /// The key of each view (in [`View::ALL`] order) when written.
    #[serde(skip)]
    pub view_places: [Option<Place>; 4],
    /// The views drew an error already (a view key outside `[challenges.views]`, a
    /// value of the wrong type): blank views are then not reported on top of it.
    #[serde(skip)]
    pub views_in_error: bool,
}

/// 視点別の認識: each view is the list of its statements (empty = not filled).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Views {
    pub administration: Vec<String>,
    pub medical: Vec<String>,
    pub providers: Vec<String>,
    pub community: Vec<String>,
}

/// The four parties whose view a challenge records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Administration,
    Medical,
    Providers,
    Community,
}

impl View {
    pub const ALL: [View; 4] = [
        View::Administration,
        View::Medical,
        View::Providers,
        View::Community,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Administration => "administration",
            View::Medical => "medical",
            View::Providers => "providers",
            View::Community => "community",
        }
    }

    /// 行政側 / 医療側 / 事業者側 / 関係機関・住民等.
    pub fn label_ja(self) -> &'static str {
        match self {
            View::Administration => "行政側",
            View::Medical => "医療側",
            View::Providers => "事業者側",
            View::Community => "関係機関・住民等",
        }
    }
}

impl Views {
    pub fn get(&self, view: View) -> &[String] {
        match view {
            View::Administration => &self.administration,
            View::Medical => &self.medical,
            View::Providers => &self.providers,
            View::Community => &self.community,
        }
    }

    pub fn get_mut(&mut self, view: View) -> &mut Vec<String> {
        match view {
            View::Administration => &mut self.administration,
            View::Medical => &mut self.medical,
            View::Providers => &mut self.providers,
            View::Community => &mut self.community,
        }
    }

    /// A view is filled when it holds a non-blank statement.
    pub fn is_filled(&self, view: View) -> bool {
        self.get(view)
            .iter()
            .any(|s| !crate::core::text::is_blank(s))
    }
}

/// 課題解決の達成度を測る指標.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The direction written in the file, if any.
    #[serde(rename = "better", skip_serializing_if = "Option::is_none")]
    pub better_written: Option<Better>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    #[serde(skip)]
    pub place: Place,
    #[serde(skip)]
    pub name_place: Place,
    #[serde(skip)]
    pub target_place: Option<Place>,
    /// Where `baseline` and `current` are written, as `target_place`.
    #[serde(skip)]
    pub baseline_place: Option<Place>,
    #[serde(skip)]
    pub current_place: Option<Place>,
}

/// Which way an indicator improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub fn as_str(self) -> &'static str {
        match self {
            Better::Higher => "higher",
            Better::Lower => "lower",
        }
    }
}

/// An indicator value: a number, a number written as text, or text (qualitative or
/// `未定`).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Integer(i64),
    Float(f64),
    /// A number written as text (`"13人"`, `"16人以上"`, SPEC §1.5): it counts as its
    /// number; what was written is kept for display.
    Written(WrittenNumber),
    Text(String),
}

impl Value {
    /// The number the value counts as: a number, or a number written as text.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Integer(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            Value::Written(w) => Some(w.number),
            Value::Text(_) => None,
        }
    }

    /// A string value as a sheet holds it, read by SPEC §1.5 (`is_target` allows
    /// `以上` / `以下`): a number written as text, or text.
    pub fn from_text(s: &str, is_target: bool) -> Value {
        match crate::core::value::read(s, is_target) {
            crate::core::value::Reading::Number(w) => Value::Written(w),
            _ => Value::Text(s.to_string()),
        }
    }

    /// The value as the sheet wrote it (`3`, `"16人以上"`, `"未定"`): how a target is
    /// shown (SPEC §3, "targets are shown as written"). Same as `Display`.
    pub fn written(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Value::Written(w) => std::borrow::Cow::Borrowed(&w.text),
            Value::Text(t) => std::borrow::Cow::Borrowed(t),
            number => std::borrow::Cow::Owned(number.to_string()),
        }
    }

    /// The number written as text, when it is one.
    pub fn as_written_number(&self) -> Option<&WrittenNumber> {
        match self {
            Value::Written(w) => Some(w),
            _ => None,
        }
    }
}

/// Numbers stay numbers in JSON, a number written as text included (its text is
/// the report's `<field>_text`, SPEC §4.1); text stays text.
impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Integer(i) => s.serialize_i64(*i),
            Value::Float(f) => s.serialize_f64(*f),
            Value::Written(w) => {
                // Integers as integers, as if they had been written bare.
                const EXACT: f64 = 9_007_199_254_740_992.0;
                if w.number.fract() == 0.0 && w.number.abs() <= EXACT {
                    s.serialize_i64(w.number as i64)
                } else {
                    s.serialize_f64(w.number)
                }
            }
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// As written: a number written as text shows its text (`11人（H29年度～現時点）`).
/// A float from 10^21 on shows with its power of ten (`1e308`, as a sheet writes
/// it, rather than 309 digits), as JavaScript and TOML writers show it.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Integer(i) => write!(f, "{i}"),
            Value::Float(x) if x.abs() >= 1e21 => write!(f, "{x:e}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Written(w) => f.write_str(&w.text),
            Value::Text(t) => f.write_str(t),
        }
    }
}

impl Sheet {
    /// Every text field of the sheet, for theme counting: strings of `[sheet]`,
    /// goals, progress items, challenges, actions, views, indicators and hospital
    /// collaboration.
    pub fn texts(&self) -> Vec<&str> {
        self.texts_by_role().into_iter().map(|(t, _)| t).collect()
    }

    /// [`Sheet::texts`], each with the part it plays in `compare`.
    pub fn texts_by_role(&self) -> Vec<(&str, TextRole)> {
        use TextRole::{Answer, Other, Prefecture, Question};
        let mut out: Vec<(&str, TextRole)> = Vec::new();
        out.extend(
            [&self.meeting, &self.theme, &self.summary]
                .into_iter()
                .flatten()
                .map(|t| (t.as_str(), Prefecture)),
        );
        out.extend(self.strengths.iter().map(|t| (t.as_str(), Answer)));
        out.extend(self.concerns.iter().map(|t| (t.as_str(), Other)));
        out.extend(self.questions.iter().map(|t| (t.as_str(), Question)));
        for g in &self.goals {
            out.push((&g.text, Other));
            for p in &g.progress {
                out.extend(p.texts().map(|t| (t, Answer)));
            }
        }
        for c in &self.challenges {
            out.push((&c.text, Other));
            out.extend(c.actions.iter().map(|t| (t.as_str(), Other)));
            for v in View::ALL {
                out.extend(c.views.get(v).iter().map(|t| (t.as_str(), Other)));
            }
        }
        for i in &self.indicators {
            out.push((&i.name, Other));
            out.extend(i.reason.as_deref().map(|t| (t, Other)));
            for v in [&i.baseline, &i.current, &i.target].into_iter().flatten() {
                match v {
                    Value::Text(t) | Value::Written(WrittenNumber { text: t, .. }) => {
                        out.push((t, Other));
                    }
                    Value::Integer(_) | Value::Float(_) => {}
                }
            }
        }
        for h in &self.hospital_collaboration {
            out.extend(h.texts().map(|t| (t, Answer)));
        }
        out
    }

    /// Who the sheet is, without its contents.
    pub fn id(&self) -> SheetId {
        SheetId {
            file: self.file.clone(),
            prefecture: self.prefecture.clone(),
            region: self.region.clone(),
            fiscal_year: self.fiscal_year,
        }
    }

    /// The file name of the sheet without `.toml` (its slug).
    pub fn file_stem(&self) -> String {
        file_stem(&self.file)
    }

    /// All progress items of all goals.
    pub fn progress_items(&self) -> impl Iterator<Item = &Event> {
        self.goals.iter().flat_map(|g| g.progress.iter())
    }
}

/// JSON's `date_text` (SPEC §4.1) of a date, or of none that was written `未定`
/// (`undetermined`).
pub fn date_text(date: Option<&DateValue>, undetermined: bool) -> Option<&str> {
    match date {
        Some(d) => d.date_text(),
        None if undetermined => Some(crate::core::indicator::UNDETERMINED),
        None => None,
    }
}

impl Event {
    /// The date as written when it says more than the ISO date (`"11月中旬"`,
    /// `"10月15日(火)"`), or `未定`: JSON's `date_text` (SPEC §4.1).
    pub fn date_text(&self) -> Option<&str> {
        date_text(self.date.as_ref(), self.date_undetermined)
    }

    /// The item's text, note and organizer.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str())
            .chain(self.note.as_deref())
            .chain(self.organizer.as_deref())
    }
}

/// The part a text of a sheet plays in `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    /// Strengths, progress items and hospital collaboration: what a region could
    /// tell another that asks (SPEC §4.1 `questions[].ask`).
    Answer,
    /// A question to other municipalities.
    Question,
    /// `meeting`, `theme` and `summary`: the prefecture's words, the same in every
    /// region's sheet, so they say nothing about a region (SPEC §4.1 revision 2).
    Prefecture,
    Other,
}

/// Who a sheet is: what labels, `--region` and messages need of it once its
/// contents have been made into a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetId {
    /// The path the sheet was read from, as shown to the user.
    pub file: String,
    pub prefecture: String,
    pub region: String,
    pub fiscal_year: FiscalYear,
}

impl SheetId {
    /// The file name of the sheet without `.toml` (its slug).
    pub fn file_stem(&self) -> String {
        file_stem(&self.file)
    }
}

fn serialize_fiscal_year<S: serde::Serializer>(fy: &FiscalYear, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i32(fy.start_year())
}

/// The file name of a path without its extension (a sheet's slug).
pub fn file_stem(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn floats_show_as_written_huge_ones_with_their_power_of_ten() {
        let shown = |x: f64| Value::Float(x).to_string();
        assert_eq!(shown(3.5), "3.5");
        assert_eq!(shown(-0.25), "-0.25");
        assert_eq!(shown(1e20), "100000000000000000000");
        assert_eq!(shown(1e21), "1e21");
        assert_eq!(shown(1e308), "1e308");
        assert_eq!(shown(1.7e308), "1.7e308");
        assert_eq!(shown(-1e308), "-1e308");
    }
}
