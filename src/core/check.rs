//! Checks on a loaded sheet that need more than one value (SPEC §2), and the one
//! check across files (`duplicate-region`).

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::core::diag::Diagnostic;
use crate::core::diag::Msg;
use crate::core::indicator;
use crate::core::model::{Event, Sheet, Status, View};
use crate::core::place::Place;
use crate::core::source::Source;
use crate::core::text;

/// The date a sheet is judged at: its own `as_of`, else `today`.
pub fn judged_at(sheet: &Sheet, today: NaiveDate) -> NaiveDate {
    sheet.as_of.as_ref().map_or(today, |d| d.date.last_day())
}

/// An item is overdue at `at` when it is planned and its date (the end of its month
/// for month precision) is before `at`.
pub fn is_overdue(event: &Event, at: NaiveDate) -> bool {
    event.status == Some(Status::Planned)
        && event.date.as_ref().is_some_and(|d| d.date.last_day() < at)
}

/// Runs every per-sheet check.
pub fn check_sheet(sheet: &Sheet, source: Option<&Source>, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = judged_at(sheet, today);
    let at_text = at.format("%Y-%m-%d").to_string();
    let header = sheet.places.header.clone();

    match &sheet.as_of {
        // Written but unreadable: its error says so already.
        None if sheet.places.as_of_written => {}
        None => out.push(Diagnostic::new(
            header.clone(),
            Msg::NoAsOf(sheet.fiscal_year),
        )),
        Some(as_of) if !as_of.date.is_within(sheet.fiscal_year) => out.push(Diagnostic::new(
            as_of.place.clone(),
            Msg::AsOfOutsideFiscalYear {
                as_of: as_of.date.to_iso(),
                year: sheet.fiscal_year,
            },
        )),
        Some(_) => {}
    }
    // A name the commands that make files refuse (SPEC §7): reported here so that
    // it is found, and fixed, before `export`, `render --out`, `import` or
    // `new --from` stops on it. A warning, not an error: the sheet reads and
    // reports as it is (every output escapes the characters), only no file is
    // made from it; an error would also take it out of every report.
    for (key, value, place) in [
        ("prefecture", &sheet.prefecture, &sheet.places.prefecture),
        ("region", &sheet.region, &sheet.places.region),
    ] {
        if text::has_control_character(value) {
            out.push(Diagnostic::new(
                place.clone(),
                Msg::ControlCharacter {
                    key,
                    value: value.clone(),
                },
            ));
        }
    }
    if sheet.goals.is_empty() && !sheet.places.goals_written {
        out.push(Diagnostic::new(header.clone(), Msg::NoGoals));
    }
    if sheet.challenges.is_empty() && !sheet.places.challenges_written {
        out.push(Diagnostic::new(header.clone(), Msg::NoChallenges));
    }

    // Indicators: duplicates, undetermined values, targets already met.
    let mut seen: HashMap<String, &Place> = HashMap::new();
    for ind in &sheet.indicators {
        let key = text::normalize(&ind.name);
        if let Some(first) = seen.get(&key) {
            out.push(Diagnostic::new(
                ind.name_place.clone(),
                Msg::DuplicateIndicator {
                    name: ind.name.clone(),
                    first: first.position(source),
                },
            ));
        } else {
            seen.insert(key, &ind.name_place);
        }
        let a = ind.assess();
        let target_place = ind.target_place.clone().unwrap_or(ind.place.clone());
        if a.undetermined {
            // Shown at the value written `未定`, the first of them in sheet order.
            let values = [
                ("baseline", &ind.baseline, &ind.baseline_place),
                ("current", &ind.current, &ind.current_place),
                ("target", &ind.target, &ind.target_place),
            ];
            let written = values.into_iter().find_map(|(key, value, place)| {
                let value = value
                    .as_ref()
                    .filter(|v| indicator::is_undetermined(Some(v)))?;
                let place = place.clone().unwrap_or(ind.place.clone());
                Some((key, value.written().into_owned(), place))
            });
            let missing_target = ind.target.is_none();
            let (place, key) = match written {
                Some((key, text, place)) if !missing_target => (place, Some((key, text))),
                _ => (target_place.clone(), None),
            };
            out.push(Diagnostic::new(
                place,
                Msg::Undetermined {
                    name: ind.name.clone(),
                    missing_target,
                    key,
                },
            ));
        }
        if a.target_already_met {
            out.push(Diagnostic::new(
                target_place,
                Msg::TargetAlreadyMet {
                    name: ind.name.clone(),
                    baseline: ind
                        .baseline
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    target: ind
                        .target
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                },
            ));
        }
    }
    if sheet.indicators.is_empty() {
        out.push(Diagnostic::new(header, Msg::NoIndicators));
    }

    let mut known: Vec<String> = Vec::new();
    for i in &sheet.indicators {
        if !known.contains(&i.name) {
            known.push(i.name.clone());
        }
    }
    for goal in &sheet.goals {
        if let (Some(name), Some(span)) = (&goal.indicator, &goal.indicator_place) {
            let key = text::normalize(name);
            if !seen.contains_key(&key) {
                out.push(Diagnostic::new(
                    span.clone(),
                    Msg::UnknownIndicator {
                        name: name.clone(),
                        known: known.clone(),
                    },
                ));
            }
        }
        if goal.progress.is_empty() {
            out.push(Diagnostic::new(goal.place.clone(), Msg::NoProgress));
        }
    }

    for event in sheet
        .progress_items()
        .chain(sheet.hospital_collaboration.iter())
    {
        check_event(sheet, event, at, &at_text, &mut out);
    }

    // A challenge whose views already drew an error (a view key under [[challenges]]
    // itself, a view of the wrong type) is not also reported blank four times.
    for challenge in sheet.challenges.iter().filter(|c| !c.views_in_error) {
        for (i, view) in View::ALL.into_iter().enumerate() {
            if !challenge.views.is_filled(view) {
                let place = challenge.view_places[i]
                    .clone()
                    .unwrap_or(challenge.views_place.clone());
                out.push(Diagnostic::new(place, Msg::EmptyView(view)));
            }
        }
    }
    out
}

fn check_event(
    sheet: &Sheet,
    event: &Event,
    at: NaiveDate,
    at_text: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(date) = &event.date else {
        return;
    };
    if event.status == Some(Status::Done) && date.date.first_day() > at {
        out.push(Diagnostic::new(
            date.place.clone(),
            Msg::DoneInFuture {
                date: date.date,
                as_of: at_text.to_string(),
            },
        ));
    }
    if is_overdue(event, at) {
        out.push(Diagnostic::new(
            date.place.clone(),
            Msg::Overdue {
                date: date.date,
                as_of: at_text.to_string(),
            },
        ));
    }
    let fy = sheet.fiscal_year;
    if !fy.contains(date.date.first_day()) || !fy.contains(date.date.last_day()) {
        out.push(Diagnostic::new(
            date.place.clone(),
            Msg::OutsideFiscalYear {
                date: date.date,
                year: fy,
            },
        ));
    }
}

/// What `duplicate-region` needs of a sheet: who it is (prefecture, region without
/// 圏域 and fiscal year, compared after NFKC), and where its region is written.
#[derive(Debug, Clone)]
pub struct RegionIdentity {
    key: (String, String, i32),
    region: String,
    place: Place,
    file: String,
}

impl RegionIdentity {
    pub fn of(sheet: &Sheet) -> RegionIdentity {
        RegionIdentity {
            key: (
                text::normalize(&sheet.prefecture),
                text::region_key(&sheet.region),
                sheet.fiscal_year.start_year(),
            ),
            region: sheet.region.clone(),
            place: sheet.places.region.clone(),
            file: sheet.file.clone(),
        }
    }
}

/// True when two sheets are the same region and fiscal year (`duplicate-region`).
pub fn same_region(a: &Sheet, b: &Sheet) -> bool {
    RegionIdentity::of(a).key == RegionIdentity::of(b).key
}

/// `duplicate-region`, the one check across the files of a run: a sheet whose
/// prefecture, region and fiscal year an earlier sheet of the run already has.
/// Only earlier sheets are looked at, so the finding lands on the later file and
/// the result is the same on every run.
#[derive(Debug, Default)]
pub struct DuplicateRegions {
    /// The file of the first sheet of each identity.
    first: HashMap<(String, String, i32), String>,
}

impl DuplicateRegions {
    /// Takes the next sheet of the run; the diagnostic when an earlier one is the
    /// same region and year.
    pub fn check(&mut self, sheet: RegionIdentity) -> Option<Diagnostic> {
        match self.first.entry(sheet.key) {
            Entry::Occupied(other) => Some(Diagnostic::new(
                sheet.place,
                Msg::DuplicateRegion {
                    region: sheet.region,
                    other_file: other.get().clone(),
                },
            )),
            Entry::Vacant(slot) => {
                slot.insert(sheet.file);
                None
            }
        }
    }
}
