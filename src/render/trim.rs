//! Pages lose their blank lines and indentation: a lighter page for a phone, the same page for a
//! reader. Preformatted text (`<pre>`, `<textarea>`) is shown as written, so it is left as it is.
//! The rule looks at one line at a time, so a page written in pieces (the print edition) is
//! trimmed as it is written, exactly as a whole page would be.

/// Trims lines one at a time, knowing whether the last line left preformatted text open.
#[derive(Default)]
pub struct Trim {
    /// The closing tag of the preformatted element open at the end of the last line.
    open: Option<&'static str>,
}

/// The elements whose text is shown as written (their names), and how each closes.
const PREFORMATTED: [(&str, &str); 2] = [("pre", "</pre>"), ("textarea", "</textarea>")];

impl Trim {
    /// Writes `line` (with or without its line end) to `out`: without its indentation and
    /// trailing spaces, and not at all when blank, unless preformatted text is open in it. A
    /// line that opens preformatted text keeps everything after its indentation.
    pub fn line(&mut self, line: &str, out: &mut String) {
        let was_open = self.open.is_some();
        let ends = self.follow(line);
        if was_open {
            out.push_str(line);
        } else if ends {
            out.push_str(line.trim_start());
        } else {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                return;
            }
            out.push_str(trimmed);
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }

    /// Follows the preformatted elements opened and closed in `line`; says whether any was opened.
    fn follow(&mut self, line: &str) -> bool {
        let mut rest = line;
        let mut opened = false;
        loop {
            match self.open {
                Some(close) => match rest.find(close) {
                    Some(at) => {
                        rest = &rest[at + close.len()..];
                        self.open = None;
                    }
                    None => return opened,
                },
                None => match first_open(rest) {
                    Some((at, close)) => {
                        rest = &rest[at + 1..];
                        self.open = Some(close);
                        opened = true;
                    }
                    None => return opened,
                },
            }
        }
    }
}

/// The first preformatted element opened in `text`: where, and its closing tag. Every line of
/// every page is looked at, so this looks only at each `<` in it.
fn first_open(text: &str) -> Option<(usize, &'static str)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find('<') {
        let at = from + found;
        from = at + 1;
        let after = &bytes[at + 1..];
        if !matches!(after.first(), Some(b'p' | b't')) {
            continue;
        }
        for (name, close) in PREFORMATTED {
            let ends = after.get(name.len());
            let whole = ends.is_none_or(|&b| b == b'>' || b.is_ascii_whitespace());
            if after.starts_with(name.as_bytes()) && whole {
                return Some((at, close));
            }
        }
    }
    None
}

/// A whole page, trimmed.
pub fn trim_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    if !html.contains("<pre") && !html.contains("<textarea") {
        // Most pages have no preformatted text: every line is trimmed.
        for line in html.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
        return out;
    }
    let mut trim = Trim::default();
    for line in html.split_inclusive('\n') {
        trim.line(line, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_indentation_and_blank_lines_go() {
        assert_eq!(
            trim_lines("<ul>\n  <li>One</li>  \n\n   \n  <li>Two</li>\n</ul>"),
            "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n"
        );
    }

    #[test]
    fn preformatted_text_is_left_as_written() {
        let page = "  <div>\n  <pre><code>fn main() {\n    go();\n\n}</code></pre>  \n  <p>After</p>\n  <textarea>\n  a\n</textarea>\n";
        assert_eq!(
            trim_lines(page),
            "<div>\n<pre><code>fn main() {\n    go();\n\n}</code></pre>  \n<p>After</p>\n<textarea>\n  a\n</textarea>\n"
        );
    }

    #[test]
    fn a_word_that_starts_like_a_tag_is_not_one() {
        assert_eq!(
            trim_lines("  <prefix>\n  <p>x</p>\n"),
            "<prefix>\n<p>x</p>\n"
        );
    }

    #[test]
    fn a_page_trimmed_in_pieces_is_the_page_trimmed_whole() {
        let page = "  <p>a</p>\n  <pre>\n  b\n</pre>\n  <p>c</p>\n";
        let mut trim = Trim::default();
        let mut pieces = String::new();
        for line in page.split_inclusive('\n') {
            trim.line(line, &mut pieces);
        }
        assert_eq!(pieces, trim_lines(page));
    }
}
