//! Checks on a loaded sheet that need more than one value (SPEC §2), and the one
//! check across files (`duplicate-region`).

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::i18n::diag::Msg;
use crate::model::{Event, Sheet, Status, View};
use crate::source::Source;
use crate::text;

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
pub fn check_sheet(sheet: &Sheet, source: &Source, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = judged_at(sheet, today);
    let at_text = at.format("%Y-%m-%d").to_string();
    let header = sheet.spans.header.clone();

    if sheet.as_of.is_none() {
        out.push(Diagnostic::new(header.clone(), Msg::NoAsOf));
    }

    // Indicators: duplicates, undetermined values, targets already met.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for ind in &sheet.indicators {
        let key = text::normalize(&ind.name);
        if let Some(&first) = seen.get(&key) {
            out.push(Diagnostic::new(
                ind.name_span.clone(),
                Msg::DuplicateIndicator {
                    name: ind.name.clone(),
                    first_line: source.line_col(first).0,
                },
            ));
        } else {
            seen.insert(key, ind.name_span.start);
        }
        let a = ind.assess();
        let target_span = ind.target_span.clone().unwrap_or(ind.span.clone());
        if a.undetermined {
            out.push(Diagnostic::new(
                target_span.clone(),
                Msg::Undetermined {
                    name: ind.name.clone(),
                    missing_target: ind.target.is_none(),
                },
            ));
        }
        if a.target_already_met {
            out.push(Diagnostic::new(
                target_span,
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
        if let (Some(name), Some(span)) = (&goal.indicator, &goal.indicator_span) {
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
            out.push(Diagnostic::new(goal.span.clone(), Msg::NoProgress));
        }
    }

    for event in sheet
        .progress_items()
        .chain(sheet.hospital_collaboration.iter())
    {
        check_event(sheet, event, at, &at_text, &mut out);
    }

    for challenge in &sheet.challenges {
        for (i, view) in View::ALL.into_iter().enumerate() {
            if !challenge.views.is_filled(view) {
                let span = challenge.view_spans[i]
                    .clone()
                    .unwrap_or(challenge.views_span.clone());
                out.push(Diagnostic::new(span, Msg::EmptyView(view)));
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
            date.span.clone(),
            Msg::DoneInFuture {
                date: date.date.to_iso(),
                as_of: at_text.to_string(),
            },
        ));
    }
    if is_overdue(event, at) {
        out.push(Diagnostic::new(
            date.span.clone(),
            Msg::Overdue {
                date: date.date.to_iso(),
                as_of: at_text.to_string(),
            },
        ));
    }
    let fy = sheet.fiscal_year;
    if !fy.contains(date.date.first_day()) || !fy.contains(date.date.last_day()) {
        out.push(Diagnostic::new(
            date.span.clone(),
            Msg::OutsideFiscalYear {
                date: date.date.to_iso(),
                year: fy,
            },
        ));
    }
}

/// Identity of a sheet for `duplicate-region`: prefecture, region (without 圏域) and
/// fiscal year, compared after NFKC.
pub fn region_identity(sheet: &Sheet) -> (String, String, i32) {
    (
        text::normalize(&sheet.prefecture),
        text::region_key(&sheet.region),
        sheet.fiscal_year.start_year(),
    )
}
