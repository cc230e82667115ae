//! The updates: a list of them, a page for each, and the Atom feed; and what changed in the latest,
//! for the home page. No updates: none of these.

use serde::Serialize;

use super::{Kind, Lists};
use crate::model::{Plan, Update};
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::{file, Site};
use crate::render::views::action::{evidence, EvidenceView};
use crate::render::views::*;
use crate::render::OutputFile;

pub struct Updates;

impl Kind for Updates {
    fn make(&self, site: &Site, _: &Lists) {
        site.emit(update_pages(site));
    }

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for update in &plan.updates {
            let notes = update.changes.iter().map(|c| &*c.note.markdown);
            docs.push(Doc {
                title: update.title.clone(),
                url: update_href(&update.slug),
                kind: "update",
                status: None,
                line: None,
                texts: std::iter::once(update.summary.as_str())
                    .chain(notes)
                    .collect(),
            });
        }
    }

    /// The print edition shows each action area's status, not the updates that set it.
    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}

/// An action area an update changed, with its status before and after.
#[derive(Serialize)]
struct ChangeView<'a> {
    reference: &'a str,
    title: &'a str,
    href: String,
    from: StatusView<'a>,
    to: StatusView<'a>,
    assurance: Option<AssuranceView<'a>>,
    note: String,
    evidence: Vec<EvidenceView<'a>>,
    accepted_by: Option<&'a str>,
    accepted_on: Option<DateView>,
}

#[derive(Serialize)]
struct UpdateView<'a> {
    slug: &'a str,
    title: &'a str,
    author: &'a str,
    summary: &'a str,
    date: DateView,
    href: String,
    changes: Vec<ChangeView<'a>>,
    /// Shown only by `serve`, marked as a draft.
    draft: bool,
}

fn update_view<'a>(
    site: &Site<'a>,
    update: &'a Update,
    index: usize,
    root: &str,
) -> UpdateView<'a> {
    let plan = site.plan;
    let changes = update
        .changes
        .iter()
        .filter_map(|change| {
            let (_, action) = plan.action(&change.action)?;
            let entry = action.history.iter().find(|h| h.update == index)?;
            Some(ChangeView {
                reference: &action.reference,
                title: &action.title,
                href: action_href(&action.id),
                from: status_view(plan.status(&entry.previous_status)),
                to: status_view(plan.status(&entry.status)),
                assurance: change
                    .assurance
                    .as_ref()
                    .map(|a| assurance_view(plan.assurance(a))),
                note: site.markdown(&change.note, root, true),
                evidence: evidence(&change.evidence, root),
                accepted_by: change.accepted_by.as_deref(),
                accepted_on: change.accepted_on.map(|d| site.date(d)),
            })
        })
        .collect();
    UpdateView {
        slug: &update.slug,
        title: &update.title,
        author: &update.author,
        summary: &update.summary,
        date: site.date(update.date),
        href: update_href(&update.slug),
        changes,
        draft: update.draft,
    }
}

/// What the latest update changed, for the home page (links from the top of the site).
pub fn latest_changes<'a>(site: &Site<'a>) -> tera::Value {
    let latest = site
        .plan
        .latest_update()
        .map(|u| update_view(site, u, 0, ""));
    json(&latest)
}

/// The updates list, a page per update, and the Atom feed. No updates: none of these.
pub fn update_pages<'a>(site: &Site<'a>) -> Vec<OutputFile> {
    let plan = site.plan;
    if plan.updates.is_empty() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let list: Vec<UpdateView> = plan
        .updates
        .iter()
        .enumerate()
        .map(|(i, u)| update_view(site, u, i, ""))
        .collect();
    files.extend(site.page(
        "updates.html",
        "updates.html",
        "",
        vec![("updates", json(&list))],
    ));
    for (i, update) in plan.updates.iter().enumerate() {
        let view = update_view(site, update, i, "../");
        let body = site.markdown(&update.body, "../", false);
        let extra: Extra = vec![("update", json(&view)), ("body", json(&body))];
        let page = Page::new("update.html", &view.href, "../").from(update.body.place());
        files.extend(site.make(page, extra));
    }
    files.extend(feed(site, &list));
    files
}

/// The Atom feed, when the plan gives its `base_url`: a feed's addresses must be whole.
fn feed<'a>(site: &Site<'a>, updates: &[UpdateView]) -> Option<OutputFile> {
    let base_url = site.plan.base_url.as_ref()?;
    let mut context = tera::Context::new();
    context.insert("site", site.contexts.site());
    context.insert("base_url", base_url);
    context.insert("updates", updates);
    context.insert("updated", &updates.first().map(|u| &u.date.iso));
    let xml = site.render("feed.xml", &context)?;
    Some(file("feed.xml", xml.into_bytes().into()))
}
