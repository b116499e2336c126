//! `sheet compare`: regions side by side — counts, blank views, indicators of the
//! same name, themes, and whom to ask each question.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use super::{fiscal_year_number, iso_day, AsOfSource, ByLabel, IndicatorRow, Judging, Label};
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
    pub label: Label,
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
    /// Boxed where the sheet is digested, so that gathering the rows of 23,500
    /// sheets by name moves pointers rather than copying the rows.
    pub regions: ByLabel<Box<IndicatorRow>>,
}

/// How many text fields of each sheet mention a theme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeCount {
    pub theme: String,
    pub keywords: Vec<String>,
    pub regions: ByLabel<usize>,
}

/// A question to other municipalities, its themes, and whom to ask.
///
/// Questions about the same themes share their list of themes and, unless the
/// asking sheet is itself among the first to ask, whom to ask: a comparison of
/// 23,500 sheets has some 70,000 questions and a handful of distinct answers.
#[derive(Debug, Clone)]
pub struct QuestionRow {
    pub region: Label,
    pub label: Label,
    pub question: String,
    pub themes: Arc<[Label]>,
    /// Labels of the other sheets whose strengths, progress or hospital
    /// collaboration mention the themes, each with its number of mentions: most
    /// mentions first, ties by label (`ask` and `mentions` in JSON).
    pub mentions: Arc<ByLabel<usize>>,
}

impl QuestionRow {
    /// The labels of the sheets to ask, in order.
    pub fn ask(&self) -> impl ExactSizeIterator<Item = &Label> {
        self.mentions.0.iter().map(|(label, _)| label)
    }
}

impl Serialize for QuestionRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// `ask`: the labels of `mentions`.
        struct Ask<'a>(&'a QuestionRow);
        impl Serialize for Ask<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.ask())
            }
        }
        let mut row = s.serialize_struct("QuestionRow", 6)?;
        row.serialize_field("region", &self.region)?;
        row.serialize_field("label", &self.label)?;
        row.serialize_field("question", &self.question)?;
        row.serialize_field("themes", &self.themes)?;
        row.serialize_field("ask", &Ask(self))?;
        row.serialize_field("mentions", &*self.mentions)?;
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
    /// The names as labels compare them.
    label_key: label::Key,
    /// Each indicator with its key for matching across sheets.
    indicators: Vec<(String, Box<IndicatorRow>)>,
    /// How many texts of the sheet mention each theme, in glossary order.
    theme_counts: Vec<usize>,
    /// The themes of each text a region could answer from, for the texts that
    /// mention one: the distinct sets of them, each with how many texts have it.
    answers: Vec<(ThemeSet, usize)>,
    /// The sheet's questions, with their themes.
    questions: Vec<(String, Vec<usize>)>,
}

impl SheetDigest {
    pub fn new(sheet: &Sheet, judging: &Judging, glossary: &Glossary) -> SheetDigest {
        let rows: Vec<IndicatorRow> = sheet.indicators.iter().map(IndicatorRow::new).collect();
        let summary = summarize(sheet, &rows, judging);
        let mut theme_counts = vec![0; glossary.themes.len()];
        let mut answers: Vec<(ThemeSet, usize)> = Vec::new();
        let mut questions = Vec::new();
        // NFKC and the keyword search are the costly part: once per text.
        for (text, role) in sheet.texts_by_role() {
            let found = glossary.mentioned(text);
            for &t in &found {
                theme_counts[t] += 1;
            }
            match role {
                TextRole::Answer if !found.is_empty() => {
                    let set = ThemeSet::of(&found);
                    match answers.iter_mut().find(|(s, _)| *s == set) {
                        Some((_, n)) => *n += 1,
                        None => answers.push((set, 1)),
                    }
                }
                TextRole::Question => questions.push((text.to_string(), found)),
                _ => {}
            }
        }
        SheetDigest {
            label_key: label::Key::new(&sheet.prefecture, &sheet.region, sheet.fiscal_year),
            summary,
            indicators: rows
                .into_iter()
                .map(|r| (indicator_key(&r.name), Box::new(r)))
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
        let keys: Vec<&label::Key> = sheets.iter().map(|(_, d)| &d.label_key).collect();
        let labels: Vec<Label> = label::labels_by_key(&ids, &keys)
            .into_iter()
            .map(Label::from)
            .collect();
        let mut prefectures: Vec<String> = Vec::new();
        let mut seen_written: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let mut seen_prefectures: foldhash::HashSet<String> = foldhash::HashSet::default();
        let mut fiscal_years: Vec<i32> = Vec::new();
        for (id, _) in &sheets {
            let p = id.prefecture.trim();
            // Normalise each spelling once, not once per sheet.
            if seen_written.insert(p) && seen_prefectures.insert(crate::core::text::normalize(p)) {
                prefectures.push(p.to_string());
            }
            let y = id.fiscal_year.start_year();
            if !fiscal_years.contains(&y) {
                fiscal_years.push(y);
            }
        }
        fiscal_years.sort_unstable();
        let mut digests: Vec<SheetDigest> = sheets.into_iter().map(|(_, d)| d).collect();
        // The indicator rows and the questions move into the report rather than
        // being copied.
        let indicator_rows: Vec<_> = digests
            .iter_mut()
            .map(|d| std::mem::take(&mut d.indicators))
            .collect();
        let asked: Vec<_> = digests
            .iter_mut()
            .map(|d| std::mem::take(&mut d.questions))
            .collect();
        // The three parts across sheets are independent: made at once.
        let ((themes, questions), indicators) = rayon::join(
            || {
                rayon::join(
                    || theme_counts(&digests, &labels, glossary),
                    || questions(&digests, asked, &labels, glossary),
                )
            },
            || indicators_across(indicator_rows, &labels),
        );
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
        label: Label::default(),
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
    sheets: Vec<Vec<(String, Box<IndicatorRow>)>>,
    labels: &[Label],
) -> Vec<IndicatorAcross> {
    let mut rows: Vec<IndicatorAcross> = Vec::new();
    // Row of each key: a linear search per indicator was quadratic at 2,000 sheets.
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

fn theme_counts(digests: &[SheetDigest], labels: &[Label], glossary: &Glossary) -> Vec<ThemeCount> {
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

/// The questions of each sheet (`asked`, in sheet order, moved into the rows),
/// each with whom to ask among `digests`.
fn questions(
    digests: &[SheetDigest],
    asked: Vec<Vec<(String, Vec<usize>)>>,
    labels: &[Label],
    glossary: &Glossary,
) -> Vec<QuestionRow> {
    use rayon::prelude::*;
    // Ties go by label: the place of each label in label order, found once, so the
    // ranking compares numbers instead of strings.
    // Sorted with each label's text at hand, on all cores; the index after the text
    // orders labels that are alike (the same sheet given twice) as a stable sort.
    let mut by_label: Vec<(&str, usize)> = labels.iter().map(|l| &**l).zip(0..).collect();
    by_label.par_sort_unstable();
    let mut label_rank = vec![0; labels.len()];
    for (rank, &(_, i)) in by_label.iter().enumerate() {
        label_rank[i] = rank;
    }
    // Questions with the same themes share one ranking of all sheets; only its
    // head is kept (one more than shown, in case the asking sheet is in it).
    let mut wanted_sets: Vec<&[usize]> = asked
        .iter()
        .flat_map(|qs| qs.iter().map(|(_, ts)| ts.as_slice()))
        .collect();
    wanted_sets.sort_unstable();
    wanted_sets.dedup();
    let theme_names: Vec<Label> = glossary
        .themes
        .iter()
        .map(|t| Label::from(t.name.as_str()))
        .collect();
    // One pass over the sheets for all the sets of themes asked about: a pass for
    // each set read every sheet's answers again, which at 23,500 sheets came from
    // main memory each time.
    let wanted: Vec<ThemeSet> = wanted_sets.iter().map(|w| ThemeSet::of(w)).collect();
    let order = |&(j, n): &(usize, usize)| (std::cmp::Reverse(n), label_rank[j]);
    let none = || vec![Vec::new(); wanted.len()];
    let ranked: Vec<Vec<(usize, usize)>> = digests
        .par_iter()
        .enumerate()
        .fold(none, |mut heads, (j, d)| {
            for (w, head) in wanted.iter().zip(&mut heads) {
                let n: usize = d
                    .answers
                    .iter()
                    .filter(|(set, _)| set.meets(w))
                    .map(|(_, n)| n)
                    .sum();
                if n > 0 {
                    keep_top(head, (j, n), MAX_ASK + 1, order);
                }
            }
            heads
        })
        .reduce(none, |mut a, b| {
            for (head, other) in a.iter_mut().zip(b) {
                for item in other {
                    keep_top(head, item, MAX_ASK + 1, order);
                }
            }
            a
        });
    let heads: HashMap<Vec<usize>, Head> = wanted_sets
        .into_iter()
        .zip(ranked)
        .map(|(wanted, ranked)| {
            let head = Head {
                themes: wanted.iter().map(|&t| theme_names[t].clone()).collect(),
                shared: Arc::new(Head::without(&ranked, None, labels)),
                ranked,
            };
            (wanted.to_vec(), head)
        })
        .collect();
    // In sheet order; each sheet's questions in its order.
    let mut rows = Vec::with_capacity(asked.iter().map(Vec::len).sum());
    for (i, (questions, (d, label))) in asked
        .into_iter()
        .zip(digests.iter().zip(labels))
        .enumerate()
    {
        let region = Label::from(d.summary.region.as_str());
        for (question, wanted) in questions {
            let head = &heads[wanted.as_slice()];
            let mentions = if head.ranked.iter().take(MAX_ASK).any(|&(j, _)| j == i) {
                Arc::new(Head::without(&head.ranked, Some(i), labels))
            } else {
                head.shared.clone()
            };
            rows.push(QuestionRow {
                region: region.clone(),
                label: label.clone(),
                question,
                themes: head.themes.clone(),
                mentions,
            });
        }
    }
    rows
}

/// What the questions about one set of themes have in common.
struct Head {
    themes: Arc<[Label]>,
    /// The sheets mentioning the themes, best first: one more than is shown, in
    /// case the asking sheet is among them.
    ranked: Vec<(usize, usize)>,
    /// Whom to ask, for a sheet not among the first of `ranked`.
    shared: Arc<ByLabel<usize>>,
}

impl Head {
    /// The first of `ranked` but `sheet`, labelled.
    fn without(
        ranked: &[(usize, usize)],
        sheet: Option<usize>,
        labels: &[Label],
    ) -> ByLabel<usize> {
        ByLabel(
            ranked
                .iter()
                .filter(|&&(j, _)| Some(j) != sheet)
                .take(MAX_ASK)
                .map(|&(j, n)| (labels[j].clone(), n))
                .collect(),
        )
    }
}

/// A set of themes (by their place in the glossary) as bits: one word for the
/// built-in glossary and any of up to 64 themes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ThemeSet(smallvec::SmallVec<[u64; 1]>);

impl ThemeSet {
    fn of(themes: &[usize]) -> ThemeSet {
        let words = themes.iter().max().map_or(0, |&t| t / 64 + 1);
        let mut bits = smallvec::SmallVec::from_elem(0, words);
        for &t in themes {
            bits[t / 64] |= 1 << (t % 64);
        }
        ThemeSet(bits)
    }

    /// The two sets share a theme.
    fn meets(&self, other: &ThemeSet) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
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
        /// the head gives, and so does merging the heads of two parts (as the
        /// parts of a parallel pass are merged).
        #[test]
        fn top_is_the_head_of_the_sorted_list(
            xs in proptest::collection::vec(0u8..20, 0..40),
            k in 0usize..8,
            split in 0usize..40,
        ) {
            let items: Vec<(usize, u8)> = xs.into_iter().enumerate().collect();
            let key = |&(i, x): &(usize, u8)| (std::cmp::Reverse(x), i);
            let mut sorted = items.clone();
            sorted.sort_by_key(key);
            sorted.truncate(k);
            proptest::prop_assert_eq!(&top(items.iter().copied(), k, key), &sorted);
            let (a, b) = items.split_at(split.min(items.len()));
            let mut merged = top(a.iter().copied(), k, key);
            for item in top(b.iter().copied(), k, key) {
                keep_top(&mut merged, item, k, key);
            }
            proptest::prop_assert_eq!(merged, sorted);
        }
    }
}
