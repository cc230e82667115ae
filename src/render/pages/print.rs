//! The print edition: the whole report on one page (`print/index.html`), in reading order, made
//! from the same views as the web pages; and the print stylesheet every page uses. Each kind of
//! page adds what the edition shows of it (`Kind::print`).
//!
//! Each priority's part is rendered on its own, beside the priority's page (in parallel, one
//! priority's full views at a time), and put in place of a marker in the rest of the edition, so
//! a region's plan of 50,000 actions never needs every action's text in one template context.

use tera::Context;

use super::{print_values, Kind, Lists};
use crate::lock;
use crate::model::Plan;
use crate::render::page::{json, trim_lines, Extra};
use crate::render::search::Doc;
use crate::render::site::{file, Site};
use crate::render::OutputFile;

pub struct Print;

/// Where the priorities' parts go in the rendered edition.
const PARTS: &str = "<!-- planpress: the priorities' parts -->";

impl Kind for Print {
    fn make(&self, site: &Site, lists: &Lists) {
        site.emit(stylesheet(site));
        edition(site, lists);
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// Renders the edition and hands it on, written piece by piece: at national scale it is over
/// 100 MB.
fn edition(site: &Site, lists: &Lists) {
    let mut extra = print_values(site, lists);
    extra.push(("priority_parts", json(PARTS)));
    let path = "print/index.html";
    let Some(shell) = site.cached("print.html", path, path, "../", extra, |html| {
        trim_lines(&html).into_bytes()
    }) else {
        return;
    };
    let shell = String::from_utf8_lossy(&shell);
    let (before, after) = shell.split_once(PARTS).unwrap_or((&shell, ""));
    let after = after.strip_prefix('\n').unwrap_or(after);
    // The parts are marked into the edition one by one, and each is let go once written.
    let mut parts = std::mem::take(&mut *lock(&lists.print_parts)).into_iter();
    let mut marker = site.glossary.marker("../glossary.html");
    let mut marked = String::new();
    site.emit_written(path, &mut |out| {
        let mut write = |piece: &str| {
            marked.clear();
            marker.push(piece, &mut marked);
            out.write_all(marked.as_bytes())
        };
        write(before)?;
        for part in parts.by_ref() {
            if site.stopped() {
                // The build is thrown away: what is written here does not matter.
                return Ok(());
            }
            write(&String::from_utf8_lossy(&part))?;
        }
        write(after)
    });
}

/// The print stylesheet: A4 pages with the plan's title in the running header and page numbers
/// in the footer (CSS page-margin boxes need the words in the stylesheet itself).
fn stylesheet(site: &Site) -> Option<OutputFile> {
    let css_string = |text: &str| {
        format!(
            "\"{}\"",
            text.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', " ")
        )
    };
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
