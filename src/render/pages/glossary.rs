//! The glossary: every abbreviation the plan uses and what it stands for. Every other page links
//! each term's first use here.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra};
use crate::render::search::Doc;
use crate::render::site::Site;

pub struct Glossary;

impl Kind for Glossary {
    fn make(&self, site: &Site, _: &Lists) {
        let plan = site.plan;
        if plan.glossary.is_empty() {
            return;
        }
        let terms: Vec<_> = plan
            .glossary
            .iter()
            .map(|t| serde_json::json!({ "term": t.term, "expansion": t.expansion, "meaning": t.meaning, "id": crate::validate::slugify(&t.term) }))
            .collect();
        let extra = vec![("terms", json(&terms))];
        // Its own terms are what it explains: none is marked as a term to look up here.
        site.emit(site.page_unmarked("glossary.html", "glossary.html", "", extra));
    }

    /// Terms are explained where they are used; searching finds those pages.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        let glossary = site.plan.glossary.iter();
        let terms: Vec<_> = glossary
            .map(|t| (&t.term, &t.expansion, &t.meaning))
            .collect();
        values.push(("glossary", json(&terms)));
    }
}
