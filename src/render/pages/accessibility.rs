//! `accessibility.html`: the accessibility statement, after the GOV.UK model statement for public
//! sector websites. Its words are the theme's and its facts (contact, dates, known issues) the
//! plan's; a page of `content/pages/` named `accessibility.md` adds the trust's own words about
//! the site in the middle of it, rather than being a page of its own at the same address.

use super::{Kind, Lists};
use crate::model::Plan;
use crate::render::page::{Extra, Page};
use crate::render::search::Doc;
use crate::render::site::Site;

pub struct Accessibility;

/// The statement's address, and the slug of the page of `content/pages/` it takes in.
pub const PATH: &str = "accessibility.html";
pub const SLUG: &str = "accessibility";

impl Kind for Accessibility {
    fn make(&self, site: &Site, _: &Lists) {
        let plan = site.plan;
        let own = plan.pages.iter().find(|p| p.slug == SLUG);
        let statement = serde_json::json!({
            "prepared": site.date(plan.statement.prepared),
            "reviewed": site.date(plan.statement.reviewed),
            "known_issues": plan.statement.known_issues,
            "own_html": own.map(|p| site.markdown(&p.body, "", false)),
        });
        let mut page = Page::new("accessibility.html", PATH, "");
        if let Some(own) = own {
            page = page.from(own.body.place());
        }
        site.emit(site.make(page, vec![("statement", statement)]));
    }

    /// The trust's own page, if any, is searched as one of the plan's pages.
    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
