//! What templates see: plain serialisable views of the model, with Markdown already rendered to
//! HTML and every address relative to the site root (templates put `root` in front).

use serde::Serialize;

use super::say::{long_date, Words};
use crate::model::{Action, Labels, Plan, Priority, Sro, Status};

/// Facts every page shows: the organisation, the plan, the report date, the menu.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub organisation: &'a str,
    pub title: &'a str,
    pub vision: &'a str,
    pub period: &'a str,
    pub as_of: String,
    pub as_of_iso: String,
    pub language: &'a str,
    pub labels: &'a Labels,
    pub statuses: Vec<StatusView<'a>>,
    pub assurance: Vec<AssuranceView<'a>>,
    pub menu: Vec<PageLink<'a>>,
    /// True when there is at least one update: the feed and the updates page exist.
    pub has_updates: bool,
    pub has_measures: bool,
    pub has_risks: bool,
    pub has_glossary: bool,
    /// The label of the snapshot this site is, if it is one.
    pub snapshot: Option<&'a str>,
    /// The theme's own words in the plan's language, by key (`site.t.home`), when a template
    /// still looks them up as the page renders; most are written into the templates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t: Option<&'a std::collections::BTreeMap<String, String>>,
}

#[derive(Serialize, Clone)]
pub struct StatusView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub meaning: &'a str,
    pub tone: &'static str,
}

#[derive(Serialize)]
pub struct PageLink<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub href: String,
}

#[derive(Serialize)]
pub struct CountView<'a> {
    pub status: StatusView<'a>,
    pub count: usize,
}

#[derive(Serialize, Clone)]
pub struct SroLink<'a> {
    pub title: &'a str,
    pub href: String,
}

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
    pub last_updated: Option<DateView>,
    pub next_review: Option<DateView>,
    /// Newest first.
    pub history: Vec<HistoryView<'a>>,
    pub milestones: Vec<MilestoneView<'a>>,
    /// The measures that evidence it.
    pub measures: Vec<super::outcomes::MeasureLink<'a>>,
    /// The national recommendations it answers.
    pub answers: Vec<AnswerLink>,
    pub achieve: Vec<String>,
    pub doing: Vec<String>,
    pub families: Vec<String>,
    pub notes: Option<String>,
}

/// A date for people and for machines (`<time datetime>`).
#[derive(Serialize, Clone)]
pub struct DateView {
    pub long: String,
    pub iso: String,
}

#[derive(Serialize, Clone)]
pub struct AssuranceView<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub meaning: &'a str,
}

/// One step of an action's history, as its page shows it.
#[derive(Serialize)]
pub struct HistoryView<'a> {
    pub date: DateView,
    pub update_title: &'a str,
    pub update_href: String,
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

pub fn assurance_view(level: &crate::model::Assurance) -> AssuranceView<'_> {
    AssuranceView {
        id: &level.id,
        label: &level.label,
        meaning: &level.meaning,
    }
}

/// A recommendation an action answers, as the action's pages link to it.
#[derive(Serialize)]
pub struct AnswerLink {
    /// "3YDP 10.1"
    pub label: String,
    pub href: String,
    pub text: String,
}

/// A priority with its owner, status counts and actions.
#[derive(Serialize)]
pub struct PriorityView<'a> {
    /// Everything but its actions, at the top level of the view (`priority.title`).
    #[serde(flatten)]
    pub heading: PriorityHeading<'a>,
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
    pub sro: Option<SroLink<'a>>,
    pub action_count: usize,
    pub counts: Vec<CountView<'a>>,
    /// Too many actions to show each one's columns: the page lists them in a table.
    pub compact: bool,
    /// The measures that evidence it, directly or through its actions.
    pub measures: Vec<super::outcomes::MeasureLink<'a>>,
    /// Its key risks, highest first.
    pub risks: tera::Value,
}

/// A priority as other pages link to it.
#[derive(Serialize)]
pub struct PriorityLink<'a> {
    pub number: u32,
    pub title: &'a str,
    pub href: String,
    pub sro: Option<SroLink<'a>>,
}

impl<'a> PriorityLink<'a> {
    /// How other pages link to the priority `p`.
    pub fn to(plan: &'a Plan, p: &'a Priority) -> PriorityLink<'a> {
        PriorityLink {
            number: p.number,
            title: &p.title,
            href: priority_href(&p.id),
            sro: sro_link(plan, p),
        }
    }
}

/// The headings of these priorities, in order.
pub fn headings<'v>(priorities: &'v [PriorityView<'v>]) -> Vec<&'v PriorityHeading<'v>> {
    priorities.iter().map(|p| &p.heading).collect()
}

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

pub fn status_view(status: &Status) -> StatusView<'_> {
    StatusView {
        id: &status.id,
        label: &status.label,
        meaning: &status.meaning,
        tone: status.tone.name(),
    }
}

pub fn counts<'a>(plan: &'a Plan, actions: impl Iterator<Item = &'a Action>) -> Vec<CountView<'a>> {
    plan.status_counts(actions)
        .into_iter()
        .map(|(status, count)| CountView {
            status: status_view(status),
            count,
        })
        .collect()
}

/// What every page is told about the site; the theme's `words` go in only when a template still
/// `looked_up` them as it renders.
pub fn site_view<'a>(plan: &'a Plan, words: &'a Words, looked_up: bool) -> SiteView<'a> {
    SiteView {
        organisation: &plan.organisation,
        title: &plan.title,
        vision: &plan.vision,
        period: &plan.period,
        as_of: long_date(words, plan.as_of),
        as_of_iso: plan.as_of.iso(),
        language: &plan.language,
        labels: &plan.labels,
        statuses: plan.statuses.iter().map(status_view).collect(),
        assurance: plan.assurance.iter().map(assurance_view).collect(),
        has_updates: !plan.updates.is_empty(),
        has_measures: !plan.measures.is_empty(),
        has_risks: !plan.risks.is_empty(),
        has_glossary: !plan.glossary.is_empty(),
        snapshot: plan.snapshot.as_deref(),
        t: looked_up.then_some(words),
        menu: plan
            .pages
            .iter()
            .filter(|p| p.order.is_some())
            .map(|p| PageLink {
                title: &p.title,
                summary: &p.summary,
                href: page_href(&p.slug),
            })
            .collect(),
    }
}

pub fn sro_link<'a>(plan: &'a Plan, priority: &Priority) -> Option<SroLink<'a>> {
    plan.sro(&priority.sro).map(|s: &Sro| SroLink {
        title: &s.title,
        href: sro_href(&s.id),
    })
}

pub fn page_href(slug: &str) -> String {
    format!("{slug}.html")
}

pub fn priority_href(id: &str) -> String {
    format!("priorities/{id}.html")
}

pub fn action_href(id: &str) -> String {
    format!("actions/{id}.html")
}

pub fn update_href(slug: &str) -> String {
    format!("updates/{slug}.html")
}

pub fn sro_href(id: &str) -> String {
    format!("sros/{id}.html")
}
