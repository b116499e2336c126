//! `sheet compare`: regions side by side — counts, blank views, indicators of the
//! same name, themes, and whom to ask each question.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{fiscal_year_number, iso_day, AsOfSource, ByLabel, IndicatorRow, Judging};
use crate::check;
use crate::fiscal::FiscalYear;
use crate::model::{Event, Sheet, Status, View};
use crate::themes::{self, Glossary};

/// At most this many regions to ask per question (SPEC §4.1).
pub const MAX_ASK: usize = 5;

/// `compare --format json` (SPEC §4.1).
#[derive(Debug, Clone, Serialize)]
pub struct CompareReport {
    /// The `--as-of` given, else null.
    pub as_of: Option<String>,
    /// The distinct prefectures and fiscal years compared (more than one of either
    /// is said in the output).
    pub prefectures: Vec<String>,
    pub fiscal_years: Vec<i32>,
    /// The `themes.toml` used, or null for the built-in glossary.
    pub themes_file: Option<String>,
    pub regions: Vec<RegionSummary>,
    /// Indicators of the same name (after normalisation) in one row across regions;
    /// those held by most regions first.
    pub indicators: Vec<IndicatorAcross>,
    pub themes: Vec<ThemeCount>,
    pub questions: Vec<QuestionRow>,
}

/// One region's figures.
#[derive(Debug, Clone, Serialize)]
pub struct RegionSummary {
    pub label: String,
    pub prefecture: String,
    pub region: String,
    #[serde(serialize_with = "fiscal_year_number")]
    pub fiscal_year: FiscalYear,
    #[serde(serialize_with = "iso_day")]
    pub as_of: NaiveDate,
    pub as_of_source: AsOfSource,
    pub goals: usize,
    pub progress: ProgressCounts,
    pub challenges: usize,
    pub views: ViewCounts,
    /// The views of all parties together.
    #[serde(skip)]
    pub views_total: FilledEmpty,
    pub indicators: IndicatorCounts,
    pub concerns: usize,
    pub questions: usize,
}

/// Progress items of all goals by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ProgressCounts {
    pub done: usize,
    pub planned: usize,
    pub in_progress: usize,
    pub postponed: usize,
    pub cancelled: usize,
    /// Items without a status.
    pub note: usize,
    /// Planned items whose date has passed.
    pub overdue: usize,
}

/// How many challenges fill or leave blank each view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ViewCounts {
    pub administration: FilledEmpty,
    pub medical: FilledEmpty,
    pub providers: FilledEmpty,
    pub community: FilledEmpty,
}

impl ViewCounts {
    pub fn get(&self, view: View) -> FilledEmpty {
        match view {
            View::Administration => self.administration,
            View::Medical => self.medical,
            View::Providers => self.providers,
            View::Community => self.community,
        }
    }

    fn get_mut(&mut self, view: View) -> &mut FilledEmpty {
        match view {
            View::Administration => &mut self.administration,
            View::Medical => &mut self.medical,
            View::Providers => &mut self.providers,
            View::Community => &mut self.community,
        }
    }

    /// Views filled and left blank over all challenges and parties.
    pub fn total(&self) -> FilledEmpty {
        View::ALL
            .into_iter()
            .fold(FilledEmpty::default(), |acc, v| FilledEmpty {
                filled: acc.filled + self.get(v).filled,
                empty: acc.empty + self.get(v).empty,
            })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FilledEmpty {
    pub filled: usize,
    pub empty: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IndicatorCounts {
    pub total: usize,
    pub numeric: usize,
    pub achieved: usize,
    /// Lacking a target or holding `未定`.
    pub undetermined: usize,
}

/// An indicator name and its row in each region that has it.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorAcross {
    pub name: String,
    pub regions: ByLabel<IndicatorRow>,
}

/// How many text fields of each sheet mention a theme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    pub theme: String,
    pub keywords: Vec<String>,
    pub regions: ByLabel<usize>,
}

/// A question to other municipalities, its themes, and whom to ask.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    pub region: String,
    pub label: String,
    pub question: String,
    pub themes: Vec<String>,
    /// Labels of the other sheets whose strengths, progress or hospital
    /// collaboration mention the themes: most mentions first, ties by label.
    pub ask: Vec<String>,
    /// The number of mentions behind each entry of `ask`.
    pub mentions: ByLabel<usize>,
}

impl CompareReport {
    /// `sheets` and `labels` are in the same order.
    pub fn new(
        sheets: &[&Sheet],
        labels: &[String],
        judging: &Judging,
        glossary: &Glossary,
    ) -> CompareReport {
        // Each indicator assessed once, for the counts and the side-by-side rows.
        let rows: Vec<Vec<IndicatorRow>> = sheets
            .iter()
            .map(|s| s.indicators.iter().map(IndicatorRow::new).collect())
            .collect();
        let regions = sheets
            .iter()
            .zip(labels)
            .zip(&rows)
            .map(|((s, l), r)| summarize(s, l, r, judging))
            .collect();
        let mut prefectures: Vec<String> = Vec::new();
        let mut seen_prefectures = std::collections::HashSet::new();
        let mut fiscal_years: Vec<i32> = Vec::new();
        for s in sheets {
            let p = s.prefecture.trim().to_string();
            if seen_prefectures.insert(crate::text::normalize(&p)) {
                prefectures.push(p);
            }
            let y = s.fiscal_year.start_year();
            if !fiscal_years.contains(&y) {
                fiscal_years.push(y);
            }
        }
        fiscal_years.sort_unstable();
        CompareReport {
            as_of: judging.given_iso(),
            prefectures,
            fiscal_years,
            themes_file: glossary.file.as_deref().map(crate::workspace::display_path),
            regions,
            indicators: indicators_across(&rows, labels),
            themes: theme_counts(sheets, labels, glossary),
            questions: questions(sheets, labels, glossary),
        }
    }

    /// More than one prefecture is compared.
    pub fn mixed_prefectures(&self) -> bool {
        self.prefectures.len() > 1
    }

    /// More than one fiscal year is compared.
    pub fn mixed_fiscal_years(&self) -> bool {
        self.fiscal_years.len() > 1
    }
}

fn summarize(
    sheet: &Sheet,
    label: &str,
    rows: &[IndicatorRow],
    judging: &Judging,
) -> RegionSummary {
    let (at, source) = judging.at(sheet);
    let mut progress = ProgressCounts::default();
    for item in sheet.progress_items() {
        match item.status {
            Some(Status::Done) => progress.done += 1,
            Some(Status::Planned) => progress.planned += 1,
            Some(Status::InProgress) => progress.in_progress += 1,
            Some(Status::Postponed) => progress.postponed += 1,
            Some(Status::Cancelled) => progress.cancelled += 1,
            None => progress.note += 1,
        }
        if check::is_overdue(item, at) {
            progress.overdue += 1;
        }
    }
    let mut views = ViewCounts::default();
    for challenge in &sheet.challenges {
        for view in View::ALL {
            let slot = views.get_mut(view);
            if challenge.views.is_filled(view) {
                slot.filled += 1;
            } else {
                slot.empty += 1;
            }
        }
    }
    let count = |f: fn(&IndicatorRow) -> bool| rows.iter().filter(|r| f(r)).count();
    let indicators = IndicatorCounts {
        total: rows.len(),
        numeric: count(|r| r.numeric),
        achieved: count(|r| r.achieved == Some(true)),
        undetermined: count(|r| r.undetermined),
    };
    RegionSummary {
        label: label.to_string(),
        prefecture: sheet.prefecture.clone(),
        region: sheet.region.clone(),
        fiscal_year: sheet.fiscal_year,
        as_of: at,
        as_of_source: source,
        goals: sheet.goals.len(),
        progress,
        challenges: sheet.challenges.len(),
        views_total: views.total(),
        views,
        indicators,
        concerns: sheet.concerns.len(),
        questions: sheet.questions.len(),
    }
}

/// An indicator name for matching across sheets: NFKC, without spaces.
pub fn indicator_key(name: &str) -> String {
    crate::text::normalize(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn indicators_across(per_sheet: &[Vec<IndicatorRow>], labels: &[String]) -> Vec<IndicatorAcross> {
    let mut rows: Vec<(String, IndicatorAcross)> = Vec::new();
    // Row of each key: a linear search per indicator was quadratic at 2,000 sheets.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (sheet_rows, label) in per_sheet.iter().zip(labels) {
        for ind in sheet_rows {
            let key = indicator_key(&ind.name);
            let i = *index.entry(key.clone()).or_insert_with(|| {
                rows.push((
                    key,
                    IndicatorAcross {
                        name: ind.name.clone(),
                        regions: ByLabel(Vec::new()),
                    },
                ));
                rows.len() - 1
            });
            let row = &mut rows[i].1;
            // Names are unique within a sheet, so a label appears once per row.
            if row.regions.get(label).is_none() {
                row.regions.0.push((label.clone(), ind.clone()));
            }
        }
    }
    let mut rows: Vec<IndicatorAcross> = rows.into_iter().map(|(_, r)| r).collect();
    // Stable: shared indicators first, otherwise in order of appearance.
    rows.sort_by_key(|r| std::cmp::Reverse(r.regions.0.len()));
    rows
}

fn theme_counts(sheets: &[&Sheet], labels: &[String], glossary: &Glossary) -> Vec<ThemeCount> {
    use rayon::prelude::*;
    // NFKC of every text is the costly part: one sheet per task.
    let texts: Vec<Vec<String>> = sheets
        .par_iter()
        .map(|s| s.texts().into_iter().map(themes::normalize).collect())
        .collect();
    glossary
        .themes
        .iter()
        .map(|theme| ThemeCount {
            theme: theme.name.clone(),
            keywords: theme.keywords.clone(),
            regions: ByLabel(
                labels
                    .iter()
                    .zip(&texts)
                    .map(|(label, texts)| {
                        let n = texts.iter().filter(|t| theme.in_normalized(t)).count();
                        (label.clone(), n)
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// The texts a region could answer from: strengths, progress items and hospital
/// collaboration (each item's text, note and organizer), normalised.
fn answer_texts(sheet: &Sheet) -> Vec<String> {
    let event_texts = |e: &Event| {
        [Some(&e.text), e.note.as_ref(), e.organizer.as_ref()]
            .into_iter()
            .flatten()
            .map(|t| themes::normalize(t))
            .collect::<Vec<_>>()
    };
    sheet
        .strengths
        .iter()
        .map(|t| themes::normalize(t))
        .chain(sheet.progress_items().flat_map(event_texts))
        .chain(sheet.hospital_collaboration.iter().flat_map(event_texts))
        .collect()
}

/// Indices (in glossary order) of the themes a normalised text mentions.
fn theme_indices(glossary: &Glossary, normalized: &str) -> Vec<usize> {
    glossary
        .themes
        .iter()
        .enumerate()
        .filter(|(_, t)| t.in_normalized(normalized))
        .map(|(i, _)| i)
        .collect()
}

fn questions(sheets: &[&Sheet], labels: &[String], glossary: &Glossary) -> Vec<QuestionRow> {
    // The themes of each answer text, computed once per text: the ranking below
    // only intersects small index lists, so thousands of sheets stay linear.
    use rayon::prelude::*;
    let answers: Vec<Vec<Vec<usize>>> = sheets
        .par_iter()
        .map(|s| {
            answer_texts(s)
                .iter()
                .map(|t| theme_indices(glossary, t))
                .filter(|ts| !ts.is_empty())
                .collect()
        })
        .collect();
    // Questions with the same themes share one ranking of all sheets (most
    // mentions first, ties by label); each question then skips its own sheet.
    let mut rankings: HashMap<Vec<usize>, Vec<(usize, usize)>> = HashMap::new();
    let mut out = Vec::new();
    for (i, (sheet, label)) in sheets.iter().zip(labels).enumerate() {
        for question in &sheet.questions {
            let wanted = theme_indices(glossary, &themes::normalize(question));
            let ranking = rankings.entry(wanted.clone()).or_insert_with(|| {
                let mut r: Vec<(usize, usize)> = answers
                    .iter()
                    .enumerate()
                    .map(|(j, texts)| {
                        let n = texts
                            .iter()
                            .filter(|ts| ts.iter().any(|t| wanted.contains(t)))
                            .count();
                        (j, n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect();
                r.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| labels[a.0].cmp(&labels[b.0])));
                r
            });
            let candidates: Vec<(String, usize)> = ranking
                .iter()
                .filter(|(j, _)| *j != i)
                .take(MAX_ASK)
                .map(|&(j, n)| (labels[j].clone(), n))
                .collect();
            out.push(QuestionRow {
                region: sheet.region.clone(),
                label: label.clone(),
                question: question.clone(),
                themes: wanted
                    .iter()
                    .map(|&t| glossary.themes[t].name.clone())
                    .collect(),
                ask: candidates.iter().map(|(l, _)| l.clone()).collect(),
                mentions: ByLabel(candidates),
            });
        }
    }
    out
}
