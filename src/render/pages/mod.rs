//! Every kind of page the site has, each declared once, in `KINDS`: which files it makes from the
//! plan and the theme, which documents it adds to the search index, and what it adds to the print
//! edition. The search index, the print edition and the sitemap take their entries from this one
//! list, so a kind added here cannot be left out of them.

mod accessibility;
mod dashboard;
mod data;
mod files;
mod find;
mod glossary;
mod home;
mod measure;
mod not_found;
mod owner;
mod page;
mod print;
mod priority;
mod register;
mod risk;
mod search;
mod sitemap;
mod timeline;
mod update;
mod versions;

use std::sync::Mutex;

use rayon::prelude::*;

use super::page::Extra;
use super::search::Doc;
use super::site::Site;
use super::views::priority::{priority_views, PriorityView};
use super::Bytes;
use crate::model::Plan;
pub use register::RecommendationView;

/// A kind of page.
pub trait Kind: Sync {
    /// Makes the pages an edit is most likely about (a priority's and its action areas'), before
    /// any other: `serve` shows them first. Returns their parts of the print edition, in order.
    fn make_first(&self, site: &Site) -> Vec<Bytes> {
        let _ = site;
        Vec::new()
    }

    /// Makes its files, handing each to the site as soon as it is made.
    fn make(&self, site: &Site, lists: &Lists);

    /// Adds the documents a reader may search for to the search index, in the order they are
    /// listed in results.
    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>);

    /// Adds what the print edition (`print.html`) shows of it to the edition's values.
    fn print(&self, site: &Site, lists: &Lists, values: &mut Extra);
}

/// Every kind of page, in the order their documents come in search results. Each kind's files are
/// made side by side with the others'; the longest jobs (the print edition, the search index) come
/// first and last, so an idle core takes the first and the core that spawns them the last.
pub const KINDS: &[&dyn Kind] = &[
    &print::Print,
    &priority::Priorities,
    &register::Registers,
    &page::Pages,
    &accessibility::Accessibility,
    &update::Updates,
    &measure::Measures,
    &risk::Risks,
    &home::Home,
    &owner::Owners,
    &timeline::Timeline,
    &dashboard::Dashboard,
    &glossary::Glossary,
    &find::Finding,
    &data::Data,
    &versions::Versions,
    &not_found::NotFound,
    &files::Files,
    &search::Search,
    // It lists the pages of all the others, so it is made after them.
    &sitemap::Sitemap,
];

/// What several kinds of page show, made once: the priorities, owners and registers as lists
/// show them, and the priorities' parts of the print edition.
pub struct Lists<'a> {
    /// Every priority, its action areas in summary.
    pub priorities: Vec<PriorityView<'a>>,
    /// Each register's recommendations.
    pub recommendations: Vec<Vec<RecommendationView<'a>>>,
    /// Every register's coverage, in order: how much addressed to the trust has a local answer.
    pub coverage: tera::Value,
    /// The priorities' parts of the print edition, in order, until the edition takes them.
    pub print_parts: Mutex<Vec<Bytes>>,
}

impl<'a> Lists<'a> {
    fn new(site: &Site<'a>, print_parts: Vec<Bytes>) -> Lists<'a> {
        let recommendations = register::views(site);
        Lists {
            coverage: register::coverage(site.plan, &recommendations),
            recommendations,
            priorities: priority_views(site),
            print_parts: Mutex::new(print_parts),
        }
    }
}

/// Makes every kind's files: first the pages an edit is most likely about (handed to `serve`
/// early), then everything else, side by side.
pub fn make_all(site: &Site) {
    let print_parts = KINDS.iter().flat_map(|k| k.make_first(site)).collect();
    site.past_early();
    if site.stopped() {
        return;
    }
    let lists = Lists::new(site, print_parts);
    let (last, rest) = KINDS.split_last().unwrap_or((&KINDS[0], &[]));
    rayon::scope(|s| {
        for kind in rest {
            let lists = &lists;
            // A job not started when the run stops being wanted (in `serve`, a newer save came
            // in) is skipped.
            s.spawn(move |_| {
                if !site.stopped() {
                    kind.make(site, lists);
                }
            });
        }
    });
    if !site.stopped() {
        last.make(site, &lists);
    }
}

/// Every document the search index lists, from every kind, in order.
pub fn search_documents(plan: &Plan) -> Vec<Doc<'_>> {
    let mut docs = Vec::new();
    for kind in KINDS {
        kind.search(plan, &mut docs);
    }
    docs
}

/// The values of the print edition, from every kind.
pub fn print_values(site: &Site, lists: &Lists) -> Extra {
    let mut values = Extra::new();
    for kind in KINDS {
        kind.print(site, lists, &mut values);
    }
    values
}

/// Pages made in parallel, each handed on as it is made.
fn emit_each<T: Sync>(
    site: &Site,
    items: &[T],
    page: impl Fn(&T) -> Option<super::OutputFile> + Sync,
) {
    items.par_iter().for_each(|item| site.emit(page(item)));
}
