//! `sheet compare`: regions side by side — counts, blank views, indicators of the
//! same name, themes, and whom to ask each question.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{fiscal_year_number, iso_day, AsOfSource, ByLabel, IndicatorRow, Judging, SheetLabel};
use crate::core::check;
use crate::core::fiscal::FiscalYear;
use crate::core::model::{Sheet, SheetId, Status, TextRole, View};
use crate::label;
use crate::themes::Glossary;

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
    pub label: SheetLabel,
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
#[derive(Debug, Clone)]
pub struct QuestionRow {
    pub region: String,
    pub label: SheetLabel,
    pub question: String,
    pub themes: Vec<String>,
    /// Labels of the other sheets whose strengths, progress or hospital
    /// collaboration mention the themes, each with its number of mentions: most
    /// mentions first, ties by label (`ask` and `mentions` in JSON).
    pub mentions: ByLabel<usize>,
}

impl QuestionRow {
    /// The labels of the sheets to ask, in order.
    pub fn ask(&self) -> impl Iterator<Item = &str> {
        self.mentions.0.iter().map(|(label, _)| &**label)
    }
}

impl Serialize for QuestionRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut row = s.serialize_struct("QuestionRow", 6)?;
        row.serialize_field("region", &self.region)?;
        row.serialize_field("label", &self.label)?;
        row.serialize_field("question", &self.question)?;
        row.serialize_field("themes", &self.themes)?;
        row.serialize_field("ask", &self.ask().collect::<Vec<_>>())?;
        row.serialize_field("mentions", &self.mentions)?;
        row.end()
    }
}

/// What `compare` keeps of one sheet, made on the worker thread that loaded it
/// (the sheet itself is not kept): its figures, its indicators, and the themes of
/// its texts.
#[derive(Debug, Clone)]
pub struct SheetDigest {
    /// Labelled when the run is known.
    summary: RegionSummary,
    /// Each indicator with its key for matching across sheets.
    indicators: Vec<(String, IndicatorRow)>,
    /// How many texts of the sheet mention each theme, in glossary order.
    theme_counts: Vec<usize>,
    /// The themes of each text a region could answer from, for the texts that
    /// mention one: the distinct sets of them (in glossary order), each with how
    /// many texts have it.
    answers: Vec<(Vec<usize>, usize)>,
    /// The sheet's questions, with their themes.
    questions: Vec<(String, Vec<usize>)>,
}

impl SheetDigest {
    pub fn new(sheet: &Sheet, judging: &Judging, glossary: &Glossary) -> SheetDigest {
        let rows: Vec<IndicatorRow> = sheet.indicators.iter().map(IndicatorRow::new).collect();
        let summary = summarize(sheet, &rows, judging);
        let mut theme_counts = vec![0; glossary.themes.len()];
        let mut answers: Vec<(Vec<usize>, usize)> = Vec::new();
        let mut questions = Vec::new();
        // NFKC and the keyword search are the costly part: once per text.
        for (text, role) in sheet.texts_by_role() {
            let found = glossary.mentioned(text);
            for &t in &found {
                theme_counts[t] += 1;
            }
            match role {
                TextRole::Answer if !found.is_empty() => {
                    match answers.iter_mut().find(|(s, _)| *s == found) {
                        Some((_, n)) => *n += 1,
                        None => answers.push((found, 1)),
                    }
                }
                TextRole::Question => questions.push((text.to_string(), found)),
                _ => {}
            }
        }
        SheetDigest {
            summary,
            indicators: rows
                .into_iter()
                .map(|r| (indicator_key(&r.name), r))
                .collect(),
            theme_counts,
            answers,
            questions,
        }
    }
}

impl CompareReport {
    /// The sheets of a run, in input order, each labelled among the others.
    pub fn new(
        sheets: Vec<(SheetId, SheetDigest)>,
        judging: &Judging,
        glossary: &Glossary,
    ) -> CompareReport {
        let ids: Vec<&SheetId> = sheets.iter().map(|(id, _)| id).collect();
        let labels: Vec<SheetLabel> = label::labels(&ids).into_iter().map(Into::into).collect();
        let mut prefectures: Vec<String> = Vec::new();
        let mut seen_prefectures = HashSet::new();
        let mut fiscal_years: Vec<i32> = Vec::new();
        for id in ids {
            let p = id.prefecture.trim();
            if seen_prefectures.insert(crate::core::text::normalize(p)) {
                prefectures.push(p.to_string());
            }
            let y = id.fiscal_year.start_year();
            if !fiscal_years.contains(&y) {
                fiscal_years.push(y);
            }
        }
        fiscal_years.sort_unstable();
        let mut digests: Vec<SheetDigest> = sheets.into_iter().map(|(_, d)| d).collect();
        // The indicator rows move into the report.
        let indicator_rows: Vec<_> = digests
            .iter_mut()
            .map(|d| std::mem::take(&mut d.indicators))
            .collect();
        let themes = theme_counts(&digests, &labels, glossary);
        let questions = questions(&digests, &labels, glossary);
        let indicators = indicators_across(indicator_rows, &labels);
        let regions = digests
            .into_iter()
            .zip(&labels)
            .map(|(d, label)| RegionSummary {
                label: label.clone(),
                ..d.summary
            })
            .collect();
        CompareReport {
            as_of: judging.given_iso(),
            prefectures,
            fiscal_years,
            themes_file: glossary.file.as_deref().map(crate::workspace::display_path),
            regions,
            indicators,
            themes,
            questions,
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

fn summarize(sheet: &Sheet, rows: &[IndicatorRow], judging: &Judging) -> RegionSummary {
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
        label: SheetLabel::default(),
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
    crate::core::text::normalize(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn indicators_across(
    sheets: Vec<Vec<(String, IndicatorRow)>>,
    labels: &[SheetLabel],
) -> Vec<IndicatorAcross> {
    let mut rows: Vec<IndicatorAcross> = Vec::new();
    // The row of each key.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (indicators, label) in sheets.into_iter().zip(labels) {
        for (key, ind) in indicators {
            let i = *index.entry(key).or_insert_with(|| {
                rows.push(IndicatorAcross {
                    name: ind.name.clone(),
                    regions: ByLabel(Vec::new()),
                });
                rows.len() - 1
            });
            let row = &mut rows[i];
            // A sheet's rows come one after another, so its label is the last one
            // added if it is there at all (names are unique within a sheet anyway:
            // a duplicate is an error).
            if row.regions.0.last().is_none_or(|(l, _)| l != label) {
                row.regions.0.push((label.clone(), ind));
            }
        }
    }
    // Stable: shared indicators first, otherwise in order of appearance.
    rows.sort_by_key(|r| std::cmp::Reverse(r.regions.0.len()));
    rows
}

fn theme_counts(
    digests: &[SheetDigest],
    labels: &[SheetLabel],
    glossary: &Glossary,
) -> Vec<ThemeCount> {
    glossary
        .themes
        .iter()
        .enumerate()
        .map(|(t, theme)| ThemeCount {
            theme: theme.name.clone(),
            keywords: theme.keywords.clone(),
            regions: ByLabel(
                labels
                    .iter()
                    .zip(digests)
                    .map(|(label, d)| (label.clone(), d.theme_counts[t]))
                    .collect(),
            ),
        })
        .collect()
}

/// The questions of each sheet, in sheet order, each with whom to ask among the
/// others.
fn questions(
    digests: &[SheetDigest],
    labels: &[SheetLabel],
    glossary: &Glossary,
) -> Vec<QuestionRow> {
    // Ties go by label: the place of each sheet's label in label order.
    let mut by_label: Vec<usize> = (0..labels.len()).collect();
    by_label.sort_by(|&a, &b| labels[a].cmp(&labels[b]));
    let mut label_rank = vec![0; labels.len()];
    for (rank, &i) in by_label.iter().enumerate() {
        label_rank[i] = rank;
    }
    let order = |&(j, n): &(usize, usize)| (std::cmp::Reverse(n), label_rank[j]);
    // For each set of themes asked about, the sheets whose answers mention one of
    // them, best first: one more than is shown, in case the asking sheet is among
    // them.
    let mut ranked: HashMap<&[usize], Vec<(usize, usize)>> = HashMap::new();
    for (_, wanted) in digests.iter().flat_map(|d| &d.questions) {
        if ranked.contains_key(wanted.as_slice()) {
            continue;
        }
        let mut head = Vec::new();
        for (j, d) in digests.iter().enumerate() {
            let n: usize = d
                .answers
                .iter()
                .filter(|(themes, _)| themes.iter().any(|t| wanted.contains(t)))
                .map(|(_, n)| n)
                .sum();
            if n > 0 {
                keep_top(&mut head, (j, n), MAX_ASK + 1, order);
            }
        }
        ranked.insert(wanted, head);
    }
    let mut rows = Vec::new();
    for (i, d) in digests.iter().enumerate() {
        for (question, wanted) in &d.questions {
            let mentions = ranked[wanted.as_slice()]
                .iter()
                .filter(|&&(j, _)| j != i)
                .take(MAX_ASK)
                .map(|&(j, n)| (labels[j].clone(), n))
                .collect();
            rows.push(QuestionRow {
                region: d.summary.region.clone(),
                label: labels[i].clone(),
                question: question.clone(),
                themes: wanted
                    .iter()
                    .map(|&t| glossary.themes[t].name.clone())
                    .collect(),
                mentions: ByLabel(mentions),
            });
        }
    }
    rows
}

/// Adds `item` to `head`, the first (at most `k`) items so far in the order of
/// `key`, if it is among them.
fn keep_top<T, K: Ord>(head: &mut Vec<T>, item: T, k: usize, key: impl Fn(&T) -> K) {
    if head.len() == k && head.last().is_some_and(|last| key(&item) >= key(last)) {
        return;
    }
    let at = head.partition_point(|h| key(h) < key(&item));
    head.insert(at, item);
    head.truncate(k);
}

#[cfg(test)]
mod tests {
    use super::keep_top;

    /// The first `k` of `items` by `key`, kept one by one.
    fn top<T, K: Ord>(items: impl Iterator<Item = T>, k: usize, key: impl Fn(&T) -> K) -> Vec<T> {
        let mut head = Vec::new();
        for item in items {
            keep_top(&mut head, item, k, &key);
        }
        head
    }

    proptest::proptest! {
        /// Keeping the head item by item gives what sorting everything and taking
        /// the head gives.
        #[test]
        fn top_is_the_head_of_the_sorted_list(
            xs in proptest::collection::vec(0u8..20, 0..40),
            k in 0usize..8,
        ) {
            let items: Vec<(usize, u8)> = xs.into_iter().enumerate().collect();
            let key = |&(i, x): &(usize, u8)| (std::cmp::Reverse(x), i);
            let mut sorted = items.clone();
            sorted.sort_by_key(key);
            sorted.truncate(k);
            proptest::prop_assert_eq!(top(items.iter().copied(), k, key), sorted);
        }
    }
}
