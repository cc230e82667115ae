//! Milestones as pages show them: the plan's own words for when, beside where the timeline
//! places them. A span of months also names the months it counts to from the plan's start.

use serde::Serialize;

use super::{priority_href, status_view, StatusView};
use crate::model::{Horizon, HorizonMilestone, Resolved, Tone};
use crate::render::say::month_year;
use crate::render::site::Site;

/// Something due: an action's due date or a milestone.
#[derive(Serialize, Clone)]
pub struct DueItem<'a> {
    pub what: String,
    pub href: Option<String>,
    /// When, in the plan's words.
    pub due: &'a str,
    /// For a span of months, the months it names ("October 2023 to March 2024").
    pub when: Option<String>,
    /// More about it in the plan's words, as HTML.
    pub text: Option<String>,
    pub status: Option<StatusView<'a>>,
    pub overdue: bool,
}

/// A milestone of `milestones.toml` on a page at `root`, linked to its priority's page where it has one. It is
/// overdue only when the plan gives it a status that is not done and its range ended before the
/// report date.
pub fn horizon_item<'a>(site: &Site<'a>, m: &'a HorizonMilestone, root: &str) -> DueItem<'a> {
    let plan = site.plan;
    let status = m.status.as_deref().map(|s| plan.status(s));
    let ended = matches!(m.when, Resolved::Range(_, end) if end < plan.as_of);
    DueItem {
        what: m.title.clone(),
        href: m
            .priority
            .as_deref()
            .map(|p| format!("{}#milestones", priority_href(p))),
        due: &m.horizon,
        when: months_named(site, &m.horizon, m.when),
        text: (!m.text.markdown.is_empty()).then(|| site.markdown(&m.text, root, false)),
        status: status.map(status_view),
        overdue: ended && status.is_some_and(|s| s.tone != Tone::Done),
    }
}

/// The months a span of months names, counted from the plan's start; `None` for any other
/// horizon, whose words already name when.
pub fn months_named(site: &Site, horizon: &str, when: Resolved) -> Option<String> {
    let relative = matches!(Horizon::parse(horizon), Some(Horizon::Months { .. }));
    match when {
        Resolved::Range(start, end) if relative => {
            let words = &site.theme.words;
            let (from, to) = (month_year(words, start), month_year(words, end));
            Some(site.say("milestone_months", &[("from", &from), ("to", &to)]))
        }
        _ => None,
    }
}

/// The milestones of one priority, in the plan's order.
pub fn priority_milestones<'a>(site: &Site<'a>, priority: &str, root: &str) -> Vec<DueItem<'a>> {
    let all = &site.plan.timeline.horizons;
    let own = all
        .iter()
        .filter(|m| m.priority.as_deref() == Some(priority));
    own.map(|m| DueItem {
        href: None,
        ..horizon_item(site, m, root)
    })
    .collect()
}
