//! The search index (see `render::search` for how it is split so a search fetches little), made
//! from the documents every kind of page adds to it.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::Extra;
use crate::render::search::{files, Doc};
use crate::render::site::Site;

pub struct Search;

impl Kind for Search {
    fn make(&self, site: &Site, _: &Lists) {
        let stemmer = site.theme.words.get("stemmer").map(String::as_str);
        site.emit(files(site.plan, stemmer, &|| site.stopped()));
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
