//! Where a finding points: the whole file, a span of a text file or a cell of a
//! workbook.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

use super::source::Source;

/// The place of a value, a key or a table in the file it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole: a finding about it rather than about a place in it
    /// (a link not followed, a file too large to read, bytes that are no
    /// workbook).
    File,
    /// A byte span of a text file (a TOML sheet); turned into a line and column
    /// only when shown.
    Text(Range<usize>),
    /// A cell of a workbook.
    Cell(CellRef),
}

impl Default for Place {
    fn default() -> Place {
        Place::Text(0..0)
    }
}

impl From<Range<usize>> for Place {
    fn from(span: Range<usize>) -> Place {
        Place::Text(span)
    }
}

impl From<CellRef> for Place {
    fn from(cell: CellRef) -> Place {
        Place::Cell(cell)
    }
}

impl Place {
    /// The byte span, for a place in a text file.
    pub fn span(&self) -> Option<Range<usize>> {
        match self {
            Place::Text(span) => Some(span.clone()),
            Place::File | Place::Cell(_) => None,
        }
    }

    /// Where a person finds the place: a line and column of `source`, a cell, or
    /// the file itself.
    pub fn position(&self, source: Option<&Source>) -> Position {
        match self {
            Place::File => Position::File,
            Place::Text(span) => {
                let (line, column) = source.map_or((1, 1), |s| s.line_col(span.start));
                Position::Line { line, column }
            }
            Place::Cell(cell) => Position::Cell(cell.clone()),
        }
    }
}

/// Places of one file sort in reading order: the file itself first, then text by
/// offset, cells by worksheet, row and column.
impl Ord for Place {
    fn cmp(&self, other: &Place) -> Ordering {
        match (self, other) {
            (Place::File, Place::File) => Ordering::Equal,
            (Place::File, _) => Ordering::Less,
            (_, Place::File) => Ordering::Greater,
            (Place::Text(a), Place::Text(b)) => (a.start, a.end).cmp(&(b.start, b.end)),
            (Place::Cell(a), Place::Cell(b)) => a.cmp(b),
            (Place::Text(_), Place::Cell(_)) => Ordering::Less,
            (Place::Cell(_), Place::Text(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Place) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A cell of a workbook: the worksheet's name and a 0-based row and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub worksheet: String,
    pub row: u32,
    pub column: u32,
}

impl CellRef {
    pub fn new(worksheet: impl Into<String>, row: u32, column: u32) -> CellRef {
        CellRef {
            worksheet: worksheet.into(),
            row,
            column,
        }
    }

    /// The cell's A1 reference without the worksheet (`F3`).
    pub fn a1(&self) -> String {
        format!("{}{}", column_letters(self.column), u64::from(self.row) + 1)
    }
}

/// `指標!F3`.
impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}", self.worksheet, self.a1())
    }
}

/// A column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(column: u32) -> String {
    let mut n = u64::from(column) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A place as a person looks it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// 1-based line and character column of a text file.
    Line {
        line: usize,
        column: usize,
    },
    Cell(CellRef),
    /// The file as a whole ([`Place::File`]).
    File,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_excel_writes_them() {
        assert_eq!(CellRef::new("指標", 2, 5).to_string(), "指標!F3");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
    }

    #[test]
    fn places_sort_in_reading_order() {
        let mut places = vec![
            Place::Cell(CellRef::new("指標", 1, 0)),
            Place::Text(10..12),
            Place::Cell(CellRef::new("指標", 0, 3)),
            Place::Text(2..5),
        ];
        places.push(Place::File);
        places.sort();
        assert_eq!(
            places,
            [
                Place::File,
                Place::Text(2..5),
                Place::Text(10..12),
                Place::Cell(CellRef::new("指標", 0, 3)),
                Place::Cell(CellRef::new("指標", 1, 0)),
            ]
        );
    }

    #[test]
    fn a_text_place_is_shown_by_line_and_column() {
        let source = Source::new("t.toml", "a = 1\nregion = \"南加賀\"\n");
        let at = source.text.find('"').unwrap_or(0);
        assert_eq!(
            Place::Text(at..at + 1).position(Some(&source)),
            Position::Line {
                line: 2,
                column: 10
            }
        );
    }
}
