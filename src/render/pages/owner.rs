//! The accountable owners: a page listing them, and a page for each with what they answer for.
//! An owner answers for the priorities the plan names them for, and for each action area whose
//! owners (its own, or else its priority's) include them; one may own only action areas.

use std::collections::HashMap;

use serde::Serialize;

use super::{emit_each, Kind, Lists};
use crate::model::{Action, Plan};
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::action::ActionView;
use crate::render::views::owner::{accountable, chairs, description};
use crate::render::views::priority::{headings, PriorityHeading};
use crate::render::views::{action_href, counts, sro_href, CountView};

pub struct Owners;

/// An accountable owner and what they own.
#[derive(Serialize)]
pub struct SroView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub href: String,
    pub summary: String,
    /// Who chairs a group, as a sentence, when the plan says.
    pub chairs: Option<String>,
    /// What they answer for, as a sentence: how many action areas, or that the plan names them
    /// for none.
    pub accountable: String,
    /// The page's description.
    pub description: String,
    pub action_count: usize,
    pub counts: Vec<CountView<'a>>,
    /// Indexes into the list of priorities: those the plan names them for as a whole.
    pub priorities: Vec<usize>,
    /// The action areas they answer for outside those priorities.
    pub actions: Vec<ActionLink<'a>>,
    /// Every priority they answer for any of, with the indexes of those action areas in it.
    #[serde(skip)]
    parts: Vec<(usize, Vec<usize>)>,
}

#[derive(Serialize)]
pub struct ActionLink<'a> {
    pub reference: &'a str,
    pub title: &'a str,
    pub href: String,
}

impl<'a> ActionLink<'a> {
    fn to(action: &'a Action) -> ActionLink<'a> {
        ActionLink {
            reference: &action.reference,
            title: &action.title,
            href: action_href(&action.id),
        }
    }
}

/// A priority as an owner's page shows it: its heading and only the action areas they own.
#[derive(Serialize)]
struct OwnedPart<'v> {
    #[serde(flatten)]
    heading: &'v PriorityHeading<'v>,
    actions: Vec<&'v ActionView<'v>>,
}

impl Kind for Owners {
    fn make(&self, site: &Site, lists: &Lists) {
        // Their summaries' links start from where each page is.
        let extra = vec![
            ("sros", json(&views(site, ""))),
            ("priorities", json(&headings(&lists.priorities))),
            ("lead", json(&index_lead(site))),
            ("all_roles", json(&all_roles(site.plan))),
        ];
        site.emit(site.page("sros.html", "sros.html", "", extra));
        let views = views(site, "../");
        let owners: Vec<_> = views.iter().zip(&site.plan.sros).collect();
        emit_each(site, &owners, |(sro, made_from)| {
            let owned: Vec<OwnedPart> = sro
                .parts
                .iter()
                .map(|(i, actions)| {
                    let priority = &lists.priorities[*i];
                    OwnedPart {
                        heading: &priority.heading,
                        actions: actions.iter().map(|&j| &priority.actions[j]).collect(),
                    }
                })
                .collect();
            let extra = vec![("sro", json(sro)), ("priorities", json(&owned))];
            let page = Page::new("sro.html", &sro.href, "../").from(made_from.place);
            site.make(page, extra)
        });
    }

    /// A reader finds an owner through the priorities they own.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    /// The print edition names each priority's owners with the priority, and lists the owners
    /// with what the plan says of them (their summaries, a group's chairs).
    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        values.push(("owners", json(&views(site, "../"))));
    }
}

/// The owners' page's opening sentence: the plan's own way of naming owners when it gives each
/// priority exactly one, and plainly what it does otherwise.
fn index_lead(site: &Site) -> String {
    let plan = site.plan;
    let labels = &plan.labels;
    let lower = |word: &str| word.to_lowercase();
    let values = [
        ("priority", lower(&labels.priority)),
        ("priorities", lower(&labels.priorities)),
        ("action", lower(&labels.action)),
        ("actions", lower(&labels.actions)),
        ("sro_long", lower(&labels.sro_long)),
        ("sro", labels.sro.clone()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let actions_own_none = plan.actions().all(|(_, a)| a.owners.is_empty());
    let key = if plan.sros.is_empty() {
        "sros_lead_none"
    } else if actions_own_none && plan.priorities.iter().all(|p| p.owners.len() == 1) {
        "sros_lead_each"
    } else {
        "sros_lead_named"
    };
    site.say(key, &values)
}

/// Whether every owner is a role: the page's description then says "the people, by role".
fn all_roles(plan: &Plan) -> bool {
    let role = crate::model::OwnerKind::Role;
    plan.sros.iter().all(|s| s.kind == role)
}

/// Every owner, with the priorities and action areas they own and those action areas' counts by
/// status, as a page `root` below the top shows them.
fn views<'a>(site: &Site<'a>, root: &str) -> Vec<SroView<'a>> {
    let plan = site.plan;
    let words = &site.theme.words;
    let mut parts = owned_parts(plan);
    plan.sros
        .iter()
        .map(|s| {
            let parts = parts.remove(s.id.as_str()).unwrap_or_default();
            let owned: Vec<usize> = (0..plan.priorities.len())
                .filter(|&i| plan.priorities[i].owners.contains(&s.id))
                .collect();
            let outside: Vec<_> = parts
                .iter()
                .filter(|(i, _)| !owned.contains(i))
                .cloned()
                .collect();
            let action_count = actions_in(plan, &parts).count();
            let owns_any = !parts.is_empty();
            SroView {
                id: &s.id,
                title: &s.title,
                href: sro_href(&s.id),
                summary: site.markdown(&s.summary, root, true),
                chairs: chairs(words, s),
                accountable: accountable(words, &plan.labels, s, owns_any.then_some(action_count)),
                description: description(words, s, &plan.title),
                action_count,
                counts: counts(plan, actions_in(plan, &parts)),
                actions: actions_in(plan, &outside).map(ActionLink::to).collect(),
                priorities: owned,
                parts,
            }
        })
        .collect()
}

/// The action areas these parts of the plan hold, in plan order.
fn actions_in<'p, 'q>(
    plan: &'p Plan,
    parts: &'q [(usize, Vec<usize>)],
) -> impl Iterator<Item = &'p Action> + Clone + use<'p, 'q> {
    parts.iter().flat_map(move |(i, actions)| {
        let priority = &plan.priorities[*i];
        actions.iter().map(move |&j| &priority.actions[j])
    })
}

/// For each owner id, every priority they answer for any of (in order, those they own as a whole
/// included even with no action areas), with the indexes of the action areas in it they own.
fn owned_parts(plan: &Plan) -> HashMap<&str, Vec<(usize, Vec<usize>)>> {
    let mut parts: HashMap<&str, Vec<(usize, Vec<usize>)>> = HashMap::new();
    for (i, p) in plan.priorities.iter().enumerate() {
        let mut here: HashMap<&str, Vec<usize>> = HashMap::new();
        for id in &p.owners {
            here.entry(id).or_default();
        }
        for (j, a) in p.actions.iter().enumerate() {
            for id in plan.owners_of(p, a) {
                here.entry(id).or_default().push(j);
            }
        }
        for (id, actions) in here {
            parts.entry(id).or_default().push((i, actions));
        }
    }
    parts
}
