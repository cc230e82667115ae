//! Ways to find an action area without a search box or JavaScript: an A to Z, and a page for each
//! status listing the action areas that have it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::views::priority::PriorityView;
use crate::render::views::{status_href, status_view, StatusView};
use crate::render::OutputFile;

pub struct Finding;

impl Kind for Finding {
    fn make(&self, site: &Site, lists: &Lists) {
        site.emit(pages(site, &lists.priorities));
    }

    /// They list the action areas, which the search index lists itself.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

#[derive(Serialize, Clone)]
struct Found<'v> {
    reference: &'v str,
    title: &'v str,
    href: &'v str,
    status: StatusView<'v>,
    priority: String,
}

fn pages(site: &Site, priorities: &[PriorityView]) -> Vec<OutputFile> {
    let label = &site.plan.labels.priority;
    let all: Vec<Found> = priorities
        .iter()
        .flat_map(|p| {
            p.actions.iter().map(move |a| Found {
                reference: a.reference,
                title: a.title,
                href: &a.href,
                status: a.status.clone(),
                priority: format!("{label} {}: {}", p.heading.number, p.heading.title),
            })
        })
        .collect();
    let mut letters: BTreeMap<String, Vec<Found>> = BTreeMap::new();
    for found in &all {
        let first = found
            .title
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().to_string());
        let letter = first
            .filter(|l| l.chars().all(char::is_alphabetic))
            .unwrap_or_else(|| "#".into());
        letters.entry(letter).or_default().push(found.clone());
    }
    for list in letters.values_mut() {
        list.sort_by_key(|f| f.title.to_lowercase());
    }
    let letters: Vec<(String, Vec<Found>)> = letters.into_iter().collect();
    let mut files: Vec<OutputFile> = site
        .page(
            "a-z.html",
            "a-z.html",
            "",
            vec![("letters", json(&letters))],
        )
        .into_iter()
        .collect();
    for status in &site.plan.statuses {
        let with: Vec<&Found> = all.iter().filter(|f| f.status.id == status.id).collect();
        let extra = vec![
            ("status", json(&status_view(status))),
            ("actions", json(&with)),
        ];
        files.extend(site.page("status.html", &status_href(&status.id), "../", extra));
    }
    files
}
