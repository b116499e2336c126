//! Terminal tables and the other ways reports are laid out: tables drawn by
//! comfy-table with cells wrapped beforehand at the widths chosen here (`wrap`:
//! Unicode line breaking, so no line starts with 。 or 」), free text wrapped the
//! same way, Markdown tables and tidy CSV.
//!
//! comfy-table draws (borders, padding, alignment, colour); it is told the width of
//! every column and given cells whose lines already fit, which it keeps as they are.
//! Its own wrapping is not used: it breaks Japanese text between any two characters.
//!
//! Borders are ASCII by default: box-drawing characters are East Asian Ambiguous,
//! one cell by Unicode's widths but two in terminals set to "ambiguous = wide"
//! (common in Japan), where UTF-8 borders break apart. `--border unicode` opts into
//! them.

mod wrap;

use std::io::{self, IsTerminal, Write};
use std::ops::Range;

pub use comfy_table::Color;
use comfy_table::{
    Attribute, CellAlignment, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle,
    TableStyle, Width,
};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cli::Border;
use crate::output::Ctx;

/// Width used when stdout is not a terminal and neither `--width` nor `COLUMNS` says.
const DEFAULT_WIDTH: u16 = 80;
/// Narrower widths are raised to this.
const MIN_WIDTH: u16 = 24;
/// A header at most this wide does not break (`第1回会議時`, `assessment`).
const SHORT_HEADER: usize = 12;
/// A column of text is not made narrower than its longest word, up to this width;
/// a longer run (a URL) is cut.
const LONGEST_WORD: usize = 16;
/// The widest column comfy-table can draw (its widths are `u16`, padding included).
const WIDEST_COLUMN: usize = u16::MAX as usize - 2;
/// Rows of a long table drawn at a time ([`Table::write_to`]).
const ROWS_AT_ONCE: usize = 256;

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
    /// else 80 columns; colour as decided in [`Ctx`].
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

/// One cell: text made safe for a terminal ([`terminal_text`]), how it sits in its
/// column, and how it is coloured when colour is on.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    text: String,
    right: bool,
    color: Option<Color>,
    bold: bool,
    /// Kept whole as a figure is ([`Cell::whole`]).
    whole: bool,
}

impl Cell {
    /// The widest line of the cell, in terminal cells.
    pub fn width(&self) -> usize {
        self.text.split('\n').map(str::width).max().unwrap_or(0)
    }

    /// The cell in the colour, when there is one.
    pub fn color(mut self, color: Option<Color>) -> Cell {
        self.color = color;
        self
    }

    /// A short phrase that reads as one, such as a verdict (`当初から達成`,
    /// `未達成`): broken only between its words (`当初から` / `達成`) as long as
    /// figures are kept whole, rather than wherever Unicode allows between two
    /// kana or kanji.
    pub fn whole(mut self) -> Cell {
        self.whole = true;
        self
    }

    /// The narrowest the cell's column may be: the widest line or word that does
    /// not break (a short header, a figure: [`wrap::is_figure`]), as far as the
    /// table gives way.
    fn least_width(&self, header: bool, give: Give) -> usize {
        let figures = give < Give::Figures;
        if self.whole && figures {
            // Whole, or parted only by its spaces, until phrases give way.
            let kana = give > Give::Nothing;
            let words = self.text.split('\n').map(|l| wrap::widest_word(l, kana));
            return words.max().unwrap_or(0);
        }
        self.text
            .split('\n')
            .map(|line| match (header, give) {
                (_, Give::Words) => wrap::widest_run(line, false).min(2),
                (true, Give::Nothing | Give::Phrases) if line.width() <= SHORT_HEADER => {
                    line.width()
                }
                (true, _) => wrap::widest_run(line, figures),
                (false, _) => wrap::widest_run(line, figures).min(LONGEST_WORD),
            })
            .max()
            .unwrap_or(0)
    }

    /// The cell's lines wrapped to `width`, figures kept whole or not (and a
    /// [`Cell::whole`] phrase broken only between its words with them).
    fn lines(&self, width: usize, figures: bool) -> Vec<&str> {
        if self.whole && figures {
            wrap::fit_words(&self.text, width)
        } else {
            wrap::fit(&self.text, Some(width), figures)
        }
    }

    /// The cell for comfy-table, its lines wrapped to `width`.
    fn wrapped(&self, width: usize, figures: bool) -> comfy_table::Cell {
        let lines = self.lines(width, figures);
        let mut cell = comfy_table::Cell::new(lines.join("\n"));
        if self.right {
            cell = cell.set_alignment(CellAlignment::Right);
        }
        if let Some(color) = self.color {
            cell = cell.fg(color);
        }
        if self.bold {
            cell = cell.add_attribute(Attribute::Bold);
        }
        cell
    }
}

/// How far a column of a table too wide for the width gives way, as little as
/// lets the table fit: figures, short headers and [`Cell::whole`] phrases stay
/// whole, and words up to [`LONGEST_WORD`]; else those phrases break between
/// their words; else headers break where Unicode allows; else figures and
/// phrases too; else words are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Give {
    Nothing,
    Phrases,
    Headers,
    Figures,
    Words,
}

/// A table to lay out: a header, rows of cells, and how it is drawn.
#[derive(Debug, Clone)]
pub struct Table {
    header: Option<Vec<Cell>>,
    rows: Vec<Vec<Cell>>,
    border: Border,
    rules: Rules,
    /// The width to fit, borders included; `None` for no limit.
    width: Option<usize>,
    color: bool,
    /// Columns that keep their content's width (dates, hashes).
    kept: Vec<usize>,
}

/// A table with the project's borders, width and colour.
pub fn new_table(look: &Look, rules: Rules) -> Table {
    Table {
        header: None,
        rows: Vec::new(),
        border: look.border,
        rules,
        width: look.width.map(usize::from),
        color: look.color,
        kept: Vec::new(),
    }
}

impl Table {
    pub fn set_header(&mut self, cells: Vec<Cell>) -> &mut Table {
        self.header = Some(cells);
        self
    }

    pub fn add_row(&mut self, cells: Vec<Cell>) -> &mut Table {
        self.rows.push(cells);
        self
    }

    /// Column `i` keeps the width of its content, never wrapping.
    pub fn keep_width(&mut self, i: usize) -> &mut Table {
        self.kept.push(i);
        self
    }

    /// The cells of column `i`, each with whether it is the header's.
    fn column(&self, i: usize) -> impl Iterator<Item = (&Cell, bool)> {
        let header = self
            .header
            .iter()
            .filter_map(move |h| h.get(i))
            .map(|c| (c, true));
        header.chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(i))
                .map(|c| (c, false)),
        )
    }

    /// The widest line of column `i` once its cells are wrapped to `width`.
    fn used_width(&self, i: usize, width: usize, figures: bool) -> usize {
        self.column(i)
            .flat_map(|(cell, _)| cell.lines(width, figures))
            .map(str::width)
            .max()
            .unwrap_or(0)
    }

    /// The width of each column's text, and whether it keeps figures whole.
    /// Columns narrower than an even share of the room keep their width and the
    /// others share what is left ([`share`]), none narrower than its least width
    /// ([`Table::give_way`]). A column wrapped at its share may use less (lines
    /// break where Unicode allows, not at any character): it gives what it does not
    /// use to the columns still wrapped.
    fn widths(&self) -> (Vec<usize>, Vec<bool>) {
        let columns = self
            .header
            .iter()
            .chain(&self.rows)
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        let widest = |i: usize| self.column(i).map(|(c, _)| c.width()).max().unwrap_or(0);
        // An empty column still shows one blank cell.
        let natural: Vec<usize> = (0..columns)
            .map(|i| widest(i).clamp(1, WIDEST_COLUMN))
            .collect();
        // Each column: its text, one space each side and a border; plus one border.
        let room = self.width.map(|w| w.saturating_sub(1 + 3 * columns));
        let Some(room) = room.filter(|&room| natural.iter().sum::<usize>() > room) else {
            return (natural, vec![true; columns]);
        };
        let (least, figures) = self.give_way(&natural, room);
        let mut widths = natural.clone();
        let mut open: Vec<usize> = (0..columns).filter(|&i| least[i] < natural[i]).collect();
        let mut taken: usize = (0..columns)
            .filter(|i| !open.contains(i))
            .map(|i| natural[i])
            .sum();
        for _ in 0..=columns {
            share(
                &mut widths,
                &open,
                room.saturating_sub(taken),
                &natural,
                &least,
            );
            open.retain(|&i| widths[i] < natural[i]);
            let used: Vec<usize> = open
                .iter()
                .map(|&i| self.used_width(i, widths[i], figures[i]))
                .collect();
            let done: Vec<bool> = open
                .iter()
                .zip(&used)
                .map(|(&i, &u)| u < widths[i])
                .collect();
            if done.iter().all(|&d| d) || !done.iter().any(|&d| d) {
                break;
            }
            for (&i, &u) in open.iter().zip(&used) {
                widths[i] = u.min(widths[i]);
            }
            open = open
                .iter()
                .zip(&done)
                .filter(|(_, &d)| !d)
                .map(|(&i, _)| i)
                .collect();
            taken = (0..columns)
                .filter(|i| !open.contains(i))
                .map(|i| widths[i])
                .sum();
        }
        (widths, figures)
    }

    /// The least width of each column, giving way as little as lets the table fit
    /// the room ([`Give`]), and whether the column keeps figures whole. Headers,
    /// then figures, give way one column at a time, those that gain the most
    /// first; else words are cut in every column (a table that cannot fit even so
    /// goes wider).
    fn give_way(&self, natural: &[usize], room: usize) -> (Vec<usize>, Vec<bool>) {
        let columns = natural.len();
        let least_at = |give: Give| -> Vec<usize> {
            (0..columns)
                .map(|i| match self.kept.contains(&i) {
                    true => natural[i],
                    false => self
                        .column(i)
                        .map(|(cell, header)| cell.least_width(header, give))
                        .max()
                        .unwrap_or(0),
                })
                .collect()
        };
        let fits = |least: &[usize]| least.iter().sum::<usize>() <= room;
        let mut least = least_at(Give::Nothing);
        let mut give = vec![Give::Nothing; columns];
        for next in [Give::Phrases, Give::Headers, Give::Figures] {
            let looser = least_at(next);
            let mut order: Vec<usize> = (0..columns).filter(|&i| looser[i] < least[i]).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(least[i] - looser[i]));
            for i in order {
                if fits(&least) {
                    break;
                }
                (least[i], give[i]) = (looser[i], next);
            }
        }
        if !fits(&least) {
            least = least_at(Give::Words);
            give.fill(Give::Words);
        }
        (least, give.iter().map(|&g| g < Give::Figures).collect())
    }

    /// The table as text, lines joined by `\n`, without a final line end.
    pub fn render(&self) -> String {
        let (widths, figures) = self.widths();
        self.draw(&widths, &figures, &self.rows, true, true)
            .to_string()
    }

    /// Writes the table, each line ending with a newline. comfy-table holds a
    /// table drawn several times over (cells, lines, padded lines, the text): a
    /// long table is drawn a few hundred rows at a time, each piece joined to
    /// the next by the rule between rows, so its drawn form is never held whole.
    pub fn write_to(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let (widths, figures) = self.widths();
        let mut pieces: Vec<&[Vec<Cell>]> = self.rows.chunks(ROWS_AT_ONCE).collect();
        if pieces.is_empty() {
            pieces.push(&[]);
        }
        let last = pieces.len() - 1;
        for (k, rows) in pieces.into_iter().enumerate() {
            writeln!(
                out,
                "{}",
                self.draw(&widths, &figures, rows, k == 0, k == last)
            )?;
        }
        Ok(())
    }

    /// `rows` of the table for comfy-table, at the widths chosen: with the top and
    /// the header when `first`, with the bottom when `last`.
    fn draw(
        &self,
        widths: &[usize],
        figures: &[bool],
        rows: &[Vec<Cell>],
        first: bool,
        last: bool,
    ) -> comfy_table::Table {
        let mut style = style(self.border, self.rules);
        if !first {
            // The rows go on from the piece above.
            style = style.top_border(match self.rules {
                Rules::EveryRow => style.row_separator,
                Rules::HeaderOnly => LineStyle::none(),
            });
        }
        if !last {
            style = style.bottom_border(LineStyle::none());
        }
        let mut table = comfy_table::Table::new();
        table
            .load_style(style)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
        if self.color {
            table.enforce_styling();
        }
        let row = |cells: &[Cell]| -> Vec<comfy_table::Cell> {
            cells
                .iter()
                .zip(widths.iter().zip(figures))
                .map(|(cell, (&w, &figures))| cell.wrapped(w, figures))
                .collect()
        };
        if let Some(header) = self.header.as_ref().filter(|_| first) {
            table.set_header(row(header));
        }
        for cells in rows {
            table.add_row(row(cells));
        }
        // Padding included. Every line of a cell fits its width, so comfy-table keeps
        // the lines as they are.
        table.set_constraints(widths.iter().map(|&w| {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            ColumnConstraint::Absolute(Width::Fixed(w))
        }));
        table
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

/// Gives `left` cells of width to the columns `open` in equal shares, as water
/// fills vessels: a column whose text fits a share takes just its width, one that
/// may not be narrower than a share takes its least width, and the others take
/// the share (the first ones one more when it does not divide).
fn share(widths: &mut [usize], open: &[usize], left: usize, natural: &[usize], least: &[usize]) {
    // Within least..=natural (least wins, should it be the greater).
    let at = |level: usize, i: usize| level.min(natural[i]).max(least[i]);
    let total = |level: usize| open.iter().map(|&i| at(level, i)).sum::<usize>();
    // The highest level that fits.
    let (mut low, mut high) = (0, open.iter().map(|&i| natural[i]).max().unwrap_or(0));
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if total(mid) <= left {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let mut extra = left.saturating_sub(total(low));
    for &i in open {
        widths[i] = at(low, i);
        if extra > 0 && widths[i] == low && low < natural[i] {
            widths[i] += 1;
            extra -= 1;
        }
    }
}

/// comfy-table's `ASCII_FULL` / `UTF8_FULL` looks (condensed without rules between
/// rows), with junctions on the ASCII line under the header so columns read straight
/// down.
fn style(border: Border, rules: Rules) -> TableStyle {
    let style = match border {
        Border::Ascii => TableStyle::new()
            .top_border(LineStyle::new('+', '-', '+', '+'))
            .header_lines(ContentLineStyle::new('|', '|', '|'))
            .header_separator(LineStyle::new('+', '=', '+', '+'))
            .content_lines(ContentLineStyle::new('|', '|', '|'))
            .row_separator(LineStyle::new('|', '-', '+', '|'))
            .bottom_border(LineStyle::new('+', '-', '+', '+')),
        Border::Unicode => comfy_table::presets::UTF8_FULL,
    };
    match rules {
        Rules::EveryRow => style,
        Rules::HeaderOnly => style.row_separator(LineStyle::none()),
    }
}

/// Header cells (bold when colour is on).
pub fn header(labels: &[&str]) -> Vec<Cell> {
    labels.iter().map(|l| header_cell(l)).collect()
}

/// One [`header`] cell.
pub fn header_cell(label: &str) -> Cell {
    Cell {
        bold: true,
        ..text_cell(label)
    }
}

/// A cell of text from a sheet or a label.
pub fn text_cell(s: &str) -> Cell {
    Cell {
        text: terminal_text(s),
        ..Cell::default()
    }
}

/// A right-aligned cell (numbers).
pub fn right_cell(s: impl AsRef<str>) -> Cell {
    Cell {
        right: true,
        ..text_cell(s.as_ref())
    }
}

/// A right-aligned value of an indicator (`1,298人`, `16以上`, `未定`): kept whole
/// as a figure is, as long as the table fits so; a long text wraps.
pub fn value_cell(s: impl AsRef<str>) -> Cell {
    let cell = right_cell(s);
    if cell.width() <= wrap::FIGURE {
        cell.whole()
    } else {
        cell
    }
}

/// Writes a table, each line ending with a newline.
pub fn write_table(out: &mut (impl Write + ?Sized), table: &Table) -> io::Result<()> {
    table.write_to(out)
}

/// Text made safe and aligned for a terminal: control characters made visible
/// ([`crate::render::terminal::clean`]) and the East Asian Ambiguous symbols that sheets
/// commonly hold replaced by forms of a fixed width (`①` → `(1)`, `※` → `＊`,
/// `○` → `〇`, `…` → `...`), so columns stay aligned whether the terminal draws
/// ambiguous characters narrow or wide. Only the `table` format does this; the other
/// formats keep the text as written.
pub fn terminal_text(s: &str) -> String {
    // A tab would jump to the terminal's next tab stop, out of its column.
    let cleaned = crate::render::terminal::clean(s).replace('\t', " ");
    if !cleaned.chars().any(is_ambiguous) {
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
fn is_ambiguous(c: char) -> bool {
    c.width() != c.width_cjk()
}

/// Display width in terminal cells (wide characters count two).
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Writes text made safe for a terminal and wrapped to the look's width, the first
/// line prefixed by `first_prefix` (continuation lines by as many spaces).
pub fn write_wrapped(
    out: &mut (impl Write + ?Sized),
    look: &Look,
    first_prefix: &str,
    text: &str,
) -> io::Result<()> {
    let prefix_width = display_width(first_prefix);
    let width = look.text_width().map(|w| w.saturating_sub(prefix_width));
    let pad = " ".repeat(prefix_width);
    let text = terminal_text(text);
    for (i, line) in wrap::fit(&text, width, true).iter().enumerate() {
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

/// Column alignment in a Markdown table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Writes a Markdown table; cells must already be escaped
/// ([`crate::render::markdown::text`]).
pub fn write_md_table<R: AsRef<[String]>>(
    out: &mut (impl Write + ?Sized),
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

/// A value for a CSV field: control characters made visible, and text that a
/// spreadsheet would take for a formula — starting with `= + - @`, also after
/// spaces (` =5+6`), and not a number — quoted with `'`.
pub fn csv_field(s: &str) -> String {
    let s = crate::render::terminal::escape(s);
    let start = s.trim_start();
    if start.starts_with(['=', '+', '-', '@']) && start.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a value with spaces before its `=` reached Excel as a formula.
    #[test]
    fn formulas_are_quoted_after_leading_spaces_too() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field(" =5+6"), "' =5+6");
        assert_eq!(csv_field("\u{3000}+1+1"), "'\u{3000}+1+1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-12.5"), "-12.5");
        assert_eq!(csv_field(" -3"), " -3");
        assert_eq!(csv_field("南加賀"), "南加賀");
    }

    fn look(width: Option<u16>) -> Look {
        Look {
            width,
            color: false,
            border: Border::Ascii,
        }
    }

    fn small(rules: Rules, width: Option<u16>) -> Table {
        let mut t = new_table(&look(width), rules);
        t.set_header(header(&["圏域", "数"]));
        t.add_row(vec![text_cell("南加賀"), right_cell("3")]);
        t.add_row(vec![text_cell("石川中央"), right_cell("12")]);
        t
    }

    #[test]
    fn ascii_borders_with_and_without_rules_between_rows() {
        assert_eq!(
            small(Rules::EveryRow, Some(80)).render(),
            "\
+----------+----+
| 圏域     | 数 |
+==========+====+
| 南加賀   |  3 |
|----------+----|
| 石川中央 | 12 |
+----------+----+"
        );
        assert_eq!(
            small(Rules::HeaderOnly, None).render(),
            "\
+----------+----+
| 圏域     | 数 |
+==========+====+
| 南加賀   |  3 |
| 石川中央 | 12 |
+----------+----+"
        );
    }

    #[test]
    fn unicode_borders() {
        let mut t = small(Rules::EveryRow, None);
        t.border = Border::Unicode;
        let s = t.render();
        assert!(
            s.starts_with("┌──────────┬────┐\n│ 圏域     ┆ 数 │\n╞══════════╪════╡"),
            "{s}"
        );
        assert!(s.contains("├╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌┤"), "{s}");
        assert!(s.ends_with("└──────────┴────┘"), "{s}");
    }

    #[test]
    fn colour_only_when_on() {
        let mut t = small(Rules::HeaderOnly, None);
        t.rows[0][1] = right_cell("3").color(Some(Color::Red));
        assert!(!t.render().contains('\u{1b}'));
        t.color = true;
        let s = t.render();
        assert!(s.contains("\u{1b}[1m"), "bold header: {s:?}");
        assert!(
            s.lines().nth(3).is_some_and(|l| l.contains('\u{1b}')),
            "{s:?}"
        );
        assert!(
            !s.lines().nth(4).is_some_and(|l| l.contains('\u{1b}')),
            "{s:?}"
        );
    }

    #[test]
    fn each_line_of_a_cell_is_written_beside_the_others() {
        let mut t = new_table(&look(Some(24)), Rules::EveryRow);
        t.add_row(vec![
            text_cell("a\nbbb\ncc"),
            text_cell("あいうえおかきくけこ"),
            text_cell("x"),
        ]);
        assert_eq!(
            t.render(),
            "\
+-----+------------+---+
| a   | あいうえお | x |
| bbb | かきくけこ |   |
| cc  |            |   |
+-----+------------+---+"
        );
    }

    #[test]
    fn wide_columns_share_the_room_and_wrap_with_kinsoku() {
        let mut t = new_table(&look(Some(30)), Rules::EveryRow);
        t.set_header(header(&["日付", "内容"]));
        t.add_row(vec![
            text_cell("10月"),
            text_cell("関係機関との連携を深め、協議の場を設ける。"),
        ]);
        let s = t.render();
        for line in s.lines() {
            // The short column kept its width; the long one took the rest.
            assert_eq!(display_width(line), 30, "{s}");
            assert!(!line.contains("| 。") && !line.contains("| 、"), "{s}");
        }
    }

    #[test]
    fn kept_columns_never_wrap() {
        let mut t = new_table(&look(Some(24)), Rules::HeaderOnly);
        t.set_header(header(&["commit", "subject"]));
        t.add_row(vec![
            text_cell("abc1234def"),
            text_cell("a fairly long subject line"),
        ]);
        t.keep_width(0);
        let s = t.render();
        assert!(s.contains("| abc1234def |"), "{s}");
    }

    /// A table like `history`'s: date, commit, subject, three values, assessment.
    fn history_like(width: u16) -> Table {
        let mut t = new_table(&look(Some(width)), Rules::HeaderOnly);
        t.set_header(header(&[
            "日付",
            "コミット",
            "件名",
            "第1回会議時",
            "今回",
            "目標値",
            "評価",
        ]));
        t.add_row(vec![
            text_cell("2018-10-01"),
            text_cell("a1b2c3d"),
            text_cell("南加賀: 地域移行数を更新"),
            right_cell("1"),
            right_cell("12"),
            right_cell("16以上"),
            text_cell("未達成、進捗 50%"),
        ]);
        t.add_row(vec![
            text_cell("2018-11-02"),
            text_cell("e4f5a6b"),
            text_cell("修正"),
            right_cell("1"),
            right_cell("14"),
            right_cell("6以上"),
            text_cell("達成"),
        ]);
        t
    }

    /// Issue 17 point 10: the history table split `第1回会議 / 時` and `1 / 6以上`.
    #[test]
    fn numbers_dates_and_short_headers_never_break() {
        for width in [70, 80] {
            let s = history_like(width).render();
            for line in s.lines() {
                assert!(display_width(line) <= usize::from(width), "{s}");
            }
            for whole in [
                "2018-10-01",
                "a1b2c3d",
                "第1回会議時",
                "16以上",
                " 6以上 |",
                "目標値",
            ] {
                assert!(s.contains(whole), "{whole} broken at {width}:\n{s}");
            }
        }
        // The text columns took the wrapping.
        assert!(history_like(70).render().lines().count() > 7);
    }

    #[test]
    fn a_table_too_narrow_for_whole_figures_still_fits() {
        // Headers give way first, then figures, then words.
        let s = history_like(60).render();
        assert!(s.contains("16以上") && s.contains("2018-10-01"), "{s}");
        assert!(!s.contains("第1回会議時"), "{s}");
        for width in [40, 50, 60] {
            let s = history_like(width).render();
            assert!(
                s.lines().all(|l| display_width(l) <= usize::from(width)),
                "{s}"
            );
        }
    }

    /// A verdict is a phrase kept whole while the table fits so, then broken
    /// between its words, never inside one: `当初か` / `ら達成` was drawn at 60
    /// columns.
    #[test]
    fn a_verdict_breaks_between_its_words_only() {
        let table = |width: u16| {
            let mut t = new_table(&look(Some(width)), Rules::HeaderOnly);
            t.set_header(header(&["指標", "判定", "進捗率"]));
            for (verdict, pct) in [("未達成", "50%"), ("達成", "当初から達成")] {
                t.add_row(vec![
                    text_cell("地域移行数を増やすための取り組みの数"),
                    text_cell(verdict).whole(),
                    right_cell(pct).whole(),
                ]);
            }
            t.render()
        };
        let wide = table(40);
        assert!(wide.contains("| 当初から達成 |"), "{wide}");
        let narrow = table(30);
        assert!(narrow.contains("| 未達成 |"), "{narrow}");
        assert!(narrow.contains("当初から |"), "{narrow}");
        assert!(!narrow.contains("ら達成"), "{narrow}");
        for s in [&wide, &narrow] {
            assert!(s.lines().all(|l| display_width(l) <= 40), "{s}");
        }
    }

    #[test]
    fn a_long_header_breaks_only_where_unicode_allows() {
        let mut t = new_table(&look(Some(30)), Rules::HeaderOnly);
        t.set_header(header(&["x", "progress against the target"]));
        t.add_row(vec![text_cell(&"y".repeat(20)), right_cell("1")]);
        let s = t.render();
        for word in ["progress", "against", "target"] {
            assert!(s.contains(word), "{word} broken:\n{s}");
        }
    }

    #[test]
    fn a_column_that_uses_less_than_its_share_gives_the_rest() {
        // Wrapped at its share, the first column's words leave room unused, which
        // the second column takes: the table is as wide as asked.
        let mut t = new_table(&look(Some(40)), Rules::EveryRow);
        t.add_row(vec![
            text_cell("aaaaaaaaaa bbbbbbbbbb cccccccccc"),
            text_cell(&"あ".repeat(30)),
        ]);
        let s = t.render();
        assert!(s.lines().all(|l| display_width(l) == 40), "{s}");
    }

    #[test]
    fn a_long_table_written_in_pieces_reads_as_drawn_whole() {
        for (border, rules, rows) in [
            (Border::Ascii, Rules::EveryRow, ROWS_AT_ONCE * 2 + 3),
            (Border::Unicode, Rules::HeaderOnly, ROWS_AT_ONCE * 2),
            (Border::Ascii, Rules::HeaderOnly, 0),
            (Border::Unicode, Rules::EveryRow, 1),
        ] {
            let mut t = new_table(&look(Some(30)), rules);
            t.border = border;
            t.set_header(header(&["圏域", "内容"]));
            for i in 0..rows {
                t.add_row(vec![
                    text_cell(&format!("圏域{i}")),
                    text_cell(&"あい。".repeat(i % 9)),
                ]);
            }
            let mut written = Vec::new();
            t.write_to(&mut written).unwrap();
            let written = String::from_utf8(written).unwrap();
            assert_eq!(written, t.render() + "\n", "{border:?} {rules:?} {rows}");
        }
    }

    #[test]
    fn no_width_no_wrap() {
        let mut t = new_table(&look(None), Rules::HeaderOnly);
        let long = "あ".repeat(200);
        t.add_row(vec![text_cell(&long)]);
        assert!(t.render().contains(&long));
    }

    /// comfy-table's widths are `u16`: a line wider than a column can be is cut
    /// there even without a width (`--width 0`).
    #[test]
    fn a_line_wider_than_comfy_table_can_draw_is_cut() {
        let mut t = new_table(&look(None), Rules::HeaderOnly);
        t.add_row(vec![text_cell(&"x".repeat(WIDEST_COLUMN + 10))]);
        let s = t.render();
        let widths: Vec<usize> = s.lines().map(display_width).collect();
        assert!(
            widths.iter().all(|&w| w == WIDEST_COLUMN + 4),
            "{:?}",
            &widths
        );
        assert_eq!(widths.len(), 4);
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
}
