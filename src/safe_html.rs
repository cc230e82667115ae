//! The safe subset of HTML that content may use, and the sanitiser that enforces it (ammonia).
//! Content comes from many hands and is pasted from Word and email: nothing in it may run script,
//! load from elsewhere, or hide text. Raw HTML outside this subset is removed at build time, and
//! `check` warns where that happens (see `removals`).

use std::sync::OnceLock;

use crate::raw_html::TagKind;

/// Elements content may use. Anything else is removed, keeping its text.
pub const TAGS: [&str; 45] = [
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
];

/// Attributes any of those elements may carry.
const GENERIC_ATTRIBUTES: [&str; 4] = ["id", "title", "lang", "dir"];

/// Attributes particular elements may carry, beyond the generic ones.
const TAG_ATTRIBUTES: [(&str, &[&str]); 7] = [
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("ol", &["start"]),
    ("abbr", &["title"]),
    ("q", &["cite"]),
];

/// Address schemes links and images may use; relative addresses are always allowed.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .tags(TAGS.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(
                TAG_ATTRIBUTES
                    .iter()
                    .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                    .collect(),
            )
            .url_schemes(SCHEMES.iter().copied().collect())
            .allowed_classes(
                [
                    ("div", ["footnote-definition"].into()),
                    (
                        "sup",
                        ["footnote-reference", "footnote-definition-label"].into(),
                    ),
                ]
                .into(),
            )
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true);
        builder
    })
}

/// HTML with everything outside the safe subset removed.
pub fn clean(html: &str) -> String {
    sanitiser().clean(html).to_string()
}

/// An address on the web: `https://…` or `http://…`.
pub fn is_web_address(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// True for an address a link or image may not have: script, or data smuggled in as a page.
pub fn is_unsafe_url(url: &str) -> bool {
    let scheme = url
        .trim_start()
        .split_once(':')
        .map(|(s, _)| s.trim().to_ascii_lowercase());
    scheme.is_some_and(|s| {
        !s.contains('/') && !s.contains('?') && !s.contains('#') && !SCHEMES.contains(&s.as_str())
    })
}

/// What the sanitiser will remove from a piece of raw HTML, in words, for `check` to warn about.
pub fn removals(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in crate::raw_html::tags(raw) {
        if tag.kind == TagKind::Comment {
            found.push("an HTML comment".to_string());
            continue;
        }
        let name = tag.name.as_str();
        if !TAGS.contains(&name) {
            found.push(format!("the <{name}> element"));
            continue;
        }
        for attribute in &tag.attributes {
            let allowed = GENERIC_ATTRIBUTES.contains(&attribute.name.as_str())
                || TAG_ATTRIBUTES
                    .iter()
                    .any(|(t, attrs)| *t == name && attrs.contains(&attribute.name.as_str()));
            if !allowed {
                found.push(format!("the {} attribute of <{name}>", attribute.name));
            } else if matches!(attribute.name.as_str(), "href" | "src" | "cite")
                && is_unsafe_url(&attribute.value)
            {
                found.push(format!(
                    "the address \"{}\" of <{name}>",
                    attribute.value.chars().take(40).collect::<String>()
                ));
            }
        }
    }
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_handlers_and_hiding_styles_are_removed() {
        let dirty = r#"<p onclick="alert(1)" style="display:none">Hi<script>alert(2)</script><iframe src="https://x"></iframe><a href="javascript:alert(3)">x</a><img src="data:text/html,<b>" alt="a"></p>"#;
        let clean = clean(dirty);
        for banned in [
            "onclick",
            "style",
            "<script",
            "alert(2)",
            "<iframe",
            "javascript:",
            "data:text",
        ] {
            assert!(!clean.contains(banned), "{banned} survived: {clean}");
        }
        assert!(clean.contains("<p>Hi"), "{clean}");
    }

    #[test]
    fn the_safe_subset_survives() {
        let html = r#"<p><abbr title="Senior Responsible Owner">SRO</abbr> <a href="https://www.nhs.uk/">NHS</a></p>"#;
        let clean = clean(html);
        assert!(
            clean.contains(r#"<abbr title="Senior Responsible Owner">SRO</abbr>"#),
            "{clean}"
        );
        assert!(clean.contains(r#"rel="noopener noreferrer""#), "{clean}");
    }

    #[test]
    fn removals_are_named_for_check() {
        let found = removals(
            r#"<p onclick="x" title="ok">a</p><script>b</script><a href="javascript:x">c</a><!-- note --><form action="/x">"#,
        );
        assert_eq!(
            found,
            [
                "the onclick attribute of <p>",
                "the <script> element",
                "the address \"javascript:x\" of <a>",
                "an HTML comment",
                "the <form> element"
            ]
        );
        assert!(removals(r#"<abbr title="x">A</abbr><br>"#).is_empty());
    }

    #[test]
    fn unsafe_addresses_are_told_from_safe_ones() {
        for url in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(is_unsafe_url(url), "{url}");
        }
        for url in [
            "https://www.nhs.uk/",
            "mailto:a@b.org",
            "../files/a.pdf",
            "governance.md#x",
            "page?a=b:c",
        ] {
            assert!(!is_unsafe_url(url), "{url}");
        }
    }
}
