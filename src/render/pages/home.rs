//! The home page: the vision, progress at a glance, the latest update, the priorities, ways to find
//! an action area, and the statuses explained. The print edition opens with the same.

use serde::Serialize;

use super::update::latest_changes;
use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::priority::{PriorityHeading, PriorityView};
use crate::render::views::{counts, section_views, StatusView};

pub struct Home;

impl Kind for Home {
    fn make(&self, site: &Site, lists: &Lists) {
        let plan = site.plan;
        let mut extra = vec![("priorities", json(&home_priorities(&lists.priorities)))];
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

/// A plan with more action areas than this names none of them on the home page: each name with
/// its status costs about 200 bytes, so 300 keep the page, with its stylesheet and script, well
/// within the 100 KB a page may weigh on a phone. A larger plan's home page links to its
/// priorities and the A to Z instead, which list them all.
pub const LIST_AREAS_UP_TO: usize = 300;

/// A priority as the home page shows it: its heading and, for a plan small enough, the name and
/// status of each of its action areas, so a family finds theirs by its own words.
#[derive(Serialize)]
struct HomePriority<'v> {
    #[serde(flatten)]
    heading: &'v PriorityHeading<'v>,
    areas: Vec<Area<'v>>,
}

#[derive(Serialize)]
struct Area<'v> {
    title: &'v str,
    href: &'v str,
    status: &'v StatusView<'v>,
}

fn home_priorities<'v>(priorities: &'v [PriorityView<'v>]) -> Vec<HomePriority<'v>> {
    let total: usize = priorities.iter().map(|p| p.actions.len()).sum();
    let listed = total <= LIST_AREAS_UP_TO;
    priorities
        .iter()
        .map(|p| HomePriority {
            heading: &p.heading,
            areas: p
                .actions
                .iter()
                .filter(|_| listed)
                .map(|a| Area {
                    title: a.title,
                    href: &a.href,
                    status: &a.status,
                })
                .collect(),
        })
        .collect()
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
