//! `sheet compare`: the regions side by side — what each has written, which views
//! are blank, indicators of the same name, themes, and whom to ask each question.

// foldhash (seeded per process) rather than SipHash: the maps are keyed by the
// addresses of shared lists and by labels, looked up once per row.
use foldhash::HashMap;
use std::io::{self, Write};

use crate::cli::CompareArgs;
use crate::cmd::progress::{indicator_fields, pct_text, target_text, value_text, verdict_text};
use crate::core::fiscal::FiscalYear;
use crate::core::model::View;
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::report::compare::{CompareReport, QuestionRow, RegionSummary, SheetDigest};
use crate::report::{IndicatorRow, Judging};
use crate::table::{self, Align, Color, Look, Rules};
use crate::themes::Glossary;
use crate::{discover, workspace};

pub fn run(args: &CompareArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let opts = &args.report;
    let judging = Judging::new(opts.as_of.as_deref(), ctx.today)?;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let glossary = Glossary::load(inputs.dir.as_deref()).map_err(crate::error::Failure::from)?;
    let loaded = workspace::load_for_report(&inputs, &opts.region, ctx, |sheet| {
        SheetDigest::new(&sheet, &judging, &glossary)
    })?;
    let report = CompareReport::new(loaded.sheets, &judging, &glossary);
    let exit = super::write_report(&report, opts, ctx, loaded.skipped);
    // The process ends here: freeing the report's many small strings one by one
    // would only delay the exit (some milliseconds on a national corpus).
    std::mem::forget(report);
    exit
}

impl super::Report for CompareReport {
    fn table(&self, out: &mut dyn Write, look: &Look, lang: Lang) -> io::Result<()> {
        render_table(&mut &mut *out, self, look, lang)
    }
    fn markdown(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        render_markdown(&mut &mut *out, self, lang)
    }
    fn csv(&self, out: &mut dyn Write, bom: bool) -> anyhow::Result<()> {
        render_csv(&mut &mut *out, self, bom)
    }
}

/// The title line and the notes on mixed prefectures or fiscal years.
fn heading(report: &CompareReport, lang: Lang) -> (String, Vec<String>) {
    let years: Vec<FiscalYear> = report
        .fiscal_years
        .iter()
        .filter_map(|y| FiscalYear::new(*y))
        .collect();
    let mut scope = Vec::new();
    if !report.mixed_prefectures() {
        scope.extend(report.prefectures.first().cloned());
    }
    if let [fy] = years.as_slice() {
        scope.push(words::fiscal_year(lang, *fy));
    }
    let first = report.regions.first().map(|r| (r.as_of, r.as_of_source));
    let as_of = match first {
        Some((d, s))
            if report
                .regions
                .iter()
                .all(|r| (r.as_of, r.as_of_source) == (d, s)) =>
        {
            words::as_of(lang, d, s)
        }
        _ => words::as_of_per_region(lang).to_string(),
    };
    let sep = lang.pick("　", ", ");
    let title = words::compare_title(lang, report.regions.len(), &scope.join(sep), &as_of);
    let mut notes = Vec::new();
    if report.mixed_prefectures() {
        notes.push(words::mixed_prefectures(lang, &report.prefectures));
    }
    if report.mixed_fiscal_years() {
        notes.push(words::mixed_fiscal_years(lang, &years));
    }
    (title, notes)
}

/// One line of the overview: a label, a figure per region, and a colour for
/// figures above zero that a reviewer should notice.
struct Figure {
    label: W,
    value: fn(&RegionSummary) -> usize,
    /// The colour of a figure above zero.
    alert: Option<Color>,
    /// The colour of a zero (a region with no goals or no indicator).
    alert_zero: Option<Color>,
}

const FIGURES: &[Figure] = &[
    Figure {
        label: W::RowGoals,
        value: |r| r.goals,
        alert: None,
        alert_zero: Some(Color::Magenta),
    },
    Figure {
        label: W::RowDone,
        value: |r| r.progress.done,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowPlanned,
        value: |r| r.progress.planned,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowInProgress,
        value: |r| r.progress.in_progress,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowPostponed,
        value: |r| r.progress.postponed,
        alert: Some(Color::Yellow),
        alert_zero: None,
    },
    Figure {
        label: W::RowCancelled,
        value: |r| r.progress.cancelled,
        alert: Some(Color::Yellow),
        alert_zero: None,
    },
    Figure {
        label: W::RowNote,
        value: |r| r.progress.note,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowOverdue,
        value: |r| r.progress.overdue,
        alert: Some(Color::Red),
        alert_zero: None,
    },
    Figure {
        label: W::RowChallenges,
        value: |r| r.challenges,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowViewsFilled,
        value: |r| r.views_total.filled,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowViewsEmpty,
        value: |r| r.views_total.empty,
        alert: Some(Color::Yellow),
        alert_zero: None,
    },
    Figure {
        label: W::RowIndicators,
        value: |r| r.indicators.total,
        alert: None,
        alert_zero: Some(Color::Magenta),
    },
    Figure {
        label: W::RowNumeric,
        value: |r| r.indicators.numeric,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowAchieved,
        value: |r| r.indicators.achieved,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowUndetermined,
        value: |r| r.indicators.undetermined,
        alert: Some(Color::Magenta),
        alert_zero: None,
    },
    Figure {
        label: W::RowConcerns,
        value: |r| r.concerns,
        alert: None,
        alert_zero: None,
    },
    Figure {
        label: W::RowQuestions,
        value: |r| r.questions,
        alert: None,
        alert_zero: None,
    },
];

/// An indicator of one region in a compact cell.
fn indicator_cell(row: &IndicatorRow, lang: Lang) -> String {
    let pct = row.progress_pct.map(|_| pct_text(row, lang));
    [
        words::values_line(
            lang,
            &value_text(row.baseline.as_ref(), lang),
            &value_text(row.current.as_ref(), lang),
        ),
        words::target_line(lang, &target_text(row, lang), pct.as_deref()),
        verdict_text(row, lang),
    ]
    .join("\n")
}

fn ask_text(q: &QuestionRow, lang: Lang, sep: &str) -> String {
    if q.mentions.0.is_empty() {
        return W::NoneFound.get(lang).to_string();
    }
    q.mentions
        .0
        .iter()
        .map(|(l, n)| words::ask_entry(lang, l, *n))
        .collect::<Vec<_>>()
        .join(sep)
}

fn themes_text(q: &QuestionRow, lang: Lang, sep: &str) -> String {
    if q.themes.is_empty() {
        return W::NoneFound.get(lang).to_string();
    }
    q.themes.join(sep)
}

/// Questions about the same themes share their themes and, mostly, whom to ask
/// (`QuestionRow`): the texts of those lists, each made once, found by the
/// address of what is shared ([`shared`]).
struct SharedTexts {
    themes: HashMap<usize, String>,
    ask: HashMap<usize, String>,
}

impl SharedTexts {
    fn new(
        questions: &[QuestionRow],
        themes: impl Fn(&QuestionRow) -> String,
        ask: impl Fn(&QuestionRow) -> String,
    ) -> SharedTexts {
        let mut texts = SharedTexts {
            themes: HashMap::default(),
            ask: HashMap::default(),
        };
        for q in questions {
            texts
                .themes
                .entry(shared(&q.themes))
                .or_insert_with(|| themes(q));
            texts
                .ask
                .entry(shared(&q.mentions))
                .or_insert_with(|| ask(q));
        }
        texts
    }

    fn themes(&self, q: &QuestionRow) -> &str {
        &self.themes[&shared(&q.themes)]
    }

    fn ask(&self, q: &QuestionRow) -> &str {
        &self.ask[&shared(&q.mentions)]
    }
}

/// The address of what an `Arc` shares.
fn shared<T: ?Sized>(a: &std::sync::Arc<T>) -> usize {
    std::sync::Arc::as_ptr(a).cast::<()>() as usize
}

fn labels(report: &CompareReport) -> Vec<&str> {
    report.regions.iter().map(|r| &*r.label).collect()
}

/// The regions' labels as header cells, made once (on all cores) for the three
/// tables of regions side by side.
fn heads<'a>(labels: &[&'a str]) -> Vec<table::Cell<'a>> {
    use rayon::prelude::*;
    labels.par_iter().map(|l| table::header_cell(l)).collect()
}

/// The header of a table of regions side by side: `first`, then the regions of
/// `group`.
fn head<'a>(
    s: &Sections<'a>,
    first: &'a str,
    group: &std::ops::Range<usize>,
) -> Vec<table::Cell<'a>> {
    let mut head = Vec::with_capacity(1 + group.len());
    head.push(table::header_cell(first));
    head.extend_from_slice(&s.heads[group.clone()]);
    head
}

/// A row of a table of regions side by side, its first cell given, with room for
/// the cells of the regions of `group`.
fn row<'a>(first: &table::Cell<'a>, group: &std::ops::Range<usize>) -> Vec<table::Cell<'a>> {
    let mut row = Vec::with_capacity(1 + group.len());
    row.push(first.clone());
    row
}

/// Column groups of regions side by side that fit the width.
fn groups(
    look: &Look,
    first: usize,
    heads: &[table::Cell<'_>],
    min: usize,
) -> Vec<std::ops::Range<usize>> {
    let widths: Vec<usize> = heads.iter().map(|h| h.width().max(min)).collect();
    table::column_groups(first, &widths, look.width)
}

fn render_table(
    out: &mut impl Write,
    report: &CompareReport,
    look: &Look,
    lang: Lang,
) -> io::Result<()> {
    let (title, notes) = heading(report, lang);
    let title = table::terminal_text(&title);
    table::write_wrapped(out, look, "", &title)?;
    let rule = table::display_width(&title).min(look.text_width().unwrap_or(usize::MAX));
    writeln!(out, "{}", "=".repeat(rule))?;
    for note in &notes {
        table::write_wrapped(out, look, "", note)?;
    }
    if report.regions.is_empty() {
        writeln!(out, "{}", W::NoRegions.get(lang))?;
        return Ok(());
    }
    let labels = labels(report);
    let s = Sections {
        report,
        heads: heads(&labels),
        labels,
        look,
        lang,
        at_once: report.regions.len() <= SECTIONS_AT_ONCE,
    };
    write_sections(out, &s)
}

/// Writes the five sections of the table format, in order ([`Sections::at_once`]).
fn write_sections(out: &mut impl Write, s: &Sections<'_>) -> io::Result<()> {
    type Section = fn(&mut dyn Write, &Sections<'_>) -> io::Result<()>;
    const SECTIONS: [Section; 5] = [overview, blank_views, indicators, themes, questions];
    if s.at_once {
        // Each section has parts that run on one core (laying out a table, writing
        // it out); made at once, the sections keep both cores busy.
        use rayon::prelude::*;
        let made: Vec<io::Result<table::Parts>> = SECTIONS
            .par_iter()
            .map(|section| {
                let mut buf = table::Parts::default();
                section(&mut buf, s).map(|()| buf)
            })
            .collect();
        for section in made {
            section?.write_to(out)?;
        }
    } else {
        // A comparison of tens of thousands of regions is a hundred megabytes of
        // text: one section after the other, each written as it is made (on all
        // cores, a few tables or chunks of rows at a time), so it is never held whole;
        // the long table of questions does not keep its wrapped lines either.
        for section in SECTIONS {
            section(out, s)?;
        }
    }
    Ok(())
}

/// Up to this many regions, the sections of the table are made at once and held
/// until written (some 40 MB of text at 10,000 regions); beyond, one after the
/// other as they are written. Interleaved rounds, per-round ratio to the floor
/// (2026-12-02): 2,350 sheets, at once 1.29x, one after the other 1.41x; 23,500
/// sheets, at once 1.47x and 247 MiB, one after the other 1.37x and 138 MiB.
/// Again after the table kept its wrapped lines (spans) and the 256 KiB output
/// buffer, 9 rounds at 23,500 sheets: at once 1.59x, one after the other 1.49x.
/// (Making them at once on threads of their own, each running at most 4 MB ahead
/// of the writer, was no faster at either size and held 66 MiB more at 23,500.)
const SECTIONS_AT_ONCE: usize = 10_000;

/// What every section of the table format needs.
struct Sections<'a> {
    report: &'a CompareReport,
    labels: Vec<&'a str>,
    /// [`heads`] of `labels`.
    heads: Vec<table::Cell<'a>>,
    look: &'a Look,
    lang: Lang,
    /// The sections are made at the same time and held until written; else one
    /// after the other, each written as it is made. The text is the same either way.
    at_once: bool,
}

/// Overview: figures as rows, regions as columns (continued below when too many).
fn overview(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, look, lang) = (s.report, s.look, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Overview.get(lang)))?;
    let names: Vec<_> = FIGURES
        .iter()
        .map(|f| table::borrowed_cell(f.label.get(lang)))
        .collect();
    let first = names.iter().map(table::Cell::width).max().unwrap_or(0);
    table::write_tables(out, &groups(look, first, &s.heads, 4), |group| {
        let mut t = table::new_table(look, Rules::HeaderOnly);
        t.set_header(head(s, W::Item.get(lang), group));
        for (f, name) in FIGURES.iter().zip(&names) {
            let mut cells = row(name, group);
            for r in &report.regions[group.clone()] {
                let n = (f.value)(r);
                let color = if n > 0 { f.alert } else { f.alert_zero };
                cells.push(table::colored(table::count_cell(n), color));
            }
            t.add_row(cells);
        }
        Some(t)
    })?;
    Ok(())
}

/// Views left blank: the gaps the meeting should talk about.
fn blank_views(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, look, lang) = (s.report, s.look, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::BlankViews.get(lang)))?;
    let mut t = table::new_table(look, Rules::HeaderOnly);
    let mut head = vec![W::Region.get(lang), W::Challenges.get(lang)];
    head.extend(View::ALL.map(|v| words::view(lang, v)));
    t.set_header(table::header(&head));
    // A row for each region, made on all cores.
    let rows: Vec<Vec<table::Cell<'_>>> = {
        use rayon::prelude::*;
        report
            .regions
            .par_iter()
            .map(|r| {
                let mut cells = Vec::with_capacity(2 + View::ALL.len());
                cells.push(table::borrowed_cell(&r.label));
                cells.push(table::count_cell(r.challenges));
                for v in View::ALL {
                    let empty = r.views.get(v).empty;
                    let color = (empty > 0).then_some(Color::Yellow);
                    cells.push(table::colored(table::count_cell(empty), color));
                }
                cells
            })
            .collect()
    };
    for cells in rows {
        t.add_row(cells);
    }
    table::write_table(out, &t)?;
    table::write_wrapped(out, look, "", W::BlankViewsNote.get(lang))
}

/// Indicators of the same name side by side.
fn indicators(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, labels, look, lang) = (s.report, &s.labels, s.look, s.lang);
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        words::section(lang, W::IndicatorsAcross.get(lang))
    )?;
    if report.indicators.is_empty() {
        return writeln!(out, "{}", W::NoIndicators.get(lang));
    }
    let names: Vec<_> = report
        .indicators
        .iter()
        .map(|i| table::borrowed_cell(&i.name))
        .collect();
    let first = names.iter().map(|c| c.width().min(16)).max().unwrap_or(0);
    let groups = groups(look, first, &s.heads, 16);
    // Only the indicators some region of a group has: with many regions most
    // rows of a group would be blank. Found in one pass over the indicators, each
    // with the cells of its regions in the group (looking a region up by its label
    // in every row was quadratic: seconds at 23,500 sheets).
    let region_of: HashMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let mut group_of = vec![0; labels.len()];
    for (g, range) in groups.iter().enumerate() {
        group_of[range.clone()].fill(g);
    }
    type Cells<'a> = Vec<(usize, &'a IndicatorRow)>;
    let mut rows_of_group: Vec<Vec<(usize, Cells<'_>)>> = vec![Vec::new(); groups.len()];
    for (i, ind) in report.indicators.iter().enumerate() {
        for (label, row) in &ind.regions.0 {
            let Some(&r) = region_of.get(&**label) else {
                continue;
            };
            let rows = &mut rows_of_group[group_of[r]];
            match rows.last_mut() {
                Some((last, cells)) if *last == i => cells.push((r, row)),
                _ => rows.push((i, vec![(r, row)])),
            }
        }
    }
    let groups: Vec<_> = groups.into_iter().zip(rows_of_group).collect();
    table::write_tables(out, &groups, |(group, rows)| {
        if rows.is_empty() {
            return None;
        }
        let mut t = table::new_table(look, Rules::EveryRow);
        t.set_header(head(s, W::Indicator.get(lang), group));
        for (i, cells) in rows {
            let mut row = row(&names[*i], group);
            for r in group.clone() {
                row.push(match cells.iter().find(|(c, _)| *c == r) {
                    Some((_, ind)) => table::colored(
                        table::string_cell(indicator_cell(ind, lang)),
                        crate::cmd::progress::verdict_color(ind),
                    ),
                    None => table::borrowed_cell(""),
                });
            }
            t.add_row(row);
        }
        Some(t)
    })?;
    Ok(())
}

/// How many texts of each region mention each theme.
fn themes(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    let (report, look, lang) = (s.report, s.look, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Themes.get(lang)))?;
    let names: Vec<_> = report
        .themes
        .iter()
        .map(|t| table::borrowed_cell(&t.theme))
        .collect();
    let first = names.iter().map(table::Cell::width).max().unwrap_or(0);
    table::write_tables(out, &groups(look, first, &s.heads, 4), |group| {
        let mut t = table::new_table(look, Rules::HeaderOnly);
        t.set_header(head(s, W::Theme.get(lang), group));
        for (theme, name) in report.themes.iter().zip(&names) {
            let mut cells = row(name, group);
            for (_, n) in &theme.regions.0[group.clone()] {
                cells.push(table::count_cell(*n));
            }
            t.add_row(cells);
        }
        Some(t)
    })?;
    table::write_wrapped(out, look, "", W::ThemesNote.get(lang))?;
    table::write_wrapped(
        out,
        look,
        "",
        &words::themes_source(lang, report.themes_file.as_deref()),
    )
}

/// Questions and whom to ask.
fn questions(out: &mut dyn Write, s: &Sections<'_>) -> io::Result<()> {
    use rayon::prelude::*;
    let (report, look, lang) = (s.report, s.look, s.lang);
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Questions.get(lang)))?;
    if report.questions.is_empty() {
        return writeln!(out, "{}", W::NoQuestions.get(lang));
    }
    let mut t = table::new_table(look, Rules::EveryRow);
    let head = [
        W::Region.get(lang),
        W::Question.get(lang),
        W::Theme.get(lang),
        W::Ask.get(lang),
    ];
    t.set_header(table::header(&head));
    // The cells are made on all cores; the table gives the question what room the
    // other columns leave.
    // The cells borrow the labels and questions from the report, and the texts
    // of themes and whom to ask from `texts` (70,000 rows at 23,500 sheets).
    let texts = SharedTexts::new(
        &report.questions,
        |q| themes_text(q, lang, "\n"),
        |q| ask_text(q, lang, "\n"),
    );
    fn cells(texts: &HashMap<usize, String>) -> HashMap<usize, table::Cell<'_>> {
        texts
            .iter()
            .map(|(&k, text)| (k, table::borrowed_cell(text)))
            .collect()
    }
    let (theme_cells, ask_cells) = (cells(&texts.themes), cells(&texts.ask));
    let rows: Vec<Vec<table::Cell<'_>>> = report
        .questions
        .par_iter()
        .map(|q| {
            vec![
                table::borrowed_cell(&q.label),
                table::borrowed_cell(&q.question),
                theme_cells[&shared(&q.themes)].clone(),
                ask_cells[&shared(&q.mentions)].clone(),
            ]
        })
        .collect();
    for row in rows {
        t.add_row(row);
    }
    table::write_table(out, &t)?;
    // The last table of the run, and the largest: its cells are left to the end of
    // the process (as `run` leaves the report) instead of being freed one by one,
    // which took 7 ms at 2,350 sheets and 60 ms at 23,500.
    std::mem::forget(t);
    table::write_wrapped(out, look, "", W::AskNote.get(lang))
}

fn render_markdown(out: &mut impl Write, report: &CompareReport, lang: Lang) -> io::Result<()> {
    use table::md_cell as md;
    let (title, notes) = heading(report, lang);
    writeln!(out, "## {}", md(&title))?;
    for note in &notes {
        writeln!(out)?;
        writeln!(out, "{}", md(note))?;
    }
    if report.regions.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(W::NoRegions.get(lang)))?;
        return Ok(());
    }
    let labels = labels(report);

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Overview.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Region.get(lang))];
    head.extend(FIGURES.iter().map(|f| md(f.label.get(lang))));
    let mut align = vec![Align::Left];
    align.extend(FIGURES.iter().map(|_| Align::Right));
    let rows = report.regions.iter().map(|r| {
        let mut row = vec![md(&r.label)];
        row.extend(FIGURES.iter().map(|f| (f.value)(r).to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::BlankViews.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Region.get(lang)), md(W::Challenges.get(lang))];
    head.extend(View::ALL.map(|v| md(words::view(lang, v))));
    let mut align = vec![Align::Left];
    align.extend([Align::Right; 5]);
    let rows = report.regions.iter().map(|r| {
        let mut row = vec![md(&r.label), r.challenges.to_string()];
        row.extend(View::ALL.map(|v| r.views.get(v).empty.to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::BlankViewsNote.get(lang)))?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::IndicatorsAcross.get(lang)))?;
    writeln!(out)?;
    if report.indicators.is_empty() {
        writeln!(out, "{}", md(W::NoIndicators.get(lang)))?;
    } else {
        let mut head = vec![md(W::Indicator.get(lang))];
        head.extend(labels.iter().map(|l| md(l)));
        let rows = report.indicators.iter().map(|ind| {
            let mut row = vec![md(&ind.name)];
            row.extend(
                ind.regions
                    .aligned(&labels)
                    .map(|r| r.map(|r| md(&indicator_cell(r, lang))).unwrap_or_default()),
            );
            row
        });
        table::write_md_table(out, &head, &[Align::Left], rows)?;
    }

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Themes.get(lang)))?;
    writeln!(out)?;
    let mut head = vec![md(W::Theme.get(lang))];
    head.extend(labels.iter().map(|l| md(l)));
    let mut align = vec![Align::Left];
    align.extend(labels.iter().map(|_| Align::Right));
    let rows = report.themes.iter().map(|t| {
        let mut row = vec![md(&t.theme)];
        row.extend(t.regions.0.iter().map(|(_, n)| n.to_string()));
        row
    });
    table::write_md_table(out, &head, &align, rows)?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::ThemesNote.get(lang)))?;
    writeln!(
        out,
        "{}",
        md(&words::themes_source(lang, report.themes_file.as_deref()))
    )?;

    writeln!(out)?;
    writeln!(out, "### {}", md(W::Questions.get(lang)))?;
    writeln!(out)?;
    if report.questions.is_empty() {
        writeln!(out, "{}", md(W::NoQuestions.get(lang)))?;
        return Ok(());
    }
    let sep = words::list_sep(lang);
    let texts = SharedTexts::new(
        &report.questions,
        |q| md(&themes_text(q, lang, sep)),
        |q| md(&ask_text(q, lang, sep)),
    );
    let rows = report.questions.iter().map(|q| {
        vec![
            md(&q.label),
            md(&q.question),
            texts.themes(q).to_string(),
            texts.ask(q).to_string(),
        ]
    });
    table::write_md_table(
        out,
        &[
            md(W::Region.get(lang)),
            md(W::Question.get(lang)),
            md(W::Theme.get(lang)),
            md(W::Ask.get(lang)),
        ],
        &[Align::Left; 4],
        rows,
    )?;
    writeln!(out)?;
    writeln!(out, "{}", md(W::AskNote.get(lang)))?;
    Ok(())
}

/// CSV columns of `compare` (one value per row).
const CSV_HEADER: [&str; 8] = [
    "label",
    "prefecture",
    "region",
    "fiscal_year",
    "section",
    "item",
    "field",
    "value",
];

fn render_csv(out: &mut impl Write, report: &CompareReport, bom: bool) -> anyhow::Result<()> {
    let mut w = table::csv_writer(out, bom)?;
    w.write_record(CSV_HEADER)?;
    // The four fields that open every record of a region, made once per region;
    // indicators and questions find them by label in a map (looking the region up
    // in the list of regions for each of them was quadratic: seconds at 23,500).
    let heads: Vec<[String; 4]> = report
        .regions
        .iter()
        .map(|r| {
            [
                table::csv_field(&r.label),
                table::csv_field(&r.prefecture),
                table::csv_field(&r.region),
                r.fiscal_year.start_year().to_string(),
            ]
        })
        .collect();
    let head_of: HashMap<&str, &[String; 4]> = report
        .regions
        .iter()
        .zip(&heads)
        .map(|(r, head)| (&*r.label, head))
        .collect();
    let mut put = |head: &[String; 4], section: &str, item: &str, field: &str, value: &str| {
        let [label, prefecture, region, year] = head;
        w.write_record([
            label.as_str(),
            prefecture,
            region,
            year,
            section,
            &table::csv_field(item),
            field,
            &table::csv_field(value),
        ])
    };
    for (r, head) in report.regions.iter().zip(&heads) {
        let n = |x: usize| x.to_string();
        put(
            head,
            "overview",
            "",
            "as_of",
            &r.as_of.format("%Y-%m-%d").to_string(),
        )?;
        put(head, "overview", "", "goals", &n(r.goals))?;
        let p = &r.progress;
        for (field, value) in [
            ("done", p.done),
            ("planned", p.planned),
            ("in_progress", p.in_progress),
            ("postponed", p.postponed),
            ("cancelled", p.cancelled),
            ("note", p.note),
            ("overdue", p.overdue),
        ] {
            put(head, "progress", "", field, &n(value))?;
        }
        put(head, "overview", "", "challenges", &n(r.challenges))?;
        for v in View::ALL {
            let c = r.views.get(v);
            put(head, "views", v.key(), "filled", &n(c.filled))?;
            put(head, "views", v.key(), "empty", &n(c.empty))?;
        }
        let i = &r.indicators;
        for (field, value) in [
            ("total", i.total),
            ("numeric", i.numeric),
            ("achieved", i.achieved),
            ("undetermined", i.undetermined),
        ] {
            put(head, "indicators", "", field, &n(value))?;
        }
        put(head, "overview", "", "concerns", &n(r.concerns))?;
        put(head, "overview", "", "questions", &n(r.questions))?;
    }
    for ind in &report.indicators {
        for (label, row) in &ind.regions.0 {
            if let Some(&head) = head_of.get(&**label) {
                for (field, value) in indicator_fields(row) {
                    put(head, "indicator", &ind.name, field, &value)?;
                }
            }
        }
    }
    for theme in &report.themes {
        for (head, (_, count)) in heads.iter().zip(&theme.regions.0) {
            put(head, "theme", &theme.theme, "mentions", &count.to_string())?;
        }
    }
    for q in &report.questions {
        if let Some(&head) = head_of.get(&*q.label) {
            put(head, "question", &q.question, "question", &q.question)?;
            for t in q.themes.iter() {
                put(head, "question", &q.question, "theme", t)?;
            }
            for a in q.ask() {
                put(head, "question", &q.question, "ask", a)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Border;

    /// The bundled sheets, compared.
    fn bundled() -> CompareReport {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let judging = Judging::new(None, today).unwrap();
        let glossary = Glossary::load(None).unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/regions");
        let files = discover::sheets_in(std::path::Path::new(dir)).unwrap();
        let sheets = files
            .iter()
            .map(|path| {
                let bytes = std::fs::read(path).unwrap();
                let (_, sheet) = workspace::load_text("sheet.toml", &bytes, today);
                let sheet = sheet.expect("a bundled sheet loads");
                (sheet.id(), SheetDigest::new(&sheet, &judging, &glossary))
            })
            .collect();
        CompareReport::new(sheets, &judging, &glossary)
    }

    #[test]
    fn sections_read_the_same_made_at_once_or_one_after_the_other() {
        let report = bundled();
        assert_eq!(report.regions.len(), 3);
        for width in [Some(60), Some(200), None] {
            let look = Look {
                width,
                color: true,
                border: Border::Unicode,
            };
            let sections = |at_once| Sections {
                report: &report,
                labels: labels(&report),
                heads: heads(&labels(&report)),
                look: &look,
                lang: Lang::Ja,
                at_once,
            };
            let (mut at_once, mut streamed) = (Vec::new(), Vec::new());
            write_sections(&mut at_once, &sections(true)).unwrap();
            write_sections(&mut streamed, &sections(false)).unwrap();
            let text = String::from_utf8(at_once).unwrap();
            for section in [
                "【概要】",
                "【視点別の空欄】",
                "【指標の比較】",
                "【テーマ】",
                "【他自治体への質問】",
            ] {
                assert!(
                    text.contains(section),
                    "{section} missing at width {width:?}"
                );
            }
            assert_eq!(text, String::from_utf8(streamed).unwrap());
        }
    }
}
