//! The print edition: the whole report on one page (`print/index.html`), in reading order, made
//! from the same views as the web pages. Markdown pages are rendered again with their heading ids
//! prefixed, so the many documents sharing this page never share an id.
//!
//! Each priority's part is rendered on its own, beside the priority's page (in parallel, one
//! priority's full views at a time), and put in place of a marker in the rest of the edition, so
//! a region's plan of 50,000 actions never needs every action's text in one template context.

use super::views::{counts, headings, PriorityView};
use super::{json, trim_lines, Extra, Renderer, Style};

/// Where the priorities' parts go in the rendered edition.
const PARTS: &str = "<!-- planpress: the priorities' parts -->";

impl<'a> Renderer<'a> {
    /// Renders the edition and hands it on, written piece by piece: at national scale it is over
    /// 100 MB.
    pub(super) fn print_page(
        &self,
        priorities: &[PriorityView],
        coverage: tera::Value,
        parts: Vec<super::Bytes>,
    ) {
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
            .map(|m| serde_json::json!({ "name": m.name, "words": super::outcomes::in_words(&self.theme.words, m), "href": super::outcomes::measure_href(&m.id) }))
            .collect();
        let glossary: Vec<_> = plan
            .glossary
            .iter()
            .map(|t| (&t.term, &t.expansion))
            .collect();
        let mut extra: Extra = vec![
            ("priorities", json(&headings(priorities))),
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
        extra.push(("priority_parts", json(PARTS)));
        let path = "print/index.html";
        let Some(shell) = self.cached("print.html", path, path, "../", extra, |html| {
            trim_lines(&html).into_bytes()
        }) else {
            return;
        };
        let shell = String::from_utf8_lossy(&shell);
        let (before, after) = shell.split_once(PARTS).unwrap_or((&shell, ""));
        let after = after.strip_prefix('\n').unwrap_or(after);
        // The parts are marked into the edition one by one, and each is let go once written.
        let mut parts = parts.into_iter();
        let mut marker = self.glossary.marker("../glossary.html");
        let mut marked = String::new();
        self.emit_written(path, &mut |out| {
            let mut write = |piece: &str| {
                marked.clear();
                marker.push(piece, &mut marked);
                out.write_all(marked.as_bytes())
            };
            write(before)?;
            for part in parts.by_ref() {
                if self.stopped() {
                    // The build is thrown away: what is written here does not matter.
                    return Ok(());
                }
                write(&String::from_utf8_lossy(&part))?;
            }
            write(after)
        });
    }

    /// A priority's part of the edition, from its full view.
    pub(super) fn print_part(&self, priority: &PriorityView) -> Option<super::Bytes> {
        let key = super::print_part_key(priority.heading.id);
        let extra = vec![("p", json(priority))];
        self.cached(
            "print-priority.html",
            &key,
            "print/index.html",
            "../",
            extra,
            |html| trim_lines(&html).into_bytes(),
        )
    }
}
