//! The briefing part of `compare` for the terminal and Markdown: what each region
//! wrote (goals with their latest progress, challenges, concerns, questions), then
//! the timeline across regions — what is overdue, what comes next, what has no date.

use std::io::{self, Write};

use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::render::date_as_written;
use crate::render::markdown::text as md;
use crate::report::compare::{CompareReport, Due, RegionSummary, Section, TimelineItem};
use crate::table::{self, Align, Color, Look, Rules};

/// The date of an item for people, as every output of a sheet's dates shows it
/// ([`date_as_written`]): as written on the sheet (`11月中旬`, `8/3`) in Japanese,
/// with its precision word in English (`2018-11 (mid)`); `未定` when the sheet
/// says so, `-` when it gives none.
pub fn date_shown(item: &TimelineItem, lang: Lang) -> String {
    // An item without a date has a `date_text` only when it was written 未定.
    let undetermined = item.date.is_none() && item.date_text.is_some();
    date_as_written(item.date.as_ref(), undetermined, lang)
        .unwrap_or_else(|| W::Missing.get(lang).to_string())
}

/// `予定 11月2日 第1回地域連絡会`, marked when overdue: a goal's latest progress.
fn item_line(item: &TimelineItem, lang: Lang) -> String {
    let mut parts = vec![words::status(lang, item.status).to_string()];
    if item.date.is_some() || item.date_text.is_some() {
        parts.push(date_shown(item, lang));
    }
    parts.push(item.text.clone());
    if item.overdue {
        parts.push(format!("[{}]", words::overdue(lang)));
    }
    parts.join(" ")
}

/// What an item of the timeline says: its text, where it comes from when that is
/// not a goal, its organizer and note.
pub fn item_content(item: &TimelineItem, lang: Lang) -> String {
    let colon = lang.pick("：", ": ");
    let mut text = match item.section {
        Section::Progress => item.text.clone(),
        Section::HospitalCollaboration => {
            format!("{}{colon}{}", W::HospitalItem.get(lang), item.text)
        }
    };
    if let Some(o) = &item.organizer {
        text.push_str(&format!("\n{}{colon}{o}", W::Organizer.get(lang)));
    }
    if let Some(n) = &item.note {
        text.push('\n');
        text.push_str(&words::note(lang, n));
    }
    text
}

/// The texts' lists of a region, each with its heading.
fn lists(r: &RegionSummary) -> [(W, &[String]); 3] {
    [
        (W::RowChallenges, &r.texts.challenges),
        (W::RowConcerns, &r.texts.concerns),
        (W::RowQuestions, &r.texts.questions),
    ]
}

/// Each region's texts, one after the other.
pub fn texts(
    out: &mut dyn Write,
    report: &CompareReport,
    look: &Look,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Texts.get(lang)))?;
    let none = W::NothingWritten.get(lang);
    for r in &report.regions {
        writeln!(out)?;
        table::write_wrapped(out, look, "", &words::region_heading(lang, &r.label))?;
        writeln!(out, "{}", W::RowGoals.get(lang))?;
        if r.texts.goals.is_empty() {
            writeln!(out, "  {none}")?;
        }
        for (i, goal) in r.texts.goals.iter().enumerate() {
            let number = format!("  {}. ", i + 1);
            table::write_wrapped(out, look, &number, goal)?;
            if let Some(Some(p)) = r.texts.goal_progress.get(i) {
                let pad = " ".repeat(table::display_width(&number));
                let latest = format!("{}{}", W::Latest.get(lang), lang.pick("：", ": "));
                table::write_wrapped(out, look, &format!("{pad}{latest}"), &item_line(p, lang))?;
            }
        }
        for (title, items) in lists(r) {
            writeln!(out, "{}", title.get(lang))?;
            if items.is_empty() {
                writeln!(out, "  {none}")?;
            }
            for item in items {
                table::write_wrapped(out, look, lang.pick("  ・", "  - "), item)?;
            }
        }
    }
    Ok(())
}

/// The parts of the timeline people act on: overdue, next, and open items without
/// a date.
fn parts(report: &CompareReport) -> [(W, Vec<&TimelineItem>); 3] {
    let of = |due: Due| report.timeline.iter().filter(|i| i.due == due).collect();
    [
        (W::OverdueItems, of(Due::Overdue)),
        (W::NextItems, of(Due::Next)),
        (W::UndatedItems, report.undated.iter().collect()),
    ]
}

const TIMELINE_COLUMNS: [W; 4] = [W::Date, W::Status, W::Region, W::What];

/// Overdue items, then what comes next, then open items without a date, across
/// regions.
pub fn timeline(
    out: &mut dyn Write,
    report: &CompareReport,
    look: &Look,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", words::section(lang, W::Timeline.get(lang)))?;
    for (title, items) in parts(report) {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            words::counted(lang, title.get(lang), items.len())
        )?;
        if items.is_empty() {
            writeln!(out, "{}", W::NoItems.get(lang))?;
            continue;
        }
        let mut t = table::new_table(look, Rules::EveryRow);
        t.set_header(table::header(&TIMELINE_COLUMNS.map(|w| w.get(lang))));
        let color = (title == W::OverdueItems).then_some(Color::Red);
        for item in items {
            t.add_row(vec![
                table::text_cell(&date_shown(item, lang)).color(color),
                table::text_cell(words::status(lang, item.status)),
                table::text_cell(&item.label),
                table::text_cell(&item_content(item, lang)),
            ]);
        }
        t.keep_width(0);
        table::write_table(out, &t)?;
    }
    Ok(())
}

/// [`texts`] in Markdown.
pub fn texts_markdown(out: &mut dyn Write, report: &CompareReport, lang: Lang) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "### {}", md(W::Texts.get(lang)))?;
    let none = md(W::NothingWritten.get(lang));
    for r in &report.regions {
        writeln!(out)?;
        writeln!(out, "#### {}", md(&r.label))?;
        writeln!(out)?;
        writeln!(out, "**{}**", md(W::RowGoals.get(lang)))?;
        writeln!(out)?;
        if r.texts.goals.is_empty() {
            writeln!(out, "{none}")?;
        }
        for (i, goal) in r.texts.goals.iter().enumerate() {
            writeln!(out, "{}. {}", i + 1, md(goal))?;
            if let Some(Some(p)) = r.texts.goal_progress.get(i) {
                writeln!(
                    out,
                    "   - {}{}{}",
                    md(W::Latest.get(lang)),
                    lang.pick("：", ": "),
                    md(&item_line(p, lang))
                )?;
            }
        }
        for (title, items) in lists(r) {
            writeln!(out)?;
            writeln!(out, "**{}**", md(title.get(lang)))?;
            writeln!(out)?;
            if items.is_empty() {
                writeln!(out, "{none}")?;
            }
            for item in items {
                writeln!(out, "- {}", md(item))?;
            }
        }
    }
    Ok(())
}

/// [`timeline`] in Markdown.
pub fn timeline_markdown(
    out: &mut dyn Write,
    report: &CompareReport,
    lang: Lang,
) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "### {}", md(W::Timeline.get(lang)))?;
    for (title, items) in parts(report) {
        writeln!(out)?;
        writeln!(
            out,
            "#### {}",
            md(&words::counted(lang, title.get(lang), items.len()))
        )?;
        writeln!(out)?;
        if items.is_empty() {
            writeln!(out, "{}", md(W::NoItems.get(lang)))?;
            continue;
        }
        let head: Vec<String> = TIMELINE_COLUMNS.iter().map(|w| md(w.get(lang))).collect();
        let rows = items.iter().map(|item| {
            vec![
                md(&date_shown(item, lang)),
                md(words::status(lang, item.status)),
                md(&item.label),
                md(&item_content(item, lang)),
            ]
        });
        table::write_md_table(out, &head, &[Align::Left; 4], rows)?;
    }
    Ok(())
}
