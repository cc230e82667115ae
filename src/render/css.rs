//! Text from the content written into a stylesheet, as a CSS string (`"…"`, CSS Syntax 3, §4.3.5).
//! A raw line break ends a CSS string early and the rest of the rule is lost (a carriage return in
//! the plan's title once left the whole-report PDF blank), so every character that could end or
//! bend the string is written as a hex escape (`\d `): control characters, the quote, the
//! backslash, and `<` and `>`, so `</style>` cannot appear even if the CSS is placed in a page.

/// `text` as one quoted CSS string that reads back as exactly `text`.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_control() || matches!(c, '"' | '\\' | '<' | '>') {
            // CSS reads U+0000 escaped as U+FFFD, so that is what is written.
            let c = if c == '\0' {
                char::REPLACEMENT_CHARACTER
            } else {
                c
            };
            // The space ends the escape, so a hex digit after it is not read as part of it.
            out.push_str(&format!("\\{:x} ", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_that_could_end_the_string_is_escaped() {
        assert_eq!(string("Plan"), "\"Plan\"");
        assert_eq!(string("a\rb"), "\"a\\d b\"");
        assert_eq!(string("\"\\\n"), "\"\\22 \\5c \\a \"");
        assert_eq!(string("</style>"), "\"\\3c /style\\3e \"");
        assert_eq!(string("\u{1b}[2J\u{0}"), "\"\\1b [2J\\fffd \"");
        // Letters and marks of every language pass as they are.
        assert_eq!(string("Cynllun – gwella"), "\"Cynllun – gwella\"");
    }
}
