//! `sheet compare`: regions side by side — counts, blank views, indicators of the
//! same name, themes, and whom to ask each question — and the advisor's briefing
//! (SPEC §5): each region's texts, and one timeline of every dated item.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{fiscal_year_number, iso_day, AsOfSource, ByLabel, IndicatorRow, Judging, SheetLabel};
use crate::core::check;
use crate::core::fiscal::FiscalYear;
use crate::core::model::{DateValue, Event, Sheet, SheetId, Status, TextRole, View};
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
    /// Every dated progress and hospital-collaboration item of every sheet, by date
    /// (a month counts as its last day), then by label (SPEC §5).
    pub timeline: Vec<TimelineItem>,
    /// Items planned or under way that have no date yet, by label: what the
    /// timeline cannot place.
    pub undated: Vec<TimelineItem>,
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
    /// The path the sheet was read from.
    pub file: String,
    /// What the region wrote, for the advisor to read (SPEC §5).
    pub texts: RegionTexts,
}

/// The texts of a region an advisor discusses, as written (blank ones left out).
#[derive(Debug, Clone, Default, Serialize)]
pub struct RegionTexts {
    pub goals: Vec<String>,
    /// For each goal, its latest progress item (null when it has none).
    pub goal_progress: Vec<Option<TimelineItem>>,
    pub challenges: Vec<String>,
    pub concerns: Vec<String>,
    pub questions: Vec<String>,
    pub strengths: Vec<String>,
}

/// Where a timeline item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Progress,
    HospitalCollaboration,
}

/// Where an item stands at the date its region is judged at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// Planned for a date that has passed.
    Overdue,
    /// Dated today or later and not done or cancelled: what comes next.
    Next,
    /// Anything else: done, cancelled, or a note about the past; or no date.
    Other,
}

/// A progress or hospital-collaboration item in the timeline (SPEC §5).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineItem {
    pub label: SheetLabel,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month; null when the item has no date.
    pub date: Option<DateValue>,
    /// The date as written (`11月中旬`); `未定` when no date is fixed yet.
    pub date_text: Option<String>,
    /// Null for a plain note.
    pub status: Option<Status>,
    pub overdue: bool,
    pub due: Due,
    pub section: Section,
    /// The goal of a progress item.
    pub goal: Option<String>,
    pub text: String,
    pub organizer: Option<String>,
    pub note: Option<String>,
}

impl TimelineItem {
    fn new(event: &Event, section: Section, goal: Option<&str>, at: NaiveDate) -> TimelineItem {
        let overdue = check::is_overdue(event, at);
        let open = !matches!(event.status, Some(Status::Done | Status::Cancelled));
        let due = match &event.date {
            _ if overdue => Due::Overdue,
            Some(d) if open && d.date.last_day() >= at => Due::Next,
            _ => Due::Other,
        };
        TimelineItem {
            label: SheetLabel::default(),
            date: event.date.clone(),
            date_text: date_text(event),
            status: event.status,
            overdue,
            due,
            section,
            goal: goal.map(str::to_string),
            text: event.text.trim().to_string(),
            organizer: nonblank(event.organizer.as_deref()),
            note: nonblank(event.note.as_deref()),
        }
    }

    /// The day the item sorts by: the date, or the last day of its month.
    pub fn sort_day(&self) -> Option<NaiveDate> {
        self.date.as_ref().map(|d| d.date.last_day())
    }
}

/// The date of an item as written (`11月2日`, `11月中旬`), or `未定` when the sheet
/// says the date is not fixed yet: the timeline's `date_text` (SPEC §5).
fn date_text(event: &Event) -> Option<String> {
    match &event.date {
        Some(d) => Some(d.written.trim().to_string()),
        None => event.date_text().map(str::to_string),
    }
}

fn nonblank(s: Option<&str>) -> Option<String> {
    s.filter(|s| !crate::core::text::is_blank(s))
        .map(|s| s.trim().to_string())
}

fn texts(items: &[String]) -> Vec<String> {
    items
        .iter()
        .filter(|s| !crate::core::text::is_blank(s))
        .map(|s| s.trim().to_string())
        .collect()
}

/// The progress item of a goal that says where it stands: the one with the latest
/// date (the later one in the list on a tie), else the last one written.
fn latest(progress: &[Event]) -> Option<&Event> {
    progress
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.as_ref().map(|d| (d.date.last_day(), i, e)))
        .max_by_key(|(day, i, _)| (*day, *i))
        .map(|(_, _, e)| e)
        .or_else(|| progress.last())
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
    /// When no other sheet qualifies to answer: the other sheets that mention the
    /// themes anywhere else (concerns, challenges, …), in the same order (SPEC §5
    /// `shared`, with `shared_mentions`).
    pub shared: ByLabel<usize>,
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
        let mut row = s.serialize_struct("QuestionRow", 8)?;
        row.serialize_field("region", &self.region)?;
        row.serialize_field("label", &self.label)?;
        row.serialize_field("question", &self.question)?;
        row.serialize_field("themes", &self.themes)?;
        row.serialize_field("ask", &self.ask().collect::<Vec<_>>())?;
        row.serialize_field("mentions", &self.mentions)?;
        let shared: Vec<&str> = self.shared.0.iter().map(|(l, _)| &**l).collect();
        row.serialize_field("shared", &shared)?;
        row.serialize_field("shared_mentions", &self.shared)?;
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
    /// Each indicator with its key for matching across sheets (none for a
    /// placeholder name).
    indicators: Vec<(Option<String>, IndicatorRow)>,
    /// How many texts of the sheet mention each theme, in glossary order.
    theme_counts: Vec<usize>,
    /// The themes of each text a region could answer from, for the texts that
    /// mention one: the distinct sets of them (in glossary order), each with how
    /// many texts have it.
    answers: Vec<(Vec<usize>, usize)>,
    /// The same for every text that counts for themes.
    mentions: Vec<(Vec<usize>, usize)>,
    /// The sheet's questions, with their themes.
    questions: Vec<(String, Vec<usize>)>,
    /// The sheet's dated items, and its open items without a date (unlabelled).
    timeline: Vec<TimelineItem>,
    undated: Vec<TimelineItem>,
}

/// Counts a set of themes found in one text.
fn tally(sets: &mut Vec<(Vec<usize>, usize)>, found: &[usize]) {
    match sets.iter_mut().find(|(s, _)| s == found) {
        Some((_, n)) => *n += 1,
        None => sets.push((found.to_vec(), 1)),
    }
}

impl SheetDigest {
    pub fn new(sheet: &Sheet, judging: &Judging, glossary: &Glossary) -> SheetDigest {
        let rows: Vec<IndicatorRow> = sheet.indicators.iter().map(IndicatorRow::new).collect();
        let summary = summarize(sheet, &rows, judging);
        let mut theme_counts = vec![0; glossary.themes.len()];
        let mut answers: Vec<(Vec<usize>, usize)> = Vec::new();
        let mut mentions: Vec<(Vec<usize>, usize)> = Vec::new();
        let mut questions = Vec::new();
        // NFKC and the keyword search are the costly part: once per text.
        for (text, role) in sheet.texts_by_role() {
            if role == TextRole::Prefecture {
                continue;
            }
            let found = glossary.mentioned(text);
            for &t in &found {
                theme_counts[t] += 1;
            }
            if !found.is_empty() {
                tally(&mut mentions, &found);
                if role == TextRole::Answer {
                    tally(&mut answers, &found);
                }
            }
            if role == TextRole::Question {
                questions.push((text.to_string(), found));
            }
        }
        let (at, _) = judging.at(sheet);
        let mut timeline = Vec::new();
        let mut undated = Vec::new();
        let items = sheet
            .goals
            .iter()
            .flat_map(|g| {
                g.progress
                    .iter()
                    .map(move |e| (e, Section::Progress, Some(g.text.trim())))
            })
            .chain(
                sheet
                    .hospital_collaboration
                    .iter()
                    .map(|e| (e, Section::HospitalCollaboration, None)),
            );
        for (event, section, goal) in items {
            let item = TimelineItem::new(event, section, goal, at);
            if item.date.is_some() {
                timeline.push(item);
            } else if event.date_undetermined
                || matches!(
                    item.status,
                    Some(Status::Planned | Status::InProgress | Status::Postponed)
                )
            {
                undated.push(item);
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
            mentions,
            questions,
            timeline,
            undated,
        }
    }
}

impl CompareReport {
    /// The sheets of a run in the order given (the years of one region together,
    /// oldest first, as [`crate::workspace::load_for_report`] gives every report
    /// its sheets: SPEC §4), each labelled among the others.
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
        let mut timeline = Vec::new();
        let mut undated = Vec::new();
        let regions = digests
            .into_iter()
            .zip(&labels)
            .map(|(d, label)| {
                let with_label = |mut item: TimelineItem| {
                    item.label = label.clone();
                    item
                };
                timeline.extend(d.timeline.into_iter().map(with_label));
                undated.extend(d.undated.into_iter().map(with_label));
                let mut summary = d.summary;
                summary.label = label.clone();
                for item in summary.texts.goal_progress.iter_mut().flatten() {
                    item.label = label.clone();
                }
                summary
            })
            .collect();
        // Stable: the items of one region and day keep the sheet's order.
        timeline.sort_by(|a: &TimelineItem, b: &TimelineItem| {
            (a.sort_day(), &a.label).cmp(&(b.sort_day(), &b.label))
        });
        undated.sort_by(|a: &TimelineItem, b: &TimelineItem| a.label.cmp(&b.label));
        CompareReport {
            as_of: judging.given_iso(),
            prefectures,
            fiscal_years,
            themes_file: glossary.file.as_deref().map(crate::workspace::display_path),
            regions,
            indicators,
            themes,
            questions,
            timeline,
            undated,
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
        file: sheet.file.clone(),
        texts: RegionTexts {
            goals: sheet
                .goals
                .iter()
                .map(|g| g.text.trim().to_string())
                .collect(),
            goal_progress: sheet
                .goals
                .iter()
                .map(|g| {
                    latest(&g.progress)
                        .map(|e| TimelineItem::new(e, Section::Progress, Some(g.text.trim()), at))
                })
                .collect(),
            challenges: sheet
                .challenges
                .iter()
                .map(|c| c.text.trim().to_string())
                .collect(),
            concerns: texts(&sheet.concerns),
            questions: texts(&sheet.questions),
            strengths: texts(&sheet.strengths),
        },
    }
}

/// An indicator name for matching across sheets: NFKC, without spaces; `None` for
/// a placeholder (`未定`, blank, `-`), which names no indicator in particular and
/// so is never matched with another sheet's.
pub fn indicator_key(name: &str) -> Option<String> {
    let key: String = crate::core::text::normalize(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (!is_placeholder(&key)).then_some(key)
}

/// A name that stands for "not decided yet": blank, or one of the words that mean
/// an undetermined value (`未定`, `未設定`, `-`, …, SPEC §1.5).
fn is_placeholder(key: &str) -> bool {
    key.is_empty() || crate::core::value::is_undetermined_text(key)
}

fn indicators_across(
    sheets: Vec<Vec<(Option<String>, IndicatorRow)>>,
    labels: &[SheetLabel],
) -> Vec<IndicatorAcross> {
    let mut rows: Vec<IndicatorAcross> = Vec::new();
    // The row of each key.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (indicators, label) in sheets.into_iter().zip(labels) {
        for (key, ind) in indicators {
            let new_row = |rows: &mut Vec<IndicatorAcross>| {
                rows.push(IndicatorAcross {
                    name: ind.name.clone(),
                    regions: ByLabel(Vec::new()),
                });
                rows.len() - 1
            };
            let i = match key {
                Some(key) => *index.entry(key).or_insert_with(|| new_row(&mut rows)),
                None => new_row(&mut rows),
            };
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
    // A region is not sent to ask itself: its sheets of other years are not
    // "other regions" to an advisor (docs/format.md). How many sheets one region
    // has at most in this run.
    let region = |j: usize| (&digests[j].summary.prefecture, &digests[j].summary.region);
    let mut per_region: HashMap<_, usize> = HashMap::new();
    for j in 0..digests.len() {
        *per_region.entry(region(j)).or_default() += 1;
    }
    let most = per_region.values().copied().max().unwrap_or(1);
    // For each set of themes asked about, the sheets whose texts of one kind
    // mention one of them, best first: as many more than are shown as the asking
    // region has sheets, in case they are among them.
    type Sets = [(Vec<usize>, usize)];
    let rank = |wanted: &[usize], sets: fn(&SheetDigest) -> &Sets| {
        let mut head = Vec::new();
        for (j, d) in digests.iter().enumerate() {
            let n: usize = sets(d)
                .iter()
                .filter(|(themes, _)| themes.iter().any(|t| wanted.contains(t)))
                .map(|(_, n)| n)
                .sum();
            if n > 0 {
                keep_top(&mut head, (j, n), MAX_ASK + most, order);
            }
        }
        head
    };
    let others = |ranked: &[(usize, usize)], i: usize| -> ByLabel<usize> {
        ByLabel(
            ranked
                .iter()
                .filter(|&&(j, _)| region(j) != region(i))
                .take(MAX_ASK)
                .map(|&(j, n)| (labels[j].clone(), n))
                .collect(),
        )
    };
    type Ranked = (Vec<(usize, usize)>, Vec<(usize, usize)>);
    let mut ranked: HashMap<&[usize], Ranked> = HashMap::new();
    for (_, wanted) in digests.iter().flat_map(|d| &d.questions) {
        if !ranked.contains_key(wanted.as_slice()) {
            let ask = rank(wanted, |d| &d.answers);
            let shared = rank(wanted, |d| &d.mentions);
            ranked.insert(wanted, (ask, shared));
        }
    }
    let mut rows = Vec::new();
    for (i, d) in digests.iter().enumerate() {
        for (question, wanted) in &d.questions {
            let (ask, shared) = &ranked[wanted.as_slice()];
            let mentions = others(ask, i);
            // Who shares the problem is said only where nobody can answer.
            let shared = if mentions.0.is_empty() {
                others(shared, i)
            } else {
                ByLabel(Vec::new())
            };
            rows.push(QuestionRow {
                region: d.summary.region.clone(),
                label: labels[i].clone(),
                question: question.clone(),
                themes: wanted
                    .iter()
                    .map(|&t| glossary.themes[t].name.clone())
                    .collect(),
                mentions,
                shared,
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
