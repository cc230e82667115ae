//! Where a TOML text's strings are, found without parsing it: its comments, and the lines that
//! start outside any string. Pure and linear: one pass, skipping through each string to the next
//! quote, escape or line end it could close at.
//!
//! The scan is a reader's guess, not the parser's verdict: text the parser rejects may be read
//! differently here. What it finds is only ever a hint (where a comment is, where a text may be
//! cut and parsed in pieces); the parser still has the last word.

use std::ops::Range;

use memchr::{memchr, memchr2, memchr3};

/// Something found outside every string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A comment: from its `#` to the end of its line (the line end left out).
    Comment(Range<usize>),
    /// The start of a line: the file's, or just after a line end.
    Line(usize),
}

/// Calls `found` with each comment and each line start outside the strings of `text`, in order.
pub fn scan(text: &str, mut found: impl FnMut(Found)) {
    let bytes = text.as_bytes();
    found(Found::Line(0));
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                i += 1;
                found(Found::Line(i));
            }
            b'#' => {
                let end = memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e);
                found(Found::Comment(i..end));
                i = end;
            }
            quote @ (b'"' | b'\'') => i = string_end(bytes, i, quote),
            _ => i += 1,
        }
    }
}

/// The byte ranges of a TOML text's comments: each from a `#` outside any string to the end of
/// its line. A `#` inside a string, even one over several lines (a Markdown heading in `notes`),
/// is the plan's text.
pub fn toml_comments(text: &str) -> Vec<Range<usize>> {
    let mut comments = Vec::new();
    scan(text, |found| {
        if let Found::Comment(range) = found {
            comments.push(range);
        }
    });
    comments
}

/// Where the string whose opening quote is at `start` ends: just after its closing quote or
/// quotes. A one-line string left open ends at its line end, which the parser reports; a
/// multi-line one left open runs to the end of the text.
fn string_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let multi_line = bytes[start..].starts_with(&[quote; 3]);
    // Only a basic string has escapes: `\"` and `\\` hide what follows the backslash.
    let basic = quote == b'"';
    let mut i = start + if multi_line { 3 } else { 1 };
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        let next = match (basic, multi_line) {
            (true, true) => memchr2(quote, b'\\', rest),
            (true, false) => memchr3(quote, b'\\', b'\n', rest),
            (false, true) => memchr(quote, rest),
            (false, false) => memchr2(quote, b'\n', rest),
        };
        let Some(at) = next else {
            return bytes.len();
        };
        i += at;
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            _ if !multi_line => return i + 1,
            _ => {
                // Up to two quotes may end the text just before the closing three: `"""a""""`
                // holds `a"`. A run of three or more closes the string at its end.
                let run = bytes[i..].iter().take_while(|&&b| b == quote).count();
                i += run;
                if run >= 3 {
                    return i;
                }
            }
        }
    }
}

/// Whether `line` (and what follows it) opens with `header` and nothing else on its line.
pub fn opens_with(line: &str, header: &str) -> bool {
    let after = line.trim_start_matches([' ', '\t']).strip_prefix(header);
    after.is_some_and(|after| {
        let after = after.trim_start_matches([' ', '\t']);
        after.is_empty() || after.starts_with(['\n', '\r', '#'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The start of each line outside any string that opens the array-of-tables header `header`
    /// (`[[actions]]`), perhaps indented, with nothing after it but spaces or a comment.
    fn header_lines(text: &str, header: &str) -> Vec<usize> {
        let mut lines = Vec::new();
        scan(text, |found| {
            if let Found::Line(start) = found {
                if opens_with(&text[start..], header) {
                    lines.push(start);
                }
            }
        });
        lines
    }

    #[test]
    fn comments_are_found_outside_strings_only() {
        let text = r#"a = '''
# text
''' # one
b = """x"""" # two
c = "\\" # three
"#;
        let comments: Vec<&str> = toml_comments(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(comments, ["# one", "# two", "# three"]);
    }

    #[test]
    fn headers_inside_strings_are_text() {
        let text = "title = \"A\"\n[[actions]]\nnotes = \"\"\"\n[[actions]]\n\"\"\"\nmore = '''\n[[actions]]\n'''\n  [[actions]] # second\r\nid = \"[[actions]]\"\n";
        let second = text.find("  [[actions]] #").unwrap();
        assert_eq!(header_lines(text, "[[actions]]"), [12, second]);
    }

    #[test]
    fn a_multi_line_string_may_end_with_quotes_of_its_own() {
        // `"""a""""` holds `a"`: the string closes at the run's end, and the line after is TOML.
        let text = "a = \"\"\"x\"\"\"\"\n[[actions]]\nb = '''y'''''\n[[actions]]\n";
        assert_eq!(header_lines(text, "[[actions]]"), [13, 39]);
    }

    #[test]
    fn escapes_and_comments_hide_their_quotes() {
        let text = "a = \"\\\\\" # it's \"x\n[[actions]]\nb = \"\\\"[[actions]]\"\n[[actions]]\n";
        let last = text.rfind("[[actions]]").unwrap();
        assert_eq!(header_lines(text, "[[actions]]"), [19, last]);
    }

    #[test]
    fn a_header_with_more_on_its_line_or_a_sub_table_is_not_the_header() {
        let text = "[[actions]]x\n[[actions.sections]]\n[actions.columns]\n[[actions]]\t\n";
        assert_eq!(
            header_lines(text, "[[actions]]"),
            [text.rfind("[[actions]]").unwrap()]
        );
    }

    #[test]
    fn a_one_line_string_left_open_ends_with_its_line() {
        let text = "a = \"open\n[[actions]]\nb = 'open too\n[[actions]]\n";
        assert_eq!(header_lines(text, "[[actions]]"), [10, 36]);
    }
}
