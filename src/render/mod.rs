//! Stage 4, render: the plan and the theme in, the site's files out, each handed on as soon as it
//! is made. Every kind of page is declared once, in `pages`; what they share is in `site` (the
//! plan, the theme, the header and footer, the glossary), `page` (rendering one page) and
//! `views` (what templates see of the model). Pure apart from reading the theme, which
//! `ThemeFiles::read` does before rendering starts.

mod abbreviations;
pub mod bytes;
pub mod cache;
mod charts;
mod chrome;
mod contexts;
mod css;
pub mod data;
mod open_graph;
mod output;
mod page;
mod pages;
mod reuse;
pub(crate) mod say;
pub mod search;
mod site;
mod spreadsheet;
pub mod theme;
mod trim;
mod views;
mod words;

use crate::diagnostics::{ContentError, Source};
use crate::load::Attachment;
use crate::model::Plan;
pub use bytes::Bytes;
pub use output::{Collect, OutputFile, Sink, Written};
pub use reuse::{print_part_key, PriorityPages, Reuse};
pub use theme::Theme;

/// Renders every page of the site, handing each file to `sink` as soon as it is made (from many
/// threads); returns the paths of all of them, sorted, or every problem found. After an error, or
/// once `reuse` says the rest is not wanted, the files handed over are not a whole site.
pub fn render_site(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    sink: &dyn Sink,
    reuse: &dyn Reuse,
) -> Result<Vec<String>, Vec<ContentError>> {
    let site = site::Site::new(plan, sources, attachments, theme, sink, reuse);
    pages::make_all(&site);
    site.finish()
}
