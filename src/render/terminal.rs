//! Text on its way to a terminal: nothing from data may drive it (SPEC §7).
//!
//! [`escape`] is the one rule: C0 controls other than newline and tab (CR
//! included), DEL, C1 controls and the bidirectional overrides are shown as Rust
//! writes them, `\u{1b}`, so a reader sees that they are there and a terminal never
//! acts on them. A CR right before a newline is a Windows line end and is dropped.
//! It is applied where data meets our own styling (the diagnostic renderer, table
//! cells, diff lines), so data cannot even change colours, and again by
//! [`Terminal`], the writer every piece of human output leaves through.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Whether a character could drive a terminal (defined in the format core, which
/// also refuses such characters in names: [`crate::core::text::has_control_character`]).
pub use crate::core::text::is_unsafe;

/// Text made safe for a terminal (see the module's documentation). Borrowed when
/// there is nothing to escape, as for nearly all text.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        push_escaped(&mut out, c, chars.peek() == Some(&'\n'));
    }
    Cow::Owned(out)
}

/// [`escape`] as an owned string: text for a line of a table, a report or a message.
pub fn clean(text: &str) -> String {
    escape(text).into_owned()
}

/// [`escape`] together with where byte offsets of `text` land in the escaped text,
/// for a caret that must stay under the same characters. `offsets` need not be
/// sorted; an offset inside a character maps to the character's start, one past the
/// end to the end.
pub fn escape_mapping(text: &str, offsets: &[usize]) -> (String, Vec<usize>) {
    let escaped = escape(text);
    if let Cow::Borrowed(s) = escaped {
        let mapped = offsets.iter().map(|&o| floor(text, o)).collect();
        return (s.to_string(), mapped);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut mapped = vec![usize::MAX; offsets.len()];
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        for (m, &o) in mapped.iter_mut().zip(offsets) {
            if *m == usize::MAX && o < at + c.len_utf8() {
                *m = out.len();
            }
        }
        push_escaped(&mut out, c, chars.peek().map(|&(_, n)| n) == Some('\n'));
    }
    for m in &mut mapped {
        if *m == usize::MAX {
            *m = out.len();
        }
    }
    (out, mapped)
}

/// Appends `c` as [`escape`] shows it; `before_newline` tells a CR of a CRLF line end.
fn push_escaped(out: &mut String, c: char, before_newline: bool) {
    if c == '\r' && before_newline {
        return;
    }
    if is_unsafe(c) {
        let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
    } else {
        out.push(c);
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The writer human output leaves through (stdout and stderr alike): whatever is
/// written is escaped by [`escape`]'s rule, bytes that are not UTF-8 become U+FFFD,
/// and an escape sequence passes only when colour is on and it is a colour (SGR)
/// sequence, `ESC [ digits ; … m`, as the program's own styling writes. Writes may
/// split a character or a sequence anywhere: the unfinished tail waits for the next
/// write.
pub struct Terminal<W: Write> {
    inner: W,
    color: bool,
    /// The unfinished end of the last write: part of a UTF-8 character, a CR that a
    /// newline may follow, or the start of a colour sequence.
    pending: Vec<u8>,
}

/// A colour sequence is short; a longer "sequence" is data.
const MAX_SGR: usize = 32;

impl<W: Write> Terminal<W> {
    pub fn new(inner: W, color: bool) -> Terminal<W> {
        Terminal {
            inner,
            color,
            pending: Vec::new(),
        }
    }

    /// Writes `data` as far as it is complete; keeps an unfinished tail when `more`.
    fn emit(&mut self, data: &[u8], more: bool) -> io::Result<()> {
        let mut rest = data;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => return self.emit_str(s, more),
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // Checked by `from_utf8` just above.
                    let valid = std::str::from_utf8(valid).unwrap_or_default();
                    match e.error_len() {
                        None if more => {
                            self.emit_str(valid, false)?;
                            self.pending.extend_from_slice(after);
                            return Ok(());
                        }
                        None => {
                            self.emit_str(valid, false)?;
                            return self.inner.write_all("\u{fffd}".as_bytes());
                        }
                        Some(bad) => {
                            self.emit_str(valid, false)?;
                            self.inner.write_all("\u{fffd}".as_bytes())?;
                            rest = &after[bad..];
                        }
                    }
                }
            }
        }
    }

    /// Writes valid text: runs of safe bytes as they are, the rest escaped.
    fn emit_str(&mut self, s: &str, more: bool) -> io::Result<()> {
        let bytes = s.as_bytes();
        let mut safe_from = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Only these bytes can start an unsafe character: C0 and DEL, the lead
            // byte of U+0080–U+00BF (C1 is U+0080–U+009F), and of U+2000–U+2FFF.
            if !(b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2) || b == b'\n' || b == b'\t' {
                i += 1;
                continue;
            }
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            if !is_unsafe(c) {
                i += len;
                continue;
            }
            self.inner.write_all(&bytes[safe_from..i])?;
            let tail = &s[i..];
            if c == '\r' {
                match tail.as_bytes().get(1) {
                    Some(b'\n') => {}
                    Some(_) => self.inner.write_all(b"\\u{d}")?,
                    None if more => {
                        self.pending.push(b'\r');
                        return Ok(());
                    }
                    None => self.inner.write_all(b"\\u{d}")?,
                }
                i += 1;
                safe_from = i;
                continue;
            }
            if c == '\u{1b}' && self.color {
                match sgr_len(tail) {
                    Sgr::Complete(n) => {
                        self.inner.write_all(&tail.as_bytes()[..n])?;
                        i += n;
                        safe_from = i;
                        continue;
                    }
                    Sgr::Unfinished if more => {
                        self.pending.extend_from_slice(tail.as_bytes());
                        return Ok(());
                    }
                    Sgr::Unfinished | Sgr::Not => {}
                }
            }
            let mut escaped = String::new();
            push_escaped(&mut escaped, c, false);
            self.inner.write_all(escaped.as_bytes())?;
            i += len;
            safe_from = i;
        }
        self.inner.write_all(&bytes[safe_from..])
    }

    /// Writes what was waiting for more, as it is.
    fn settle(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        self.emit(&pending, false)
    }
}

/// What follows an ESC.
enum Sgr {
    /// A colour sequence of this many bytes, ESC included.
    Complete(usize),
    /// The text ends inside what could still become one.
    Unfinished,
    Not,
}

fn sgr_len(tail: &str) -> Sgr {
    let b = tail.as_bytes();
    if b.len() < 2 {
        return Sgr::Unfinished;
    }
    if b[1] != b'[' {
        return Sgr::Not;
    }
    for (i, &c) in b.iter().enumerate().skip(2).take(MAX_SGR) {
        match c {
            b'm' => return Sgr::Complete(i + 1),
            b'0'..=b'9' | b';' | b':' => {}
            _ => return Sgr::Not,
        }
    }
    if b.len() < MAX_SGR {
        Sgr::Unfinished
    } else {
        Sgr::Not
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            self.emit(buf, true)?;
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            self.emit(&joined, true)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.settle()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        let _ = self.settle();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]], color: bool) -> String {
        let mut out = Vec::new();
        {
            let mut t = Terminal::new(&mut out, color);
            for c in chunks {
                t.write_all(c).unwrap();
            }
            t.flush().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_every_unsafe_character_visibly() {
        let raw = "a\u{1b}]52;c;SGVsbG8=\u{7}b\u{1b}[2Jc\u{85}d\u{202e}e\u{2066}f\u{7f}g\u{0}";
        assert_eq!(
            escape(raw),
            "a\\u{1b}]52;c;SGVsbG8=\\u{7}b\\u{1b}[2Jc\\u{85}d\\u{202e}e\\u{2066}f\\u{7f}g\\u{0}"
        );
        assert!(matches!(escape("南加賀\tタブ\n改行"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_lone_cr_is_escaped_and_a_crlf_is_a_line_end() {
        assert_eq!(escape("南加賀\rFAKE"), "南加賀\\u{d}FAKE");
        assert_eq!(escape("a\r\nb\r"), "a\nb\\u{d}");
    }

    #[test]
    fn offsets_follow_the_escaping() {
        let text = "a\u{1b}b南\u{202e}c";
        let (out, mapped) = escape_mapping(text, &[0, 1, 2, 3, 5, 6, 9, text.len()]);
        assert_eq!(out, "a\\u{1b}b南\\u{202e}c");
        // `b` after `\u{1b}`, `南`, one inside `南` (its start), U+202E, `c`, the end.
        assert_eq!(mapped, [0, 1, 7, 8, 8, 11, 19, 20]);
    }

    #[test]
    fn the_writer_escapes_data_and_keeps_colour_only_when_on() {
        let styled = b"\x1b[1;31merror\x1b[0m \x1b]52;c;eA==\x07 \x1b[2J\r\n";
        assert_eq!(
            through(&[styled], true),
            "\x1b[1;31merror\x1b[0m \\u{1b}]52;c;eA==\\u{7} \\u{1b}[2J\n"
        );
        assert_eq!(
            through(&[styled], false),
            "\\u{1b}[1;31merror\\u{1b}[0m \\u{1b}]52;c;eA==\\u{7} \\u{1b}[2J\n"
        );
    }

    #[test]
    fn the_writer_joins_what_a_write_split() {
        // A colour sequence, a C1 control, U+202E and a CRLF, each cut in two.
        let chunks: &[&[u8]] = &[
            b"\x1b[3",
            b"1mx\xc2",
            b"\x85y\xe2\x80",
            b"\xaez\r",
            b"\n",
            "南".as_bytes(),
        ];
        assert_eq!(through(chunks, true), "\x1b[31mx\\u{85}y\\u{202e}z\n南");
        assert_eq!(through(&[b"a\r", b"b"], true), "a\\u{d}b");
    }

    #[test]
    fn the_writer_replaces_bytes_that_are_not_utf8() {
        assert_eq!(through(&[b"a\x9b2Jb\xff"], false), "a\u{fffd}2Jb\u{fffd}");
        // An unfinished character at the very end.
        assert_eq!(through(&[b"a\xe5\x8d"], false), "a\u{fffd}");
    }

    #[test]
    fn the_writer_passes_plain_text_unchanged() {
        let text = "┌─┐ 南加賀 ① → ※\n\tタブ";
        assert_eq!(through(&[text.as_bytes()], false), text);
    }
}
