//! An action area as pages show it: in summary for lists and tables, in full (its columns, notes,
//! history and answers rendered) for its own page, its priority's page and the print edition.

use serde::Serialize;

use super::outcomes::{measures_for_action, MeasureLink};
use super::*;
use crate::model::{resolve, Action, Date, Evidence, Resolved, Text};
use crate::render::site::Site;

/// An action with its three columns rendered, as shown on priority, action and SRO pages.
#[derive(Serialize)]
pub struct ActionView<'a> {
    pub id: &'a str,
    pub reference: &'a str,
    pub title: &'a str,
    pub href: String,
    pub status: StatusView<'a>,
    pub assurance: AssuranceView<'a>,
    pub due: Option<&'a str>,
    /// The due date for people: "31 March 2024", or the quarter as written.
    pub due_long: Option<String>,
    /// Past its due date at the report date and not finished.
    pub overdue: bool,
    pub done: bool,
    pub lead: Option<&'a str>,
    /// The owners the plan names for this action area itself; empty when its priority's are
    /// accountable for it.
    pub owners: Vec<SroLink<'a>>,
    pub last_updated: Option<DateView>,
    pub next_review: Option<DateView>,
    /// Newest first.
    pub history: Vec<HistoryView<'a>>,
    pub milestones: Vec<MilestoneView<'a>>,
    /// The measures that evidence it.
    pub measures: Vec<MeasureLink<'a>>,
    /// The national recommendations it answers.
    pub answers: Vec<AnswerLink>,
    /// What kind of row it is, where the plan's columns differ by kind.
    pub kind: Option<&'a str>,
    /// The columns a row of its kind has, in the plan's order.
    pub columns: Vec<ColumnView<'a>>,
    pub narrative: Option<NarrativeView<'a>>,
    pub notes: Option<String>,
}

/// One column of an action area: the plan's heading and the bullets under it.
#[derive(Serialize)]
pub struct ColumnView<'a> {
    pub id: &'a str,
    pub heading: &'a str,
    pub items: Vec<String>,
}

/// One step of an action's history, as its page shows it.
#[derive(Serialize)]
pub struct HistoryView<'a> {
    pub date: DateView,
    pub update_title: &'a str,
    pub update_href: String,
    /// Set by a draft update, which only `serve` shows.
    pub draft: bool,
    pub status: StatusView<'a>,
    pub previous_status: StatusView<'a>,
    pub assurance: AssuranceView<'a>,
    pub note: String,
    pub evidence: Vec<EvidenceView<'a>>,
    pub accepted_by: Option<&'a str>,
    pub accepted_on: Option<DateView>,
}

#[derive(Serialize)]
pub struct EvidenceView<'a> {
    pub title: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct MilestoneView<'a> {
    pub title: &'a str,
    pub due: &'a str,
    pub overdue: bool,
}

/// A recommendation an action answers, as the action's pages link to it.
#[derive(Serialize)]
pub struct AnswerLink {
    /// "3YDP 10.1"
    pub label: String,
    pub href: String,
    /// Its words; `None` for one the plan cites by reference only.
    pub text: Option<String>,
}

/// The recommendations an action area or a priority answers, as its page links to them.
pub fn answer_links(site: &Site, references: &[String]) -> Vec<AnswerLink> {
    references
        .iter()
        .filter_map(|reference| site.plan.recommendation(reference))
        .map(|(register, item)| AnswerLink {
            label: label(register, item),
            href: recommendation_href(&item.reference),
            text: item.text.as_ref().map(|t| site.markdown(t, "../", true)),
        })
        .collect()
}

/// How much of an action a view holds: the summary that lists and tables need, or everything its
/// own page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Summary,
    Full,
}

/// Actions appear on pages one folder down (priorities/, actions/, sros/), so links start "../".
/// In summary, the rendered parts (columns, notes, history, answers) are left empty.
pub fn action_view<'a>(site: &Site<'a>, action: &'a Action, detail: Detail) -> ActionView<'a> {
    let mut view = ActionView {
        id: &action.id,
        reference: &action.reference,
        title: &action.title,
        href: action_href(&action.id),
        status: status_view(site.plan.status(&action.status)),
        assurance: assurance_view(site.plan.assurance(&action.assurance)),
        due: action.due.as_deref(),
        due_long: action
            .due
            .as_deref()
            .map(|d| Date::parse_iso(d).map_or(d.to_string(), |date| site.date(date).long)),
        overdue: site.plan.is_overdue(action),
        done: site.plan.is_done(action),
        lead: action.lead.as_deref(),
        owners: owner_links(site.plan, &action.owners),
        last_updated: action.last_updated.map(|d| site.date(d)),
        next_review: action.next_review.map(|d| site.date(d)),
        history: Vec::new(),
        milestones: Vec::new(),
        measures: measures_for_action(site, &action.id),
        answers: Vec::new(),
        kind: action.kind.as_deref(),
        columns: Vec::new(),
        narrative: None,
        notes: None,
    };
    if detail == Detail::Full {
        let bullets = |items: &[Text]| {
            items
                .iter()
                .map(|t| site.markdown(t, "../", true))
                .collect()
        };
        view.history = history_views(site, action);
        view.milestones = milestone_views(site, action);
        view.answers = answer_links(site, &action.answers);
        let kind = action.kind.as_deref();
        let columns = site.plan.columns.iter().filter(|c| c.applies_to(kind));
        view.columns = columns
            .map(|c| ColumnView {
                id: &c.id,
                heading: &c.heading,
                items: bullets(action.column(&c.id)),
            })
            .collect();
        view.narrative = Some(narrative_view(site, &action.narrative, "../"));
        view.notes = action
            .notes
            .as_ref()
            .map(|n| site.markdown(n, "../", false));
    }
    view
}

pub fn history_views<'a>(site: &Site<'a>, action: &'a Action) -> Vec<HistoryView<'a>> {
    let plan = site.plan;
    action
        .history
        .iter()
        .map(|entry| {
            let update = &plan.updates[entry.update];
            HistoryView {
                date: site.date(entry.date),
                update_title: &update.title,
                update_href: update_href(&update.slug),
                draft: update.draft,
                status: status_view(plan.status(&entry.status)),
                previous_status: status_view(plan.status(&entry.previous_status)),
                assurance: assurance_view(plan.assurance(&entry.assurance)),
                note: site.markdown(&entry.note, "../", true),
                evidence: evidence(&entry.evidence, "../"),
                accepted_by: entry.accepted_by.as_deref(),
                accepted_on: entry.accepted_on.map(|d| site.date(d)),
            }
        })
        .collect()
}

pub fn milestone_views<'a>(site: &Site<'a>, action: &'a Action) -> Vec<MilestoneView<'a>> {
    action
        .milestones
        .iter()
        .map(|m| MilestoneView {
            title: &m.title,
            due: &m.due,
            overdue: is_past(site, &m.due) && !site.plan.is_done(action),
        })
        .collect()
}

/// A milestone's horizon ended before the report date.
fn is_past<'a>(site: &Site<'a>, due: &str) -> bool {
    let plan = site.plan;
    matches!(resolve(due, plan.dates.start), Resolved::Range(_, end) if end < plan.as_of)
}

pub fn evidence<'a>(evidence: &'a [Evidence], root: &str) -> Vec<EvidenceView<'a>> {
    evidence
        .iter()
        .map(|e| {
            // Validation allows only web addresses and published files; never link anything else.
            let web = crate::safe_html::is_web_address(&e.url);
            let href = if web {
                e.url.clone()
            } else if crate::safe_html::is_unsafe_url(&e.url) {
                "#".to_string()
            } else {
                format!("{root}{}", e.url.trim_start_matches('/'))
            };
            EvidenceView {
                title: &e.title,
                href,
            }
        })
        .collect()
}
