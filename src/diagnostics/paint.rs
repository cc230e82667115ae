//! Colour for a report shown in a terminal. codespan-reporting asks for a colour before each part
//! of a report (the word "error", a line number, the caret); the painter writes those as escape
//! codes only when asked to paint, and shows every control character in the text itself as "�"
//! (`controls::for_terminal`), so the colours are the only escape codes that reach the terminal.

use std::io;

use codespan_reporting::term::termcolor::{Ansi, ColorSpec, WriteColor};

/// The escape code that ends a colour.
const RESET: &str = "\u{1b}[0m";

/// Collects a report: its text made safe for a terminal, and its colours when `colour`.
pub struct Painter {
    colour: bool,
    out: String,
    /// Text written since the last colour, made safe when the next colour (or the end) comes:
    /// codespan writes whole pieces of text between colours, so no character is cut in two.
    pending: Vec<u8>,
}

impl Painter {
    pub fn new(colour: bool) -> Self {
        Painter {
            colour,
            out: String::new(),
            pending: Vec::new(),
        }
    }

    /// Adds text with no colour.
    pub fn plain(&mut self, text: &str) {
        self.pending.extend_from_slice(text.as_bytes());
    }

    /// The report, painted or not.
    pub fn finish(mut self) -> String {
        self.settle();
        self.out
    }

    fn settle(&mut self) {
        if !self.pending.is_empty() {
            let text = String::from_utf8_lossy(&self.pending);
            self.out.push_str(&crate::controls::for_terminal(&text));
            self.pending.clear();
        }
    }

    fn escape(
        &mut self,
        paint: impl FnOnce(&mut Ansi<Vec<u8>>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.settle();
        if self.colour {
            let mut ansi = Ansi::new(Vec::new());
            paint(&mut ansi)?;
            self.out
                .push_str(&String::from_utf8_lossy(&ansi.into_inner()));
        }
        Ok(())
    }
}

impl io::Write for Painter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl WriteColor for Painter {
    fn supports_color(&self) -> bool {
        self.colour
    }

    fn set_color(&mut self, spec: &ColorSpec) -> io::Result<()> {
        self.escape(|ansi| ansi.set_color(spec))
    }

    fn reset(&mut self) -> io::Result<()> {
        self.escape(|ansi| ansi.reset())
    }
}

/// The characters a line shows on screen, each with its byte offset: escape codes left out.
pub fn shown_chars(line: &str) -> Vec<(usize, char)> {
    let mut shown = Vec::new();
    let mut chars = line.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\u{1b}' {
            // An escape code of ours: ESC [ … m.
            for (_, c) in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            shown.push((at, c));
        }
    }
    shown
}

/// The code that ends a colour, for a line cut short that has any colour in it.
pub fn reset_if_painted(line: &str) -> &'static str {
    match line.contains('\u{1b}') {
        true => RESET,
        false => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn colours_are_written_only_when_painting_and_the_text_is_made_safe() {
        for colour in [false, true] {
            let mut painter = Painter::new(colour);
            painter.set_color(ColorSpec::new().set_bold(true)).unwrap();
            painter.write_all(b"title \x1b]0;pwned\x07").unwrap();
            painter.reset().unwrap();
            let out = painter.finish();
            assert!(out.contains("title �]0;pwned�"), "{out:?}");
            assert_eq!(out.contains('\u{1b}'), colour, "{out:?}");
        }
    }

    #[test]
    fn escape_codes_take_no_room() {
        let line = "\u{1b}[1m12 │\u{1b}[0m text";
        let shown: String = shown_chars(line).into_iter().map(|(_, c)| c).collect();
        assert_eq!(shown, "12 │ text");
    }
}
