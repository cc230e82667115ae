//! The accountable owners: a page listing them, and a page for each with the priorities they own.

use serde::Serialize;

use super::{emit_each, Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::priority::{headings, PriorityView};
use crate::render::views::{counts, sro_href, CountView};

pub struct Owners;

/// An accountable owner and what they own.
#[derive(Serialize)]
pub struct SroView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub href: String,
    pub summary: String,
    pub action_count: usize,
    pub counts: Vec<CountView<'a>>,
    /// Indexes into the list of priorities.
    pub priorities: Vec<usize>,
}

impl Kind for Owners {
    fn make(&self, site: &Site, lists: &Lists) {
        // Their summaries' links start from where each page is.
        let extra = vec![
            ("sros", json(&views(site, ""))),
            ("priorities", json(&headings(&lists.priorities))),
        ];
        site.emit(site.page("sros.html", "sros.html", "", extra));
        let views = views(site, "../");
        let owners: Vec<_> = views.iter().zip(&site.plan.sros).collect();
        emit_each(site, &owners, |(sro, made_from)| {
            let owned: Vec<&PriorityView> = sro
                .priorities
                .iter()
                .map(|&i| &lists.priorities[i])
                .collect();
            let extra = vec![("sro", json(sro)), ("priorities", json(&owned))];
            let page = Page::new("sro.html", &sro.href, "../").from(made_from.place);
            site.make(page, extra)
        });
    }

    /// A reader finds an owner through the priorities they own.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    /// The print edition names each priority's owner with the priority.
    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// Every owner, with the priorities they own and their action areas' counts by status, as a page
/// `root` below the top shows them.
fn views<'a>(site: &Site<'a>, root: &str) -> Vec<SroView<'a>> {
    let plan = site.plan;
    plan.sros
        .iter()
        .map(|s| {
            let owned: Vec<usize> = (0..plan.priorities.len())
                .filter(|&i| plan.priorities[i].sro == s.id)
                .collect();
            let actions = owned
                .iter()
                .flat_map(|&i| plan.priorities[i].actions.iter());
            SroView {
                id: &s.id,
                title: &s.title,
                href: sro_href(&s.id),
                summary: site.markdown(&s.summary, root, true),
                action_count: actions.clone().count(),
                counts: counts(plan, actions),
                priorities: owned,
            }
        })
        .collect()
}
