//! The header and footer every page shares. Rendered inside every page they cost about 7 % of a
//! large build's CPU. They depend only on the site, the way back to the root and, for a page at
//! the top of the site, which page it is (the menus mark it), so each is rendered once for each of
//! those and handed to `base.html` as `header` and `footer`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::lock;

use super::site::Site;

/// The rendered header and footer, by root, then current page: every page asks, so a lookup
/// borrows its keys rather than making them.
#[derive(Default)]
pub struct Chrome {
    made: Mutex<HashMap<String, HashMap<String, Arc<Made>>>>,
}

/// One rendering of the header and footer.
pub struct Made {
    pub header: tera::Value,
    pub footer: tera::Value,
}

/// The page the menus may mark as current: a page at the top of the site (where `root` is empty)
/// may be in them, a page in a folder never is.
fn current(path: &str) -> &str {
    if path.contains('/') {
        ""
    } else {
        path
    }
}

impl Site<'_> {
    /// The header and footer for the page at `path`, `root` from the site's root.
    pub(super) fn chrome(&self, root: &str, path: &str) -> Arc<Made> {
        let current = current(path);
        let kept = lock(&self.chrome.made)
            .get(root)
            .and_then(|by_page| by_page.get(current))
            .cloned();
        if let Some(made) = kept {
            return made;
        }
        let part = |template: &str| {
            let mut page = serde_json::Map::new();
            page.insert("root".into(), root.into());
            page.insert("current".into(), current.into());
            let lent = self.contexts.with_page(page);
            let html = self.render(template, &lent.context).unwrap_or_default();
            self.contexts.give_back(lent);
            // The line breaks around the template's text (after its opening comment, at the end
            // of the file) are not part of the page.
            tera::Value::String(html.trim_matches('\n').to_string())
        };
        let made = Arc::new(Made {
            header: part("header.html"),
            footer: part("footer.html"),
        });
        let mut kept = lock(&self.chrome.made);
        let by_page = kept.entry(root.to_string()).or_default();
        by_page.insert(current.to_string(), made.clone());
        made
    }
}

#[cfg(test)]
mod tests {
    use super::current;

    #[test]
    fn only_a_page_at_the_top_of_the_site_can_be_current_in_the_menus() {
        assert_eq!(current("index.html"), "index.html");
        assert_eq!(current("actions/triage.html"), "");
    }
}
