//! The `印刷` worksheet: the sheet laid out like the paper form (the four sections of
//! the 事前課題 sheet, in its order) on A4, for the secretariat to print. It is a
//! copy for people; the reader ignores it.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};

use super::{base, fits, line_count, row_points, write_text, Book, WriteError};
use crate::core::model::{Event, Sheet, Value, View};
use crate::i18n::authoring::{self, Label};
use crate::i18n::workbook::X;
use crate::i18n::Lang;
use crate::render::date_as_written;
use crate::render::sheet::{number, value_text};

/// Widths of the six columns of the form (characters). Goals take A:B and their
/// progress C:F; a challenge A, its actions B, the view's name C and its text D:F;
/// an indicator A, its reason B and its three values C, D and E:F.
const WIDTHS: [f64; 6] = [24.0, 28.0, 18.0, 14.0, 14.0, 14.0];
const LAST: u16 = 5;

struct Formats {
    title: Format,
    subtitle: Format,
    section: Format,
    head: Format,
    cell: Format,
    plain: Format,
}

impl Formats {
    fn new() -> Formats {
        let wrap = base().set_text_wrap().set_align(FormatAlign::Top);
        Formats {
            title: base()
                .set_font_size(13)
                .set_bold()
                .set_align(FormatAlign::Center),
            subtitle: base().set_bold().set_align(FormatAlign::Center),
            section: base()
                .set_bold()
                .set_font_size(12)
                .set_background_color(0xD9D9D9)
                .set_border(FormatBorder::Thin),
            head: wrap
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(0xF2F2F2)
                .set_border(FormatBorder::Thin),
            cell: wrap.clone().set_border(FormatBorder::Thin),
            plain: wrap,
        }
    }
}

/// A piece of a row: the text of columns `first..=last`.
struct Span<'a> {
    first: u16,
    last: u16,
    text: &'a str,
}

fn span(first: u16, last: u16, text: &str) -> Span<'_> {
    Span { first, last, text }
}

/// The form being laid out, row by row.
struct Paper<'w> {
    ws: &'w mut Worksheet,
    row: u32,
    f: Formats,
}

impl Paper<'_> {
    fn width(first: u16, last: u16) -> f64 {
        WIDTHS[usize::from(first)..=usize::from(last)].iter().sum()
    }

    /// Writes `text` over columns `first..=last` of `row..=last_row`.
    fn put(
        &mut self,
        rows: (u32, u32),
        cols: (u16, u16),
        text: &str,
        format: &Format,
    ) -> Result<(), WriteError> {
        let (row, last_row) = rows;
        let (first, last) = cols;
        if row == last_row && first == last {
            write_text(self.ws, row, first, text, format)
        } else {
            // A merged range holds its text as a string, as `write_text` writes it.
            fits(self.ws, row, first, text)?;
            self.ws
                .merge_range(row, first, last_row, last, text, format)?;
            Ok(())
        }
    }

    /// One row of spans, as high as its tallest text.
    fn row(&mut self, spans: &[Span<'_>], format: &Format) -> Result<(), WriteError> {
        let lines = spans
            .iter()
            .map(|s| line_count(s.text, Self::width(s.first, s.last)))
            .max()
            .unwrap_or(1);
        let row = self.row;
        for s in spans {
            self.put((row, row), (s.first, s.last), s.text, format)?;
        }
        self.ws.set_row_height(row, row_points(lines))?;
        self.row += 1;
        Ok(())
    }

    /// A line across the page.
    fn line(&mut self, text: &str, format: &Format) -> Result<(), WriteError> {
        self.row(&[span(0, LAST, text)], format)
    }

    fn gap(&mut self) {
        self.row += 1;
    }
}

/// Adds the `印刷` worksheet for `sheet`.
pub(super) fn worksheet(book: &mut Book, sheet: &Sheet) -> Result<(), WriteError> {
    let lang = book.lang();
    let ws = book.workbook.add_worksheet();
    ws.set_name(super::layout::Part::Print.name())?;
    for (c, w) in WIDTHS.iter().enumerate() {
        // Six columns: always a valid column number.
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_paper_size(9)
        .set_portrait()
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3)
        .set_print_center_horizontally(true)
        .set_screen_gridlines(false)
        .set_footer(format!("&C{}", X::PrintFooter.get(lang)));
    let mut p = Paper {
        ws,
        row: 0,
        f: Formats::new(),
    };
    lay_out(&mut p, sheet, lang)
}

fn lay_out(p: &mut Paper<'_>, s: &Sheet, lang: Lang) -> Result<(), WriteError> {
    let era = s.fiscal_year.era_ja();
    let year = s.fiscal_year.start_year();
    let fiscal_year = match lang {
        Lang::Ja => s.fiscal_year.display_ja(),
        Lang::En => s.fiscal_year.display_en(),
    };
    let blank = X::Blank.get(lang);
    let [first, second] = authoring::heading_lines(lang, &era, &fiscal_year, s.meeting.as_deref());
    let title = p.f.title.clone();
    let subtitle = p.f.subtitle.clone();
    let section = p.f.section.clone();
    let head = p.f.head.clone();
    let cell = p.f.cell.clone();
    let plain = p.f.plain.clone();
    p.line(&first, &subtitle)?;
    p.line(&second, &title)?;
    if let Some(theme) = &s.theme {
        p.line(theme, &subtitle)?;
    }
    let sep = lang.pick("　", ", ");
    let colon = lang.pick("：", ": ");
    let mut who = vec![
        format!("{}{colon}{}", Label::Prefecture.get(lang), s.prefecture),
        format!("{}{colon}{}", Label::Region.get(lang), s.region),
    ];
    if let Some(at) = date_as_written(s.as_of.as_ref(), false, lang) {
        who.push(format!("{}{colon}{at}", Label::AsOf.get(lang)));
    }
    p.line(&who.join(sep), &plain)?;
    if let Some(summary) = &s.summary {
        p.line(summary, &plain)?;
    }

    // １ 達成目標と進捗
    p.gap();
    p.line(&authoring::section1(&era, year, lang), &section)?;
    let goals_head = authoring::goals_column(&era, year, lang);
    p.row(
        &[
            span(0, 1, &goals_head),
            span(2, LAST, Label::Progress.get(lang)),
        ],
        &head,
    )?;
    if s.goals.is_empty() {
        p.row(&[span(0, 1, blank), span(2, LAST, blank)], &cell)?;
    }
    for (n, g) in s.goals.iter().enumerate() {
        let goal = numbered(n + 1, &g.text, lang);
        let progress = if g.progress.is_empty() {
            blank.to_string()
        } else {
            g.progress
                .iter()
                .map(|e| format!("・{}", item(e, lang)))
                .collect::<Vec<_>>()
                .join("\n")
        };
        p.row(&[span(0, 1, &goal), span(2, LAST, &progress)], &cell)?;
    }

    // ２ 強みと課題
    p.gap();
    p.line(Label::Section2.get(lang), &section)?;
    p.line(Label::Strengths.get(lang), &plain)?;
    if s.strengths.is_empty() {
        p.line(blank, &plain)?;
    }
    for (n, t) in s.strengths.iter().enumerate() {
        p.line(&numbered(n + 1, t, lang), &plain)?;
    }
    p.row(
        &[
            span(0, 0, Label::Challenge.get(lang)),
            span(1, 1, Label::Actions.get(lang)),
            span(2, LAST, Label::Views.get(lang)),
        ],
        &head,
    )?;
    if s.challenges.is_empty() {
        p.row(
            &[span(0, 0, blank), span(1, 1, blank), span(2, LAST, blank)],
            &cell,
        )?;
    }
    for c in &s.challenges {
        challenge(p, c, lang, &cell)?;
    }
    p.gap();
    p.row(
        &[
            span(0, 0, Label::Indicator.get(lang)),
            span(1, 1, Label::Reason.get(lang)),
            span(2, 2, Label::Baseline.get(lang)),
            span(3, 3, Label::Current.get(lang)),
            span(4, LAST, Label::Target.get(lang)),
        ],
        &head,
    )?;
    if s.indicators.is_empty() {
        p.row(
            &[
                span(0, 0, blank),
                span(1, 1, blank),
                span(2, 2, blank),
                span(3, 3, blank),
                span(4, LAST, blank),
            ],
            &cell,
        )?;
    }
    for (n, i) in s.indicators.iter().enumerate() {
        let name = format!("{}{}", circled(n + 1), i.name);
        let value = |v: &Option<Value>| {
            v.as_ref()
                .and_then(|v| value_text(v, i.unit.as_deref()))
                .unwrap_or_default()
        };
        let (baseline, current, target) = (value(&i.baseline), value(&i.current), value(&i.target));
        p.row(
            &[
                span(0, 0, &name),
                span(1, 1, i.reason.as_deref().unwrap_or("")),
                span(2, 2, &baseline),
                span(3, 3, &current),
                span(4, LAST, &target),
            ],
            &cell,
        )?;
    }

    // ３ 病院との連携
    p.gap();
    p.line(Label::Section3.get(lang), &section)?;
    if s.hospital_collaboration.is_empty() {
        p.line(blank, &plain)?;
    }
    for h in &s.hospital_collaboration {
        p.line(&format!("・{}", item(h, lang)), &plain)?;
    }

    // ４ 課題・悩み、質問
    p.gap();
    p.line(Label::Section4.get(lang), &section)?;
    for (label, items) in [
        (Label::Concerns, &s.concerns),
        (Label::Questions, &s.questions),
    ] {
        p.line(label.get(lang), &subtitle_left(&plain))?;
        if items.is_empty() {
            p.line(blank, &plain)?;
        }
        for t in items.iter() {
            p.line(&format!("・{t}"), &plain)?;
        }
    }
    Ok(())
}

fn subtitle_left(plain: &Format) -> Format {
    plain.clone().set_bold()
}

/// A challenge: its text and actions beside the four views, a row each.
fn challenge(
    p: &mut Paper<'_>,
    c: &crate::core::model::Challenge,
    lang: Lang,
    format: &Format,
) -> Result<(), WriteError> {
    let actions = c
        .actions
        .iter()
        .filter(|a| !crate::core::text::is_blank(a))
        .map(|a| format!("・{a}"))
        .collect::<Vec<_>>()
        .join("\n");
    let views: Vec<(&str, String)> = View::ALL
        .iter()
        .map(|v| {
            let lines: Vec<&String> = c
                .views
                .get(*v)
                .iter()
                .filter(|s| !crate::core::text::is_blank(s))
                .collect();
            let text = match lines.as_slice() {
                [one] => one.to_string(),
                many => many
                    .iter()
                    .map(|s| format!("・{s}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            (authoring::view_label(*v, lang), text)
        })
        .collect();
    let mut heights: Vec<usize> = views
        .iter()
        .map(|(label, text)| {
            line_count(text, Paper::width(3, LAST)).max(line_count(label, WIDTHS[2]))
        })
        .collect();
    // The challenge and its actions span the four rows: the rows share what more
    // they need.
    let needed = line_count(&c.text, WIDTHS[0]).max(line_count(&actions, WIDTHS[1]));
    let have: usize = heights.iter().sum();
    if needed > have {
        let extra = needed - have;
        for (i, h) in heights.iter_mut().enumerate() {
            *h += extra / 4 + usize::from(i < extra % 4);
        }
    }
    let first = p.row;
    let last = first + 3;
    p.put((first, last), (0, 0), &c.text, format)?;
    p.put((first, last), (1, 1), &actions, format)?;
    for (i, ((label, text), lines)) in views.iter().zip(heights).enumerate() {
        let row = first + i as u32;
        p.put((row, row), (2, 2), label, format)?;
        p.put((row, row), (3, LAST), text, format)?;
        p.ws.set_row_height(row, row_points(lines))?;
    }
    p.row = last + 1;
    Ok(())
}

/// `１．text` as the form numbers goals and strengths (`1. text` in English).
fn numbered(n: usize, text: &str, lang: Lang) -> String {
    format!("{}{}{text}", number(n, lang), lang.pick("", " "))
}

/// `①` … `⑳` as the form numbers indicators, then `21.`.
fn circled(n: usize) -> String {
    match u32::try_from(n) {
        Ok(k @ 1..=20) => char::from_u32(0x2460 + k - 1).map_or_else(String::new, String::from),
        _ => format!("{n}."),
    }
}

/// A progress item or a collaboration on one line:
/// `11月2日 ［予定］ 第1回地域連絡会（当初：9/4）（補足：…）`.
fn item(e: &Event, lang: Lang) -> String {
    let mut line = String::new();
    // The form writes dates as written, and 未定 where the sheet says so.
    if let Some(d) = date_as_written(e.date.as_ref(), e.date_undetermined, lang) {
        line.push_str(&d);
        line.push(' ');
    }
    if let Some(s) = e.status {
        let word = crate::i18n::status_word(s, lang);
        line.push_str(&lang.pick(format!("［{word}］"), format!("[{word}] ")));
    }
    line.push_str(&e.text);
    let mut aside = |label: Label, v: Option<String>| {
        if let Some(v) = v {
            let label = label.get(lang);
            line.push_str(&lang.pick(format!("（{label}：{v}）"), format!(" ({label}: {v})")));
        }
    };
    aside(Label::Organizer, e.organizer.clone());
    aside(
        Label::Originally,
        date_as_written(e.rescheduled_from.as_ref(), false, lang),
    );
    aside(Label::Note, e.note.clone());
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_form_writes_them() {
        assert_eq!(numbered(1, "x", Lang::Ja), "１．x");
        assert_eq!(numbered(12, "x", Lang::Ja), "１２．x");
        assert_eq!(numbered(3, "x", Lang::En), "3. x");
        assert_eq!(circled(1), "①");
        assert_eq!(circled(20), "⑳");
        assert_eq!(circled(21), "21.");
    }

    /// The form wrote nothing for a date written 未定, and a TOML date or one
    /// written `11月中旬` in its own way: dates now show as `render` shows them.
    #[test]
    fn dates_on_the_form_as_written_and_undetermined_as_such() {
        let text = r#"format = 1

[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = 2018
as_of = 2018-09-30

[[goals]]
text = "g"

  [[goals.progress]]
  text = "未定の会議"
  date = "未定"
  status = "予定"

  [[goals.progress]]
  text = "中旬の会議"
  date = "11月中旬"
  rescheduled_from = 2018-09-04
"#;
        let today = chrono::NaiveDate::from_ymd_opt(2018, 9, 30).unwrap();
        let (_, sheet) = crate::core::load::load_file("s.toml", text.as_bytes().to_vec(), today);
        let sheet = sheet.unwrap();
        let [undetermined, mid] = [&sheet.goals[0].progress[0], &sheet.goals[0].progress[1]];
        assert_eq!(item(undetermined, Lang::Ja), "未定 ［予定］未定の会議");
        assert_eq!(
            item(undetermined, Lang::En),
            "not fixed (未定) [planned] 未定の会議"
        );
        assert_eq!(
            item(mid, Lang::Ja),
            "11月中旬 中旬の会議（当初：2018年9月4日）"
        );
        assert_eq!(
            item(mid, Lang::En),
            "2018-11 (mid) 中旬の会議 (originally: 2018-09-04)"
        );
    }
}
