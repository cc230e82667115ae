//! What templates see: plain serialisable views of the model, with Markdown already rendered to
//! HTML and every address relative to the site root (templates put `root` in front). Views that
//! many kinds of page share are here; a view only one kind shows is in that kind's file.

pub mod action;
pub mod milestones;
pub mod outcomes;
pub mod owner;
pub mod priority;

use serde::Serialize;

use super::say::{long_date, month_year, Words};
use super::site::Site;
use crate::model::{
    Action, Assurance, Labels, Narrative, Plan, Recommendation, Register, Section, Sro, Status,
};

/// Facts every page shows: the organisation, the plan, the report date, the menu.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub organisation: &'a str,
    pub title: &'a str,
    pub vision: Option<&'a str>,
    pub period: &'a str,
    pub as_of: String,
    pub as_of_iso: String,
    /// True when the plan gives its report date as a month: sentences say "in" or "at the end
    /// of" it, not "on".
    pub as_of_month: bool,
    pub language: &'a str,
    pub labels: &'a Labels,
    pub statuses: Vec<StatusView<'a>>,
    pub assurance: Vec<AssuranceView<'a>>,
    pub menu: Vec<PageLink<'a>>,
    /// True when there is at least one update: the updates page exists.
    pub has_updates: bool,
    /// True when there are updates and the plan gives its `base_url`: the feed exists.
    pub has_feed: bool,
    pub has_measures: bool,
    pub has_risks: bool,
    pub has_glossary: bool,
    /// True when the plan names at least one owner: the dashboard then counts by owner.
    pub has_owners: bool,
    /// The label of the snapshot this site is, if it is one.
    pub snapshot: Option<&'a str>,
    /// How to contact the service: each detail, or nothing where the plan gives none.
    pub contact: &'a crate::model::Contact,
    /// Where the site is published, for whole addresses (Open Graph's `og:url`).
    pub base_url: Option<&'a str>,
    /// The last day of the plan period, when the report date is after it: every page says so.
    pub period_ended: Option<DateView>,
    /// When the next update is due, if the plan sets a review cycle.
    pub next_update: Option<DateView>,
    /// The theme's own words in the plan's language, by key (`site.t.home`), when a template
    /// still looks them up as the page renders; most are written into the templates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub t: Option<&'a std::collections::BTreeMap<String, String>>,
}

/// A narrative as a page shows it: its text and named sections, rendered.
#[derive(Serialize)]
pub struct NarrativeView<'a> {
    pub text: Option<String>,
    pub sections: Vec<SectionView<'a>>,
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    pub heading: &'a str,
    pub html: String,
}

/// Named sections rendered for a page `root` away from the site's root.
pub fn section_views<'a>(
    site: &Site<'a>,
    sections: &'a [Section],
    root: &str,
) -> Vec<SectionView<'a>> {
    sections
        .iter()
        .map(|s| SectionView {
            heading: &s.heading,
            html: site.markdown(&s.text, root, false),
        })
        .collect()
}

/// A narrative rendered for a page `root` away from the site's root.
pub fn narrative_view<'a>(
    site: &Site<'a>,
    narrative: &'a Narrative,
    root: &str,
) -> NarrativeView<'a> {
    NarrativeView {
        text: narrative
            .text
            .as_ref()
            .map(|t| site.markdown(t, root, false)),
        sections: section_views(site, &narrative.sections, root),
    }
}

/// An action area as another page links to it, with its status.
#[derive(Serialize)]
pub struct StatusLink<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub href: String,
    pub status: StatusView<'a>,
}

impl<'a> StatusLink<'a> {
    pub fn to(plan: &'a Plan, action: &'a Action) -> StatusLink<'a> {
        StatusLink {
            reference: &action.reference,
            title: &action.title,
            href: action_href(&action.id),
            status: status_view(plan.status(&action.status)),
        }
    }
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

pub fn assurance_view(level: &Assurance) -> AssuranceView<'_> {
    AssuranceView {
        id: &level.id,
        label: &level.label,
        meaning: &level.meaning,
    }
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
        vision: plan.vision.as_deref(),
        period: &plan.period,
        as_of: report_date(words, plan),
        as_of_iso: plan.report_date_iso(),
        as_of_month: plan.as_of_month_only,
        language: &plan.language,
        labels: &plan.labels,
        statuses: plan.statuses.iter().map(status_view).collect(),
        assurance: plan.assurance.iter().map(assurance_view).collect(),
        has_updates: !plan.updates.is_empty(),
        has_feed: !plan.updates.is_empty() && plan.base_url.is_some(),
        has_measures: !plan.measures.is_empty(),
        has_risks: !plan.risks.is_empty(),
        has_glossary: !plan.glossary.is_empty(),
        has_owners: !plan.sros.is_empty(),
        snapshot: plan.snapshot.as_deref(),
        contact: &plan.contact,
        base_url: plan.base_url.as_deref(),
        period_ended: (plan.as_of > plan.dates.end).then(|| date_view(words, plan.dates.end)),
        next_update: plan.next_update.map(|d| date_view(words, d)),
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

/// A date for people, in the theme's words, and for machines.
pub fn date_view(words: &Words, date: crate::model::Date) -> DateView {
    DateView {
        long: long_date(words, date),
        iso: date.iso(),
    }
}

/// The report date for people: "22 November 2026", or "February 2018" when the plan gives a
/// month only (never a day it did not give).
pub fn report_date(words: &Words, plan: &Plan) -> String {
    if plan.as_of_month_only {
        month_year(words, plan.as_of)
    } else {
        long_date(words, plan.as_of)
    }
}

/// The owners with these ids, in the plan's order, as pages link to them.
pub fn owner_links<'a>(plan: &'a Plan, ids: &[String]) -> Vec<SroLink<'a>> {
    ids.iter()
        .filter_map(|id| plan.sro(id))
        .map(|s: &Sro| SroLink {
            title: &s.title,
            href: sro_href(&s.id),
        })
        .collect()
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

pub fn register_href(id: &str) -> String {
    format!("registers/{id}.html")
}

pub fn recommendation_href(reference: &str) -> String {
    // Register ids have no dots, so "3ydp.10.1" cannot be two different recommendations.
    format!("recommendations/{}.html", reference.replacen('/', ".", 1))
}

/// "3YDP 10.1", as readers name a recommendation.
pub fn label(register: &Register, item: &Recommendation) -> String {
    format!("{} {}", register.short_title, item.id)
}

pub fn status_href(id: &str) -> String {
    format!("status/{id}.html")
}
