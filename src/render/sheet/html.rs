//! `render --format html`: one self-contained page (inline CSS, no scripts, nothing
//! fetched) laid out like the original sheet and sized for A4. maud escapes every
//! piece of sheet text.

use maud::{html, Markup};

use super::{ChallengeLayout, ItemLayout, SheetLayout, SheetLayouts};
use crate::i18n::authoring::{self, Label};
use crate::i18n::Lang;
use crate::render::html::{document, table_head};

/// The sheet's own layout, on top of [`BASE_CSS`].
const CSS: &str = r#"
@page { size: A4; margin: 12mm 11mm; }
@media screen {
  body { background: #d9d9d9; }
  .sheet { width: 210mm; min-height: 297mm; margin: 8mm auto; padding: 12mm 11mm;
    background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .35); }
}
@media print {
  .sheet + .sheet { break-before: page; }
}
header { margin-bottom: 4mm; }
header p { margin: 0; }
.programme { font-size: 9pt; }
.meeting { font-size: 10.5pt; font-weight: bold; }
.theme { margin: 2mm 0; padding: 1.5mm 3mm; border: 1.5px solid #111;
  font-size: 11pt; font-weight: bold; text-align: center; }
.who { display: flex; align-items: baseline; gap: 4mm;
  border-bottom: 2px solid #111; padding-bottom: 1mm; margin-bottom: 2mm; }
.who h1 { margin: 0; font-size: 15pt; }
.who .prefecture { font-size: 11pt; }
.who .as-of { margin-left: auto; font-size: 9pt; }
.summary { white-space: pre-line; }
td.blank { background: #f1f1f1; height: 7mm; }
td.value { text-align: right; }
td.view-name { font-weight: bold; }
.num { font-weight: bold; }
.box { border: 1px solid #444; padding: 1.5mm 2mm; min-height: 9mm; margin-bottom: 2.5mm; }
.box.blank { background: #f1f1f1; }
"#;

pub fn render(report: &SheetLayouts, lang: Lang) -> String {
    let regions: Vec<String> = report.sheets.iter().map(|s| s.region.clone()).collect();
    let title = authoring::page_title(&regions, lang);
    let body = html! {
        @for sheet in &report.sheets {
            (render_sheet(sheet, lang))
        }
    };
    document(lang, &title, CSS, body)
}

fn render_sheet(s: &SheetLayout, lang: Lang) -> Markup {
    let [programme, meeting] =
        authoring::heading_lines(lang, &s.era, &s.fiscal_year, s.meeting.as_deref());
    html! {
        article.sheet {
            header {
                p.programme { (programme) }
                p.meeting { (meeting) }
                @if let Some(theme) = &s.theme {
                    p.theme { (theme) }
                }
                div.who {
                    span.prefecture { (s.prefecture) }
                    h1 { (s.region) }
                    @if let Some(as_of) = &s.as_of {
                        span.as-of { (Label::AsOf.get(lang)) " " (as_of) }
                    }
                }
                @if let Some(summary) = &s.summary {
                    p.summary { (summary) }
                }
            }
            (section1(s, lang))
            (section2(s, lang))
            section {
                h2 { (Label::Section3.get(lang)) }
                (item_box(&s.hospital_collaboration, lang))
            }
            section {
                h2 { (Label::Section4.get(lang)) }
                h3 { (Label::Concerns.get(lang)) }
                (text_box(&s.concerns, lang))
                h3 { (Label::Questions.get(lang)) }
                (text_box(&s.questions, lang))
            }
        }
    }
}

fn section1(s: &SheetLayout, lang: Lang) -> Markup {
    html! {
        section {
            h2 { (authoring::section1(&s.era, s.start_year, lang)) }
            table.goals {
                (table_head(&[
                    (40, &authoring::goals_column(&s.era, s.start_year, lang)),
                    (60, Label::Progress.get(lang)),
                ]))
                tbody {
                    @if s.goals.is_empty() {
                        tr { (blank_cell(lang)) (blank_cell(lang)) }
                    }
                    @for g in &s.goals {
                        tr {
                            td { span.num { (g.number) } (g.text) }
                            @if g.progress.is_empty() {
                                (blank_cell(lang))
                            } @else {
                                td { ul { @for p in &g.progress { li { (item(p, lang)) } } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn section2(s: &SheetLayout, lang: Lang) -> Markup {
    let views = crate::core::model::View::ALL;
    html! {
        section {
            h2 { (Label::Section2.get(lang)) }
            h3 { (Label::Strengths.get(lang)) }
            @if s.strengths.is_empty() {
                div.box.blank title=(Label::Blank.get(lang)) {}
            } @else {
                div.box { ol { @for t in &s.strengths { li { (t) } } } }
            }
            table.challenges {
                colgroup {
                    col style="width: 15%";
                    col style="width: 21%";
                    @for _ in views { col style="width: 16%"; }
                }
                thead {
                    tr {
                        th rowspan="2" { (Label::Challenge.get(lang)) }
                        th rowspan="2" { (Label::Actions.get(lang)) }
                        th colspan="4" { (Label::Views.get(lang)) }
                    }
                    tr {
                        @for v in views { th { (authoring::view_label(v, lang)) } }
                    }
                }
                tbody {
                    @if s.challenges.is_empty() {
                        tr { @for _ in 0..6 { (blank_cell(lang)) } }
                    }
                    @for c in &s.challenges { (challenge_row(c, lang)) }
                }
            }
            table.indicators {
                (table_head(&[
                    (24, Label::Indicator.get(lang)),
                    (28, Label::Reason.get(lang)),
                    (16, Label::Baseline.get(lang)),
                    (16, Label::Current.get(lang)),
                    (16, Label::Target.get(lang)),
                ]))
                tbody {
                    @if s.indicators.is_empty() {
                        tr { @for _ in 0..5 { (blank_cell(lang)) } }
                    }
                    @for ind in &s.indicators {
                        tr {
                            td { span.num { (ind.number) } (ind.name) }
                            (opt_cell(ind.reason.as_deref(), "", lang))
                            (opt_cell(ind.baseline.as_deref(), "value", lang))
                            (opt_cell(ind.current.as_deref(), "value", lang))
                            (opt_cell(ind.target.as_deref(), "value", lang))
                        }
                    }
                }
            }
        }
    }
}

fn challenge_row(c: &ChallengeLayout, lang: Lang) -> Markup {
    html! {
        tr {
            td { (c.text) }
            @if c.actions.is_empty() {
                (blank_cell(lang))
            } @else {
                td { ul { @for a in &c.actions { li { (a) } } } }
            }
            @for v in &c.views {
                @match v.lines.as_slice() {
                    [] => (blank_cell(lang)),
                    [one] => td { (one) },
                    many => td { ul { @for l in many { li { (l) } } } },
                }
            }
        }
    }
}

/// `11月2日 ［予定］ 第1回地域連絡会` with the organizer, original date and note below.
fn item(i: &ItemLayout, lang: Lang) -> Markup {
    html! {
        @if let Some(d) = &i.date { span.date { (d) } }
        @if let (Some(s), Some(k)) = (&i.status, i.status_key) {
            span class={ "status " (k) } { (s) }
        }
        (i.text)
        @if let Some(o) = &i.organizer {
            span.aside { (Label::Organizer.get(lang)) (lang.pick("：", ": ")) (o) }
        }
        @if let Some(r) = &i.rescheduled_from {
            span.aside { (Label::Originally.get(lang)) (lang.pick("：", ": ")) (r) }
        }
        @if let Some(n) = &i.note {
            span.aside { (Label::Note.get(lang)) (lang.pick("：", ": ")) (n) }
        }
    }
}

fn item_box(items: &[ItemLayout], lang: Lang) -> Markup {
    html! {
        @if items.is_empty() {
            div.box.blank title=(Label::Blank.get(lang)) {}
        } @else {
            div.box { ul { @for i in items { li { (item(i, lang)) } } } }
        }
    }
}

fn text_box(items: &[String], lang: Lang) -> Markup {
    html! {
        @if items.is_empty() {
            div.box.blank title=(Label::Blank.get(lang)) {}
        } @else {
            div.box { ul { @for t in items { li { (t) } } } }
        }
    }
}

/// A cell left blank on the sheet: shaded, so it reads as blank rather than missing.
fn blank_cell(lang: Lang) -> Markup {
    html! { td.blank title=(Label::Blank.get(lang)) {} }
}

fn opt_cell(value: Option<&str>, class: &str, lang: Lang) -> Markup {
    html! {
        @match value {
            Some(v) => td class=(class) { (v) },
            None => (blank_cell(lang)),
        }
    }
}
