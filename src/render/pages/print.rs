//! The print edition: the whole report on one page (`print/index.html`), in reading order, made
//! from the same views as the web pages; and the print stylesheet every page uses. The edition is
//! made of parts: each kind of page adds what the edition shows of it (`Kind::print`), and each
//! priority's part is rendered with its own pages (in parallel, one priority's full views at a
//! time). `print.html` places them all, the priorities' parts with a loop over
//! `priority_parts`, and is written as Tera makes it, so a region's plan of 50,000 actions is
//! never held twice: trimmed line by line, its glossary terms marked piece by piece.

use std::io::{self, Write};

use tera::{Context, Value};

use super::{print_values, Kind, Lists};
use crate::lock;
use crate::model::Plan;
use crate::render::abbreviations::Marker;
use crate::render::page::{Extra, Page};
use crate::render::search::Doc;
use crate::render::site::{file, Site};
use crate::render::trim::Trim;
use crate::render::{Bytes, OutputFile};

pub struct Print;

/// Where the edition is, and the value its template must place.
const PATH: &str = "print/index.html";

impl Kind for Print {
    fn make(&self, site: &Site, lists: &Lists) {
        site.emit(stylesheet(site));
        edition(site, lists);
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// Renders the edition and hands it on as it is written: at national scale it is over 100 MB.
/// The template places each priority's part by a stand-in, and the part itself goes in as the
/// stand-in is written: the parts are never all held as text at once (in `serve` they are kept
/// packed, and each is unpacked only as it is written).
fn edition(site: &Site, lists: &Lists) {
    let mut values = print_values(site, lists);
    let parts = std::mem::take(&mut *lock(&lists.print_parts));
    let stand_ins = (0..parts.len()).map(|i| Value::String(format!("{MARK}{i}{MARK}")));
    values.push(("priority_parts", Value::Array(stand_ins.collect())));
    // The edition is written once: what it is made from is taken then.
    let mut made_from = Some((values, parts, site.glossary.marker("../glossary.html")));
    site.emit_written(PATH, &mut |out| {
        let Some((values, parts, marker)) = made_from.take() else {
            return Ok(());
        };
        let stopped = || site.stopped();
        let mut edition = Edition::new(out, marker, &stopped);
        let mut placed = Placed::new(&mut edition, parts);
        if site
            .render_into(Page::new("print.html", PATH, "../"), values, &mut placed)
            .is_none()
        {
            // The problem is reported; the run fails, and what was written here is let go.
            return Ok(());
        }
        edition.finish()
    });
}

/// Around the number of a part's stand-in: NUL, which no page's text holds (escaping replaces
/// control characters, and Markdown replaces NUL), so the edition's own text is never taken for
/// one.
const MARK: char = '\0';

/// The edition as Tera writes it, with each part's stand-in replaced by the part, which is then
/// let go.
struct Placed<'e, W: Write> {
    out: &'e mut W,
    parts: Vec<Option<Bytes>>,
    /// The number of the part being read, while between the marks.
    stand_in: Option<Vec<u8>>,
}

impl<'e, W: Write> Placed<'e, W> {
    fn new(out: &'e mut W, parts: Vec<Bytes>) -> Self {
        let parts = parts.into_iter().map(Some).collect();
        Placed {
            out,
            parts,
            stand_in: None,
        }
    }

    /// Writes the part a stand-in numbered; a number that names no part (not one of ours)
    /// writes nothing.
    fn place(&mut self, number: &[u8]) -> io::Result<()> {
        let i: Option<usize> = std::str::from_utf8(number)
            .ok()
            .and_then(|n| n.parse().ok());
        let part = i.and_then(|i| self.parts.get_mut(i)).and_then(Option::take);
        match part {
            Some(part) => self.out.write_all(&part.made()),
            None => Ok(()),
        }
    }
}

impl<W: Write> Write for Placed<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut pieces = bytes.split(|&b| b == MARK as u8).peekable();
        while let Some(piece) = pieces.next() {
            let at_mark = pieces.peek().is_some();
            match self.stand_in.take() {
                None if at_mark => {
                    self.out.write_all(piece)?;
                    self.stand_in = Some(Vec::new());
                }
                None => self.out.write_all(piece)?,
                Some(mut number) => {
                    number.extend_from_slice(piece);
                    if at_mark {
                        self.place(&number)?;
                    } else {
                        self.stand_in = Some(number);
                    }
                }
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Pieces passed on at about this size, at the end of a line that ends a tag: a piece never
/// splits a tag or a word, so every term is found and marked.
const PIECE: usize = 1 << 16;

/// The edition as Tera writes it, trimmed line by line and marked piece by piece on its way out.
struct Edition<'o, 'g> {
    out: &'o mut dyn Write,
    /// Whether the run is still wanted: writing stops when it is not.
    stopped: &'o dyn Fn() -> bool,
    /// The end of what was written, up to its first line end still to come.
    line: String,
    trim: Trim,
    trimmed: String,
    marker: Marker<'g>,
    marked: String,
}

impl<'o, 'g> Edition<'o, 'g> {
    fn new(out: &'o mut dyn Write, marker: Marker<'g>, stopped: &'o dyn Fn() -> bool) -> Self {
        Edition {
            out,
            stopped,
            line: String::new(),
            trim: Trim::default(),
            trimmed: String::new(),
            marker,
            marked: String::new(),
        }
    }

    fn end_line(&mut self, line: &str) {
        self.trim.line(line, &mut self.trimmed);
    }

    /// Marks what is trimmed so far and writes it on.
    fn pass_on(&mut self) -> io::Result<()> {
        if (self.stopped)() {
            return Err(io::Error::other("the run is no longer wanted"));
        }
        self.marked.clear();
        self.marker.push(&self.trimmed, &mut self.marked);
        self.trimmed.clear();
        self.out.write_all(self.marked.as_bytes())
    }

    /// Writes on the rest.
    fn finish(mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.end_line(&line);
        }
        self.pass_on()
    }
}

impl Write for Edition<'_, '_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        // Tera writes whole pieces of text, so each is UTF-8 on its own.
        let text = String::from_utf8_lossy(bytes);
        let mut rest: &str = &text;
        while let Some(at) = rest.find('\n') {
            let (line, after) = rest.split_at(at + 1);
            if self.line.is_empty() {
                self.end_line(line);
            } else {
                let mut whole = std::mem::take(&mut self.line);
                whole.push_str(line);
                self.end_line(&whole);
            }
            rest = after;
        }
        self.line.push_str(rest);
        if self.trimmed.len() >= PIECE && self.trimmed.ends_with(">\n") {
            self.pass_on()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The print stylesheet: A4 pages with the plan's title in the running header and page numbers
/// in the footer (CSS page-margin boxes need the words in the stylesheet itself).
fn stylesheet(site: &Site) -> Option<OutputFile> {
    let css_string = crate::render::css::string;
    let mut context = Context::new();
    context.insert("title", &css_string(&site.plan.title));
    context.insert("organisation", &css_string(&site.plan.organisation));
    // "Page 3 of 41", in the plan's language.
    let word = |key: &str| site.theme.words.get(key).map_or("", String::as_str);
    context.insert(
        "page_word",
        &css_string(&format!("{} ", word("print_page"))),
    );
    context.insert(
        "of_word",
        &css_string(&format!(" {} ", word("print_page_of"))),
    );
    let css = site.render("print.css", &context)?;
    Some(file("print.css", css.into_bytes().into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stand_in_becomes_its_part_even_when_written_in_pieces_and_the_rest_is_as_written() {
        let parts = vec![
            Bytes::from(b"<p>One</p>".to_vec()),
            b"<p>Two</p>".to_vec().into(),
        ];
        let written = "<main>\n\u{0}1\u{0}\u{0}0\u{0}\u{0}7\u{0}</main>\n";
        for piece in [1, 2, 3, written.len()] {
            let mut out = Vec::new();
            let mut placed = Placed::new(&mut out, parts.clone());
            for bytes in written.as_bytes().chunks(piece) {
                placed.write_all(bytes).unwrap();
            }
            let out = String::from_utf8(out).unwrap();
            assert_eq!(
                out, "<main>\n<p>Two</p><p>One</p></main>\n",
                "in pieces of {piece}"
            );
        }
    }
}
