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
fn edition(site: &Site, lists: &Lists) {
    let mut values = print_values(site, lists);
    let parts = std::mem::take(&mut *lock(&lists.print_parts));
    values.push((
        "priority_parts",
        Value::Array(parts.into_iter().map(text).collect()),
    ));
    // The edition is written once: what it is made from is taken then.
    let mut made_from = Some((values, site.glossary.marker("../glossary.html")));
    site.emit_written(PATH, &mut |out| {
        let Some((values, marker)) = made_from.take() else {
            return Ok(());
        };
        let stopped = || site.stopped();
        let mut edition = Edition::new(out, marker, &stopped);
        if site
            .render_into(Page::new("print.html", PATH, "../"), values, &mut edition)
            .is_none()
        {
            // The problem is reported; the run fails, and what was written here is let go.
            return Ok(());
        }
        edition.finish()
    });
}

/// A part's text, without copying it when nothing else holds it.
fn text(part: Bytes) -> Value {
    let text = String::from_utf8(part.into_made())
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Value::String(text)
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
