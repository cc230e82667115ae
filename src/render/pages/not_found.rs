//! The page a web server shows for an address the site does not have.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::Extra;
use crate::render::search::Doc;
use crate::render::site::Site;

pub struct NotFound;

/// Its address: the sitemap leaves it out, as no reader asks for it.
pub const PATH: &str = "404.html";

impl Kind for NotFound {
    fn make(&self, site: &Site, _: &Lists) {
        site.emit(site.page(PATH, PATH, &root(site.plan), Vec::new()));
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// What the page puts before its links. A host (GitHub Pages, Netlify, S3) serves this page at
/// the address that was asked for, however deep (`/plan/actions/nope/deeper.html`), so links
/// relative to the page would lead to more missing pages and its stylesheet would not load. With
/// the plan's `base_url` its links are whole addresses: they work at any depth (opened from disk,
/// they lead to the published site). Root-relative links (`/plan/style.css`) would work on the host
/// too, but not from disk, where `/` is the disk's root. Without `base_url` the links are
/// relative, so the page works at the top of the site only: the build's warning about a missing
/// `base_url` says so.
fn root(plan: &Plan) -> String {
    plan.base_url.clone().unwrap_or_default()
}
