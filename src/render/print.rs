//! The print edition: the whole report on one page (`print/index.html`), in reading order, made
//! from the same views as the web pages. Markdown pages are rendered again with their heading ids
//! prefixed, so the many documents sharing this page never share an id.

use super::views::{counts, PriorityView};
use super::{json, Extra, OutputFile, Renderer, Style};

impl<'a> Renderer<'a> {
    pub(super) fn print_page(
        &self,
        priorities: &[PriorityView],
        coverage: tera::Value,
    ) -> Option<OutputFile> {
        let plan = self.plan;
        let pages: Vec<_> = plan
            .pages
            .iter()
            .filter(|p| p.order.is_some())
            .map(|p| {
                let prefix = format!("page-{}-", p.slug);
                serde_json::json!({
                    "id": format!("page-{}", p.slug),
                    "title": p.title,
                    "html": self.markdown_as(&p.body, "../", Style::Block(&prefix)),
                })
            })
            .collect();
        let measures: Vec<_> = plan
            .measures
            .iter()
            .map(|m| serde_json::json!({ "name": m.name, "words": m.in_words(), "href": super::outcomes::measure_href(&m.id) }))
            .collect();
        let glossary: Vec<_> = plan
            .glossary
            .iter()
            .map(|t| (&t.term, &t.expansion))
            .collect();
        let mut extra: Extra = vec![
            ("priorities", json(priorities)),
            (
                "counts",
                json(&counts(plan, plan.actions().map(|(_, a)| a))),
            ),
            ("action_count", json(&plan.actions().count())),
            (
                "introduction",
                json(&self.markdown(&plan.introduction, "../", false)),
            ),
            ("coverage", coverage),
            ("pages", json(&pages)),
            ("measures", json(&measures)),
            ("risks", self.all_risks("../")),
            ("glossary", json(&glossary)),
        ];
        extra.extend(self.timeline_context());
        self.page("print.html", "print/index.html", "../", extra)
    }
}
