//! Rendering one page: a template, the page's own values and the site's, the header and footer,
//! the glossary's terms marked, the lines trimmed. Every kind of page renders through here, so
//! `serve` can keep any page while nothing it is made from changes.

use std::cell::RefCell;
use std::path::Path;

use serde::Serialize;
use serde_json::Map;
use tera::Context;

use super::contexts::Lent;
use super::open_graph;
use super::site::Site;
use super::trim::trim_lines;
use super::{cache, theme, Bytes, OutputFile};
use crate::diagnostics::{ContentError, ThemeKind};
use crate::model::Place;

/// A page's own part of the template context.
pub type Extra = Vec<(&'static str, tera::Value)>;

/// A value as templates see it.
pub fn json<T: Serialize + ?Sized>(value: &T) -> tera::Value {
    serde_json::to_value(value).unwrap_or(tera::Value::Null)
}

/// A page to make: its template, its address, how far below the top of the site it is (`root`,
/// put before every link to the rest of the site), and where the content it shows was written,
/// which a template that fails to make it names.
#[derive(Clone, Copy)]
pub struct Page<'p> {
    pub template: &'p str,
    pub path: &'p str,
    pub root: &'p str,
    pub from: Option<Place>,
}

impl<'p> Page<'p> {
    pub fn new(template: &'p str, path: &'p str, root: &'p str) -> Page<'p> {
        Page {
            template,
            path,
            root,
            from: None,
        }
    }

    /// The page made from what is written at `place`.
    pub fn from(self, place: Place) -> Page<'p> {
        Page {
            from: Some(place),
            ..self
        }
    }
}

impl Site<'_> {
    /// Renders one template to the page at `path`, `root` below the top of the site, with its
    /// glossary terms marked; `None` after a problem (reported) or once the run is not wanted.
    pub fn page(&self, template: &str, path: &str, root: &str, extra: Extra) -> Option<OutputFile> {
        self.make(Page::new(template, path, root), extra)
    }

    /// Renders a page, with its glossary terms marked.
    pub fn make(&self, page: Page, extra: Extra) -> Option<OutputFile> {
        let glossary = format!("{}glossary.html", page.root);
        let bytes = self.cached(page, page.path, extra, |html| {
            trim_lines(&open_graph::add(self.glossary.mark(&html, &glossary))).into_bytes()
        })?;
        Some(super::site::file(page.path, bytes))
    }

    /// Like `page`, for the one page whose terms are not marked: the glossary itself.
    pub fn page_unmarked(
        &self,
        template: &str,
        path: &str,
        root: &str,
        extra: Extra,
    ) -> Option<OutputFile> {
        let page = Page::new(template, path, root);
        let bytes = self.cached(page, path, extra, |html| {
            trim_lines(&open_graph::add(html)).into_bytes()
        })?;
        Some(super::site::file(path, bytes))
    }

    /// Renders a page and finishes it; `serve` keeps the result under `key` (the path, or a part
    /// of the page) and reuses it while nothing it is made from changes.
    pub fn cached(
        &self,
        page: Page,
        key: &str,
        extra: Extra,
        finish: impl FnOnce(String) -> Vec<u8>,
    ) -> Option<Bytes> {
        if self.stopped() {
            return None;
        }
        let Page {
            template,
            path,
            root,
            ..
        } = page;
        let map = values(root, path, extra);
        // Both closures below see the page's values; the second takes them, once.
        let values = RefCell::new(Some((map, finish)));
        let fingerprint = || {
            let site = self
                .fingerprints
                .site
                .get_or_init(|| cache::json_fingerprint(self.contexts.site()));
            let values = values.borrow();
            let values = values.as_ref().map(|(map, _)| cache::json_fingerprint(map));
            cache::fingerprint(&(template, self.theme.fingerprint, site, values))
        };
        let mut render = || {
            let (map, finish) = values.borrow_mut().take()?;
            // The header and footer follow from what the fingerprint already holds.
            let lent = self.lend(map, root, path);
            let html = self.theme.tera.render(template, &lent.context);
            self.contexts.give_back(lent);
            match html {
                Ok(html) => {
                    crate::work::count(crate::work::Work::RenderedBytes, html.len());
                    Some(finish(html).into())
                }
                Err(e) => {
                    self.template_failed(&e, page);
                    None
                }
            }
        };
        self.reuse().page(key, &fingerprint, &mut render)
    }

    /// Renders `template` for the page at `path` straight into `out` as it is made, for a page
    /// too large to hold twice (the print edition of a national plan). `None` after a problem,
    /// which is reported, or once the run is not wanted.
    pub fn render_into(&self, page: Page, extra: Extra, out: impl std::io::Write) -> Option<()> {
        let Page { path, root, .. } = page;
        let lent = self.lend(values(root, path, extra), root, path);
        let rendered = self.theme.tera.render_to(page.template, &lent.context, out);
        self.contexts.give_back(lent);
        match rendered {
            Ok(()) => Some(()),
            // Writing stopped because the run is not wanted: nothing went wrong.
            Err(_) if self.stopped() => None,
            Err(e) => {
                self.template_failed(&e, page);
                None
            }
        }
    }

    /// Renders a template that makes no page of its own (the header, the feed, the sitemap); a
    /// template that fails is a problem reported against it.
    pub fn render(&self, template: &str, context: &Context) -> Option<String> {
        match self.theme.tera.render(template, context) {
            Ok(text) => Some(text),
            Err(e) => {
                self.template_failed(&e, Page::new(template, "", ""));
                None
            }
        }
    }

    /// Reports a template that failed to make `page`: at the content the page shows, when it
    /// shows one place's content, naming the template and the page; otherwise at the template.
    fn template_failed(&self, error: &tera::Error, page: Page) {
        let file = Path::new("themes")
            .join(&self.plan.theme)
            .join("templates")
            .join(page.template);
        let kind = ThemeKind::TemplateFailed {
            explanation: theme::describe(error),
            template: file.display().to_string(),
            page: (!page.path.is_empty()).then(|| page.path.to_string()),
            others: 0,
        };
        let source = page
            .from
            .and_then(|place| Some((self.sources.get(place.source)?, place)));
        self.problem(match source {
            Some((source, place)) => ContentError::at(source, place.offset..place.offset, kind),
            None => ContentError::in_file(&file, kind),
        });
    }

    /// A template context for the page at `path`: the site, the page's values, and the header and
    /// footer for where the page is. Give it back once the page is rendered.
    fn lend(&self, mut map: Map<String, tera::Value>, root: &str, path: &str) -> Lent {
        let chrome = self.chrome(root, path);
        map.insert("header".into(), chrome.header.clone());
        map.insert("footer".into(), chrome.footer.clone());
        crate::work::count(crate::work::Work::TemplateContexts, 1);
        self.contexts.with_page(map)
    }
}

/// A page's values as a map, handed to the template whole (`Context::insert` would serialise each
/// value again).
fn values(root: &str, path: &str, extra: Extra) -> Map<String, tera::Value> {
    let mut map = Map::new();
    map.insert("root".into(), root.into());
    map.insert("path".into(), path.into());
    for (key, value) in extra {
        map.insert(key.into(), value);
    }
    map
}
