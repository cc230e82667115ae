//! The home page: the vision, progress at a glance, the latest update, the priorities, ways to find
//! an action area, and the statuses explained. The print edition opens with the same.

use super::update::latest_changes;
use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::priority::headings;
use crate::render::views::{counts, section_views};

pub struct Home;

impl Kind for Home {
    fn make(&self, site: &Site, lists: &Lists) {
        let plan = site.plan;
        let mut extra = vec![("priorities", json(&headings(&lists.priorities)))];
        extra.extend(progress(site, ""));
        extra.push(("latest", latest_changes(site)));
        let overdue = plan.actions().filter(|(_, a)| plan.is_overdue(a)).count();
        extra.push(("overdue", json(&overdue)));
        site.emit(site.page("index.html", "index.html", "", extra));
    }

    /// The home page points to everything else; a search for a word lands there.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        values.extend(progress(site, "../"));
    }
}

/// The plan's counts by status and its introduction, as a page `root` below the top shows them.
fn progress(site: &Site, root: &str) -> Extra {
    let plan = site.plan;
    vec![
        (
            "counts",
            json(&counts(plan, plan.actions().map(|(_, a)| a))),
        ),
        ("action_count", json(&plan.actions().count())),
        (
            "introduction",
            json(&site.markdown(&plan.introduction, root, false)),
        ),
        ("sections", json(&section_views(site, &plan.sections, root))),
    ]
}
