//! Terminal tables: columns sized to their content and shrunk to fit the width,
//! cells wrapped with the Japanese line-break rules of [`super::wrap`], borders in
//! ASCII or box-drawing characters.
//!
//! The look is comfy-table's `ASCII_FULL` / `UTF8_FULL` presets (and their
//! condensed forms), which this module replaced: comfy-table wraps between any two
//! characters (a line may start with 。 or 」), and laying out a comparison of
//! thousands of regions — a hundred thousand lines — took it about a third of a
//! second, most of `sheet compare`'s time. Here a table is measured once and
//! written straight into one string; a table of many rows is written on all cores.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::{display_width, wrap_spans, Rules};
use crate::cli::Border;

/// A colour for a cell's text (when colour is on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Red,
    Green,
    Yellow,
    Magenta,
}

impl Color {
    /// The SGR parameter of the bright form of the colour.
    fn sgr(self) -> &'static str {
        match self {
            Color::Red => "91",
            Color::Green => "92",
            Color::Yellow => "93",
            Color::Magenta => "95",
        }
    }
}

/// How a cell's text sits in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellAlign {
    #[default]
    Left,
    Right,
}

/// One cell: text already made safe for a terminal ([`super::terminal_text`]),
/// owned or borrowed from what the table shows (a long table of a report's text
/// need not copy it).
#[derive(Debug, Clone, Default)]
pub struct Cell<'a> {
    text: Cow<'a, str>,
    /// The widest line of `text`, in terminal cells.
    width: usize,
    align: CellAlign,
    color: Option<Color>,
    bold: bool,
}

impl<'a> Cell<'a> {
    /// A cell of text that is already safe for a terminal.
    pub fn new(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        let text = text.into();
        let width = crate::core::text::plain_width(&text)
            .unwrap_or_else(|| text.split('\n').map(display_width).max().unwrap_or(0));
        Cell {
            text,
            width,
            ..Cell::default()
        }
    }

    /// A cell of text that is already safe for a terminal, whose widest line is
    /// `width` cells wide.
    pub(crate) fn measured(text: impl Into<Cow<'a, str>>, width: usize) -> Cell<'a> {
        Cell {
            text: text.into(),
            width,
            ..Cell::default()
        }
    }

    pub fn align(mut self, align: CellAlign) -> Cell<'a> {
        self.align = align;
        self
    }

    pub fn color(mut self, color: Option<Color>) -> Cell<'a> {
        self.color = color;
        self
    }

    pub fn bold(mut self) -> Cell<'a> {
        self.bold = true;
        self
    }

    /// The widest line of the cell, in terminal cells.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The cell with its text owned.
    pub fn into_owned(self) -> Cell<'static> {
        Cell {
            text: Cow::Owned(self.text.into_owned()),
            ..self
        }
    }
}

/// The characters of one kind of line: left end, fill, junction, right end.
struct Line {
    left: char,
    fill: char,
    junction: char,
    right: char,
}

struct Style {
    top: Line,
    header_separator: Line,
    row_separator: Option<Line>,
    bottom: Line,
    /// Left end, junction and right end of a line of text.
    content: (char, char, char),
}

fn style(border: Border, rules: Rules) -> Style {
    let line = |left, fill, junction, right| Line {
        left,
        fill,
        junction,
        right,
    };
    let every_row = rules == Rules::EveryRow;
    match border {
        Border::Ascii => Style {
            top: line('+', '-', '+', '+'),
            // Junctions on the line under the header, so columns read straight down.
            header_separator: line('+', '=', '+', '+'),
            row_separator: every_row.then(|| line('|', '-', '+', '|')),
            bottom: line('+', '-', '+', '+'),
            content: ('|', '|', '|'),
        },
        Border::Unicode => Style {
            top: line('┌', '─', '┬', '┐'),
            header_separator: line('╞', '═', '╪', '╡'),
            row_separator: every_row.then(|| line('├', '╌', '┼', '┤')),
            bottom: line('└', '─', '┴', '┘'),
            content: ('│', '┆', '│'),
        },
    }
}

/// Narrowest a wrapped column is made: one wide character.
const MIN_COLUMN: usize = 2;
/// Tables with more rows than this are written on all cores, in chunks of rows.
const PARALLEL_ROWS: usize = 256;
/// How many chunks of rows of a long table are made at once before being written.
const BATCH: usize = 8;

/// A table to lay out: a header, rows of cells, and how it is drawn.
#[derive(Debug, Clone)]
pub struct Grid<'a> {
    header: Option<Vec<Cell<'a>>>,
    rows: Vec<Vec<Cell<'a>>>,
    border: Border,
    rules: Rules,
    /// The width to fit, borders included; `None` for no limit.
    width: Option<usize>,
    color: bool,
    /// Columns that keep their content's width (dates, hashes).
    kept: Vec<usize>,
}

impl<'a> Grid<'a> {
    pub fn new(border: Border, rules: Rules, width: Option<usize>, color: bool) -> Grid<'a> {
        Grid {
            header: None,
            rows: Vec::new(),
            border,
            rules,
            width,
            color,
            kept: Vec::new(),
        }
    }

    pub fn set_header(&mut self, cells: Vec<Cell<'a>>) -> &mut Grid<'a> {
        self.header = Some(cells);
        self
    }

    pub fn add_row(&mut self, cells: Vec<Cell<'a>>) -> &mut Grid<'a> {
        self.rows.push(cells);
        self
    }

    /// Column `i` keeps the width of its content, never wrapping.
    pub fn keep_width(&mut self, i: usize) -> &mut Grid<'a> {
        self.kept.push(i);
        self
    }

    fn columns(&self) -> usize {
        self.header
            .iter()
            .chain(&self.rows)
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// The widest cell of each column.
    fn natural_widths(&self, columns: usize) -> Vec<usize> {
        let widest = |rows: &[Vec<Cell<'a>>]| {
            let mut w = vec![0; columns];
            for row in rows {
                for (i, cell) in row.iter().enumerate() {
                    w[i] = w[i].max(cell.width);
                }
            }
            w
        };
        let mut widths = if self.rows.len() > PARALLEL_ROWS {
            use rayon::prelude::*;
            self.rows.par_chunks(PARALLEL_ROWS).map(widest).reduce(
                || vec![0; columns],
                |a, b| a.into_iter().zip(b).map(|(x, y)| x.max(y)).collect(),
            )
        } else {
            widest(&self.rows)
        };
        for (i, cell) in self.header.iter().flatten().enumerate() {
            widths[i] = widths[i].max(cell.width);
        }
        // An empty column still shows one blank cell.
        widths.iter().map(|&w| w.max(1)).collect()
    }

    /// Column widths that fit the width: columns narrower than an even share of
    /// the room keep their width, and the others share what is left (each shrunk
    /// no narrower than [`MIN_COLUMN`]; a table that cannot fit goes wider). With
    /// the widths come the cells wrapped to them, so no cell is wrapped twice at a
    /// width.
    fn layout(&self, columns: usize) -> Layout {
        let natural = self.natural_widths(columns);
        let fits = |widths: Vec<usize>| Layout {
            wrapped: vec![None; widths.len()],
            widths,
        };
        let Some(limit) = self.width else {
            return fits(natural);
        };
        // Each column: its content, one space each side and a border; plus one.
        let room = limit.saturating_sub(1 + 3 * columns);
        if natural.iter().sum::<usize>() <= room {
            return fits(natural);
        }
        let kept = |i: &usize| self.kept.contains(i);
        let mut open: Vec<usize> = (0..columns).filter(|i| !kept(i)).collect();
        let left = room.saturating_sub((0..columns).filter(kept).map(|i| natural[i]).sum());
        let mut layout = fits(natural.clone());
        share_out(&mut layout.widths, &open, left, &natural);
        open.retain(|&i| layout.widths[i] < natural[i]);
        // A column wrapped at its share may use less (words kept whole, a cell of
        // short lines): it keeps its lines and gives what they leave to the
        // columns still wrapped, which are wrapped again to their new width. The
        // widest column, the one that usually takes what the others leave, waits
        // until they are settled, so it is wrapped once.
        let widest = open
            .iter()
            .copied()
            .max_by_key(|&i| (natural[i], usize::MAX - i));
        for deferred in [widest, None] {
            for _ in 0..columns {
                for &i in &open {
                    let stale = layout.wrapped[i]
                        .as_ref()
                        .is_none_or(|w| w.width != layout.widths[i]);
                    if stale && Some(i) != deferred {
                        layout.wrapped[i] = Some(self.wrap_column(i, layout.widths[i]));
                    }
                }
                // (column, the width its lines use)
                let used: Vec<(usize, usize)> = open
                    .iter()
                    .map(|&i| match &layout.wrapped[i] {
                        Some(w) if Some(i) != deferred => (i, w.used),
                        _ => (i, layout.widths[i]),
                    })
                    .collect();
                let done: Vec<(usize, usize)> = used
                    .iter()
                    .copied()
                    .filter(|&(i, u)| u < layout.widths[i])
                    .collect();
                let still: Vec<usize> = used
                    .iter()
                    .filter(|&&(i, u)| u >= layout.widths[i])
                    .map(|&(i, _)| i)
                    .collect();
                if done.is_empty() || still.is_empty() {
                    break;
                }
                for &(i, u) in &done {
                    layout.widths[i] = u;
                    // The lines fit the narrower width as they are.
                    if let Some(w) = &mut layout.wrapped[i] {
                        w.width = u;
                    }
                }
                let taken: usize = (0..columns)
                    .filter(|i| !still.contains(i))
                    .map(|i| layout.widths[i])
                    .sum();
                share_out(
                    &mut layout.widths,
                    &still,
                    room.saturating_sub(taken),
                    &natural,
                );
                open = still;
            }
        }
        for &i in &open {
            if layout.widths[i] >= natural[i] {
                layout.wrapped[i] = None;
            } else if layout.wrapped[i]
                .as_ref()
                .is_none_or(|w| w.width != layout.widths[i])
            {
                layout.wrapped[i] = Some(self.wrap_column(i, layout.widths[i]));
            }
        }
        layout
    }

    /// The cells of column `i` (header first) wrapped to `width`.
    fn wrap_column(&self, i: usize, width: usize) -> Wrapped {
        /// A cell's lines in the column (when it is wider) and the width of the
        /// widest.
        fn measure<'b>(
            cell: Option<&'b Cell<'_>>,
            fitter: &mut Fitter<'b>,
        ) -> (Option<Arc<[Measured]>>, usize) {
            let lines = cell
                .filter(|c| c.width > fitter.width)
                .map(|c| fitter.fit(&c.text));
            let used = match &lines {
                Some(lines) => lines.iter().map(|(_, w)| *w).max().unwrap_or(0),
                None => cell.map_or(0, |c| c.width),
            };
            (lines, used)
        }
        let chunk = |rows: &[Vec<Cell<'a>>]| {
            let mut fitter = Fitter::new(width);
            rows.iter()
                .map(|row| measure(row.get(i), &mut fitter))
                .collect::<Vec<_>>()
        };
        let header = self
            .header
            .as_ref()
            .map(|h| measure(h.get(i), &mut Fitter::new(width)));
        let measured: Vec<(Option<Arc<[Measured]>>, usize)> = if self.rows.len() > PARALLEL_ROWS {
            use rayon::prelude::*;
            self.rows
                .par_chunks(PARALLEL_ROWS)
                .flat_map_iter(chunk)
                .collect()
        } else {
            chunk(&self.rows)
        };
        let used = header
            .iter()
            .map(|(_, u)| *u)
            .chain(measured.iter().map(|(_, u)| *u))
            .max()
            .unwrap_or(0)
            .max(1);
        Wrapped {
            width,
            header: header.and_then(|(lines, _)| lines),
            rows: measured.into_iter().map(|(lines, _)| lines).collect(),
            used,
        }
    }

    /// The laid-out table, lines joined by `\n`, without a final line end.
    pub fn render(&self) -> String {
        self.render_rows(true)
    }

    /// The table as pieces to write one after the other, each line (the last
    /// one too) ending with `\n`: the rows of a long table come in chunks made on
    /// all cores, and are not copied together.
    pub fn pieces(&self) -> Vec<String> {
        self.pieces_made(true)
    }

    /// Writes the table, each line (the last one too) ending with `\n`. The rows
    /// of a long table are made on all cores a few chunks at a time and written as
    /// they come, so a table of a hundred thousand rows is never held whole.
    pub fn write_to(&self, out: &mut (impl std::io::Write + ?Sized)) -> std::io::Result<()> {
        self.emit(true, &mut |p| out.write_all(p.as_bytes()))
    }

    /// [`Grid::render`]; `parallel` lets a table of many rows be written in
    /// chunks on all cores (the output is the same either way).
    fn render_rows(&self, parallel: bool) -> String {
        let mut out = self.pieces_made(parallel).concat();
        out.pop();
        out
    }

    /// The pieces [`Grid::emit`] hands on, collected.
    fn pieces_made(&self, parallel: bool) -> Vec<String> {
        let mut pieces = Vec::new();
        let made: Result<(), std::convert::Infallible> = self.emit(parallel, &mut |p| {
            pieces.push(p);
            Ok(())
        });
        let Ok(()) = made;
        pieces
    }

    /// Hands the table to `each` in pieces, in order: the top with the header,
    /// the rows (in chunks of [`PARALLEL_ROWS`] made on all cores, [`BATCH`] chunks
    /// at a time, when `parallel` and the table is long), and the bottom line.
    fn emit<E>(
        &self,
        parallel: bool,
        each: &mut dyn FnMut(String) -> Result<(), E>,
    ) -> Result<(), E> {
        let columns = self.columns();
        let layout = self.layout(columns);
        let widths = &layout.widths;
        let style = style(self.border, self.rules);
        let rule = |line: &Line| {
            let mut s = String::new();
            s.push(line.left);
            for (i, w) in widths.iter().enumerate() {
                if i > 0 {
                    s.push(line.junction);
                }
                push_run(&mut s, line.fill, w + 2);
            }
            s.push(line.right);
            s.push('\n');
            s
        };
        let row_rule = style.row_separator.as_ref().map(rule);
        let mut top = rule(&style.top);
        // Room for a chunk of rows, each a line and its rule (more when wrapped,
        // or wide characters): made once instead of grown bit by bit.
        let line = top.len();
        let room = |rows: usize| rows * (line + row_rule.as_ref().map_or(0, String::len));
        if let Some(header) = &self.header {
            let mut fitters: Vec<Fitter<'_>> =
                layout.widths.iter().map(|&w| Fitter::new(w)).collect();
            self.write_row(&mut top, header, &layout, None, &style, &mut fitters);
            top.push_str(&rule(&style.header_separator));
        }
        let write_rows = |out: &mut String, first: usize, rows: &[Vec<Cell<'a>>]| {
            let mut fitters: Vec<Fitter<'_>> =
                layout.widths.iter().map(|&w| Fitter::new(w)).collect();
            for (n, row) in rows.iter().enumerate() {
                if let Some(r) = &row_rule {
                    if first + n > 0 {
                        out.push_str(r);
                    }
                }
                self.write_row(out, row, &layout, Some(first + n), &style, &mut fitters);
            }
        };
        if parallel && self.rows.len() > PARALLEL_ROWS {
            use rayon::prelude::*;
            each(top)?;
            let batch = PARALLEL_ROWS * BATCH;
            for (b, rows) in self.rows.chunks(batch).enumerate() {
                let chunks: Vec<String> = rows
                    .par_chunks(PARALLEL_ROWS)
                    .enumerate()
                    .map(|(k, rows)| {
                        let mut s = String::with_capacity(room(rows.len()));
                        write_rows(&mut s, b * batch + k * PARALLEL_ROWS, rows);
                        s
                    })
                    .collect();
                for chunk in chunks {
                    each(chunk)?;
                }
            }
            each(rule(&style.bottom))
        } else {
            let mut out = String::with_capacity(top.len() + room(self.rows.len()) + line);
            out.push_str(&top);
            write_rows(&mut out, 0, &self.rows);
            out.push_str(&rule(&style.bottom));
            each(out)
        }
    }

    /// Writes the lines of one row (`None`: the header): each cell in its lines
    /// (wrapped by the layout if it is wider than its column), padded, and
    /// coloured when colour is on.
    fn write_row<'b>(
        &self,
        out: &mut String,
        row: &'b [Cell<'a>],
        layout: &'b Layout,
        index: Option<usize>,
        style: &Style,
        fitters: &mut [Fitter<'b>],
    ) {
        static BLANK: Cell<'static> = Cell {
            text: Cow::Borrowed(""),
            width: 0,
            align: CellAlign::Left,
            color: None,
            bold: false,
        };
        let mut cells: Vec<(&Cell<'a>, Lines<'_>)> = layout
            .widths
            .iter()
            .zip(fitters)
            .enumerate()
            .map(|(i, (&w, fitter))| {
                let cell = row.get(i).unwrap_or(&BLANK);
                let column = layout.wrapped[i].as_ref();
                let wrapped = column.and_then(|wr| match index {
                    None => wr.header.as_deref(),
                    Some(r) => wr.rows.get(r).and_then(|l| l.as_deref()),
                });
                let text = &*cell.text;
                let lines = match (wrapped, column) {
                    (Some(lines), _) => Lines::Wrapped(text, lines, 0),
                    // Wider than a column the layout did not wrap (one that keeps
                    // its width): cut to it.
                    (None, None) if cell.width > w => Lines::Cut(text, fitter.fit(text), 0),
                    // A wrapped column's cell without lines fits it; were it wider,
                    // it would be cut all the same.
                    (None, Some(_)) if cell.width > w => Lines::Cut(text, fit(text, w).into(), 0),
                    (None, _) if memchr::memchr(b'\n', text.as_bytes()).is_none() => {
                        Lines::One(text, cell.width)
                    }
                    (None, _) => Lines::Text(text),
                };
                (cell, lines)
            })
            .collect();
        let height = cells
            .iter()
            .map(|(_, l)| l.count())
            .max()
            .unwrap_or(1)
            .max(1);
        let (left, junction, right) = style.content;
        for _ in 0..height {
            out.push(left);
            for (i, (&w, (cell, lines))) in layout.widths.iter().zip(&mut cells).enumerate() {
                if i > 0 {
                    out.push(junction);
                }
                let (text, used) = lines.next_line();
                let pad = w.saturating_sub(used);
                let styled = self.color && (cell.color.is_some() || cell.bold);
                if styled {
                    out.push_str("\u{1b}[");
                    if cell.bold {
                        out.push('1');
                    }
                    if let Some(c) = cell.color {
                        if cell.bold {
                            out.push(';');
                        }
                        out.push_str(c.sgr());
                    }
                    out.push('m');
                }
                out.push(' ');
                match cell.align {
                    CellAlign::Left => {
                        out.push_str(text);
                        push_spaces(out, pad);
                    }
                    CellAlign::Right => {
                        push_spaces(out, pad);
                        out.push_str(text);
                    }
                }
                out.push(' ');
                if styled {
                    out.push_str("\u{1b}[0m");
                }
            }
            out.push(right);
            out.push('\n');
        }
    }
}

/// Column widths, and the cells of the columns that had to be wrapped.
struct Layout {
    widths: Vec<usize>,
    wrapped: Vec<Option<Wrapped>>,
}

/// The cells of a column wrapped to its width: the lines of each cell that was
/// wider (`None` for a cell that fits as it is), and the widest line of all.
#[derive(Debug, Clone)]
struct Wrapped {
    /// The width of the column the lines are for (they may have been wrapped to
    /// a wider one, and fit this one).
    width: usize,
    header: Option<Arc<[Measured]>>,
    /// `None` for a cell that fits as it is.
    rows: Vec<Option<Arc<[Measured]>>>,
    used: usize,
}

/// The lines of a cell as written, one after the other: the text of the cell and
/// how it is split, and (for lines wrapped or cut) the next line to write.
enum Lines<'a> {
    /// A text of one line, and its width.
    One(&'a str, usize),
    /// The lines of a text with line ends, those still to write.
    Text(&'a str),
    /// Wrapped by the layout.
    Wrapped(&'a str, &'a [Measured], usize),
    /// Cut to a column that it is wider than (a column that keeps its width).
    Cut(&'a str, Arc<[Measured]>, usize),
    /// All written.
    Done,
}

impl<'a> Lines<'a> {
    fn count(&self) -> usize {
        match self {
            Lines::One(..) => 1,
            Lines::Text(t) => 1 + memchr::memchr_iter(b'\n', t.as_bytes()).count(),
            Lines::Wrapped(_, l, _) => l.len(),
            Lines::Cut(_, l, _) => l.len(),
            Lines::Done => 0,
        }
    }

    /// The next line and its width; nothing below the last one.
    fn next_line(&mut self) -> (&'a str, usize) {
        fn span<'t>(text: &'t str, lines: &[Measured], k: &mut usize) -> (&'t str, usize) {
            let line = lines
                .get(*k)
                .map_or(("", 0), |(span, w)| (&text[span.clone()], *w));
            *k += 1;
            line
        }
        match self {
            Lines::One(text, width) => {
                let line = (*text, *width);
                *self = Lines::Done;
                line
            }
            Lines::Text(rest) => {
                let rest: &'a str = rest;
                let line = match rest.split_once('\n') {
                    Some((line, after)) => {
                        *self = Lines::Text(after);
                        line
                    }
                    None => {
                        *self = Lines::Done;
                        rest
                    }
                };
                (line, display_width(line))
            }
            Lines::Wrapped(text, lines, k) => span(text, lines, k),
            Lines::Cut(text, lines, k) => span(text, lines, k),
            Lines::Done => ("", 0),
        }
    }
}

/// Gives `left` cells of width to the columns `open` in equal shares (the first
/// ones one more when it does not divide), none more than its content needs, none
/// narrower than [`MIN_COLUMN`] unless its content is.
fn share_out(widths: &mut [usize], open: &[usize], left: usize, natural: &[usize]) {
    let mut open: Vec<usize> = open.to_vec();
    let mut left = left;
    // Columns whose content fits in an even share take just that, until none does.
    loop {
        let Some(share) = left.checked_div(open.len()) else {
            return;
        };
        let (fit, wide): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| natural[i] <= share);
        for &i in &fit {
            widths[i] = natural[i];
        }
        if fit.is_empty() || wide.is_empty() {
            open = wide;
            break;
        }
        left -= fit.iter().map(|&i| natural[i]).sum::<usize>();
        open = wide;
    }
    if open.is_empty() {
        return;
    }
    let (share, mut extra) = (left / open.len(), left % open.len());
    for &i in &open {
        let bonus = usize::from(extra > 0);
        extra -= bonus;
        widths[i] = (share + bonus).max(MIN_COLUMN.min(natural[i]));
    }
}

/// A line, where it lies in the cell's text, and its display width.
type Measured = (Range<usize>, usize);

/// Wraps the cells of one column to one width ([`fit`]), remembering the last few
/// distinct texts: a column often repeats a cell (the region of each of a sheet's
/// questions, whom to ask about the same themes), and wrapping is the costly part
/// of laying out and writing a long table.
struct Fitter<'a> {
    width: usize,
    recent: Vec<(&'a str, Arc<[Measured]>)>,
    /// The entry of `recent` to replace next, once it is full.
    next: usize,
}

impl<'a> Fitter<'a> {
    /// How many texts are remembered: enough for the handful of cells that recur
    /// in a column, few enough that a column of distinct texts looks them over
    /// at little cost.
    const RECENT: usize = 8;

    fn new(width: usize) -> Fitter<'a> {
        Fitter {
            width,
            recent: Vec::new(),
            next: 0,
        }
    }

    fn fit(&mut self, text: &'a str) -> Arc<[Measured]> {
        if let Some((_, lines)) = self.recent.iter().find(|(t, _)| *t == text) {
            return Arc::clone(lines);
        }
        let lines: Arc<[Measured]> = fit(text, self.width).into();
        if self.recent.len() < Self::RECENT {
            self.recent.push((text, Arc::clone(&lines)));
        } else {
            self.recent[self.next] = (text, Arc::clone(&lines));
            self.next = (self.next + 1) % Self::RECENT;
        }
        lines
    }
}

/// Text wrapped to a column: [`wrap_spans`], and any line still too wide (a long run
/// that the line-break rules kept together) cut where it reaches the width.
fn fit(text: &str, width: usize) -> Vec<Measured> {
    let mut lines = Vec::new();
    for span in wrap_spans(text, Some(width)) {
        let line = &text[span.clone()];
        let w = display_width(line);
        if w <= width {
            lines.push((span, w));
            continue;
        }
        let (mut start, mut used) = (span.start, 0);
        for (i, c) in line.char_indices() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            let at = span.start + i;
            if used + w > width && at > start {
                lines.push((start..at, used));
                (start, used) = (at, 0);
            }
            used += w;
        }
        lines.push((start..span.end, used));
    }
    lines
}

/// Pushes `n` times the character `c` (the fill of a rule): an ASCII one a run of
/// bytes at a time.
fn push_run(out: &mut String, c: char, n: usize) {
    if !c.is_ascii() {
        out.extend(std::iter::repeat_n(c, n));
        return;
    }
    let run = [c as u8; 64];
    let run = std::str::from_utf8(&run).unwrap_or_default();
    let mut n = n;
    while n > 0 {
        let k = n.min(run.len());
        out.push_str(&run[..k]);
        n -= k;
    }
}

fn push_spaces(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        out.push_str(&SPACES[..k]);
        n -= k;
    }
}

impl std::fmt::Display for Grid<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> Cell<'static> {
        Cell::new(s.to_string())
    }

    fn grid(rules: Rules, width: Option<usize>) -> Grid<'static> {
        let mut g = Grid::new(Border::Ascii, rules, width, false);
        g.set_header(vec![cell("圏域"), cell("数")]);
        g.add_row(vec![cell("南加賀"), cell("3").align(CellAlign::Right)]);
        g.add_row(vec![cell("石川中央"), cell("12").align(CellAlign::Right)]);
        g
    }

    #[test]
    fn draws_like_comfy_tables_ascii_full() {
        assert_eq!(
            grid(Rules::EveryRow, Some(80)).render(),
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
            grid(Rules::HeaderOnly, None).render(),
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
    fn each_line_of_a_cell_is_written_beside_the_others() {
        // A cell of lines (one longer than the others), one wrapped by the
        // layout and one of a single line: each line in its place, padded.
        let mut g = Grid::new(Border::Ascii, Rules::EveryRow, Some(24), false);
        g.add_row(vec![
            cell("a\nbbb\ncc"),
            cell("あいうえおかきくけこ"),
            cell("x"),
        ]);
        assert_eq!(
            g.render(),
            "\
+-----+------------+---+
| a   | あいうえお | x |
| bbb | かきくけこ |   |
| cc  |            |   |
+-----+------------+---+"
        );
    }

    #[test]
    fn unicode_borders() {
        let mut g = grid(Rules::EveryRow, None);
        g.border = Border::Unicode;
        let s = g.render();
        assert!(s.starts_with("┌──────────┬────┐\n│ 圏域     ┆ 数 │\n╞══════════╪════╡"));
        assert!(s.contains("├╌╌╌╌╌╌╌╌╌╌┼╌╌╌╌┤"));
        assert!(s.ends_with("└──────────┴────┘"));
    }

    #[test]
    fn wide_columns_share_the_room_and_wrap_with_kinsoku() {
        let mut g = Grid::new(Border::Ascii, Rules::EveryRow, Some(30), false);
        g.set_header(vec![cell("日付"), cell("内容")]);
        g.add_row(vec![
            cell("10月"),
            cell("関係機関との連携を深め、協議の場を設ける。"),
        ]);
        let s = g.render();
        for line in s.lines() {
            assert!(display_width(line) <= 30, "{line}\n{s}");
            assert!(!line.contains("| 。"), "{s}");
        }
        // The short column kept its width; the long one took the rest.
        assert!(s.lines().all(|l| display_width(l) == 30), "{s}");
    }

    #[test]
    fn kept_columns_never_wrap() {
        let mut g = Grid::new(Border::Ascii, Rules::HeaderOnly, Some(24), false);
        g.set_header(vec![cell("commit"), cell("subject")]);
        g.add_row(vec![cell("abc1234def"), cell("a fairly long subject line")]);
        g.keep_width(0);
        let s = g.render();
        assert!(s.contains("| abc1234def |"), "{s}");
    }

    #[test]
    fn many_rows_lay_out_as_few_rows_do() {
        let mut g = Grid::new(Border::Ascii, Rules::EveryRow, Some(40), false);
        g.set_header(vec![cell("圏域"), cell("内容")]);
        // More rows than one batch of chunks, and a last batch not full.
        let n = PARALLEL_ROWS * BATCH * 2 + 100;
        for i in 0..n {
            g.add_row(vec![
                cell(&format!("圏域{i}")),
                cell(&"あい。".repeat(i % 9)),
            ]);
        }
        let parallel = g.render_rows(true);
        assert_eq!(parallel, g.render_rows(false));
        let mut streamed = Vec::new();
        g.write_to(&mut streamed).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            parallel.clone() + "\n"
        );
        assert_eq!(
            parallel.matches("\n|------").count(),
            n - 1,
            "a rule between rows"
        );
        assert!(parallel.lines().all(|l| display_width(l) == 40));
    }

    #[test]
    fn a_line_the_rules_keep_whole_is_still_cut_to_the_column() {
        let text = "(2019)）。(2020)）。";
        let lines = fit(text, 6);
        assert!(
            lines
                .iter()
                .all(|(l, w)| display_width(&text[l.clone()]) == *w && *w <= 6),
            "{lines:?}"
        );
        let joined: String = lines.into_iter().map(|(l, _)| &text[l]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn colour_wraps_the_padded_cell() {
        let mut g = Grid::new(Border::Ascii, Rules::HeaderOnly, None, true);
        g.set_header(vec![cell("a").bold()]);
        g.add_row(vec![cell("b").color(Some(Color::Red))]);
        let s = g.render();
        assert!(s.contains("|\u{1b}[1m a \u{1b}[0m|"), "{s:?}");
        assert!(s.contains("|\u{1b}[91m b \u{1b}[0m|"), "{s:?}");
        // Without colour, no escape at all.
        g.color = false;
        assert!(!g.render().contains('\u{1b}'));
    }

    proptest::proptest! {
        /// The fitter of a column gives what wrapping each text gives, whatever
        /// the order of repeats and however many texts it has forgotten since.
        #[test]
        fn a_fitter_wraps_as_fit_does(
            picks in proptest::collection::vec(0usize..12, 0..60),
            width in 4usize..12,
        ) {
            let pool: Vec<String> = (0..12)
                .map(|k| format!("病院との連携 {k} について、{}", "あ".repeat(k)))
                .collect();
            let mut fitter = Fitter::new(width);
            for k in picks {
                let (got, want) = (fitter.fit(&pool[k]), fit(&pool[k], width));
                proptest::prop_assert_eq!(&*got, want.as_slice());
            }
        }
    }
}
