//! Rendering helpers shared by the reports: terminal tables ([`grid`], with the
//! project's borders, width and colour decisions), wrapping by display width,
//! Markdown tables and tidy CSV.
//!
//! Borders are ASCII by default: box-drawing characters are East Asian Ambiguous,
//! one cell by Unicode's widths but two in terminals set to "ambiguous = wide"
//! (common in Japan), where UTF-8 borders break apart. `--border unicode` opts into
//! them.

pub mod grid;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::ops::Range;

pub use grid::{Cell, CellAlign, Color, Grid};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cli::Border;
use crate::output::Ctx;

/// Width used when stdout is not a terminal and neither `--width` nor `COLUMNS` says.
pub const DEFAULT_WIDTH: u16 = 80;
/// Narrower widths are raised to this.
const MIN_WIDTH: u16 = 24;

/// How terminal tables look: decided once per command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// The width to fit; `None` for no wrapping (`--width 0`).
    pub width: Option<u16>,
    pub color: bool,
    pub border: Border,
}

impl Look {
    /// `--width` if given (0 = unlimited), else the terminal's width, else `COLUMNS`,
    /// else [`DEFAULT_WIDTH`]; colour as decided in [`Ctx`].
    pub fn new(width: Option<u16>, border: Border, ctx: &Ctx) -> Look {
        Look {
            width: resolve_width(width),
            color: ctx.color_stdout,
            border,
        }
    }

    /// The width to wrap free text to.
    pub fn text_width(&self) -> Option<usize> {
        self.width.map(usize::from)
    }
}

fn resolve_width(given: Option<u16>) -> Option<u16> {
    let width = match given {
        Some(0) => return None,
        Some(n) => n,
        None => terminal_width()
            .or_else(|| {
                std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.trim().parse().ok())
            })
            .filter(|&w| w > 0)
            .unwrap_or(DEFAULT_WIDTH),
    };
    Some(width.max(MIN_WIDTH))
}

fn terminal_width() -> Option<u16> {
    let out = io::stdout();
    if !out.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&out).map(|(w, _)| w.0)
}

/// Whether a table draws a line between body rows (for rows of wrapped text) or only
/// under the header (for rows of figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    EveryRow,
    HeaderOnly,
}

/// A table with the project's borders, width and colour.
pub fn new_table<'a>(look: &Look, rules: Rules) -> Grid<'a> {
    Grid::new(look.border, rules, look.width.map(usize::from), look.color)
}

/// Header cells (bold when colour is on), borrowing the labels.
pub fn header<'a>(labels: &[&'a str]) -> Vec<Cell<'a>> {
    labels.iter().map(|l| header_cell(l)).collect()
}

/// One [`header`] cell.
pub fn header_cell(label: &str) -> Cell<'_> {
    borrowed_cell(label).bold()
}

/// A cell of text from a sheet or a label (copied).
pub fn text_cell(s: &str) -> Cell<'static> {
    borrowed_cell(s).into_owned()
}

/// [`text_cell`] of a text made for the cell: taken as it is when it is plain.
pub fn string_cell(s: String) -> Cell<'static> {
    safe_cell(Cow::Owned(s))
}

/// [`text_cell`] borrowing the text when it is plain (most of it), for the long
/// tables of a report that outlives them.
pub fn borrowed_cell(s: &str) -> Cell<'_> {
    safe_cell(Cow::Borrowed(s))
}

/// A cell of `s` made safe for a terminal: plain text (most of it) is measured
/// and taken as it is in one pass, other text goes through [`terminal_text`].
fn safe_cell(s: Cow<'_, str>) -> Cell<'_> {
    match crate::core::text::plain_width(&s) {
        Some(width) => Cell::measured(s, width),
        None => Cell::new(terminal_text(&s)),
    }
}

/// A right-aligned cell (numbers).
pub fn right_cell(s: impl AsRef<str>) -> Cell<'static> {
    text_cell(s.as_ref()).align(CellAlign::Right)
}

/// A right-aligned cell of a count. The counts of a comparison's tables are
/// hundreds of thousands of cells at national scale, nearly all small numbers:
/// those are not formatted and copied each time.
pub fn count_cell(n: usize) -> Cell<'static> {
    static SMALL: std::sync::LazyLock<Box<[String]>> =
        std::sync::LazyLock::new(|| (0..1000).map(|n: usize| n.to_string()).collect());
    match SMALL.get(n) {
        Some(text) => Cell::measured(text.as_str(), text.len()).align(CellAlign::Right),
        None => right_cell(n.to_string()),
    }
}

/// A cell whose text is coloured when colour is on.
pub fn colored(cell: Cell<'_>, color: Option<Color>) -> Cell<'_> {
    cell.color(color)
}

/// Writes a table, each line ending with a newline (a long table as it is made,
/// in chunks: see [`Grid::write_to`]).
pub fn write_table(out: &mut (impl Write + ?Sized), table: &Grid<'_>) -> io::Result<()> {
    table.write_to(out)
}

/// Output kept in pieces of a fixed size, so holding it never grows one buffer
/// (each growth of a large buffer is a copy into fresh pages).
#[derive(Debug, Default)]
pub struct Parts {
    parts: Vec<Vec<u8>>,
}

impl Parts {
    const PIECE: usize = 1 << 16;

    /// Writes every piece, in order.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        self.parts.iter().try_for_each(|p| out.write_all(p))
    }
}

impl Write for Parts {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            match self.parts.last_mut() {
                Some(last) if last.len() < Self::PIECE => {
                    let n = rest.len().min(Self::PIECE - last.len());
                    last.extend_from_slice(&rest[..n]);
                    rest = &rest[n..];
                }
                _ => self.parts.push(Vec::with_capacity(Self::PIECE)),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes the tables `build` makes of `items`, in order. They are built and laid
/// out on all cores (a comparison of thousands of regions is hundreds of tables),
/// a few at a time, and written as they come, so they are never all held at once.
pub fn write_tables<'a, T: Sync>(
    out: &mut (impl Write + ?Sized),
    items: &'a [T],
    build: impl Fn(&'a T) -> Option<Grid<'a>> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    let batch = 16 * rayon::current_num_threads();
    for items in items.chunks(batch) {
        let laid_out: Vec<Vec<String>> = items
            .par_iter()
            .filter_map(|item| build(item).map(|t| t.pieces()))
            .collect();
        for piece in laid_out.iter().flatten() {
            out.write_all(piece.as_bytes())?;
        }
    }
    Ok(())
}

/// Text made safe and aligned for a terminal: control characters made visible
/// ([`crate::render::terminal::clean`]) and the East Asian Ambiguous symbols that sheets
/// commonly hold replaced by forms of a fixed width (`①` → `(1)`, `※` → `＊`,
/// `○` → `〇`, `…` → `...`), so columns stay aligned whether the terminal draws
/// ambiguous characters narrow or wide. Only the `table` format does this; the other
/// formats keep the text as written.
pub fn terminal_text(s: &str) -> String {
    if crate::core::text::plain_width(s).is_some() {
        return s.to_string();
    }
    // A tab would jump to the terminal's next tab stop, out of its column.
    let cleaned = crate::render::terminal::clean(s).replace('\t', " ");
    if cleaned.chars().all(|c| c.is_ascii() || !is_ambiguous(c)) {
        return cleaned;
    }
    let mut out = String::with_capacity(cleaned.len());
    for c in cleaned.chars() {
        match c {
            '\u{2460}'..='\u{2473}' => {
                let n = u32::from(c) - 0x2460 + 1;
                out.push_str(&format!("({n})"));
            }
            '\u{2474}'..='\u{2487}' => {
                let n = u32::from(c) - 0x2474 + 1;
                out.push_str(&format!("({n})"));
            }
            '\u{2160}'..='\u{216B}' => out.push_str(ROMAN[(u32::from(c) - 0x2160) as usize]),
            '\u{2170}'..='\u{217B}' => out.push_str(ROMAN[(u32::from(c) - 0x2170) as usize]),
            '※' => out.push('＊'),
            '○' | '◯' => out.push('〇'),
            '…' => out.push_str("..."),
            '‥' => out.push_str(".."),
            '—' | '―' | '‐' | '–' => out.push('－'),
            '→' => out.push_str("->"),
            '←' => out.push_str("<-"),
            '×' => out.push('x'),
            '÷' => out.push('/'),
            '“' | '”' => out.push('"'),
            '‘' | '’' => out.push('\''),
            _ => out.push(c),
        }
    }
    out
}

const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

/// A character drawn one cell wide or two depending on the terminal.
pub fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// Display width in terminal cells (wide characters count two).
pub fn display_width(s: &str) -> usize {
    match crate::core::text::plain_width(s) {
        Some(w) if !s.contains('\n') => w,
        _ => s.width(),
    }
}

/// Characters that must not start a line in Japanese (kinsoku).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '・'
            | 'ー'
            | '！'
            | '？'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
    )
}

/// Japanese punctuation that ends a phrase: a line may end after it.
fn closes(c: char) -> bool {
    matches!(
        c,
        '、' | '。' | '，' | '．' | '」' | '』' | '）' | '】' | '〕' | '〉' | '》'
    )
}

/// Wraps text into lines of at most `width` display cells (all on one line when
/// `width` is `None`). Breaks anywhere in Japanese text, at spaces in runs of ASCII
/// words, and keeps closing punctuation off the start of a line. Line ends in the
/// text are kept.
pub fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    wrap_spans(text, width)
        .into_iter()
        .map(|span| text[span].to_string())
        .collect()
}

/// [`wrap`], each line given as where it lies in `text`: a line is the text as it
/// stands, less the spaces where it was broken and the line ends.
pub fn wrap_spans(text: &str, width: Option<usize>) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut at = 0;
    for para in text.split('\n') {
        match width.filter(|&w| w >= 4 && wider_than(para, w)) {
            Some(width) => wrap_paragraph(para, at, width, &mut lines),
            None => lines.push(at..at + para.len()),
        }
        at += para.len() + 1;
    }
    lines
}

/// Whether the widths of the characters of a line add up to more than `width`
/// ([`char_width_sum`], stopping there).
fn wider_than(s: &str, width: usize) -> bool {
    let mut used = 0;
    s.chars().any(|c| {
        used += char_width(c);
        used > width
    })
}

/// The widths of the characters of a line, added up (as [`wrap`] measures).
fn char_width_sum(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// A character's width in terminal cells (`unicode-width`'s, 0 for controls),
/// looked up only for characters outside printable ASCII, kana and kanji.
fn char_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{3041}'..='\u{3096}' | '\u{30a1}'..='\u{30fa}' | '\u{4e00}'..='\u{9fff}' => 2,
        _ => c.width().unwrap_or(0),
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// True when `s` holds more than one character.
fn several_chars(s: &str) -> bool {
    s.char_indices().nth(1).is_some()
}

/// [`wrap_spans`] of one paragraph wider than `width`, which starts at `at` in the
/// text, onto `lines`.
fn wrap_paragraph(para: &str, at: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    // The line being filled is `para[start..i]`, `i` where the next character is.
    let mut start = 0;
    let mut used = 0;
    // Whether the line holds an ASCII space and an ideographic one: most lines of
    // Japanese hold neither, and are then not searched for one.
    let (mut ascii_space, mut ideographic_space) = (false, false);
    for (i, c) in para.char_indices() {
        let w = char_width(c);
        if used + w > width && start < i {
            let line = &para[start..i];
            // The line ends at `end`; the next one starts at `next` (after the
            // space it was broken at, if any).
            let (mut end, mut next) = (i, i);
            // Break where the line overflows when that is at a space or right
            // after 、。」 and the like (where Japanese breaks best); else at the
            // last space when what follows it is an ASCII word (kept whole), or
            // when the line keeps at least half its width (a phrase of Japanese
            // text written with spaces stays whole), an ideographic space first.
            let natural = is_space(c) || line.chars().next_back().is_some_and(closes);
            let kept = |pos: usize| char_width_sum(&line[..pos]);
            let ideographic = ideographic_space
                .then(|| line.rfind('\u{3000}'))
                .flatten()
                .filter(|&p| p > 0 && kept(p) * 2 >= width);
            let ascii = ascii_space.then(|| line.rfind(' ')).flatten().filter(|&p| {
                let word =
                    c.is_ascii_graphic() && line[p + 1..].chars().all(|x| x.is_ascii_graphic());
                p > 0 && (word || kept(p) * 2 >= width)
            });
            if let Some(pos) = ideographic.or(ascii).filter(|_| !natural) {
                let space = line[pos..].chars().next().map_or(1, char::len_utf8);
                (end, next) = (start + pos, start + pos + space);
            }
            if next == i && no_line_start(c) {
                // Pull characters down until the new line starts with one that
                // may start a line.
                let cut = end;
                while several_chars(&para[start..end]) {
                    let Some(last) = para[start..end].chars().next_back() else {
                        break;
                    };
                    end -= last.len_utf8();
                    if !no_line_start(last) {
                        break;
                    }
                }
                // Keep a run of ASCII (`(2019)`) whole.
                while end < cut
                    && para[end..].starts_with(|x: char| x.is_ascii_graphic())
                    && para[start..end].ends_with(|x: char| x.is_ascii_graphic())
                    && several_chars(&para[start..end])
                {
                    end -= 1;
                }
                // What was pulled down starts the next line, with the space the
                // line was broken at, which is no longer at a break.
                if end < cut {
                    next = end;
                }
            }
            let kept_line = para[start..end].trim_end_matches([' ', '\u{3000}']);
            lines.push(at + start..at + start + kept_line.len());
            start = next;
            let carried = &para[start..i];
            used = char_width_sum(carried);
            ascii_space = carried.contains(' ');
            ideographic_space = carried.contains('\u{3000}');
            if is_space(c) && start == i {
                start = i + c.len_utf8();
                continue;
            }
        }
        used += w;
        ascii_space |= c == ' ';
        ideographic_space |= c == '\u{3000}';
    }
    lines.push(at + start..at + para.len());
}

/// Writes text wrapped to the look's width, each line prefixed by `indent`
/// (continuation lines by as many spaces).
pub fn write_wrapped(
    out: &mut (impl Write + ?Sized),
    look: &Look,
    first_prefix: &str,
    text: &str,
) -> io::Result<()> {
    let prefix_width = display_width(first_prefix);
    let width = look.text_width().map(|w| w.saturating_sub(prefix_width));
    let pad = " ".repeat(prefix_width);
    for (i, line) in wrap(&terminal_text(text), width).iter().enumerate() {
        let prefix = if i == 0 { first_prefix } else { pad.as_str() };
        writeln!(out, "{prefix}{line}")?;
    }
    Ok(())
}

/// Splits columns after a first column into groups whose tables fit `width`
/// (a table of regions side by side, continued below when there are too many).
/// `first` and `widths` are the content widths of the columns.
pub fn column_groups(first: usize, widths: &[usize], width: Option<u16>) -> Vec<Range<usize>> {
    let Some(limit) = width.map(usize::from) else {
        return std::iter::once(0..widths.len()).collect();
    };
    // Each column takes its content, one space of padding each side and a border.
    let cost = |w: usize| w + 3;
    let mut groups = Vec::new();
    let mut start = 0;
    let mut used = 1 + cost(first);
    for (i, &w) in widths.iter().enumerate() {
        if i > start && used + cost(w) > limit {
            groups.push(start..i);
            start = i;
            used = 1 + cost(first);
        }
        used += cost(w);
    }
    if start < widths.len() || groups.is_empty() {
        groups.push(start..widths.len());
    }
    groups
}

/// A Markdown table cell: control characters made visible, Markdown syntax escaped,
/// line ends as `<br>`.
pub fn md_cell(s: &str) -> String {
    let cleaned = crate::render::terminal::clean(s);
    let mut out = String::with_capacity(cleaned.len());
    for c in cleaned.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Column alignment in a Markdown table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Writes a Markdown table; cells must already be escaped with [`md_cell`]. Each
/// row is written as it comes: a comparison of 23,500 sheets has rows of 23,500
/// cells, and holding them all took 90 MB.
pub fn write_md_table<R: AsRef<[String]>>(
    out: &mut impl Write,
    header: &[String],
    align: &[Align],
    rows: impl IntoIterator<Item = R>,
) -> io::Result<()> {
    writeln!(out, "| {} |", header.join(" | "))?;
    let rule: Vec<&str> = (0..header.len())
        .map(|i| match align.get(i) {
            Some(Align::Right) => "---:",
            _ => "---",
        })
        .collect();
    writeln!(out, "| {} |", rule.join(" | "))?;
    for row in rows {
        writeln!(out, "| {} |", row.as_ref().join(" | "))?;
    }
    Ok(())
}

/// A CSV writer; with `bom`, a UTF-8 BOM first and CRLF line ends, as Excel on
/// Japanese Windows needs to read UTF-8.
pub fn csv_writer<W: Write>(mut out: W, bom: bool) -> io::Result<csv::Writer<W>> {
    let mut builder = csv::WriterBuilder::new();
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
        builder.terminator(csv::Terminator::CRLF);
    }
    Ok(builder.from_writer(out))
}

/// A value for a CSV field: control characters made visible, and a leading
/// `= + - @` of text that is not a number quoted with `'`, so a spreadsheet does not
/// take sheet text for a formula.
pub fn csv_field(s: &str) -> String {
    let s = crate::render::terminal::sanitize_for_terminal(s);
    if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

/// A colour for a cell, when colour is on.
pub fn tint(look: &Look, color: Color) -> Option<Color> {
    look.color.then_some(color)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_japanese_by_width() {
        let lines = wrap("あいうえおかきくけこ", Some(8));
        assert_eq!(lines, ["あいうえ", "おかきく", "けこ"]);
    }

    #[test]
    fn keeps_closing_punctuation_off_line_starts() {
        let lines = wrap("あいう。えお", Some(6));
        assert_eq!(lines, ["あい", "う。え", "お"]);
    }

    #[test]
    fn pulls_down_runs_of_closing_punctuation() {
        let lines = wrap("あいうえ(1)）。", Some(12));
        assert_eq!(lines, ["あいうえ", "(1)）。"]);
        let lines = wrap("年度 (2019)）。", Some(12));
        assert_eq!(lines, ["年度", "(2019)）。"]);
    }

    #[test]
    fn wraps_english_at_spaces() {
        let lines = wrap("the quick brown fox", Some(10));
        assert_eq!(lines, ["the quick", "brown fox"]);
    }

    #[test]
    fn breaks_japanese_at_a_space_that_keeps_half_the_line() {
        let lines = wrap("南加賀: 地域移行数 12人", Some(11));
        assert_eq!(lines, ["南加賀:", "地域移行数", "12人"]);
        // A space too far back is not used: the line is filled instead.
        let lines = wrap("a あいうえおかきくけこ", Some(10));
        assert_eq!(lines, ["a あいうえ", "おかきくけ", "こ"]);
        // The ideographic space separates phrases too.
        let lines = wrap("目標 33以上　進捗 17.6%", Some(16));
        assert_eq!(lines, ["目標 33以上", "進捗 17.6%"]);
        assert_eq!(wrap("第1回 31　今回 43", Some(16)), ["第1回 31", "今回 43"]);
        // After 、 the line breaks where it is, not at an earlier space.
        let lines = wrap("あいうえ (2019)、令和", Some(17));
        assert_eq!(lines, ["あいうえ (2019)、", "令和"]);
    }

    /// The first, simple form of [`wrap`] (characters in vectors), kept as the
    /// definition the faster one must agree with.
    fn wrap_reference(text: &str, width: Option<usize>) -> Vec<String> {
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let Some(width) = width.filter(|&w| w >= 4 && display_width(para) > w) else {
                lines.push(para.to_string());
                continue;
            };
            let mut line: Vec<char> = Vec::new();
            let mut used = 0;
            for c in para.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > width && !line.is_empty() {
                    let mut carry: Vec<char> = Vec::new();
                    // Break where the line overflows when that is at a space or right
                    // after 、。」 and the like (where Japanese breaks best); else at the
                    // last space when what follows it is an ASCII word (kept whole), or
                    // when the line keeps at least half its width (a phrase of Japanese
                    // text written with spaces stays whole), an ideographic space first.
                    let natural =
                        c == ' ' || c == '\u{3000}' || line.last().is_some_and(|&x| closes(x));
                    let kept = |pos: usize| -> usize {
                        line[..pos].iter().map(|x| x.width().unwrap_or(0)).sum()
                    };
                    let ideographic = line
                        .iter()
                        .rposition(|&x| x == '\u{3000}')
                        .filter(|&p| p > 0 && kept(p) * 2 >= width);
                    let ascii = line.iter().rposition(|&x| x == ' ').filter(|&p| {
                        let word = c.is_ascii_graphic()
                            && line[p + 1..].iter().all(char::is_ascii_graphic);
                        p > 0 && (word || kept(p) * 2 >= width)
                    });
                    let mut dropped = None;
                    if let Some(pos) = ideographic.or(ascii).filter(|_| !natural) {
                        carry = line.split_off(pos + 1);
                        dropped = line.pop();
                    }
                    if carry.is_empty() && no_line_start(c) {
                        // Pull characters down until the new line starts with one that
                        // may start a line.
                        while line.len() > 1 {
                            let Some(last) = line.pop() else { break };
                            carry.insert(0, last);
                            if !no_line_start(last) {
                                break;
                            }
                        }
                        // Keep a run of ASCII (`(2019)`) whole.
                        while carry.first().is_some_and(char::is_ascii_graphic)
                            && line.last().is_some_and(char::is_ascii_graphic)
                            && line.len() > 1
                        {
                            if let Some(last) = line.pop() {
                                carry.insert(0, last);
                            }
                        }
                        // The space broken at, when the break moved before it.
                        if !carry.is_empty() {
                            carry.extend(dropped);
                        }
                    }
                    lines.push(
                        line.iter()
                            .collect::<String>()
                            .trim_end_matches([' ', '\u{3000}'])
                            .to_string(),
                    );
                    line = carry;
                    used = line.iter().map(|x| x.width().unwrap_or(0)).sum();
                    if (c == ' ' || c == '\u{3000}') && line.is_empty() {
                        continue;
                    }
                }
                line.push(c);
                used += w;
            }
            lines.push(line.into_iter().collect());
        }
        lines
    }

    proptest::proptest! {
        /// The byte-offset [`wrap`] breaks lines exactly where the first one did.
        #[test]
        fn wrap_agrees_with_the_reference(
            s in "[a-z0-9 　あいうえおかき漢字、。」ー・（）(),.!-]{0,40}",
            width in 4usize..20,
        ) {
            proptest::prop_assert_eq!(wrap(&s, Some(width)), wrap_reference(&s, Some(width)));
        }
    }

    proptest::proptest! {
        /// Each line is the text as it stands, in order: between two lines, only
        /// the spaces the line was broken at and the line ends are left out.
        #[test]
        fn wrapped_lines_are_the_text_less_the_spaces_at_breaks(
            s in "[a-z0-9 　あいうえおかき漢字、。」ー・（）(),.!\n-]{0,40}",
            width in 4usize..20,
        ) {
            let spans = wrap_spans(&s, Some(width));
            let mut at = 0;
            for span in &spans {
                proptest::prop_assert!(at <= span.start && span.start <= span.end);
                proptest::prop_assert!(s[at..span.start].chars().all(|c| is_space(c) || c == '\n'));
                at = span.end;
            }
            proptest::prop_assert_eq!(at, s.len());
            proptest::prop_assert_eq!(spans.len(), wrap(&s, Some(width)).len());
        }
    }

    #[test]
    fn a_space_before_what_is_pulled_down_is_kept() {
        // The line breaks at the space, but `,` may not start a line: the word
        // before it comes down, and the space between them with it.
        assert_eq!(wrap("abc ,", Some(4)), ["a", "bc ,"]);
    }

    #[test]
    fn a_count_cell_reads_as_the_number_written_out() {
        for n in [0, 7, 42, 999, 1000, 123_456] {
            let mut t = Grid::new(Border::Ascii, Rules::HeaderOnly, None, false);
            t.add_row(vec![count_cell(n), text_cell("x")]);
            t.add_row(vec![right_cell(format!("{n}0")), text_cell("y")]);
            let text = t.render();
            let first = text.lines().nth(1).unwrap();
            assert_eq!(
                first,
                format!("| {n:>w$} | x |", w = n.to_string().len() + 1)
            );
        }
    }

    #[test]
    fn no_width_no_wrap() {
        assert_eq!(wrap("a\nb", None), ["a", "b"]);
    }

    #[test]
    fn fast_char_widths_are_unicode_widths() {
        let ranges = [
            (' ', '~'),
            ('\u{3041}', '\u{3096}'),
            ('\u{30a1}', '\u{30fa}'),
            ('\u{4e00}', '\u{9fff}'),
        ];
        for (from, to) in ranges {
            for c in from..=to {
                assert_eq!(char_width(c), c.width().unwrap_or(0), "{c:?}");
            }
        }
    }

    #[test]
    fn parts_keep_what_was_written_in_pieces_of_a_fixed_size() {
        let mut parts = Parts::default();
        let big: Vec<u8> = (0..Parts::PIECE * 2 + 10)
            .map(|i| (i % 251) as u8)
            .collect();
        parts.write_all(b"head\n").unwrap();
        parts.write_all(&big).unwrap();
        parts.write_all(b"tail").unwrap();
        assert!(parts.parts.iter().all(|p| p.len() <= Parts::PIECE));
        let mut out = Vec::new();
        parts.write_to(&mut out).unwrap();
        assert_eq!(out, [b"head\n".as_slice(), &big, b"tail"].concat());
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(terminal_text("a\tb"), "a b");
        assert_eq!(terminal_text("南加賀\t(1)"), "南加賀 (1)");
    }

    #[test]
    fn ambiguous_symbols_become_fixed_width() {
        let s = terminal_text("①※○…→—\u{1b}[31m");
        assert_eq!(s, "(1)＊〇...->－\\u{1b}[31m");
        assert!(!s.chars().any(is_ambiguous));
    }

    #[test]
    fn groups_fit_the_width() {
        let all = |n: usize| std::iter::once(0..n).collect::<Vec<_>>();
        assert_eq!(column_groups(10, &[8, 8, 8], Some(80)), all(3));
        assert_eq!(column_groups(10, &[20, 20, 20], Some(60)), vec![0..2, 2..3]);
        assert_eq!(column_groups(10, &[100], Some(40)), all(1));
        assert_eq!(column_groups(10, &[], Some(40)), all(0));
        assert_eq!(column_groups(10, &[5, 5], None), all(2));
    }

    #[test]
    fn markdown_cells_are_escaped() {
        assert_eq!(md_cell("a|b\nc*"), "a\\|b<br>c\\*");
    }
}
