//! `compare --format html`: the advisor's briefing (SPEC §5) as one self-contained
//! page — inline CSS and SVG, no script, nothing fetched — printable on A4
//! landscape in the look of `render`'s sheet. Its first part says where each region
//! stands; then the indicators as charts, the blank views and themes as heat maps,
//! the timeline, the questions, the texts side by side, and, inside git, the
//! indicators over the history of each region's file.
//!
//! Every piece of sheet text goes through maud (escaped) after
//! [`crate::render::terminal::clean`] (control characters made visible).

use maud::{html, Markup};

use super::texts::{date_shown, item_content};
use crate::core::indicator::target_number;
use crate::core::model::{Better, Status, Value, View};
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::render::chart::{colors, num, px, Scale};
use crate::render::html::{document, table_head};
use crate::render::indicator::{pct_text, target_text, value_text, verdict_text};
use crate::render::terminal::clean;
use crate::report::compare::{
    CompareReport, Due, IndicatorAcross, QuestionRow, RegionSummary, TimelineItem,
};
use crate::report::history::HistoryReport;
use crate::report::{IndicatorRow, Verdict};

const CSS: &str = r#"
@page { size: A4 landscape; margin: 10mm 10mm; }
@media screen {
  body { background: #d9d9d9; }
  .briefing { max-width: 297mm; margin: 6mm auto; padding: 10mm; background: #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, .35); }
}
header.top { border-bottom: 2px solid #111; padding-bottom: 1.5mm; margin-bottom: 2mm; }
header.top p { margin: 0; }
header.top .kind { font-size: 9pt; font-weight: bold; letter-spacing: .1em; }
header.top h1 { margin: 0; font-size: 14pt; }
header.top .note { color: #8a4b00; font-size: 9pt; }
section { break-inside: auto; }
section.standing { margin-top: 3mm; }
.standing td { vertical-align: middle; }
.standing td.n { text-align: right; font-variant-numeric: tabular-nums; }
.standing td.alert { color: #b71c1c; font-weight: bold; }
.standing td.label { font-weight: bold; }
.bar { display: block; }
.counts { display: block; font-size: 7.5pt; color: #333; white-space: normal; }
.next { font-size: 8.5pt; white-space: normal; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(125mm, 1fr));
  gap: 3mm 5mm; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9.5pt; }
figcaption .dir { font-weight: normal; font-size: 8.5pt; color: #333; margin-left: .6em; }
svg { display: block; max-width: 100%; height: auto; }
.legend { font-size: 8pt; color: #333; margin: 1mm 0 0; }
.heat { display: grid; grid-template-columns: repeat(auto-fit, minmax(120mm, 1fr)); gap: 5mm; }
.heat.stacked { grid-template-columns: 1fr; }
.heat td { text-align: center; font-variant-numeric: tabular-nums; }
.heat td.name, .heat th.name { text-align: left; }
table.timeline td.when { white-space: nowrap; font-weight: bold; }
table.timeline tr.overdue td { background: #fdecea; }
table.timeline tr.overdue td.when { color: #b71c1c; }
table.timeline tr.done td { color: #555; }
.mark { display: inline-block; padding: 0 .3em; border-radius: 2px; font-size: 7.5pt;
  color: #fff; background: #c62828; margin-left: .3em; }
.texts { display: grid; grid-template-columns: repeat(auto-fit, minmax(62mm, 1fr)); gap: 3mm; }
.region-texts { border: 1px solid #444; padding: 1.5mm 2mm; break-inside: avoid-page; }
.region-texts h3 { margin: 0 0 1mm; border-bottom: 1px solid #999; }
.region-texts h4 { margin: 1.5mm 0 .5mm; font-size: 8.5pt; color: #333; }
.region-texts .latest { display: block; font-size: 8pt; color: #333; }
.region-texts .none { color: #777; font-size: 8.5pt; margin: 0; }
.history { display: grid; grid-template-columns: repeat(auto-fill, minmax(125mm, 1fr)); gap: 3mm; }
"#;

/// The git history of a region's file, for the charts over time.
pub struct RegionHistory<'a> {
    pub label: &'a str,
    pub report: HistoryReport,
}

/// The whole page.
pub fn page(report: &CompareReport, histories: &[RegionHistory<'_>], lang: Lang) -> String {
    let (title, notes) = super::heading(report, lang);
    let body = html! {
        main.briefing {
            header.top {
                p.kind { (W::Briefing.get(lang)) }
                h1 { (clean(&title)) }
                @for note in &notes { p.note { (clean(note)) } }
            }
            @if report.regions.is_empty() {
                p { (W::NoRegions.get(lang)) }
            } @else {
                (standing(report, lang))
                (indicator_charts(report, lang))
                (heat_maps(report, lang))
                (timeline(report, lang))
                (questions(report, lang))
                (texts(report, lang))
                (history(histories, lang))
            }
        }
    };
    let page_title = format!("{} {}", W::Briefing.get(lang), clean(&title));
    document(lang, &page_title, CSS, body)
}

/// Status segments of the progress bar, in order: (label, colour, count).
fn progress_segments(r: &RegionSummary, lang: Lang) -> Vec<(String, &'static str, usize)> {
    let p = &r.progress;
    vec![
        (
            words::status(lang, Some(Status::Done)).into(),
            "#5b9b5e",
            p.done,
        ),
        (
            words::status(lang, Some(Status::InProgress)).into(),
            "#e0b534",
            p.in_progress,
        ),
        (
            words::status(lang, Some(Status::Planned)).into(),
            "#7aa6d6",
            p.planned - p.overdue.min(p.planned),
        ),
        (words::overdue(lang).into(), "#c62828", p.overdue),
        (
            words::status(lang, Some(Status::Postponed)).into(),
            "#b07a4f",
            p.postponed,
        ),
        (
            words::status(lang, Some(Status::Cancelled)).into(),
            "#9e9e9e",
            p.cancelled,
        ),
        (words::status(lang, None).into(), "#d5d5d5", p.note),
    ]
}

/// The first part: one row per region, with what an advisor looks at first.
fn standing(report: &CompareReport, lang: Lang) -> Markup {
    let sep = lang.pick("・", ", ");
    html! {
        section.standing {
            h2 { (W::Standing.get(lang)) }
            table {
                (table_head(&[
                    (11, W::Region.get(lang)),
                    (6, W::RowGoals.get(lang)),
                    (19, W::ProgressBar.get(lang)),
                    (6, W::OverdueItems.get(lang)),
                    (26, W::NextItem.get(lang)),
                    (10, W::IndicatorFigures.get(lang)),
                    (8, W::BlankViewsShort.get(lang)),
                    (7, W::RowConcerns.get(lang)),
                    (7, W::RowQuestions.get(lang)),
                ]))
                tbody {
                    @for r in &report.regions {
                        @let segments = progress_segments(r, lang);
                        @let next = report.timeline.iter().find(|i| i.label == r.label && i.due == Due::Next);
                        // As the timeline below counts them: hospital collaboration too.
                        @let overdue = report.timeline.iter().filter(|i| i.label == r.label && i.overdue).count();
                        tr {
                            td.label { (clean(&r.label)) }
                            td.n { (r.goals) }
                            td {
                                (stacked_bar(&segments))
                                span.counts {
                                    @for (i, (label, _, n)) in segments.iter().filter(|s| s.2 > 0).enumerate() {
                                        @if i > 0 { (sep) }
                                        (label) " " (n)
                                    }
                                }
                            }
                            td.n.alert[overdue > 0] { (overdue) }
                            td.next {
                                @match next {
                                    Some(item) => {
                                        span.date { (clean(&date_shown(item, lang))) }
                                        (clean(&item.text))
                                    }
                                    None => {
                                        @let undated = report.undated.iter().filter(|i| i.label == r.label).count();
                                        @if undated > 0 {
                                            (words::counted(lang, W::UndatedItems.get(lang), undated))
                                        } @else {
                                            (W::NoItems.get(lang))
                                        }
                                    }
                                }
                            }
                            td.n { (r.indicators.achieved) " / " (r.indicators.numeric) " / " (r.indicators.total) }
                            td.n.alert[r.views_total.empty > 0] { (r.views_total.empty) }
                            td.n { (r.concerns) }
                            td.n { (r.questions) }
                        }
                    }
                }
            }
        }
    }
}

/// A bar of the progress items by status.
fn stacked_bar(segments: &[(String, &'static str, usize)]) -> Markup {
    let total: usize = segments.iter().map(|s| s.2).sum();
    let width = 160.0;
    // Each segment with where it starts and how wide it is.
    let mut x = 0.0;
    let mut placed = Vec::new();
    for (label, color, n) in segments.iter().filter(|s| s.2 > 0) {
        let w = width * *n as f64 / total as f64;
        placed.push((x, w, label, color, n));
        x += w;
    }
    html! {
        svg.bar width="160" height="10" viewBox="0 0 160 10" role="img" {
            rect width="160" height="10" fill="#f3f3f3" {}
            @for (x, w, label, color, n) in placed {
                rect x=(px(x)) width=(px(w)) height="10" fill=(color) {
                    title { (label) " " (n) }
                }
            }
        }
    }
}

/// A row of an indicator's chart: the numbers it can be drawn with.
struct Drawn {
    baseline: Option<f64>,
    current: f64,
    target: Option<f64>,
}

/// What of an indicator row can be drawn: a number now, and a baseline or a
/// target number to set it against (finite numbers: a sheet holds no other, and a
/// chart could not place one).
fn drawn(row: &IndicatorRow) -> Option<Drawn> {
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
    let current = finite(row.current.as_ref().and_then(Value::as_number))?;
    let baseline = finite(row.baseline.as_ref().and_then(Value::as_number));
    let target = finite(target_number(row.target.as_ref()));
    (baseline.is_some() || target.is_some()).then_some(Drawn {
        baseline,
        current,
        target,
    })
}

/// The indicators: a chart for each one that some region gives in numbers, and
/// a table of the others.
fn indicator_charts(report: &CompareReport, lang: Lang) -> Markup {
    let (charted, other): (Vec<&IndicatorAcross>, Vec<&IndicatorAcross>) = report
        .indicators
        .iter()
        .partition(|ind| ind.regions.0.iter().any(|(_, r)| drawn(r).is_some()));
    html! {
        section {
            h2 { (W::ChartsTitle.get(lang)) }
            @if report.indicators.is_empty() {
                p { (W::NoIndicators.get(lang)) }
            }
            @if !charted.is_empty() {
                div.charts {
                    @for ind in &charted { (indicator_chart(ind, lang)) }
                }
                p.legend { (W::ChartsNote.get(lang)) }
            }
            @if !other.is_empty() {
                h3 { (W::NotNumeric.get(lang)) }
                table {
                    thead {
                        tr {
                            th { (W::Indicator.get(lang)) }
                            th { (W::Region.get(lang)) }
                            th { (W::Baseline.get(lang)) }
                            th { (W::Current.get(lang)) }
                            th { (W::Target.get(lang)) }
                            th { (W::Verdict.get(lang)) }
                        }
                    }
                    tbody {
                        @for ind in &other {
                            @for (label, row) in &ind.regions.0 {
                                tr {
                                    td { (clean(&ind.name)) }
                                    td { (clean(label)) }
                                    td { (clean(&value_text(row.baseline.as_ref(), lang))) }
                                    td { (clean(&value_text(row.current.as_ref(), lang))) }
                                    td { (clean(&target_text(row, lang))) }
                                    td { (clean(&verdict_text(row, lang))) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The size of an indicator chart.
const CHART_W: f64 = 560.0;
const ROW_H: f64 = 30.0;
const AXIS_H: f64 = 20.0;
const PLOT: (f64, f64) = (110.0, 380.0);

/// One indicator across regions: for each region, the baseline (ring) and the
/// current value (dot) joined by a line coloured by the way it moved — towards
/// the better side green, away red — against the target (a bar), the band that
/// meets the target shaded. A region whose values are not numbers gets its words.
fn indicator_chart(ind: &IndicatorAcross, lang: Lang) -> Markup {
    let rows = &ind.regions.0;
    let numbers: Vec<f64> = rows
        .iter()
        .filter_map(|(_, r)| drawn(r))
        .flat_map(|d| [Some(d.current), d.baseline, d.target])
        .flatten()
        .collect();
    // Always a scale, as the chart is made for an indicator that some region gives
    // in numbers; without one, every row would be given in words.
    let x = Scale::new(&numbers, PLOT.0, PLOT.1, 5);
    let height = AXIS_H + ROW_H * rows.len() as f64 + 4.0;
    let better = rows.first().map(|(_, r)| r.better).unwrap_or_default();
    let unit = super::shared_unit(ind);
    html! {
        figure.indicator data-indicator=(clean(&ind.name)) {
            figcaption {
                (clean(&ind.name))
                @if let Some(u) = unit { (lang.pick("（", " (")) (clean(u)) (lang.pick("）", ")")) }
                span.dir { (arrow(better)) " " (words::better(lang, better)) }
            }
            svg.indicator-chart width=(CHART_W) height=(height)
                viewBox={ "0 0 " (CHART_W) " " (px(height)) } role="img" {
                title { (clean(&ind.name)) }
                @if let Some(x) = x {
                    @for t in x.ticks() {
                        line x1=(px(x.at(t))) x2=(px(x.at(t))) y1=(px(AXIS_H - 4.0)) y2=(px(height - 2.0))
                            stroke=(colors::GRID) {}
                        text x=(px(x.at(t))) y="11" font-size="9" text-anchor="middle" fill="#555" { (num(t)) }
                    }
                }
                @for (i, (label, row)) in rows.iter().enumerate() {
                    @let y = AXIS_H + ROW_H * i as f64 + ROW_H / 2.0;
                    text x="2" y=(px(y + 3.5)) font-size="10" { (clean(label)) }
                    @match (x, drawn(row)) {
                        (Some(x), Some(d)) => (chart_row(&x, y, row, &d, better, lang)),
                        _ => {
                            text x=(px(PLOT.0)) y=(px(y + 3.5)) font-size="9.5" fill="#444" {
                                (values_in_words(row, lang))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn arrow(better: Better) -> &'static str {
    match better {
        Better::Higher => "↑",
        Better::Lower => "↓",
    }
}

/// `第1回 -　今回 未定　目標 未定`: a row that cannot be drawn, in words.
fn values_in_words(row: &IndicatorRow, lang: Lang) -> String {
    clean(&format!(
        "{} {}　{} {}　{} {}　{}",
        W::Baseline.get(lang),
        value_text(row.baseline.as_ref(), lang),
        W::Current.get(lang),
        value_text(row.current.as_ref(), lang),
        W::Target.get(lang),
        target_text(row, lang),
        crate::i18n::report::verdict(lang, row.verdict),
    ))
}

/// One region's marks in an indicator chart, and its figures in words at the right.
fn chart_row(
    x: &Scale,
    y: f64,
    row: &IndicatorRow,
    d: &Drawn,
    shared: Better,
    lang: Lang,
) -> Markup {
    let better = row.better;
    let moved = d.baseline.map(|b| d.current - b).unwrap_or(0.0);
    let towards = match better {
        Better::Higher => moved,
        Better::Lower => -moved,
    };
    let color = if towards > 0.0 {
        colors::BETTER
    } else if towards < 0.0 {
        colors::WORSE
    } else {
        colors::SAME
    };
    // The band of values that meet the target.
    let band = d.target.map(|t| match better {
        Better::Higher => (x.at(t), x.at(x.hi)),
        Better::Lower => (x.at(x.lo), x.at(t)),
    });
    let pct = row.progress_pct.map(|_| pct_text(row, lang));
    let mut words_right = format!(
        "{} → {}　{} {}",
        value_text(row.baseline.as_ref(), lang),
        value_text(row.current.as_ref(), lang),
        W::Target.get(lang),
        target_text(row, lang),
    );
    if let Some(p) = pct {
        words_right.push_str(&format!("　{p}"));
    }
    let verdict = crate::i18n::report::verdict(lang, row.verdict);
    let verdict_color = match row.verdict {
        Verdict::Achieved => colors::BETTER,
        Verdict::NotAchieved => colors::WORSE,
        _ => "#444",
    };
    html! {
        @if let Some((a, b)) = band {
            rect x=(px(a)) y=(px(y - 9.0)) width=(px((b - a).max(0.0))) height="18" fill=(colors::MEETS) {}
        }
        line x1=(px(PLOT.0)) x2=(px(PLOT.1)) y1=(px(y)) y2=(px(y)) stroke="#bbb" {}
        @if let Some(t) = d.target {
            line x1=(px(x.at(t))) x2=(px(x.at(t))) y1=(px(y - 10.0)) y2=(px(y + 10.0))
                stroke=(colors::TARGET) stroke-width="3" {
                title { (W::Target.get(lang)) " " (clean(&target_text(row, lang))) }
            }
        }
        @if let Some(b) = d.baseline {
            line x1=(px(x.at(b))) x2=(px(x.at(d.current))) y1=(px(y)) y2=(px(y))
                stroke=(color) stroke-width="3" {}
            circle cx=(px(x.at(b))) cy=(px(y)) r="4.5" fill="#fff" stroke=(colors::BASELINE) stroke-width="2" {
                title { (W::Baseline.get(lang)) " " (num(b)) }
            }
        }
        circle cx=(px(x.at(d.current))) cy=(px(y)) r="5" fill=(colors::CURRENT) {
            title { (W::Current.get(lang)) " " (num(d.current)) }
        }
        text x=(px(PLOT.1 + 10.0)) y=(px(y - 1.0)) font-size="9.5" { (clean(&words_right)) }
        text x=(px(PLOT.1 + 10.0)) y=(px(y + 10.0)) font-size="8.5" fill=(verdict_color) {
            (verdict)
            @if row.target_already_met { (lang.pick("（", " (")) (W::MetAtBaseline.get(lang)) (lang.pick("）", ")")) }
            @if better != shared { "　" (arrow(better)) (words::better(lang, better)) }
        }
    }
}

/// A background from white to `rgb` by `share` (0–1), with text that stays
/// readable on it.
fn heat(rgb: (u8, u8, u8), share: f64) -> String {
    let share = share.clamp(0.0, 1.0);
    let text = if share > 0.55 { "#fff" } else { "#111" };
    format!(
        "background: rgba({}, {}, {}, {:.2}); color: {text};",
        rgb.0,
        rgb.1,
        rgb.2,
        0.08 + 0.82 * share
    )
}

/// The blank views and the themes, each as a heat map.
fn heat_maps(report: &CompareReport, lang: Lang) -> Markup {
    let most = report
        .themes
        .iter()
        .flat_map(|t| t.regions.0.iter().map(|(_, n)| *n))
        .max()
        .unwrap_or(0);
    // Beside each other while the themes' columns of regions fit half a page.
    let stacked = report.regions.len() > 4;
    html! {
        section.heat.stacked[stacked] {
            div {
                h2 { (W::BlankViews.get(lang)) }
                table {
                    thead {
                        tr {
                            th.name { (W::Region.get(lang)) }
                            th { (W::Challenges.get(lang)) }
                            @for v in View::ALL { th { (words::view(lang, v)) } }
                        }
                    }
                    tbody {
                        @for r in &report.regions {
                            tr {
                                td.name { (clean(&r.label)) }
                                td { (r.challenges) }
                                @for v in View::ALL {
                                    @let empty = r.views.get(v).empty;
                                    @let share = if r.challenges == 0 { 0.0 } else { empty as f64 / r.challenges as f64 };
                                    td style=(heat((198, 40, 40), share)) { (empty) }
                                }
                            }
                        }
                    }
                }
                p.legend { (W::BlankViewsNote.get(lang)) " " (W::HeatNote.get(lang)) }
            }
            div {
                h2 { (W::Themes.get(lang)) }
                table {
                    thead {
                        tr {
                            th.name { (W::Theme.get(lang)) }
                            @for r in &report.regions { th { (clean(&r.label)) } }
                        }
                    }
                    tbody {
                        @for t in &report.themes {
                            tr {
                                td.name { (clean(&t.theme)) }
                                @for (_, n) in &t.regions.0 {
                                    @let share = if most == 0 { 0.0 } else { *n as f64 / most as f64 };
                                    td style=(heat((31, 95, 168), share)) { (n) }
                                }
                            }
                        }
                    }
                }
                p.legend {
                    (W::ThemesNote.get(lang)) " " (W::HeatNote.get(lang)) " "
                    (clean(&words::themes_source(lang, report.themes_file.as_deref())))
                }
            }
        }
    }
}

/// The timeline: a strip of the months with each region's items, then every
/// item in a table, overdue ones marked; then open items without a date.
fn timeline(report: &CompareReport, lang: Lang) -> Markup {
    html! {
        section {
            h2 { (W::TimelineAll.get(lang)) }
            @if report.timeline.is_empty() {
                p { (W::NoItems.get(lang)) }
            } @else {
                (timeline_strip(report, lang))
                (timeline_table(report.timeline.iter(), lang))
            }
            @if !report.undated.is_empty() {
                h3 { (words::counted(lang, W::UndatedItems.get(lang), report.undated.len())) }
                (timeline_table(report.undated.iter(), lang))
            }
        }
    }
}

fn timeline_table<'a>(items: impl Iterator<Item = &'a TimelineItem>, lang: Lang) -> Markup {
    html! {
        table.timeline {
            (table_head(&[
                (12, W::Date.get(lang)),
                (8, W::Status.get(lang)),
                (12, W::Region.get(lang)),
                (68, W::What.get(lang)),
            ]))
            tbody {
                @for item in items {
                    tr.overdue[item.overdue].done[item.status == Some(Status::Done)] {
                        td.when {
                            (clean(&date_shown(item, lang)))
                            @if item.overdue { span.mark { (words::overdue(lang)) } }
                        }
                        td {
                            @if let Some(s) = item.status {
                                span class={ "status " (s.as_str()) } { (words::status(lang, Some(s))) }
                            } @else {
                                (words::status(lang, None))
                            }
                        }
                        td { (clean(&item.label)) }
                        td { (clean(&item_content(item, lang))) }
                    }
                }
            }
        }
    }
}

/// Months from the first item to the last (and the date judged at), one lane per
/// region, a mark per item: overdue red, next blue, done grey.
fn timeline_strip(report: &CompareReport, lang: Lang) -> Markup {
    use chrono::Datelike;
    let days: Vec<chrono::NaiveDate> = report
        .timeline
        .iter()
        .filter_map(|i| i.date.as_ref().map(|d| d.date.first_day()))
        .chain(report.regions.iter().map(|r| r.as_of))
        .collect();
    let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) else {
        return html! {};
    };
    let month = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
    let (m0, m1) = (month(*first), month(*last) + 1);
    let months = (m1 - m0).clamp(1, 120);
    let lanes: Vec<&str> = report.regions.iter().map(|r| &*r.label).collect();
    let (left, right) = (110.0, 1000.0);
    let lane_h = 18.0;
    let top = 22.0;
    // The lanes, then a band below them for the 現時点 label, clear of the marks.
    let bottom = top + lane_h * lanes.len() as f64 + 2.0;
    let height = bottom + 12.0;
    let at = |d: chrono::NaiveDate| {
        let m = (month(d) - m0) as f64;
        let within = (d.day0() as f64) / 31.0;
        left + (right - left) * (m + within) / months as f64
    };
    let as_of = report.regions.first().map(|r| r.as_of);
    html! {
        svg.timeline-strip width="1000" height=(px(height)) viewBox={ "0 0 1000 " (px(height)) } role="img" {
            @for i in 0..=months {
                @let xm = left + (right - left) * i as f64 / months as f64;
                line x1=(px(xm)) x2=(px(xm)) y1="14" y2=(px(bottom)) stroke=(colors::GRID) {}
                @if i < months {
                    @let m = m0 + i;
                    text x=(px(xm + 3.0)) y="11" font-size="9" fill="#555" {
                        @if lang == Lang::Ja { ((m.rem_euclid(12)) + 1) "月" } @else { (m.div_euclid(12)) "-" (format!("{:02}", m.rem_euclid(12) + 1)) }
                    }
                }
            }
            @for (lane, label) in lanes.iter().enumerate() {
                @let y = top + lane_h * lane as f64 + lane_h / 2.0;
                text x="2" y=(px(y + 3.5)) font-size="10" { (clean(label)) }
                line x1=(px(left)) x2=(px(right)) y1=(px(y)) y2=(px(y)) stroke="#e6e6e6" {}
                @for item in report.timeline.iter().filter(|i| &*i.label == *label) {
                    @if let Some(d) = &item.date {
                        @let (fill, stroke) = match (item.due, item.status) {
                            (Due::Overdue, _) => (colors::WORSE, colors::WORSE),
                            (Due::Next, _) => ("#fff", colors::CURRENT),
                            (_, Some(Status::Done)) => ("#8a8a8a", "#8a8a8a"),
                            _ => ("#d0d0d0", "#8a8a8a"),
                        };
                        // A month (`10月`) or part of one sits in its middle, not on its
                        // first day, where it would read as that day.
                        @let x = (at(d.date.first_day()) + at(d.date.last_day())) / 2.0;
                        circle cx=(px(x)) cy=(px(y)) r="5" fill=(fill) stroke=(stroke) stroke-width="2" {
                            title { (clean(&date_shown(item, lang))) " " (words::status(lang, item.status)) " " (clean(&item.text)) }
                        }
                    }
                }
            }
            @if let Some(d) = as_of {
                @let xa = at(d);
                line x1=(px(xa)) x2=(px(xa)) y1="14" y2=(px(bottom)) stroke=(colors::WORSE) stroke-dasharray="3 2" {}
                text x=(px(xa + 2.0)) y=(px(height - 3.0)) font-size="8" fill=(colors::WORSE) { (W::AsOfMark.get(lang)) }
            }
        }
    }
}

/// Each question with whom to ask and, where nobody can answer, who shares it.
fn questions(report: &CompareReport, lang: Lang) -> Markup {
    let sep = words::list_sep(lang);
    let list = |q: &crate::report::ByLabel<usize>| -> String {
        q.0.iter()
            .map(|(l, n)| words::ask_entry(lang, l, *n))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let or_none = |s: String| {
        if s.is_empty() {
            W::NoneFound.get(lang).to_string()
        } else {
            s
        }
    };
    html! {
        section {
            h2 { (W::Questions.get(lang)) }
            @if report.questions.is_empty() {
                p { (W::NoQuestions.get(lang)) }
            } @else {
                table {
                    (table_head(&[
                        (12, W::Region.get(lang)),
                        (38, W::Question.get(lang)),
                        (14, W::Theme.get(lang)),
                        (18, W::Ask.get(lang)),
                        (18, W::Shared.get(lang)),
                    ]))
                    tbody {
                        @for q in &report.questions {
                            (question_row(q, &list, &or_none))
                        }
                    }
                }
                p.legend { (W::AskNote.get(lang)) " " (W::SharedNote.get(lang)) }
            }
        }
    }
}

fn question_row(
    q: &QuestionRow,
    list: &dyn Fn(&crate::report::ByLabel<usize>) -> String,
    or_none: &dyn Fn(String) -> String,
) -> Markup {
    html! {
        tr {
            td { (clean(&q.label)) }
            td { (clean(&q.question)) }
            td { (clean(&or_none(q.themes.join("\n")))) }
            td { (clean(&or_none(list(&q.mentions)))) }
            td { @if q.mentions.0.is_empty() { (clean(&or_none(list(&q.shared)))) } }
        }
    }
}

/// The texts of every region side by side.
fn texts(report: &CompareReport, lang: Lang) -> Markup {
    html! {
        section {
            h2 { (W::TextsSideBySide.get(lang)) }
            div.texts {
                @for r in &report.regions {
                    div.region-texts {
                        h3 { (clean(&r.label)) }
                        h4 { (W::RowGoals.get(lang)) }
                        @if r.texts.goals.is_empty() {
                            p.none { (W::NothingWritten.get(lang)) }
                        } @else {
                            ol {
                                @for (i, goal) in r.texts.goals.iter().enumerate() {
                                    li {
                                        (clean(goal))
                                        @if let Some(Some(p)) = r.texts.goal_progress.get(i) {
                                            span.latest {
                                                (W::Latest.get(lang)) (lang.pick("：", ": "))
                                                @if let Some(s) = p.status {
                                                    span class={ "status " (s.as_str()) } { (words::status(lang, Some(s))) }
                                                }
                                                @if p.date.is_some() { span.date { (clean(&date_shown(p, lang))) } }
                                                (clean(&p.text))
                                                @if p.overdue { span.mark { (words::overdue(lang)) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        @for (title, items) in [
                            (W::RowChallenges, &r.texts.challenges),
                            (W::RowConcerns, &r.texts.concerns),
                            (W::RowQuestions, &r.texts.questions),
                            (W::Strengths, &r.texts.strengths),
                        ] {
                            h4 { (title.get(lang)) }
                            @if items.is_empty() {
                                p.none { (W::NothingWritten.get(lang)) }
                            } @else {
                                ul { @for t in items { li { (clean(t)) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A point of the history with a baseline, current or target number.
fn has_number(p: &crate::report::history::Point) -> bool {
    [&p.standing.baseline, &p.standing.current]
        .into_iter()
        .any(|v| v.as_ref().and_then(Value::as_number).is_some())
        || target_number(p.standing.target.as_ref()).is_some()
}

/// Each region's indicators over the history of its file (inside git).
fn history(histories: &[RegionHistory<'_>], lang: Lang) -> Markup {
    use crate::render::history::{by_indicator, line_chart, CHART_HEIGHT, CHART_WIDTH};
    type Charts<'a> = Vec<(&'a str, Vec<&'a crate::report::history::Point>)>;
    let shown: Vec<(&str, Charts<'_>)> = histories
        .iter()
        .map(|h| {
            let mut charts = by_indicator(&h.report);
            // A line needs two commits and a number.
            charts.retain(|(_, points)| points.len() > 1 && points.iter().any(|p| has_number(p)));
            (h.label, charts)
        })
        .filter(|(_, charts)| !charts.is_empty())
        .collect();
    html! {
        @if !shown.is_empty() {
            section {
                h2 { (W::HistoryTitle.get(lang)) }
                div.history {
                    @for (label, charts) in &shown {
                        @for (name, points) in charts {
                            figure {
                                figcaption { (clean(label)) }
                                svg.history-chart width=(CHART_WIDTH) height=(CHART_HEIGHT)
                                    viewBox={ "0 0 " (CHART_WIDTH) " " (CHART_HEIGHT) } role="img" {
                                    (line_chart(name, points, lang))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
