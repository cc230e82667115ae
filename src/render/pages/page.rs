//! The plan's own pages, written in Markdown in `content/pages/`: a page each, and, for those in
//! the menu, a part of the print edition.

use super::{emit_each, Kind, Lists};
use crate::model::Plan;
use crate::render::page::{json, Extra, Page};
use crate::render::search::Doc;
use crate::render::site::{Site, Style};
use crate::render::views::page_href;

pub struct Pages;

impl Kind for Pages {
    fn make(&self, site: &Site, _: &Lists) {
        emit_each(site, &site.plan.pages, |page| {
            // The accessibility statement takes that page in (see `accessibility`).
            if page.slug == super::accessibility::SLUG {
                return None;
            }
            let html = site.markdown(&page.body, "", false);
            let view =
                serde_json::json!({ "title": page.title, "summary": page.summary, "html": html });
            let href = page_href(&page.slug);
            let made = Page::new("page.html", &href, "").from(page.body.place());
            site.make(made, vec![("page", view)])
        });
    }

    fn search<'p>(&self, plan: &'p Plan, docs: &mut Vec<Doc<'p>>) {
        for page in &plan.pages {
            docs.push(Doc {
                title: page.title.clone(),
                url: page_href(&page.slug),
                kind: "page",
                status: None,
                line: None,
                texts: vec![&page.body.markdown],
            });
        }
    }

    /// The pages in the menu, their heading ids prefixed so the many documents sharing the
    /// edition's one page never share an id.
    fn print(&self, site: &Site, _: &Lists, values: &mut Extra) {
        let pages: Vec<_> = site
            .plan
            .pages
            .iter()
            .filter(|p| p.order.is_some())
            .map(|p| {
                let prefix = format!("page-{}-", p.slug);
                serde_json::json!({
                    "id": format!("page-{}", p.slug),
                    "title": p.title,
                    "html": site.markdown_as(&p.body, "../", Style::Block(&prefix)),
                })
            })
            .collect();
        values.push(("pages", json(&pages)));
    }
}
