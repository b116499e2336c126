//! A workbook's worksheets as a [`Doc`] (SPEC §6): worksheets by name, columns by
//! header, one table per row, lists from `・` lines; and the findings only a
//! workbook can have (an unknown worksheet or header, a progress row naming no
//! goal, a cell of a kind no value is). Every other check is the loader's, on the
//! text written from the tree.

use std::collections::BTreeMap;

use crate::core::diag::{Diagnostic, Msg};
use crate::core::keys::Table as Kind;
use crate::core::place::CellRef;
use crate::core::text;

use super::cells::{CellValue, Worksheet};
use super::doc::{Challenge, Doc, Goal, Table, Value, ValueKind};
use super::layout::{self, Column, HeaderProblem, Part, CONTENT, FIELD, GOAL, NUMBER};

/// The tree of a workbook, and the findings made while building it (at cells).
#[derive(Debug, Default)]
pub struct Converted {
    pub doc: Doc,
    pub findings: Vec<Diagnostic>,
}

/// Builds the tree of a workbook from its worksheets.
pub fn convert(worksheets: &[Worksheet]) -> Converted {
    let mut c = Converter::default();
    let mut parts: Vec<(Part, &Worksheet)> = Vec::new();
    for ws in worksheets {
        match Part::find(&ws.name) {
            Some(part) if !part.is_read() => {}
            Some(part) if !parts.iter().any(|(p, _)| *p == part) => parts.push((part, ws)),
            _ => c.find(
                CellRef::new(&ws.name, 0, 0),
                Msg::UnknownWorksheet(ws.name.clone()),
            ),
        }
    }
    let get = |part: Part| parts.iter().find(|(p, _)| *p == part).map(|(_, ws)| *ws);

    let mut doc = Doc::default();
    if let Some(ws) = get(Part::Sheet) {
        let (format, mut table) = c.sheet(ws);
        doc.format = format;
        for part in [Part::Strengths, Part::Concerns, Part::Questions] {
            if let Some(ws) = get(part) {
                if let Some((key, list)) = c.list(part, ws) {
                    table.push(key, list);
                }
            }
        }
        doc.sheet = Some(table);
    }
    if let Some(ws) = get(Part::Goals) {
        doc.goals = c.goals(ws, get(Part::Progress));
    } else if let Some(ws) = get(Part::Progress) {
        // Progress with no goals to belong to.
        c.goals_of_progress(ws, &[], &mut []);
    }
    if let Some(ws) = get(Part::Challenges) {
        doc.challenges = c.challenges(ws);
    }
    if let Some(ws) = get(Part::Indicators) {
        doc.indicators = c.indicators(ws);
    }
    if let Some(ws) = get(Part::Hospital) {
        doc.hospital_collaboration = c.rows(Part::Hospital, ws, "text");
    }
    Converted {
        doc,
        findings: c.findings,
    }
}

#[derive(Debug, Default)]
struct Converter {
    findings: Vec<Diagnostic>,
}

/// A worksheet with its columns found: column index → column of the layout.
struct Grid<'a> {
    ws: &'a Worksheet,
    columns: BTreeMap<u32, Column>,
}

/// One data row: its index and its non-blank cells in known columns.
struct Row<'a> {
    row: u32,
    cells: Vec<(Column, u32, &'a CellValue)>,
}

impl Grid<'_> {
    fn cell(&self, row: u32, column: u32) -> CellRef {
        CellRef::new(&self.ws.name, row, column)
    }

    /// The column holding `key`, if the worksheet has one.
    fn column_of(&self, key: &str) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, c)| c.key == key)
            .map(|(i, _)| *i)
    }

    /// The rows below the headers that hold something in a known column, in order.
    fn rows(&self) -> Vec<Row<'_>> {
        let mut rows: Vec<Row<'_>> = Vec::new();
        for (&(r, col), value) in self.ws.cells.range((1, 0)..) {
            let Some(column) = self.columns.get(&col) else {
                continue;
            };
            if is_blank(value) {
                continue;
            }
            match rows.last_mut() {
                Some(last) if last.row == r => last.cells.push((*column, col, value)),
                _ => rows.push(Row {
                    row: r,
                    cells: vec![(*column, col, value)],
                }),
            }
        }
        rows
    }
}

impl Row<'_> {
    fn get(&self, key: &str) -> Option<(u32, &CellValue)> {
        self.cells
            .iter()
            .find(|(c, _, _)| c.key == key)
            .map(|(_, col, v)| (*col, *v))
    }
}

impl Converter {
    fn find(&mut self, cell: CellRef, msg: Msg) {
        self.findings.push(Diagnostic::new(cell, msg));
    }

    /// Finds the columns of a worksheet by the headers of row 1. Unknown and
    /// repeated headers are findings, as is a column that holds data under no
    /// header; the data of such columns is not read.
    fn grid<'a>(&mut self, part: Part, ws: &'a Worksheet) -> Grid<'a> {
        let mut columns: BTreeMap<u32, Column> = BTreeMap::new();
        let mut headed: Vec<u32> = Vec::new();
        for (&(_, col), value) in ws.cells.range((0, 0)..=(0, u32::MAX)) {
            let written = display(value);
            if text::is_blank(&written) {
                continue;
            }
            headed.push(col);
            let cell = CellRef::new(&ws.name, 0, col);
            let problem = match part.column(&written) {
                Some(c) if columns.values().any(|k| k.key == c.key) => HeaderProblem::Duplicate,
                Some(c) => {
                    columns.insert(col, c);
                    continue;
                }
                None => HeaderProblem::Unknown,
            };
            self.find(
                cell,
                Msg::BadHeader {
                    part,
                    written,
                    problem,
                },
            );
        }
        let mut unheaded: Vec<u32> = ws
            .cells
            .range((1, 0)..)
            .filter(|((_, col), v)| !headed.contains(col) && !is_blank(v))
            .map(|((_, col), _)| *col)
            .collect();
        unheaded.sort_unstable();
        unheaded.dedup();
        for col in unheaded {
            self.find(
                CellRef::new(&ws.name, 0, col),
                Msg::BadHeader {
                    part,
                    written: String::new(),
                    problem: HeaderProblem::Blank,
                },
            );
        }
        Grid { ws, columns }
    }

    /// A cell as a value of `column`, or a finding when no value can be that cell.
    fn value(&mut self, column: Column, cell: CellRef, v: &CellValue) -> Option<Value> {
        let kind = match v {
            CellValue::Text(s) => {
                let s = if s.contains('\r') {
                    s.replace("\r\n", "\n")
                } else {
                    s.clone()
                };
                match column.key {
                    "actions" => match list_items(&s) {
                        Some(items) => items_of(items, &cell),
                        None => ValueKind::List(vec![Value::new(
                            ValueKind::Str(layout::unescape_text(&s)),
                            Some(cell.clone()),
                        )]),
                    },
                    key if layout::view_of(key).is_some() => match list_items(&s) {
                        Some(items) => items_of(items, &cell),
                        None => ValueKind::Str(layout::unescape_text(&s)),
                    },
                    "better" => match layout::better_of(&s) {
                        Some(b) => ValueKind::Str(b.as_str().to_string()),
                        None => ValueKind::Str(s),
                    },
                    _ => ValueKind::Str(s),
                }
            }
            CellValue::Number(f) => number(*f),
            // As it shows (`25%`); an indicator's value is made a number by
            // [`percent_values`].
            CellValue::Percent(_) => ValueKind::Str(display(v)),
            CellValue::Date(d) => ValueKind::Date(*d),
            CellValue::DateTime(_)
            | CellValue::Bool(_)
            | CellValue::Error(_)
            | CellValue::Formula(_) => {
                self.find(
                    cell,
                    Msg::BadCell {
                        column: column.label,
                        value: v.clone(),
                    },
                );
                return None;
            }
        };
        Some(Value::new(kind, Some(cell)))
    }

    /// A row as a table: a key for each filled cell, a slot for each empty one.
    /// The table's place is the cell of `main` (its text or name), else the first.
    fn table(
        &mut self,
        grid: &Grid<'_>,
        row: &Row<'_>,
        kind: Kind,
        main: &str,
        keys: &[&str],
    ) -> Table {
        let place = row
            .get(main)
            .map(|(col, _)| col)
            .or_else(|| row.cells.first().map(|(_, col, _)| *col))
            .map(|col| grid.cell(row.row, col));
        let mut table = Table::at(place);
        for (&col, column) in &grid.columns {
            if !keys.contains(&column.key) {
                continue;
            }
            let cell = grid.cell(row.row, col);
            let value = row
                .cells
                .iter()
                .find(|(_, c, _)| *c == col)
                .and_then(|(_, _, v)| self.value(*column, cell.clone(), v));
            match value {
                Some(v) => table.push(column.key, v),
                None => table.slots.push((column.key, cell)),
            }
        }
        in_key_order(&mut table, kind);
        table
    }

    /// `シート`: one field a row, by `項目` and `内容`. `形式` goes to the top.
    fn sheet(&mut self, ws: &Worksheet) -> (Option<Value>, Table) {
        let grid = self.grid(Part::Sheet, ws);
        let mut table = Table::at(Some(grid.cell(0, 0)));
        let mut format = None;
        let mut seen: Vec<&str> = Vec::new();
        let content_col = grid.column_of(CONTENT);
        for row in grid.rows() {
            let field = row.get(FIELD);
            let content = row.get(CONTENT);
            let Some((field_col, field_value)) = field else {
                // A value with no field to be.
                let col = grid.column_of(FIELD).unwrap_or(0);
                self.find(
                    grid.cell(row.row, col),
                    Msg::BadHeader {
                        part: Part::Sheet,
                        written: String::new(),
                        problem: HeaderProblem::Blank,
                    },
                );
                continue;
            };
            let written = display(field_value);
            let field_cell = grid.cell(row.row, field_col);
            let Some(column) = layout::sheet_field(&written) else {
                self.find(
                    field_cell,
                    Msg::BadHeader {
                        part: Part::Sheet,
                        written,
                        problem: HeaderProblem::Unknown,
                    },
                );
                continue;
            };
            if seen.contains(&column.key) {
                self.find(
                    field_cell,
                    Msg::BadHeader {
                        part: Part::Sheet,
                        written,
                        problem: HeaderProblem::Duplicate,
                    },
                );
                continue;
            }
            seen.push(column.key);
            let value = content.and_then(|(col, v)| self.value(column, grid.cell(row.row, col), v));
            match (value, column.key) {
                (Some(v), "format") => format = Some(v),
                (Some(v), key) => table.push(key, v),
                (None, key) => {
                    let col = content.map(|(c, _)| c).or(content_col).unwrap_or(field_col);
                    table.slots.push((key, grid.cell(row.row, col)));
                }
            }
        }
        in_key_order(&mut table, Kind::Sheet);
        (format, table)
    }

    /// `強み`, `課題・悩み`, `他自治体への質問`: one item a row.
    fn list(&mut self, part: Part, ws: &Worksheet) -> Option<(&'static str, Value)> {
        let grid = self.grid(part, ws);
        let (&col, column) = grid.columns.iter().next()?;
        let mut items = Vec::new();
        for row in grid.rows() {
            for (_, c, v) in &row.cells {
                let cell = grid.cell(row.row, *c);
                let item = match v {
                    // One item a row: `・` lines stay one string.
                    CellValue::Text(s) => Some(Value::new(
                        ValueKind::Str(s.replace("\r\n", "\n")),
                        Some(cell),
                    )),
                    other => self.value(*column, cell, other),
                };
                items.extend(item);
            }
        }
        (!items.is_empty()).then(|| {
            (
                column.key,
                Value::new(ValueKind::List(items), Some(grid.cell(0, col))),
            )
        })
    }

    /// `達成目標`, with the rows of `進捗` under the goals they name.
    fn goals(&mut self, ws: &Worksheet, progress: Option<&Worksheet>) -> Vec<Goal> {
        let grid = self.grid(Part::Goals, ws);
        let mut numbers = Vec::new();
        let mut goals = Vec::new();
        for (i, row) in grid.rows().iter().enumerate() {
            let number = row
                .get(NUMBER)
                .and_then(|(_, v)| goal_number(v))
                .unwrap_or_else(|| (i + 1).to_string());
            numbers.push(number);
            goals.push(Goal {
                table: self.table(&grid, row, Kind::Goal, "text", &["text", "indicator", "id"]),
                progress: Vec::new(),
            });
        }
        if let Some(ws) = progress {
            self.goals_of_progress(ws, &numbers, &mut goals);
        }
        goals
    }

    /// Puts each row of `進捗` under the goal its `目標番号` names. A blank
    /// `目標番号` continues the goal of the row above (rows grouped under a goal
    /// without merging the cell); with one goal, it may be left out altogether.
    fn goals_of_progress(&mut self, ws: &Worksheet, numbers: &[String], goals: &mut [Goal]) {
        let grid = self.grid(Part::Progress, ws);
        let rows = grid.rows();
        let goal_col = grid.column_of(GOAL);
        if goal_col.is_none() && goals.len() != 1 && !rows.is_empty() {
            self.find(
                grid.cell(0, 0),
                Msg::Missing {
                    key: GOAL,
                    table: Kind::Progress,
                },
            );
            return;
        }
        let keys = ["date", "status", "text", "rescheduled_from", "note"];
        let mut last: Option<usize> = (goals.len() == 1).then_some(0);
        for row in &rows {
            let goal = match row.get(GOAL) {
                Some((col, v)) => {
                    let written = display(v);
                    let found = goal_number(v).and_then(|n| numbers.iter().position(|k| *k == n));
                    if found.is_none() {
                        self.find(
                            grid.cell(row.row, col),
                            Msg::UnknownGoal {
                                written,
                                known: numbers.to_vec(),
                            },
                        );
                        continue;
                    }
                    found
                }
                None => last,
            };
            let Some(goal) = goal else {
                let col = goal_col.unwrap_or(0);
                self.find(
                    grid.cell(row.row, col),
                    Msg::Missing {
                        key: GOAL,
                        table: Kind::Progress,
                    },
                );
                continue;
            };
            last = Some(goal);
            let table = self.table(&grid, row, Kind::Progress, "text", &keys);
            if let Some(g) = goals.get_mut(goal) {
                g.progress.push(table);
            }
        }
    }

    fn challenges(&mut self, ws: &Worksheet) -> Vec<Challenge> {
        let grid = self.grid(Part::Challenges, ws);
        let views: Vec<&str> = crate::core::model::View::ALL
            .iter()
            .map(|v| v.key())
            .collect();
        grid.rows()
            .iter()
            .map(|row| {
                let table = self.table(
                    &grid,
                    row,
                    Kind::Challenge,
                    "text",
                    &["text", "actions", "id"],
                );
                let mut v = self.table(&grid, row, Kind::Views, "text", &views);
                v.place = table.place.clone();
                Challenge {
                    table,
                    views: Some(v),
                }
            })
            .collect()
    }

    /// `指標`, a row each, with the values typed as percentages made numbers.
    fn indicators(&mut self, ws: &Worksheet) -> Vec<Table> {
        let grid = self.grid(Part::Indicators, ws);
        let keys: Vec<&str> = Part::Indicators.columns().iter().map(|c| c.key).collect();
        grid.rows()
            .iter()
            .map(|row| {
                let mut table = self.table(&grid, row, Kind::Indicator, "name", &keys);
                percent_values(&mut table, row);
                table
            })
            .collect()
    }

    fn rows(&mut self, part: Part, ws: &Worksheet, main: &str) -> Vec<Table> {
        let grid = self.grid(part, ws);
        let kind = part.table().unwrap_or(Kind::Top);
        let keys: Vec<&str> = part.columns().iter().map(|c| c.key).collect();
        grid.rows()
            .iter()
            .map(|row| self.table(&grid, row, kind, main, &keys))
            .collect()
    }
}

/// The keys of an indicator's values.
const VALUE_KEYS: [&str; 3] = ["baseline", "current", "target"];

/// An indicator's values typed as percentages (`25%`, a number cell in a percent
/// format, SPEC §6): the number shown, 25, in the unit `%`. Where the indicator's
/// `単位` is `%` (or `％`) the value is that number, as if typed bare; where `単位`
/// is blank the percent format gives the indicator its unit, as a value written
/// `"25%"` would (SPEC §1.5) — but with no `number-as-text`, since nothing was
/// written as text. Where `単位` is another unit the value stays `"25%"`, which
/// the loader reports as `unit-mismatch` at its cell: never silently a number of
/// the wrong unit.
fn percent_values(table: &mut Table, row: &Row<'_>) {
    let percents: Vec<(&str, f64)> = VALUE_KEYS
        .iter()
        .filter_map(|key| match row.get(key) {
            Some((_, CellValue::Percent(p))) => Some((*key, *p)),
            _ => None,
        })
        .collect();
    let Some(&(first, _)) = percents.first() else {
        return;
    };
    let unit = table.get("unit").map(|u| match &u.kind {
        ValueKind::Str(s) => text::normalize(s),
        _ => String::new(),
    });
    match unit.as_deref() {
        Some("%") => {}
        None => {
            // At the first percentage: what gave the indicator its unit.
            let place = table.get(first).and_then(|v| v.place.clone());
            table.slots.retain(|(k, _)| *k != "unit");
            table.push("unit", Value::new(ValueKind::Str("%".into()), place));
            in_key_order(table, Kind::Indicator);
        }
        Some(_) => return,
    }
    for (key, p) in percents {
        if let Some(e) = table.entries.iter_mut().find(|e| e.key == key) {
            e.value.kind = number(p);
        }
    }
}

/// Keys in the order of format 1 (`text` first), whatever the columns' order.
fn in_key_order(table: &mut Table, kind: Kind) {
    let keys = kind.keys();
    table
        .entries
        .sort_by_key(|e| keys.iter().position(|k| *k == e.key).unwrap_or(keys.len()));
}

/// A cell with nothing but spaces counts as empty.
fn is_blank(v: &CellValue) -> bool {
    matches!(v, CellValue::Text(s) if text::is_blank(s))
}

/// A cell as text, for headers, fields and goal numbers.
fn display(v: &CellValue) -> String {
    match v {
        CellValue::Text(s) => s.clone(),
        CellValue::Number(f) => match number(*f) {
            ValueKind::Int(i) => i.to_string(),
            _ => f.to_string(),
        },
        CellValue::Percent(p) => match number(*p) {
            ValueKind::Int(i) => format!("{i}%"),
            _ => format!("{p}%"),
        },
        CellValue::Date(d) => d.to_string(),
        CellValue::DateTime(s) | CellValue::Error(s) | CellValue::Formula(s) => s.clone(),
        CellValue::Bool(b) => b.to_string(),
    }
}

/// A goal's number as compared: `1`, `"1"`, `"１"` and `"1."` are the same goal.
fn goal_number(v: &CellValue) -> Option<String> {
    let n = text::normalize(&display(v));
    let n = n.trim_end_matches(['.', '．', '、']).trim();
    (!n.is_empty()).then(|| n.to_string())
}

/// A number cell: an integer when it is one (and exactly representable), else a
/// float.
fn number(f: f64) -> ValueKind {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if f.fract() == 0.0 && f.abs() < EXACT {
        ValueKind::Int(f as i64)
    } else {
        ValueKind::Float(f)
    }
}

/// The items of a cell holding a list: two items or more, each starting on a line
/// with `・` (text before the first mark means the cell is not a list). A line
/// without the mark continues the item above, so an item written with a line
/// break inside comes back whole. Items lose the mark and surrounding spaces.
fn list_items(s: &str) -> Option<Vec<String>> {
    let mut items: Vec<String> = Vec::new();
    for line in s.lines() {
        if layout::starts_item(line) {
            // Only the end of a whole item is trimmed (below): a line break inside
            // keeps what stands before it.
            let l = line.trim_start();
            let rest = l.char_indices().nth(1).map_or("", |(i, _)| &l[i..]);
            items.push(rest.trim_start().to_string());
        } else if let Some(item) = items.last_mut() {
            item.push('\n');
            item.push_str(layout::unescape_line(line));
        } else if !line.trim().is_empty() {
            return None;
        }
    }
    if items.len() < 2 {
        return None;
    }
    for item in &mut items {
        item.truncate(item.trim_end().len());
    }
    Some(items)
}

fn items_of(items: Vec<String>, cell: &CellRef) -> ValueKind {
    ValueKind::List(
        items
            .into_iter()
            .map(|s| Value::new(ValueKind::Str(s), Some(cell.clone())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_two_lines_or_more_each_marked() {
        assert_eq!(
            list_items("・一つ目\n ・二つ目 \n\n"),
            Some(vec!["一つ目".to_string(), "二つ目".to_string()])
        );
        // The half-width mark is the same under NFKC.
        assert_eq!(list_items("･a\n･b"), Some(vec!["a".into(), "b".into()]));
        assert_eq!(list_items("・一つだけ"), None);
        assert_eq!(list_items("・一つ目\n二つ目"), None);
        assert_eq!(list_items("普通の文\n二行目"), None);
        assert_eq!(list_items("前置き\n・一つ目\n・二つ目"), None);
        // A line without the mark continues the item above (an item with a line
        // break in it, as `export` writes it).
        assert_eq!(
            list_items("・a\nb\n・c\n"),
            Some(vec!["a\nb".to_string(), "c".to_string()])
        );
        // A line of an item that starts with the mark itself is written escaped.
        assert_eq!(
            list_items("・a\n\u{2060}・b\n・c"),
            Some(vec!["a\n・b".to_string(), "c".to_string()])
        );
        assert_eq!(
            list_items("・一つ目\n\n  二行目\n・二つ目"),
            Some(vec!["一つ目\n\n  二行目".to_string(), "二つ目".to_string()])
        );
    }

    #[test]
    fn numbers_are_integers_when_they_are() {
        assert_eq!(number(11.0), ValueKind::Int(11));
        assert_eq!(number(-3.0), ValueKind::Int(-3));
        assert_eq!(number(12.5), ValueKind::Float(12.5));
        assert_eq!(number(1e20), ValueKind::Float(1e20));
        assert!(matches!(number(f64::NAN), ValueKind::Float(f) if f.is_nan()));
    }

    #[test]
    fn goal_numbers_compare_loosely() {
        let n = |v: CellValue| goal_number(&v);
        assert_eq!(n(CellValue::Number(1.0)), Some("1".into()));
        assert_eq!(n(CellValue::Text("１".into())), Some("1".into()));
        assert_eq!(n(CellValue::Text("2.".into())), Some("2".into()));
        assert_eq!(n(CellValue::Text(" ".into())), None);
    }
}
