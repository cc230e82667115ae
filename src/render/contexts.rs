//! Template contexts lent to pages. Every page is told what the site is: its labels, statuses and
//! menu (and, for a theme that looks its words up as it renders, hundreds of interface words).
//! Copied into each page's context and freed after it, that cost about 3 % of a large build's CPU;
//! instead each context keeps `site` and is lent to one page at a time, taking only the page's own
//! values in and out.

use std::sync::Mutex;

use tera::{Context, Value};

use crate::lock;

/// Contexts that hold `site` and nothing else while not lent.
pub struct Contexts {
    site: Value,
    free: Mutex<Vec<Context>>,
}

/// A context lent to one page, with the names of the page's own values.
pub struct Lent {
    pub context: Context,
    keys: Vec<String>,
}

impl Contexts {
    pub fn new(site: Value) -> Contexts {
        Contexts {
            site,
            free: Mutex::new(Vec::new()),
        }
    }

    /// What every page is told about the site.
    pub fn site(&self) -> &Value {
        &self.site
    }

    /// A context with `site` and the page's own values.
    pub fn with_page(&self, page: serde_json::Map<String, Value>) -> Lent {
        let keys = page.keys().cloned().collect();
        let mut context = lock(&self.free).pop().unwrap_or_else(|| {
            let mut context = Context::new();
            context.insert("site", &self.site);
            context
        });
        // An object always makes a context.
        context.extend(Context::from_value(Value::Object(page)).unwrap_or_default());
        Lent { context, keys }
    }

    /// Takes a context back once its page is rendered, without the page's values. A page that
    /// set `site` itself changed what the context holds, so its context is not lent again.
    pub fn give_back(&self, mut lent: Lent) {
        if lent.keys.iter().any(|k| k == "site") {
            return;
        }
        for key in &lent.keys {
            lent.context.remove(key);
        }
        lock(&self.free).push(lent.context);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(value: Value) -> serde_json::Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn a_lent_context_holds_the_site_and_only_this_pages_values() {
        let contexts = Contexts::new(json!({ "title": "Plan" }));
        let first = contexts.with_page(page(json!({ "action": 1, "path": "a.html" })));
        assert_eq!(first.context.get("action"), Some(&json!(1)));
        contexts.give_back(first);
        let second = contexts.with_page(page(json!({ "path": "b.html" })));
        assert_eq!(
            second.context.get("site"),
            Some(&json!({ "title": "Plan" }))
        );
        assert_eq!(second.context.get("path"), Some(&json!("b.html")));
        assert_eq!(
            second.context.get("action"),
            None,
            "the last page's value stayed"
        );
    }

    #[test]
    fn a_page_that_sets_site_does_not_change_the_next_pages_site() {
        let contexts = Contexts::new(json!("the site"));
        let own = contexts.with_page(page(json!({ "site": "its own" })));
        assert_eq!(own.context.get("site"), Some(&json!("its own")));
        contexts.give_back(own);
        let next = contexts.with_page(page(json!({})));
        assert_eq!(next.context.get("site"), Some(&json!("the site")));
    }
}
