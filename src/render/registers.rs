//! Pages for national recommendations: the registers' index, each register grouped as its source
//! groups it (and one filtered page per audience, so filtering needs no JavaScript), a page per
//! recommendation with the local action areas answering it, and the coverage page with the gap list.

use rayon::prelude::*;
use serde::Serialize;

use super::views::{counts, status_view, CountView, StatusView};
use super::{json, Extra, OutputFile, Renderer};
use crate::model::{Plan, Recommendation, Register};

/// A recommendation as lists show it.
#[derive(Serialize)]
pub struct RecommendationView<'a> {
    pub reference: &'a str,
    /// "3YDP 10.1"
    pub label: String,
    pub title: Option<&'a str>,
    pub href: String,
    pub text: String,
    pub audiences: Vec<&'a str>,
    pub local: bool,
    pub facts: &'a [(String, String)],
    pub answered_by: Vec<AnsweringAction<'a>>,
}

/// A local action area answering a recommendation.
#[derive(Serialize)]
pub struct AnsweringAction<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub href: String,
    pub status: StatusView<'a>,
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
    items: usize,
    local: usize,
    local_answered: usize,
    percent: usize,
    answered: usize,
    gaps: Vec<&'v RecommendationView<'v>>,
    counts: Vec<CountView<'v>>,
    local_audiences: Vec<&'v str>,
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

impl<'a> Renderer<'a> {
    /// Every page about recommendations, rendered from views built once.
    /// The register pages, and each register's coverage (for the print edition to reuse).
    /// The registers' pages, handed on as they are made (each recommendation's page in parallel),
    /// and the coverage of every register, which the print edition shows too.
    pub(super) fn register_pages(&self) -> tera::Value {
        let plan = self.plan;
        let views: Vec<Vec<RecommendationView>> = plan
            .registers
            .par_iter()
            .map(|r| {
                r.items
                    .iter()
                    .map(|i| self.recommendation_view(r, i))
                    .collect()
            })
            .collect();
        let coverage: Vec<Coverage> = plan
            .registers
            .iter()
            .zip(&views)
            .map(|(r, v)| coverage(plan, r, v))
            .collect();
        let coverage_json = json(&coverage);
        for page in ["recommendations.html", "coverage.html"] {
            let extra = vec![("registers", coverage_json.clone())];
            self.emit(self.page(page, page, "", extra));
        }
        for ((register, items), summary) in plan.registers.iter().zip(&views).zip(&coverage) {
            self.emit(self.register_index(register, items, summary));
            let summary_json = json(summary);
            items.par_iter().for_each(|item| {
                let extra: Extra = vec![
                    ("recommendation", json(item)),
                    ("register", summary_json.clone()),
                    ("groups", json(&group_path(register, item.reference))),
                    (
                        "audiences",
                        json(&audience_labels(register, &item.audiences)),
                    ),
                ];
                self.emit(self.page("recommendation.html", &item.href, "../", extra));
            });
        }
        coverage_json
    }

    /// The register's page, and one page per audience showing only the items addressed to it.
    fn register_index(
        &self,
        register: &Register,
        items: &[RecommendationView],
        summary: &Coverage,
    ) -> Vec<OutputFile> {
        let mut filters: Vec<(Option<&str>, &str, String)> =
            vec![(None, self.word("register_all"), register_href(&register.id))];
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
            let shown: Vec<&RecommendationView> =
                items.iter().filter(|i| shows(*filter, i)).collect();
            let extra: Extra = vec![
                ("register", json(summary)),
                (
                    "summary",
                    json(&self.markdown(&register.summary, "../", true)),
                ),
                ("published", json(&register.published)),
                ("publisher", json(&register.publisher)),
                ("url", json(&register.url)),
                ("filters", json(&links)),
                ("filter", json(&filter.map(|_| label))),
                ("sections", json(&sections(register, &shown))),
                ("count", json(&shown.len())),
            ];
            files.extend(self.page("register.html", href, "../", extra));
        }
        files
    }

    fn recommendation_view<'v>(
        &self,
        register: &'v Register,
        item: &'v Recommendation,
    ) -> RecommendationView<'v>
    where
        'a: 'v,
    {
        let plan: &'v Plan = self.plan;
        RecommendationView {
            reference: &item.reference,
            label: label(register, item),
            title: item.title.as_deref(),
            href: recommendation_href(&item.reference),
            text: self.markdown(&item.text, "../", true),
            audiences: item.audiences.iter().map(String::as_str).collect(),
            local: register.is_local(item),
            facts: &item.facts,
            answered_by: plan
                .answers
                .answering(&item.reference)
                .iter()
                .map(|&at| {
                    let (_, action) = plan.action_at(at);
                    AnsweringAction {
                        reference: &action.reference,
                        title: &action.title,
                        href: super::views::action_href(&action.id),
                        status: status_view(plan.status(&action.status)),
                    }
                })
                .collect(),
        }
    }
}

fn coverage<'v>(
    plan: &'v Plan,
    register: &'v Register,
    items: &'v [RecommendationView<'v>],
) -> Coverage<'v> {
    let local: Vec<&RecommendationView> = items.iter().filter(|i| i.local).collect();
    let local_answered = local.iter().filter(|i| !i.answered_by.is_empty()).count();
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
        items: items.len(),
        local: local.len(),
        local_answered,
        percent: (local_answered * 100).checked_div(local.len()).unwrap_or(0),
        answered: items.iter().filter(|i| !i.answered_by.is_empty()).count(),
        gaps: local
            .into_iter()
            .filter(|i| i.answered_by.is_empty())
            .collect(),
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
