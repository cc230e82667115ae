//! Open data: the plan's tables as CSV and JSON files (`render::data` says what is in each), and the
//! page that documents them.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::data::{files, table_views};
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;

pub struct Data;

impl Kind for Data {
    fn make(&self, site: &Site, _: &Lists) {
        let (plan, words) = (site.plan, &site.theme.words);
        let tables = vec![("tables", json(&table_views(&plan.labels, words)))];
        site.emit(site.page("data.html", "data.html", "", tables));
        files(plan, words, &|path, write| site.emit_written(path, write));
    }

    /// The files hold what the other pages show, which the index already lists.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
