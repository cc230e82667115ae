//! A priority as pages show it: its heading (owner, counts, measures, risks) and its action areas.

use rayon::prelude::*;
use serde::Serialize;

use super::action::{action_view, ActionView, Detail};
use super::outcomes::{measures_for_priority, risks_for_priority, MeasureLink};
use super::*;
use crate::model::Priority;
use crate::render::site::Site;

/// A priority with its owner, status counts and actions.
#[derive(Serialize)]
pub struct PriorityView<'a> {
    /// Everything but its actions, at the top level of the view (`priority.title`).
    #[serde(flatten)]
    pub heading: PriorityHeading<'a>,
    /// What the plan says about it; on its own page and in print only.
    pub narrative: Option<NarrativeView<'a>>,
    pub actions: Vec<ActionView<'a>>,
}

/// A priority as a list of priorities shows it (the home page, the owners' page, the print
/// edition's contents): everything but its actions, of which a region's plan has thousands.
#[derive(Serialize)]
pub struct PriorityHeading<'a> {
    pub id: &'a str,
    pub number: u32,
    pub title: &'a str,
    pub workstream: &'a str,
    pub trust_priority: &'a str,
    pub href: String,
    /// Who is accountable for it: none, one or several.
    pub owners: Vec<SroLink<'a>>,
    pub action_count: usize,
    pub counts: Vec<CountView<'a>>,
    /// Too many actions to show each one's columns: the page lists them in a table.
    pub compact: bool,
    /// The measures that evidence it, directly or through its actions.
    pub measures: Vec<MeasureLink<'a>>,
    /// Its key risks, highest first.
    pub risks: tera::Value,
    /// The recommendations it answers as a whole.
    pub answers: Vec<super::action::AnswerLink>,
    /// Its milestones from `milestones.toml`, in the plan's order.
    pub milestones: Vec<super::milestones::DueItem<'a>>,
}

/// A priority as other pages link to it.
#[derive(Serialize)]
pub struct PriorityLink<'a> {
    pub number: u32,
    pub title: &'a str,
    pub href: String,
    pub owners: Vec<SroLink<'a>>,
}

impl<'a> PriorityLink<'a> {
    /// How other pages link to the priority `p`.
    pub fn to(plan: &'a Plan, p: &'a Priority) -> PriorityLink<'a> {
        PriorityLink {
            number: p.number,
            title: &p.title,
            href: priority_href(&p.id),
            owners: owner_links(plan, &p.owners),
        }
    }
}

/// The headings of these priorities, in order.
pub fn headings<'v>(priorities: &'v [PriorityView<'v>]) -> Vec<&'v PriorityHeading<'v>> {
    priorities.iter().map(|p| &p.heading).collect()
}

/// A priority with more action areas than this lists them in a table on its page instead of
/// showing each one's columns: the page stays light on a phone, and each action has its own page.
const COMPACT_OVER: usize = 20;

pub fn priority_view<'a>(site: &Site<'a>, p: &'a Priority, detail: Detail) -> PriorityView<'a> {
    let plan = site.plan;
    PriorityView {
        heading: PriorityHeading {
            id: &p.id,
            number: p.number,
            title: &p.title,
            workstream: &p.workstream,
            trust_priority: &p.trust_priority,
            href: priority_href(&p.id),
            owners: owner_links(plan, &p.owners),
            action_count: p.actions.len(),
            counts: counts(plan, p.actions.iter()),
            compact: p.actions.len() > COMPACT_OVER,
            measures: measures_for_priority(site, p),
            risks: risks_for_priority(site, &p.id),
            answers: super::action::answer_links(site, &p.answers),
            milestones: super::milestones::priority_milestones(site, &p.id, "../"),
        },
        narrative: (detail == Detail::Full).then(|| narrative_view(site, &p.narrative, "../")),
        actions: p
            .actions
            .par_iter()
            .map(|a| action_view(site, a, detail))
            .collect(),
    }
}

pub fn priority_views<'a>(site: &Site<'a>) -> Vec<PriorityView<'a>> {
    site.plan
        .priorities
        .par_iter()
        .map(|p| priority_view(site, p, Detail::Summary))
        .collect()
}
