//! Reports computed once and rendered per format (`table`, `markdown`, `json`,
//! `csv`): the structs here are what `--format json` prints, and the renderers in
//! [`crate::render`] only lay them out.

pub mod compare;
pub mod diff;
pub mod history;
pub mod progress;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::core::check;
use crate::core::date::{self, SheetDate};
use crate::core::fiscal::FiscalYear;
use crate::core::indicator::{self, Target};
use crate::core::model::{Better, Indicator, Sheet, Value};
use crate::error::Failure;

/// When a report judges `overdue`: `--as-of`, else each sheet's `as_of`, else today.
#[derive(Debug, Clone, Copy)]
pub struct Judging {
    /// The `--as-of` given.
    pub given: Option<SheetDate>,
    pub today: NaiveDate,
}

/// Where the date a sheet was judged at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsOfSource {
    /// `--as-of`.
    Option,
    /// The sheet's `as_of`.
    Sheet,
    /// Neither was given.
    Today,
}

impl Judging {
    /// Reads `--as-of` (any date form with a year; a month means its last day).
    pub fn new(as_of: Option<&str>, today: NaiveDate) -> Result<Judging, Failure> {
        let given = match as_of {
            None => None,
            Some(s) => {
                Some(date::parse_date(s, None).map_err(|_| Failure::BadDate(s.to_string()))?)
            }
        };
        Ok(Judging { given, today })
    }

    /// The date a sheet is judged at, and why.
    pub fn at(&self, sheet: &Sheet) -> (NaiveDate, AsOfSource) {
        match (self.given, &sheet.as_of) {
            (Some(d), _) => (d.last_day(), AsOfSource::Option),
            (None, Some(_)) => (check::judged_at(sheet, self.today), AsOfSource::Sheet),
            (None, None) => (self.today, AsOfSource::Today),
        }
    }

    /// The `--as-of` given, as written precision (`2018-11` or `2018-11-30`).
    pub fn given_iso(&self) -> Option<String> {
        self.given.map(SheetDate::to_iso)
    }
}

/// The verdict on an indicator, for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Achieved,
    NotAchieved,
    /// No target, or `未定`.
    Undetermined,
    /// A qualitative target: no arithmetic.
    Qualitative,
    /// A target, but no value to judge against it.
    NotJudged,
}

/// One indicator with its assessment (SPEC §3), as `progress` and `compare` show it.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    pub name: String,
    pub unit: Option<String>,
    pub better: Better,
    pub baseline: Option<Value>,
    pub current: Option<Value>,
    pub target: Option<Value>,
    /// A value written as text and read as a number (SPEC §1.5, `"11人（H29年度～現時点）"`)
    /// keeps its number in `baseline` / `current` / `target` and its text here
    /// (SPEC §4.1 `<field>_text`).
    #[serde(flatten)]
    pub texts: ValueTexts,
    pub achieved: Option<bool>,
    pub progress_pct: Option<f64>,
    /// 100 × current ÷ target (hledger's actual against goal).
    pub pct_of_target: Option<f64>,
    pub numeric: bool,
    pub undetermined: bool,
    pub target_already_met: bool,
    pub reason: Option<String>,
    #[serde(skip)]
    pub verdict: Verdict,
}

/// An indicator's values and where they stand (SPEC §3): a point of `history`,
/// each side of a changed value in `diff`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Standing {
    pub unit: Option<String>,
    pub baseline: Option<Value>,
    pub current: Option<Value>,
    pub target: Option<Value>,
    pub achieved: Option<bool>,
    /// Null when the baseline already meets the target (`target_already_met`).
    pub progress_pct: Option<f64>,
    /// The baseline already meets the target: 当初から達成 (SPEC §3).
    pub target_already_met: bool,
}

impl Standing {
    pub fn of(i: &Indicator) -> Standing {
        let a = i.assess();
        Standing {
            unit: i.unit.clone(),
            baseline: i.baseline.clone(),
            current: i.current.clone(),
            target: i.target.clone(),
            achieved: a.achieved,
            progress_pct: a.progress_pct,
            target_already_met: a.target_already_met,
        }
    }
}

/// The text of each value of an indicator written as a number with words
/// (`"13人"`, `"16人以上"`): `baseline_text`, `current_text`, `target_text` in JSON,
/// each present only for such a value (SPEC §4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ValueTexts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_text: Option<String>,
}

impl ValueTexts {
    pub fn of(ind: &Indicator) -> ValueTexts {
        let text = |v: &Option<Value>| {
            v.as_ref()
                .and_then(Value::as_written_number)
                .map(|w| w.text.clone())
        };
        ValueTexts {
            baseline_text: text(&ind.baseline),
            current_text: text(&ind.current),
            target_text: text(&ind.target),
        }
    }
}

impl IndicatorRow {
    pub fn new(ind: &Indicator) -> IndicatorRow {
        let a = ind.assess();
        let target = indicator::target_of(ind.target.as_ref());
        let verdict = match a.achieved {
            Some(true) => Verdict::Achieved,
            Some(false) => Verdict::NotAchieved,
            None if a.undetermined => Verdict::Undetermined,
            None if matches!(target, Target::Qualitative) => Verdict::Qualitative,
            None => Verdict::NotJudged,
        };
        IndicatorRow {
            name: ind.name.clone(),
            unit: ind.unit.clone(),
            better: a.better,
            baseline: ind.baseline.clone(),
            current: ind.current.clone(),
            target: ind.target.clone(),
            texts: ValueTexts::of(ind),
            achieved: a.achieved,
            // `assess` never gives -0.0 (SPEC §4.1).
            progress_pct: a.progress_pct,
            pct_of_target: a.pct_of_target,
            numeric: a.numeric,
            undetermined: a.undetermined,
            target_already_met: a.target_already_met,
            reason: ind.reason.clone(),
            verdict,
        }
    }
}

/// A sheet's label in a run ([`crate::label`]). A comparison names each sheet in
/// many rows (themes, indicators, whom to ask): they share the text.
pub type SheetLabel = std::sync::Arc<str>;

/// A map keyed by the labels of sheets in a run that keeps the order of the sheets.
#[derive(Debug, Clone, Default)]
pub struct ByLabel<T>(pub Vec<(SheetLabel, T)>);

impl<T> ByLabel<T> {
    /// The value of each of `labels`, every label of the run in order: the
    /// entries of a report's map are in the order of its sheets, so one walk
    /// finds them all (given only some labels, it misses the entries of sheets
    /// before the first).
    pub fn aligned<'a>(&'a self, labels: &'a [&str]) -> impl Iterator<Item = Option<&'a T>> {
        let mut entries = self.0.iter().peekable();
        labels
            .iter()
            .map(move |label| entries.next_if(|(l, _)| &**l == *label).map(|(_, v)| v))
    }
}

impl<T: Serialize> Serialize for ByLabel<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

pub(crate) fn fiscal_year_number<S: Serializer>(fy: &FiscalYear, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i32(fy.start_year())
}

pub(crate) fn iso_day<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_gives_each_label_its_value_or_none() {
        let map = ByLabel(vec![("b".into(), 2), ("d".into(), 4)]);
        let found: Vec<Option<&i32>> = map.aligned(&["a", "b", "c", "d", "e"]).collect();
        assert_eq!(found, [None, Some(&2), None, Some(&4), None]);
        assert!(ByLabel::<i32>(Vec::new())
            .aligned(&["a"])
            .all(|v| v.is_none()));
    }
}
