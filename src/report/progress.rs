//! `sheet progress`: each region's goals with their progress items, and its
//! indicators measured against their targets.

use chrono::NaiveDate;
use serde::Serialize;

use super::{fiscal_year_number, iso_day, AsOfSource, IndicatorRow, Judging};
use crate::core::check;
use crate::core::fiscal::FiscalYear;
use crate::core::model::{DateValue, Event, Sheet, SheetId, Status};
use crate::label;

/// `progress --format json` (SPEC §4.1).
#[derive(Debug, Clone, Serialize)]
pub struct ProgressReport {
    /// The `--as-of` given, else null.
    pub as_of: Option<String>,
    pub regions: Vec<RegionProgress>,
}

/// One region.
#[derive(Debug, Clone, Serialize)]
pub struct RegionProgress {
    pub label: String,
    pub prefecture: String,
    pub region: String,
    #[serde(serialize_with = "fiscal_year_number")]
    pub fiscal_year: FiscalYear,
    /// The date the region was judged at.
    #[serde(serialize_with = "iso_day")]
    pub as_of: NaiveDate,
    pub as_of_source: AsOfSource,
    pub file: String,
    pub goals: Vec<GoalProgress>,
    pub indicators: Vec<IndicatorRow>,
}

/// A goal and its progress items.
#[derive(Debug, Clone, Serialize)]
pub struct GoalProgress {
    pub id: Option<String>,
    pub text: String,
    /// The indicator the goal names, if any.
    pub indicator: Option<String>,
    pub progress: Vec<ProgressItem>,
}

/// A progress item, judged for `overdue`.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressItem {
    pub text: String,
    /// Null when the item has no date, `未定` included.
    pub date: Option<DateValue>,
    /// The date as written when it says more than `date` (a precision word or a
    /// weekday: `"11月中旬"`, `"10月15日(火)"`), or `"未定"` (SPEC §4.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// Null for a plain note.
    pub status: Option<Status>,
    pub overdue: bool,
    pub rescheduled_from: Option<DateValue>,
    /// `rescheduled_from` as written, on the same terms as `date_text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rescheduled_from_text: Option<String>,
    pub note: Option<String>,
    /// `date = "未定"`: shown as 未定, never as a blank.
    #[serde(skip)]
    pub date_undetermined: bool,
}

impl ProgressItem {
    fn new(event: &Event, at: NaiveDate) -> ProgressItem {
        ProgressItem {
            text: event.text.clone(),
            date: event.date.clone(),
            date_text: event.date_text().map(str::to_string),
            status: event.status,
            overdue: check::is_overdue(event, at),
            rescheduled_from: event.rescheduled_from.clone(),
            rescheduled_from_text: event
                .rescheduled_from
                .as_ref()
                .and_then(DateValue::date_text)
                .map(str::to_string),
            note: event.note.clone(),
            date_undetermined: event.date_undetermined,
        }
    }
}

impl RegionProgress {
    /// One region's part of the report; its label is set when the run is known
    /// ([`ProgressReport::new`]).
    pub fn new(sheet: &Sheet, judging: &Judging) -> RegionProgress {
        let (at, source) = judging.at(sheet);
        RegionProgress {
            label: String::new(),
            prefecture: sheet.prefecture.clone(),
            region: sheet.region.clone(),
            fiscal_year: sheet.fiscal_year,
            as_of: at,
            as_of_source: source,
            file: sheet.file.clone(),
            goals: sheet
                .goals
                .iter()
                .map(|g| GoalProgress {
                    id: g.id.clone(),
                    text: g.text.clone(),
                    indicator: g.indicator.clone(),
                    progress: g
                        .progress
                        .iter()
                        .map(|e| ProgressItem::new(e, at))
                        .collect(),
                })
                .collect(),
            indicators: sheet.indicators.iter().map(IndicatorRow::new).collect(),
        }
    }
}

impl ProgressReport {
    /// The regions of a run, each labelled among the others (SPEC §4.1).
    pub fn new(regions: Vec<(SheetId, RegionProgress)>, judging: &Judging) -> ProgressReport {
        let labels = label::labels(&regions.iter().map(|(id, _)| id).collect::<Vec<_>>());
        let regions = regions
            .into_iter()
            .zip(labels)
            .map(|((_, mut region), label)| {
                region.label = label;
                region
            })
            .collect();
        ProgressReport {
            as_of: judging.given_iso(),
            regions,
        }
    }
}
