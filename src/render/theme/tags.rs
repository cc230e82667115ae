//! The templates a template names: in `{% extends %}`, `{% import %}` and `{% include %}` tags,
//! found without parsing the whole template, so a theme's references to the built-in templates are
//! known before Tera parses anything.

use std::ops::Range;

/// A template named in an `extends`, `import` or `include` tag.
#[derive(Debug, PartialEq)]
pub struct Reference<'a> {
    /// The name, as written between its quotes.
    pub name: &'a str,
    /// Where the name is in the template, quotes included.
    pub span: Range<usize>,
    /// Named by `extends`.
    pub extends: bool,
    /// A missing template is allowed (`include … ignore missing`).
    pub optional: bool,
}

/// Every template a template names in its `extends`, `import` and `include` tags. Comments and
/// `raw` sections are passed over, as Tera passes over them.
pub fn references(text: &str) -> Vec<Reference<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find('{') {
        let start = at + offset;
        let close = match text[start..].get(..2) {
            Some("{%") => "%}",
            Some("{#") => "#}",
            _ => {
                at = start + 1;
                continue;
            }
        };
        let Some(length) = text[start + 2..].find(close) else {
            break;
        };
        let end = start + 2 + length;
        at = end + 2;
        if close == "#}" {
            continue;
        }
        let inside = start + 2..end;
        match keyword(&text[inside.clone()]) {
            "raw" => match text[at..].find("endraw") {
                Some(endraw) => at += endraw,
                None => break,
            },
            "extends" | "import" | "include" => found.extend(named(text, inside)),
            _ => {}
        }
    }
    found
}

/// The first word of a tag, after any `-` that trims white space.
fn keyword(tag: &str) -> &str {
    let tag = tag.trim_start_matches('-').trim_start();
    let end = tag
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(tag.len());
    &tag[..end]
}

/// The quoted names in the tag at `inside`.
fn named(text: &str, inside: Range<usize>) -> Vec<Reference<'_>> {
    let tag = &text[inside.clone()];
    let extends = keyword(tag) == "extends";
    let optional = keyword(tag) == "include" && tag.contains("ignore missing");
    let mut names = Vec::new();
    let mut rest = 0;
    while let Some(open) = tag[rest..].find(['"', '\'', '`']) {
        let open = rest + open;
        let quote = &tag[open..open + 1];
        let Some(length) = tag[open + 1..].find(quote) else {
            break;
        };
        let close = open + 1 + length;
        names.push(Reference {
            name: &tag[open + 1..close],
            span: inside.start + open..inside.start + close + 1,
            extends,
            optional,
        });
        rest = close + 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        references(text).into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn templates_are_named_in_extends_import_and_include_tags_only() {
        let text = "{%- extends 'default/action.html' -%}\n{% import \"macros.html\" as m %}\n\
            <a href=\"default/x.html\">{{ \"default/y.html\" }}</a>{# {% extends \"z.html\" %} #}\
            {% raw %}{% include \"r.html\" %}{% endraw %}{% include [\"a.html\", `b.html`] %}";
        assert_eq!(
            names(text),
            ["default/action.html", "macros.html", "a.html", "b.html"]
        );
        let first = &references(text)[0];
        assert_eq!(&text[first.span.clone()], "'default/action.html'");
        assert!(first.extends);
    }
}
