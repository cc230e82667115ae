//! Control characters from the content, in outputs that cannot hold them. A TOML string may hold
//! any of them written as an escape (`"\u001b[2J"`): XML 1.0 forbids most C0 controls outright (a
//! feed holding one does not parse), and a terminal obeys them (ESC clears the screen or retitles
//! the window). Each is shown as U+FFFD, "�", one character for one, so the reader sees that
//! something was there and a caret under a line still lines up.

use std::borrow::Cow;

/// Text for an XML (and HTML) file: tab and line breaks kept, every other C0 control and the
/// non-characters U+FFFE and U+FFFF replaced, as XML 1.0's `Char` production requires.
pub fn for_xml(text: &str) -> Cow<'_, str> {
    replaced(text, |c| {
        (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}'))
            || matches!(c, '\u{fffe}' | '\u{ffff}')
    })
}

/// Text for a terminal: tab and newline kept, every other control character replaced (C0, DEL
/// and C1, whose U+009B starts an escape sequence on some terminals).
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    replaced(text, |c| c.is_control() && !matches!(c, '\t' | '\n'))
}

fn replaced(text: &str, unfit: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unfit) {
        return Cow::Borrowed(text);
    }
    let shown = text
        .chars()
        .map(|c| {
            if unfit(c) {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            }
        })
        .collect();
    Cow::Owned(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_keeps_what_xml_can_hold() {
        assert_eq!(for_xml("a\tb\nc\rd"), "a\tb\nc\rd");
        assert_eq!(for_xml("a\u{1}b\u{1b}[2J\u{fffe}"), "a�b�[2J�");
        assert!(matches!(for_xml("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_terminal_gets_no_escape_sequence() {
        let shown = for_terminal("title \u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m\n\tend");
        assert_eq!(shown, "title �]0;pwned��[2J��31m\n\tend");
    }
}
