//! Ways to find an action area without a search box or JavaScript: an A to Z, and a page for each
//! status listing the action areas that have it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::views::{PriorityView, StatusView};
use super::{json, OutputFile, Renderer};

#[derive(Serialize, Clone)]
struct Found<'v> {
    reference: &'v str,
    title: &'v str,
    href: &'v str,
    status: StatusView<'v>,
    priority: String,
}

pub fn status_href(id: &str) -> String {
    format!("status/{id}.html")
}

impl<'a> Renderer<'a> {
    pub(super) fn finding_pages(&self, priorities: &[PriorityView]) -> Vec<OutputFile> {
        let label = &self.plan.labels.priority;
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
        let mut files: Vec<OutputFile> = self
            .page(
                "a-z.html",
                "a-z.html",
                "",
                vec![("letters", json(&letters))],
            )
            .into_iter()
            .collect();
        for status in &self.plan.statuses {
            let with: Vec<&Found> = all.iter().filter(|f| f.status.id == status.id).collect();
            let extra = vec![
                ("status", json(&super::views::status_view(status))),
                ("actions", json(&with)),
            ];
            files.extend(self.page("status.html", &status_href(&status.id), "../", extra));
        }
        files
    }
}
