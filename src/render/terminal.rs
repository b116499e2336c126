//! Text on its way to a terminal: nothing from data may drive it (SPEC §7).

/// Replaces characters that could drive a terminal (C0/C1 controls except tab, DEL,
/// bidirectional overrides) by visible ones of the same UTF-8 length, so byte spans
/// into the text stay valid.
pub fn sanitize_for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            match c.len_utf8() {
                1 => out.push('?'),
                2 => out.push('\u{b7}'),
                _ => out.push('\u{fffd}'),
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n' && c != '\r')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for one line of a table or report: controls made visible, line ends kept.
pub fn clean(text: &str) -> String {
    sanitize_for_terminal(text).replace("\r\n", "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_keeps_byte_length() {
        let raw = "a\u{1b}[31mb\u{85}c\u{202e}d";
        let clean = sanitize_for_terminal(raw);
        assert_eq!(clean.len(), raw.len());
        assert!(!clean.contains('\u{1b}'));
        assert!(!clean.contains('\u{202e}'));
    }
}
