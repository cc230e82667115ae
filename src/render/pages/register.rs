//! Pages for national recommendations: the registers' index, each register grouped as its source
//! groups it (and one filtered page per audience, so filtering needs no JavaScript), a page per
//! recommendation with the local action areas answering it, and the coverage page with the gap
//! list.

use rayon::prelude::*;
use serde::Serialize;

use super::{emit_each, Kind, Lists};
use crate::model::{Plan, Recommendation, Register};
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::{
    counts, label, priority_href, recommendation_href, register_href, CountView, StatusLink,
};
use crate::render::OutputFile;

pub struct Registers;

impl Kind for Registers {
    /// The registers' index and coverage pages, and each register's pages, handed on as they are
    /// made (each recommendation's page in parallel).
    fn make(&self, site: &Site, lists: &Lists) {
        for page in ["recommendations.html", "coverage.html"] {
            let extra = vec![("registers", lists.coverage.clone())];
            site.emit(site.page(page, page, "", extra));
        }
        let registers = site.plan.registers.iter().zip(&lists.recommendations);
        let coverage = lists.coverage.as_array().map_or(&[][..], Vec::as_slice);
        for ((register, items), summary) in registers.zip(coverage) {
            site.emit(register_index(site, register, items, summary));
            let items: Vec<_> = items.iter().zip(&register.items).collect();
            emit_each(site, &items, |(item, made_from)| {
                let extra: Extra = vec![
                    ("recommendation", json(item)),
                    ("register", summary.clone()),
                    ("groups", json(&group_path(register, item.reference))),
                    (
                        "audiences",
                        json(&audience_labels(register, &item.audiences)),
                    ),
                ];
                let page = Page::new("recommendation.html", &item.href, "../");
                site.make(page.from(made_from.place), extra)
            });
        }
    }

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for register in &plan.registers {
            for item in &register.items {
                docs.push(Doc {
                    title: label(register, item),
                    url: recommendation_href(&item.reference),
                    kind: "recommendation",
                    status: None,
                    line: None,
                    texts: vec![
                        item.title.as_deref().unwrap_or(""),
                        item.text.as_ref().map_or("", |t| &*t.markdown),
                    ],
                });
            }
        }
    }

    /// The coverage of each register; and each register that holds only the items the plan
    /// cites, item by item, since those citations are the plan's own.
    fn print(&self, site: &Site, lists: &Lists, values: &mut Extra) {
        values.push(("coverage", lists.coverage.clone()));
        let registers = site.plan.registers.iter().zip(&lists.recommendations);
        let cited: Vec<_> = registers
            .filter(|(register, _)| register.cited_only)
            .map(|(register, items)| serde_json::json!({ "title": register.title, "items": items }))
            .collect();
        values.push(("cited", json(&cited)));
    }
}

/// Every register's recommendations as lists show them.
pub fn views<'a>(site: &Site<'a>) -> Vec<Vec<RecommendationView<'a>>> {
    site.plan
        .registers
        .par_iter()
        .map(|r| {
            r.items
                .iter()
                .map(|i| recommendation_view(site, r, i))
                .collect()
        })
        .collect()
}

/// Every register's coverage, in order, from its recommendations' views.
pub fn coverage(plan: &Plan, views: &[Vec<RecommendationView>]) -> tera::Value {
    let coverage: Vec<Coverage> = plan
        .registers
        .iter()
        .zip(views)
        .map(|(r, v)| coverage_of(plan, r, v))
        .collect();
    json(&coverage)
}

/// A recommendation as lists show it.
#[derive(Serialize)]
pub struct RecommendationView<'a> {
    pub reference: &'a str,
    /// "3YDP 10.1"
    pub label: String,
    pub title: Option<&'a str>,
    pub href: String,
    /// Its words as HTML; `None` for one the plan cites by reference only.
    pub text: Option<String>,
    pub audiences: Vec<&'a str>,
    pub local: bool,
    pub facts: &'a [(String, String)],
    pub answered_by: Vec<StatusLink<'a>>,
    /// The priorities that answer it as a whole.
    pub answered_by_priorities: Vec<AnsweringPriority<'a>>,
    /// Some action area or priority answers it.
    pub answered: bool,
}

/// A priority answering a recommendation as a whole.
#[derive(Serialize)]
pub struct AnsweringPriority<'a> {
    pub number: u32,
    pub title: &'a str,
    pub href: String,
}

/// A heading of the register and the items directly under it.
#[derive(Serialize)]
struct Section<'v> {
    title: &'v str,
    level: usize,
    items: Vec<&'v RecommendationView<'v>>,
}

/// A filter link: all items, or those for one audience.
#[derive(Serialize)]
struct Filter<'a> {
    label: &'a str,
    href: String,
    count: usize,
    current: bool,
}

/// A register's headline numbers: how much of what is addressed to the trust has a local answer.
#[derive(Serialize)]
struct Coverage<'v> {
    id: &'v str,
    title: &'v str,
    short_title: &'v str,
    href: String,
    item_label: &'v str,
    item_label_plural: &'v str,
    /// The register holds only the items this plan cites: `items` counts those, not the whole.
    cited_only: bool,
    items: usize,
    local: usize,
    local_answered: usize,
    percent: usize,
    answered: usize,
    gaps: Vec<&'v RecommendationView<'v>>,
    counts: Vec<CountView<'v>>,
    local_audiences: Vec<&'v str>,
}

/// The register's page, and one page per audience showing only the items addressed to it.
fn register_index(
    site: &Site,
    register: &Register,
    items: &[RecommendationView],
    summary: &tera::Value,
) -> Vec<OutputFile> {
    let mut filters: Vec<(Option<&str>, &str, String)> =
        vec![(None, site.word("register_all"), register_href(&register.id))];
    // A register with one audience needs no filter: its one page already shows just that.
    for audience in register
        .audiences
        .iter()
        .filter(|_| register.audiences.len() > 1)
    {
        let href = format!("registers/{}-{}.html", register.id, audience.id);
        filters.push((Some(audience.id.as_str()), audience.label.as_str(), href));
    }
    let shows = |filter: Option<&str>, item: &RecommendationView| {
        filter.is_none_or(|a| item.audiences.contains(&a))
    };
    let mut files = Vec::new();
    for (filter, label, href) in &filters {
        let links: Vec<Filter> = filters
            .iter()
            .map(|(f, l, h)| Filter {
                label: l,
                href: h.clone(),
                count: items.iter().filter(|i| shows(*f, i)).count(),
                current: h == href,
            })
            .collect();
        let shown: Vec<&RecommendationView> = items.iter().filter(|i| shows(*filter, i)).collect();
        let extra: Extra = vec![
            ("register", summary.clone()),
            (
                "summary",
                json(&site.markdown(&register.summary, "../", true)),
            ),
            ("published", json(&register.published)),
            ("publisher", json(&register.publisher)),
            ("url", json(&register.url)),
            ("filters", json(&links)),
            ("filter", json(&filter.map(|_| label))),
            ("sections", json(&sections(register, &shown))),
            ("count", json(&shown.len())),
        ];
        files.extend(site.page("register.html", href, "../", extra));
    }
    files
}

fn recommendation_view<'v>(
    site: &Site<'v>,
    register: &'v Register,
    item: &'v Recommendation,
) -> RecommendationView<'v> {
    let plan: &'v Plan = site.plan;
    RecommendationView {
        reference: &item.reference,
        label: label(register, item),
        title: item.title.as_deref(),
        href: recommendation_href(&item.reference),
        text: item.text.as_ref().map(|t| site.markdown(t, "../", true)),
        audiences: item.audiences.iter().map(String::as_str).collect(),
        local: register.is_local(item),
        facts: &item.facts,
        answered_by: plan
            .answers
            .answering(&item.reference)
            .iter()
            .map(|&at| StatusLink::to(plan, plan.action_at(at).1))
            .collect(),
        answered_by_priorities: plan
            .answers
            .answering_priorities(&item.reference)
            .iter()
            .map(|&p| {
                let priority = &plan.priorities[p];
                AnsweringPriority {
                    number: priority.number,
                    title: &priority.title,
                    href: priority_href(&priority.id),
                }
            })
            .collect(),
        answered: plan.answers.is_answered(&item.reference),
    }
}

fn coverage_of<'v>(
    plan: &'v Plan,
    register: &'v Register,
    items: &'v [RecommendationView<'v>],
) -> Coverage<'v> {
    let local: Vec<&RecommendationView> = items.iter().filter(|i| i.local).collect();
    let local_answered = local.iter().filter(|i| i.answered).count();
    let mut actions: Vec<_> = register
        .items
        .iter()
        .flat_map(|i| plan.answers.answering(&i.reference))
        .copied()
        .collect();
    actions.sort();
    actions.dedup();
    Coverage {
        id: &register.id,
        title: &register.title,
        short_title: &register.short_title,
        href: register_href(&register.id),
        item_label: &register.item_label,
        item_label_plural: &register.item_label_plural,
        cited_only: register.cited_only,
        items: items.len(),
        local: local.len(),
        local_answered,
        percent: (local_answered * 100).checked_div(local.len()).unwrap_or(0),
        answered: items.iter().filter(|i| i.answered).count(),
        gaps: local.into_iter().filter(|i| !i.answered).collect(),
        counts: counts(plan, actions.into_iter().map(|at| plan.action_at(at).1)),
        local_audiences: register
            .audiences
            .iter()
            .filter(|a| a.local)
            .map(|a| a.label.as_str())
            .collect(),
    }
}

/// The register's groups as headings, in source order, each with the shown items directly under
/// it. A heading is kept when it or a group inside it has an item; items in no group come first.
fn sections<'v>(register: &'v Register, shown: &[&'v RecommendationView<'v>]) -> Vec<Section<'v>> {
    let in_group = |group: Option<&str>| -> Vec<&'v RecommendationView<'v>> {
        shown
            .iter()
            .zip(shown.iter().map(|v| item_group(register, v.reference)))
            .filter(|(_, g)| *g == group)
            .map(|(v, _)| *v)
            .collect()
    };
    let mut sections = Vec::new();
    let ungrouped = in_group(None);
    if !ungrouped.is_empty() {
        sections.push(Section {
            title: "",
            level: 2,
            items: ungrouped,
        });
    }
    for group in &register.groups {
        let has_items = shown.iter().any(|v| {
            item_group(register, v.reference).is_some_and(|g| is_within(register, g, &group.id))
        });
        if has_items {
            let depth = ancestors(register, &group.id).len();
            sections.push(Section {
                title: &group.title,
                level: (2 + depth).min(6),
                items: in_group(Some(&group.id)),
            });
        }
    }
    sections
}

fn item_group<'v>(register: &'v Register, reference: &str) -> Option<&'v str> {
    register
        .items
        .iter()
        .find(|i| i.reference == reference)
        .and_then(|i| i.group.as_deref())
}

/// True when group `inner` is `outer` or sits somewhere inside it.
fn is_within(register: &Register, inner: &str, outer: &str) -> bool {
    inner == outer || ancestors(register, inner).contains(&outer)
}

/// The groups a group sits inside, nearest first.
fn ancestors<'v>(register: &'v Register, id: &str) -> Vec<&'v str> {
    let mut chain = Vec::new();
    let mut current = register.group(id).and_then(|g| g.parent.as_deref());
    while let Some(parent) = current {
        if chain.contains(&parent) {
            break; // validation forbids cycles; never loop on bad data
        }
        chain.push(parent);
        current = register.group(parent).and_then(|g| g.parent.as_deref());
    }
    chain
}

/// The titles of an item's group and the groups it sits inside, outermost first.
fn group_path<'v>(register: &'v Register, reference: &str) -> Vec<&'v str> {
    let Some(group) = item_group(register, reference) else {
        return Vec::new();
    };
    let mut path: Vec<&str> = ancestors(register, group).into_iter().rev().collect();
    path.push(group);
    path.iter()
        .filter_map(|id| register.group(id).map(|g| g.title.as_str()))
        .collect()
}

fn audience_labels<'v>(register: &'v Register, ids: &[&str]) -> Vec<&'v str> {
    ids.iter()
        .filter_map(|id| register.audience(id).map(|a| a.label.as_str()))
        .collect()
}
