//! The priorities' pages and their action areas' pages: made first (an edit is most likely about
//! one of them, and `serve` shows them before the rest), one priority at a time, each priority's
//! actions viewed in full only here, so a large plan never holds every action's rendered text at
//! once. The same full view gives the priority's part of the print edition.

use rayon::prelude::*;

use super::{Kind, Lists};
use crate::model::{Place, Plan};
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::Site;
use crate::render::trim::trim_lines;
use crate::render::views::action::Detail;
use crate::render::views::priority::{headings, priority_view, PriorityLink, PriorityView};
use crate::render::views::{action_href, priority_href};
use crate::render::{cache, print_part_key, Bytes, OutputFile, PriorityPages};

pub struct Priorities;

impl Kind for Priorities {
    fn make_first(&self, site: &Site) -> Vec<Bytes> {
        priority_pages(site)
    }

    fn make(&self, _: &Site, _: &Lists) {}

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for (priority, action) in plan.actions() {
            let mut texts = vec![
                priority.title.as_str(),
                plan.status(&action.status).label.as_str(),
            ];
            let bullets = action.achieve.iter().chain(&action.doing);
            let columns = action.columns.iter().flat_map(|(_, texts)| texts);
            let bullets = bullets.chain(&action.families).chain(columns);
            let written = bullets.chain(action.narrative.texts());
            texts.extend(written.map(|t| &*t.markdown));
            docs.push(Doc {
                title: format!("{} {}", action.reference, action.title),
                url: action_href(&action.id),
                kind: "action",
                status: Some(plan.status(&action.status).label.as_str()),
                line: action
                    .achieve
                    .iter()
                    .chain(&action.doing)
                    .next()
                    .map(|t| &*t.markdown),
                texts,
            });
        }
        for p in &plan.priorities {
            docs.push(Doc {
                title: format!("{} {}: {}", plan.labels.priority, p.number, p.title),
                url: priority_href(&p.id),
                kind: "priority",
                status: None,
                line: None,
                texts: [&p.workstream, &p.trust_priority]
                    .into_iter()
                    .map(String::as_str)
                    .chain(p.narrative.texts().map(|t| &*t.markdown))
                    .collect(),
            });
        }
    }

    fn print(&self, _: &Site, lists: &Lists, values: &mut Extra) {
        values.push(("priorities", json(&headings(&lists.priorities))));
    }
}

/// A page per priority, with links to its neighbours, and a page per action area: independent
/// pages, rendered in parallel. Each priority's actions are viewed in full only here, one
/// priority at a time, so a large plan never holds every action's rendered text at once; the
/// same view gives the priority's part of the print edition, returned in order.
fn priority_pages(site: &Site) -> Vec<Bytes> {
    (0..site.plan.priorities.len())
        .into_par_iter()
        .map(|i| {
            let model = &site.plan.priorities[i];
            // In `serve`, a priority that is the same model (the model keeps a priority a
            // save did not touch) in the same surroundings is not viewed again.
            let surroundings = || {
                let around = site.fingerprints.around_priorities.get_or_init(|| {
                    cache::around_priorities(site.plan, site.sources, site.attachments)
                });
                cache::fingerprint(&(site.theme.fingerprint, *around, i))
            };
            let made = site
                .reuse()
                .priority(model, &surroundings, &mut || priority_files(site, i));
            let Some(PriorityPages { files, print_part }) = made else {
                return Bytes::default();
            };
            site.keep_early(&files);
            site.emit(files);
            print_part
        })
        .collect()
}

/// The page of the `i`th priority, its action areas' pages, and its part of the print edition;
/// `None` if a page could not be made (the problem is reported).
fn priority_files(site: &Site, i: usize) -> Option<PriorityPages> {
    let (plan, priorities) = (site.plan, &site.plan.priorities);
    let model = &priorities[i];
    let priority = priority_view(site, model, Detail::Full);
    let neighbour = |j: Option<usize>| {
        let link = j
            .and_then(|j| priorities.get(j))
            .map(|p| PriorityLink::to(plan, p));
        json(&link)
    };
    let page = Page::new("priority.html", &priority.heading.href, "../").from(model.place);
    let link = json(&PriorityLink::to(plan, model));
    let page_and_print = || {
        let extra = vec![
            ("priority", json(&priority)),
            ("previous", neighbour(i.checked_sub(1))),
            ("next", neighbour(Some(i + 1))),
        ];
        let page = site.make(page, extra);
        (page, print_part(site, &priority, model.place))
    };
    let actions = || {
        let actions = priority
            .actions
            .par_iter()
            .zip(&model.actions)
            .map(|(action, made_from)| {
                let extra = vec![("action", json(action)), ("priority", link.clone())];
                let page = Page::new("action.html", &action.href, "../").from(made_from.place);
                site.make(page, extra)
            })
            .collect::<Vec<Option<OutputFile>>>();
        if actions.iter().all(Option::is_some) {
            site.show_now(actions.iter().flatten());
        }
        actions
    };
    // The priority's page and its part of the print edition are each one long render of every
    // action area. `serve` makes the action areas' pages first, on all cores, and shows them at
    // once: an edit is most likely about one of them. A build makes them beside the two long
    // renders, so a register of thousands keeps both cores busy rather than one.
    let ((page, print_part), actions) = if site.reuse().shows_early() {
        let actions = actions();
        (page_and_print(), actions)
    } else {
        rayon::join(page_and_print, actions)
    };
    let mut files: Vec<OutputFile> = page.into_iter().collect();
    let whole = files.len() == 1 && actions.iter().all(Option::is_some);
    files.extend(actions.into_iter().flatten());
    whole.then_some(PriorityPages {
        files,
        print_part: print_part?,
    })
}

/// A priority's part of the edition, from its full view.
fn print_part(site: &Site, priority: &PriorityView, from: Place) -> Option<Bytes> {
    let key = print_part_key(priority.heading.id);
    let extra = vec![("p", json(priority))];
    let page = Page::new("print-priority.html", "print/index.html", "../").from(from);
    site.cached(page, &key, extra, |html| trim_lines(&html).into_bytes())
}
