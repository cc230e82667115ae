//! Open Graph's title and description (what a link preview shows) are the page's own `<title>`
//! and description. Tera cannot render a block twice, so they are copied once the page is
//! rendered, in front of the `og:type` tag the theme's `base.html` writes; a theme without that
//! tag gets none. Both are already escaped for an attribute (Tera escapes `"` in text).

/// Where the copies go: a theme opts in by writing this tag.
const MARK: &str = "<meta property=\"og:type\"";

/// The page with `og:title` and `og:description` added, or as it was when it has no `og:type` or
/// gives them itself.
pub fn add(html: String) -> String {
    let Some(at) = html.find(MARK) else {
        return html;
    };
    let head = &html[..at];
    if head.contains("<meta property=\"og:title\"") {
        return html;
    }
    let title = between(head, "<title>", "</title>");
    let description = between(head, "<meta name=\"description\" content=\"", "\">");
    let mut tags = String::new();
    if let Some(title) = title {
        tags.push_str(&format!(
            "<meta property=\"og:title\" content=\"{}\">\n",
            title.trim()
        ));
    }
    if let Some(description) = description {
        tags.push_str(&format!(
            "<meta property=\"og:description\" content=\"{}\">\n",
            description.trim()
        ));
    }
    let mut out = String::with_capacity(html.len() + tags.len());
    out.push_str(head);
    out.push_str(&tags);
    out.push_str(&html[at..]);
    out
}

/// The text after the first `open` and before the next `close`.
fn between<'h>(html: &'h str, open: &str, close: &str) -> Option<&'h str> {
    let start = html.find(open)? + open.len();
    let len = html[start..].find(close)?;
    Some(&html[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_takes_the_pages_own_title_and_description() {
        let page = "<title>A &amp; B – Trust</title>\n<meta name=\"description\" content=\"Says &quot;hi&quot;\">\n<meta property=\"og:type\" content=\"website\">".to_string();
        let done = add(page);
        assert!(done.contains("<meta property=\"og:title\" content=\"A &amp; B – Trust\">"));
        assert!(done.contains("<meta property=\"og:description\" content=\"Says &quot;hi&quot;\">"));
    }

    #[test]
    fn a_theme_without_og_type_is_left_as_it_is() {
        let page = "<title>T</title><body><meta property=\"og:type\"".to_string();
        assert_eq!(add("<title>T</title>".into()), "<title>T</title>");
        assert!(add(page).contains("og:title"));
        assert_eq!(add("no head".into()), "no head");
        let own = "<title>T</title><meta property=\"og:title\" content=\"Own\"><meta property=\"og:type\"";
        assert_eq!(add(own.to_string()).matches("og:title").count(), 1);
    }
}
