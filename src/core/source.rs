//! Bytes to text: encoding checks, line index, and byte span to line/column.

use std::ops::Range;

/// A sheet's text as read from disk (or from git), ready to parse.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as shown to the user.
    pub name: String,
    /// The text without a leading BOM.
    pub text: String,
    /// Byte offsets of line starts, computed when a position is first shown.
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// Why bytes could not be taken as a sheet's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingProblem {
    /// UTF-16 (with a BOM or by the pattern of NUL bytes).
    Utf16 { big_endian: bool },
    /// Decodes cleanly as Shift_JIS (CP932).
    ShiftJis,
    /// Decodes cleanly as EUC-JP.
    EucJp,
    /// Neither: binary data or an unknown encoding. `offset` is the first bad byte.
    NotUtf8 { offset: usize, byte: u8 },
}

/// The encoding failure together with where it was found.
#[derive(Debug, Clone)]
pub struct EncodingError {
    pub problem: EncodingProblem,
    /// Valid text before the problem, for the line/column of the report.
    pub prefix: String,
}

const BOM: &str = "\u{feff}";

impl Source {
    /// Takes bytes as UTF-8 text. A UTF-8 BOM is dropped; CRLF is kept (TOML accepts it).
    /// UTF-16, Shift_JIS and anything else that is not UTF-8 is refused, never converted.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Source, EncodingError> {
        Source::from_vec(name, bytes.to_vec())
    }

    /// [`Source::from_bytes`] taking the bytes, so the text is not copied.
    pub fn from_vec(name: impl Into<String>, mut bytes: Vec<u8>) -> Result<Source, EncodingError> {
        if let Some(problem) = utf16_signature(&bytes) {
            return Err(EncodingError {
                problem,
                prefix: String::new(),
            });
        }
        if bytes.starts_with(BOM.as_bytes()) {
            bytes.drain(..BOM.len());
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source {
                name: name.into(),
                text,
                line_starts: std::sync::OnceLock::new(),
            }),
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                let bytes = err.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
                let problem = if decodes_as(encoding_rs::SHIFT_JIS, &bytes) {
                    EncodingProblem::ShiftJis
                } else if decodes_as(encoding_rs::EUC_JP, &bytes) {
                    EncodingProblem::EucJp
                } else {
                    EncodingProblem::NotUtf8 {
                        offset,
                        byte: bytes.get(offset).copied().unwrap_or(0),
                    }
                };
                Err(EncodingError { problem, prefix })
            }
        }
    }

    /// A source from text already known to be UTF-8.
    pub fn new(name: impl Into<String>, text: &str) -> Source {
        let text = text.strip_prefix(BOM).unwrap_or(text).to_string();
        Source {
            name: name.into(),
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// 1-based line and 1-based character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let col = self.text[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// Byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The text of a 1-based line, without its line end.
    pub fn line_text(&self, line: usize) -> &str {
        let starts = self.line_starts();
        let Some(&start) = starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The text of a span, if the span lies inside the text.
    pub fn slice(&self, span: Range<usize>) -> Option<&str> {
        self.text.get(span)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn utf16_signature(bytes: &[u8]) -> Option<EncodingProblem> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(EncodingProblem::Utf16 { big_endian: false }),
        [0xFE, 0xFF, ..] => return Some(EncodingProblem::Utf16 { big_endian: true }),
        _ => {}
    }
    // Without a BOM, UTF-16 text of mostly ASCII has a NUL in every other byte.
    let sample = &bytes[..bytes.len().min(256)];
    if sample.len() < 4 {
        return None;
    }
    let nul_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let nul_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    if nul_odd * 10 >= half * 4 && nul_even == 0 {
        Some(EncodingProblem::Utf16 { big_endian: false })
    } else if nul_even * 10 >= half * 4 && nul_odd == 0 {
        Some(EncodingProblem::Utf16 { big_endian: true })
    } else {
        None
    }
}

fn decodes_as(encoding: &'static encoding_rs::Encoding, bytes: &[u8]) -> bool {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let s = Source::new("t", "a = 1\nregion = \"南加賀\"\n");
        let off = s.text.find('"').unwrap();
        assert_eq!(s.line_col(off), (2, 10));
        let off = s.text.find('賀').unwrap();
        assert_eq!(s.line_col(off), (2, 13));
        assert_eq!(s.line_text(2), "region = \"南加賀\"");
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let s = Source::from_bytes("t", b"\xEF\xBB\xBFa = 1\r\nb = 2\r\n").unwrap();
        assert!(s.text.starts_with("a = 1"));
        assert_eq!(s.line_text(1), "a = 1");
        assert_eq!(s.line_col(s.text.find('b').unwrap()), (2, 1));
    }

    #[test]
    fn shift_jis_is_named() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("region = \"南加賀\"\n");
        let err = Source::from_bytes("t", &bytes).unwrap_err();
        assert_eq!(err.problem, EncodingProblem::ShiftJis);
        assert_eq!(err.prefix, "region = \"");
    }

    #[test]
    fn utf16_is_named_with_and_without_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("a = 1".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(
            Source::from_bytes("t", &le).unwrap_err().problem,
            EncodingProblem::Utf16 { big_endian: false }
        );
        let be: Vec<u8> = "region = 1\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(
            Source::from_bytes("t", &be).unwrap_err().problem,
            EncodingProblem::Utf16 { big_endian: true }
        );
    }
}
