//! `sitemap.xml`: the address of every page the other kinds made, for search engines.

use tera::Context;

use super::{not_found, Kind, Lists};
use crate::lock;
use crate::model::Plan;
use crate::render::page::Extra;
use crate::render::search::Doc;
use crate::render::site::{file, Site};

pub struct Sitemap;

impl Kind for Sitemap {
    /// Only when the plan gives its `base_url`: a sitemap's addresses must be whole.
    fn make(&self, site: &Site, _: &Lists) {
        let Some(base_url) = &site.plan.base_url else {
            return;
        };
        let mut paths = lock(&site.out.paths).clone();
        paths.sort();
        let urls: Vec<String> = paths
            .iter()
            .filter(|p| p.ends_with(".html") && *p != not_found::PATH)
            .map(|p| format!("{base_url}{p}"))
            .collect();
        let mut context = Context::new();
        context.insert("urls", &urls);
        // W3C Datetime allows a month ("2018-02") where the plan gives no day.
        context.insert("lastmod", &site.plan.report_date_iso());
        if let Some(xml) = site.render("sitemap.xml", &context) {
            site.emit([file("sitemap.xml", xml.into_bytes().into())]);
        }
    }

    fn search<'p>(&self, _: &'p Plan, _: &mut Vec<Doc<'p>>) {}

    fn print(&self, _: &Site, _: &Lists, _: &mut Extra) {}
}
