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
        site.emit(site.page(PATH, PATH, "", Vec::new()));
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
