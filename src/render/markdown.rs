//! Text as literal Markdown, for every renderer that writes Markdown (`progress`,
//! `compare`, `render`): one escaping, so what one escapes the others do too.

/// Text from a sheet or a report as literal Markdown: control characters made
/// visible ([`crate::render::terminal::clean`]), then [`esc`].
pub fn text(s: &str) -> String {
    esc(&crate::render::terminal::clean(s))
}

/// Sheet text as literal Markdown: punctuation that could start markup (or raw HTML)
/// is backslash-escaped, line breaks become `<br>` so text stays in its cell.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    // `1. text` at the start would become a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{esc, text};

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(esc("A & B | C"), "A \\& B \\| C");
        assert_eq!(esc("- x"), "\\- x");
        assert_eq!(esc("1. x"), "1\\. x");
        assert_eq!(esc("a\nb"), "a<br>b");
        assert_eq!(esc("地域移行数 ３人"), "地域移行数 ３人");
        assert_eq!(esc("9/4-11/2"), "9/4-11/2");
    }

    /// Markdown from `progress` and `compare` escaped `|` but not `&`: a region
    /// named `A&amp;B` showed as `A&B` in a viewer.
    #[test]
    fn report_markdown_escapes_ampersands() {
        assert_eq!(text("A&amp;B"), "A\\&amp;B");
        assert_eq!(text("a|b\nc*"), "a\\|b<br>c\\*");
        assert_eq!(text("x\u{1b}[2J"), "x\\\\u{1b}\\[2J");
    }
}
