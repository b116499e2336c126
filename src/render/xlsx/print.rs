//! The `印刷` worksheet: the sheet laid out like the paper form (the four sections of
//! the 事前課題 sheet, in its order) on A4, for the secretariat to print. It is a
//! copy for people; the reader ignores it.
//!
//! A row of Excel is at most 409 points high (21 lines) and a cell holds at most
//! 32,767 characters, but a section of a valid sheet may need more (a goal with
//! many progress items, a long concern): a text that does not fit one row goes on
//! over the rows below, in one box, so that the whole of it is printed.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{base, fits, line_count, row_points, write_text, Book, WriteError, MAX_CELL_TEXT};
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
/// The lines of the highest row Excel has (409 points, see [`row_points`]).
const ROW_LINES: usize = 21;

/// How a piece of the form looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Title,
    Subtitle,
    Section,
    Head,
    /// A boxed cell of a table.
    Cell,
    Plain,
    Bold,
}

struct Formats {
    title: Format,
    subtitle: Format,
    section: Format,
    head: Format,
    cell: Format,
    /// A boxed cell whose text goes on over the rows below: the top of the box,
    /// its middle and its bottom, open where the text goes on.
    cell_top: Format,
    cell_middle: Format,
    cell_bottom: Format,
    plain: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let wrap = base().set_text_wrap().set_align(FormatAlign::Top);
        let cell = wrap.clone().set_border(FormatBorder::Thin);
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
            cell_top: cell.clone().set_border_bottom(FormatBorder::None),
            cell_middle: cell
                .clone()
                .set_border_top(FormatBorder::None)
                .set_border_bottom(FormatBorder::None),
            cell_bottom: cell.clone().set_border_top(FormatBorder::None),
            cell,
            bold: wrap.clone().set_bold(),
            plain: wrap,
        }
    }

    /// The format of piece `i` of the `n` pieces of a text.
    fn of(&self, look: Look, i: usize, n: usize) -> &Format {
        match look {
            Look::Title => &self.title,
            Look::Subtitle => &self.subtitle,
            Look::Section => &self.section,
            Look::Head => &self.head,
            Look::Cell if n <= 1 => &self.cell,
            Look::Cell if i == 0 => &self.cell_top,
            Look::Cell if i + 1 == n => &self.cell_bottom,
            Look::Cell => &self.cell_middle,
            Look::Plain => &self.plain,
            Look::Bold => &self.bold,
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

/// A text laid over columns `cols` of rows `rows` of a block (counted from the
/// block's first row): its pieces a row each, the last one merged down to the last
/// of the rows.
struct Flow<'a> {
    cols: (u16, u16),
    rows: (u32, u32),
    pieces: Vec<Cow<'a, str>>,
}

impl<'a> Flow<'a> {
    /// `text` over columns `first..=last`, from the block's first row down to as
    /// many rows as it takes.
    fn new(first: u16, last: u16, text: &'a str) -> Flow<'a> {
        let pieces = pieces(text, Paper::width(first, last));
        Flow {
            cols: (first, last),
            // At most a row per character of a sheet of at most 4 MiB.
            rows: (0, pieces.len().saturating_sub(1) as u32),
            pieces,
        }
    }

    /// The rows the text needs.
    fn len(&self) -> u32 {
        // As in `new`.
        self.pieces.len() as u32
    }
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

    /// Texts side by side, each over as many rows as the longest takes.
    fn row(&mut self, spans: &[Span<'_>], look: Look) -> Result<(), WriteError> {
        let mut flows: Vec<Flow<'_>> = spans
            .iter()
            .map(|s| Flow::new(s.first, s.last, s.text))
            .collect();
        let rows = flows.iter().map(Flow::len).max().unwrap_or(1);
        for f in &mut flows {
            f.rows = (0, rows - 1);
        }
        self.block(&flows, look)
    }

    /// Writes the flows from the current row, each row as high as the pieces in
    /// it take (a piece merged over rows: those rows together), and moves below.
    fn block(&mut self, flows: &[Flow<'_>], look: Look) -> Result<(), WriteError> {
        let rows = flows
            .iter()
            .map(|f| (f.rows.1 + 1).max(f.rows.0 + f.len()))
            .max()
            .unwrap_or(1);
        let mut lines = vec![1; rows as usize];
        let mut merged = Vec::new();
        for f in flows {
            for (i, piece) in f.pieces.iter().enumerate() {
                let n = line_count(piece, Self::width(f.cols.0, f.cols.1));
                let row = f.rows.0 + i as u32;
                if i + 1 == f.pieces.len() && row < f.rows.1 {
                    merged.push((row, f.rows.1, n));
                } else {
                    let l = &mut lines[row as usize];
                    *l = (*l).max(n);
                }
            }
        }
        // The rows of a merged piece share what more it needs. A piece needs at
        // most `ROW_LINES`, so no row gets more.
        for (first, last, needed) in merged {
            let shared = &mut lines[first as usize..=last as usize];
            let have: usize = shared.iter().sum();
            if needed > have {
                let extra = needed - have;
                let k = shared.len();
                for (i, l) in shared.iter_mut().enumerate() {
                    *l += extra / k + usize::from(i < extra % k);
                }
            }
        }
        let top = self.row;
        for f in flows {
            let n = f.pieces.len();
            for (i, piece) in f.pieces.iter().enumerate() {
                let row = top + f.rows.0 + i as u32;
                let last = if i + 1 == n {
                    row.max(top + f.rows.1)
                } else {
                    row
                };
                let format = self.f.of(look, i, n).clone();
                self.put((row, last), f.cols, piece, &format)?;
            }
        }
        for (i, l) in lines.iter().enumerate() {
            self.ws
                .set_row_height(top + i as u32, row_points((*l).min(ROW_LINES)))?;
        }
        self.row = top + rows;
        Ok(())
    }

    /// A line across the page.
    fn line(&mut self, text: &str, look: Look) -> Result<(), WriteError> {
        self.row(&[span(0, LAST, text)], look)
    }

    fn gap(&mut self) {
        self.row += 1;
    }
}

/// `text` in pieces that each fit a row of a column `width` characters wide: at
/// most [`ROW_LINES`] lines and the characters of a cell. Whole lines where they
/// fit; a line too long for a row is cut, after a space or a 、 or 。 where there is
/// one in the latter half of the row. Always at least one piece.
fn pieces(text: &str, width: f64) -> Vec<Cow<'_, str>> {
    let units = |s: &str| s.encode_utf16().count();
    if line_count(text, width) <= ROW_LINES && units(text) <= MAX_CELL_TEXT {
        return vec![Cow::Borrowed(text)];
    }
    let mut out = Vec::new();
    let mut piece = String::new();
    let (mut lines, mut size, mut started) = (0, 0, false);
    for line in text.split('\n') {
        for part in cut(line, width) {
            let (n, u) = (line_count(part, width), units(part));
            if started && (lines + n > ROW_LINES || size + 1 + u > MAX_CELL_TEXT) {
                out.push(Cow::Owned(std::mem::take(&mut piece)));
                (lines, size, started) = (0, 0, false);
            }
            if started {
                piece.push('\n');
                size += 1;
            }
            piece.push_str(part);
            lines += n;
            size += u;
            started = true;
        }
    }
    out.push(Cow::Owned(piece));
    out
}

/// A line (no `\n`) in parts that each fit a row of a column `width` wide.
fn cut(line: &str, width: f64) -> Vec<&str> {
    // As `line_count` counts: a character less than the column.
    let room = (width - 1.0).max(1.0) * ROW_LINES as f64;
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        if rest.width_cjk() as f64 <= room && rest.encode_utf16().count() <= MAX_CELL_TEXT {
            out.push(rest);
            return out;
        }
        let (mut w, mut u) = (0.0, 0);
        let mut end = 0;
        let mut after_break = None;
        for (at, c) in rest.char_indices() {
            let cw = c.width_cjk().unwrap_or(0) as f64;
            if at > 0 && (w + cw > room || u + c.len_utf16() > MAX_CELL_TEXT) {
                break;
            }
            w += cw;
            u += c.len_utf16();
            end = at + c.len_utf8();
            if (c.is_whitespace() || matches!(c, '、' | '。' | '，' | '．' | ',' | '.'))
                && w >= room / 2.0
            {
                after_break = Some(end);
            }
        }
        if end == rest.len() {
            // Fits after all (widths counted by character can be a little less).
            out.push(rest);
            return out;
        }
        // After a break in the latter half, if there is one.
        let end = after_break.unwrap_or(end);
        out.push(&rest[..end]);
        rest = &rest[end..];
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
    p.line(&first, Look::Subtitle)?;
    p.line(&second, Look::Title)?;
    if let Some(theme) = &s.theme {
        p.line(theme, Look::Subtitle)?;
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
    p.line(&who.join(sep), Look::Plain)?;
    if let Some(summary) = &s.summary {
        p.line(summary, Look::Plain)?;
    }

    // １ 達成目標と進捗
    p.gap();
    p.line(&authoring::section1(&era, year, lang), Look::Section)?;
    let goals_head = authoring::goals_column(&era, year, lang);
    p.row(
        &[
            span(0, 1, &goals_head),
            span(2, LAST, Label::Progress.get(lang)),
        ],
        Look::Head,
    )?;
    if s.goals.is_empty() {
        p.row(&[span(0, 1, blank), span(2, LAST, blank)], Look::Cell)?;
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
        p.row(&[span(0, 1, &goal), span(2, LAST, &progress)], Look::Cell)?;
    }

    // ２ 強みと課題
    p.gap();
    p.line(Label::Section2.get(lang), Look::Section)?;
    p.line(Label::Strengths.get(lang), Look::Plain)?;
    if s.strengths.is_empty() {
        p.line(blank, Look::Plain)?;
    }
    for (n, t) in s.strengths.iter().enumerate() {
        p.line(&numbered(n + 1, t, lang), Look::Plain)?;
    }
    p.row(
        &[
            span(0, 0, Label::Challenge.get(lang)),
            span(1, 1, Label::Actions.get(lang)),
            span(2, LAST, Label::Views.get(lang)),
        ],
        Look::Head,
    )?;
    if s.challenges.is_empty() {
        p.row(
            &[span(0, 0, blank), span(1, 1, blank), span(2, LAST, blank)],
            Look::Cell,
        )?;
    }
    for c in &s.challenges {
        challenge(p, c, lang)?;
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
        Look::Head,
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
            Look::Cell,
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
            Look::Cell,
        )?;
    }

    // ３ 病院との連携
    p.gap();
    p.line(Label::Section3.get(lang), Look::Section)?;
    if s.hospital_collaboration.is_empty() {
        p.line(blank, Look::Plain)?;
    }
    for h in &s.hospital_collaboration {
        p.line(&format!("・{}", item(h, lang)), Look::Plain)?;
    }

    // ４ 課題・悩み、質問
    p.gap();
    p.line(Label::Section4.get(lang), Look::Section)?;
    for (label, items) in [
        (Label::Concerns, &s.concerns),
        (Label::Questions, &s.questions),
    ] {
        p.line(label.get(lang), Look::Bold)?;
        if items.is_empty() {
            p.line(blank, Look::Plain)?;
        }
        for t in items.iter() {
            p.line(&format!("・{t}"), Look::Plain)?;
        }
    }
    Ok(())
}

/// A challenge: its text and actions beside the four views, a view below another.
fn challenge(
    p: &mut Paper<'_>,
    c: &crate::core::model::Challenge,
    lang: Lang,
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
    let mut flows = vec![Flow::new(0, 0, &c.text), Flow::new(1, 1, &actions)];
    // Each view over the rows its name and text take, one below another.
    let mut top = 0;
    for (label, text) in &views {
        let (label, text) = (Flow::new(2, 2, label), Flow::new(3, LAST, text));
        let rows = label.len().max(text.len());
        for mut f in [label, text] {
            f.rows = (top, top + rows - 1);
            flows.push(f);
        }
        top += rows;
    }
    // The challenge and its actions span the views; should they take more rows,
    // the last view has them.
    let rows = top.max(flows[0].len()).max(flows[1].len());
    for f in flows.iter_mut().rev().take(2) {
        f.rows.1 = rows - 1;
    }
    for f in flows.iter_mut().take(2) {
        f.rows = (0, rows - 1);
    }
    p.block(&flows, Look::Cell)
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

    /// The highest row Excel has holds `ROW_LINES` lines, and not one more.
    #[test]
    fn a_row_holds_row_lines() {
        assert!(row_points(ROW_LINES) < super::super::MAX_ROW_POINTS);
        assert!(
            ROW_LINES as f64 * super::super::LINE_POINTS + 2.0 + super::super::LINE_POINTS
                > super::super::MAX_ROW_POINTS
        );
    }

    /// Each piece fits a row and a cell; put together they are the text.
    fn check(text: &str, width: f64) -> Vec<Cow<'_, str>> {
        let pieces = pieces(text, width);
        assert!(!pieces.is_empty());
        for p in &pieces {
            assert!(
                line_count(p, width) <= ROW_LINES,
                "{} lines",
                line_count(p, width)
            );
            assert!(p.encode_utf16().count() <= MAX_CELL_TEXT);
        }
        let joined: String = pieces.concat();
        assert_eq!(joined.replace('\n', ""), text.replace('\n', ""));
        pieces
    }

    #[test]
    fn a_text_that_fits_a_row_is_one_piece() {
        assert_eq!(pieces("", 60.0), [Cow::Borrowed("")]);
        let text = "・一つ目\n・二つ目";
        assert!(matches!(check(text, 60.0).as_slice(), [Cow::Borrowed(t)] if *t == text));
        let full = "あ".repeat(29 * ROW_LINES);
        assert_eq!(check(&full, 60.0).len(), 1);
    }

    #[test]
    fn long_texts_go_on_over_rows_in_whole_lines_where_they_can() {
        // 30 lines of a line each: 21 in the first row, 9 in the second, cut
        // between lines.
        let items: Vec<String> = (0..30).map(|i| format!("・項目{i}")).collect();
        let text = items.join("\n");
        let pieces = check(&text, 60.0);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], items[..21].join("\n"));
        assert_eq!(pieces[1], items[21..].join("\n"));
        // A line of 800 kana (1,600 wide, 28 lines of 59): cut at 21 lines.
        let long = "あ".repeat(800);
        let pieces = check(&long, 60.0);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].chars().count(), 59 * 21 / 2);
        // 45 of them: each cut once, the rest of one never joined by the next.
        let text = vec![format!("・{long}"); 45].join("\n");
        assert_eq!(check(&text, 60.0).len(), 90);
    }

    #[test]
    fn a_long_line_is_cut_after_a_space_or_a_stop_in_the_latter_half() {
        let words = "word ".repeat(1000);
        for p in check(&words, 60.0).iter().take(3) {
            assert!(p.ends_with(' '), "{p:?}");
        }
        let sentences = "これは文です。".repeat(300);
        for p in check(&sentences, 60.0).iter().take(3) {
            assert!(p.ends_with('。'), "{p:?}");
        }
        // No break in the latter half: cut where the row ends.
        let text = format!("{}。{}", "あ".repeat(10), "い".repeat(2000));
        assert!(check(&text, 60.0)[0].ends_with('い'));
    }

    /// Characters of no width fill no line but a cell still holds only so many.
    #[test]
    fn a_cell_holds_its_characters_even_of_no_width() {
        let marks = "\u{301}".repeat(40_000);
        assert_eq!(check(&marks, 60.0).len(), 2);
        let astral = "𠮷".repeat(20_000);
        check(&astral, 112.0);
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
