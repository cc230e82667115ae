//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough, an id on every heading,
//! code highlighted as CSS classes, links to content files turned into links to their pages, and
//! raw HTML shown as text (content comes from many hands; nothing in it may run in a reader's page).

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::highlight;
use super::theme::escape;
use crate::safe_html as sanitise;

/// Marks where a highlighted code block goes back in: a private-use character no text contains.
const CODE_MARK: char = '\u{F8FF}';

/// A link that leaves the site.
fn is_outside(url: &str) -> bool {
    sanitise::is_web_address(url) || url.starts_with("//")
}
use crate::validate::slugify;

/// What a link in Markdown points at, once resolved.
pub enum LinkTarget {
    /// Rewritten to this address.
    Rewrite(String),
    /// Left as written (an outside address, an anchor, a file planpress does not manage).
    Keep,
    /// A link to a content file that does not exist: the message says what is wrong.
    Broken(String),
}

/// A problem found while rendering, at a byte range of the Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownProblem {
    pub range: Range<usize>,
    pub message: String,
}

/// Markdown rendered: its HTML, and the problems found in it.
pub type Rendered = (String, Vec<MarkdownProblem>);

/// Renders a block of Markdown. `resolve` decides where each link goes.
pub fn render(
    markdown: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
) -> (String, Vec<MarkdownProblem>) {
    render_with_prefix(markdown, resolve, "")
}

/// Renders Markdown whose heading ids (and links to them) start with `prefix`, so several
/// documents can share one page, as in the print edition, without two elements sharing an id.
pub fn render_with_prefix(
    markdown: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
    prefix: &str,
) -> (String, Vec<MarkdownProblem>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text) of the open code block
                                                   // Highlighted code goes in after sanitising (its classes are ours, not the content's).
    let mut blocks: Vec<String> = Vec::new();
    let mut raw_html = false;
    let mut dropped_link = false;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((language, body)) = code.take() {
                    events.push(Event::Text(
                        format!("{CODE_MARK}{}{CODE_MARK}", blocks.len()).into(),
                    ));
                    blocks.push(highlight::code_block(&language, &body));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                raw_html = true;
                events.push(Event::Html(html));
            }
            // A script address in a link or image is dropped; the words stay as plain text.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if sanitise::is_unsafe_url(&dest_url) =>
            {
                dropped_link = true;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropped_link => dropped_link = false,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolve(&dest_url) {
                    _ if !prefix.is_empty() && dest_url.starts_with('#') => {
                        CowStr::from(format!("#{prefix}{}", &dest_url[1..]))
                    }
                    LinkTarget::Rewrite(url) => CowStr::from(url),
                    LinkTarget::Keep => dest_url,
                    LinkTarget::Broken(message) => {
                        problems.push(MarkdownProblem { range, message });
                        dest_url
                    }
                };
                if is_outside(&dest_url) {
                    // Links out of the site tell the other site nothing about the reader.
                    let title = if title.is_empty() {
                        String::new()
                    } else {
                        format!(" title=\"{}\"", escape(&title))
                    };
                    events.push(Event::Html(
                        format!(
                            "<a href=\"{}\" rel=\"noopener noreferrer\"{title}>",
                            escape(&dest_url)
                        )
                        .into(),
                    ));
                } else {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            other => events.push(other),
        }
    }
    add_heading_ids(&mut events, prefix);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if raw_html {
        html = sanitise::clean(&html);
    }
    for (i, block) in blocks.iter().enumerate() {
        html = html.replacen(&format!("{CODE_MARK}{i}{CODE_MARK}"), block, 1);
    }
    (html, problems)
}

/// Renders a short piece of Markdown (a bullet, a summary): a lone paragraph loses its `<p>`.
pub fn render_inline(
    markdown: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
) -> (String, Vec<MarkdownProblem>) {
    let (html, problems) = render(markdown, resolve);
    let trimmed = html.trim_end();
    let inner = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .filter(|inner| !inner.contains("<p>"));
    (inner.map_or(html.clone(), str::to_string), problems)
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page.
fn add_heading_ids(events: &mut [Event], prefix: &str) {
    let mut used: HashSet<String> = HashSet::new();
    for i in 0..events.len() {
        let Event::Start(Tag::Heading { id, .. }) = &events[i] else {
            continue;
        };
        if let Some(id) = id {
            let prefixed = format!("{prefix}{id}");
            used.insert(prefixed.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(prefixed.into());
            }
            continue;
        }
        let text: String = events[i + 1..]
            .iter()
            .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let base = match slugify(&text) {
            s if s.is_empty() => format!("{prefix}section"),
            s => format!("{prefix}{s}"),
        };
        let mut unique = base.clone();
        let mut n = 2;
        while !used.insert(unique.clone()) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
            *id = Some(unique.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(_: &str) -> LinkTarget {
        LinkTarget::Keep
    }

    #[test]
    fn headings_get_unique_ids_from_their_text() {
        let (html, _) = render("## Our aims\n\n## Our aims\n\n## Custom {#mine}\n", &keep);
        assert!(
            html.contains(r#"<h2 id="our-aims">Our aims</h2>"#),
            "{html}"
        );
        assert!(html.contains(r#"<h2 id="our-aims-2">"#), "{html}");
        assert!(html.contains(r#"<h2 id="mine">"#), "{html}");
    }

    #[test]
    fn a_prefix_keeps_ids_unique_when_documents_share_a_page() {
        let (html, _) = render_with_prefix(
            "## Aims {#aims}\n\n## Scope\n\n[back](#aims)\n",
            &keep,
            "page-a-",
        );
        assert!(html.contains(r#"<h2 id="page-a-aims">"#), "{html}");
        assert!(html.contains(r#"<h2 id="page-a-scope">"#), "{html}");
        assert!(html.contains(r##"href="#page-a-aims""##), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_to_the_safe_subset() {
        let (html, _) = render("Hello <script>alert(1)</script> <abbr title=\"Chief Nurse\">CN</abbr> <b onclick=\"x()\">bold</b>\n", &keep);
        assert!(
            !html.contains("<script") && !html.contains("alert(1)") && !html.contains("onclick"),
            "{html}"
        );
        assert!(
            html.contains(r#"<abbr title="Chief Nurse">CN</abbr>"#) && html.contains("<b>bold</b>"),
            "{html}"
        );
    }

    #[test]
    fn script_addresses_are_dropped_and_outside_links_say_nothing_of_the_reader() {
        let (html, _) = render(
            "[click](javascript:alert(1)) ![x](data:text/html,y) [NHS](https://www.nhs.uk/)",
            &keep,
        );
        assert!(
            !html.contains("javascript:") && !html.contains("data:"),
            "{html}"
        );
        assert!(html.contains("click"), "the words stay: {html}");
        assert!(
            html.contains(r#"<a href="https://www.nhs.uk/" rel="noopener noreferrer">NHS</a>"#),
            "{html}"
        );
    }

    #[test]
    fn code_is_highlighted_even_beside_raw_html() {
        let (html, _) = render("<b>x</b>\n\n```rust\nfn main() {}\n```\n", &keep);
        assert!(html.contains("hl-"), "{html}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let (html, _) = render(
            "| A | B |\n|---|---|\n| 1 | 2 |\n\nSee note[^1].\n\n[^1]: The note.\n",
            &keep,
        );
        assert!(
            html.contains("<table>") && html.contains("<th>A</th>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn links_are_rewritten_or_reported() {
        let resolve = |url: &str| match url {
            "a.md" => LinkTarget::Rewrite("a.html".into()),
            "gone.md" => LinkTarget::Broken("no such page".into()),
            _ => LinkTarget::Keep,
        };
        let (html, problems) = render(
            "[A](a.md) and [B](gone.md) and [C](https://x.org)",
            &resolve,
        );
        assert!(html.contains(r#"href="a.html""#), "{html}");
        assert!(html.contains(r#"href="https://x.org""#), "{html}");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].range, 14..26);
    }

    #[test]
    fn a_lone_paragraph_renders_inline() {
        let (html, _) = render_inline("We will **recruit** staff.", &keep);
        assert_eq!(html, "We will <strong>recruit</strong> staff.");
        let (html, _) = render_inline("One.\n\nTwo.", &keep);
        assert!(html.contains("<p>One.</p>"), "{html}");
    }
}
