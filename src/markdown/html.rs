//! Markdown's HTML: tables, footnotes, strikethrough, an id on every heading, code highlighted as
//! CSS classes, links to content files turned into links to their pages (by the link rule), and
//! raw HTML cut down to the safe subset (content comes from many hands; nothing in it may run in a
//! reader's page).
//!
//! The HTML is made for one place (`Place::At`), or once for every place, with marks where the
//! way to the site root and the heading-id prefix go (`Place::Marked`; see `marks`).

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::links;
use super::marks::{ANCHOR_NEXT, PREFIX, ROOT_NEXT};
use super::{highlight, Style};
use crate::render::theme::escape;
use crate::safe_html as sanitise;
use crate::validate::slugify;

/// Marks where a highlighted code block goes back in: a private-use character no text contains.
const CODE_MARK: char = '\u{F8FF}';

/// Where the HTML will be shown.
#[derive(Clone, Copy)]
pub enum Place<'a> {
    /// Anywhere: marks stand for the root and the prefix.
    Marked,
    /// From a page `root` away from the site root, with heading ids starting `prefix`.
    At { root: &'a str, prefix: &'a str },
}

/// Builds the HTML of one text from its events, as they come.
pub struct Writer<'t, 'a> {
    /// The file the text is written in: links are relative to it.
    file: &'a Path,
    style: Style,
    place: Place<'a>,
    events: Vec<Event<'t>>,
    /// The language and text of the open code block.
    code: Option<(String, String)>,
    /// Highlighted code goes in after sanitising (its classes are ours, not the content's).
    blocks: Vec<String>,
    raw_html: bool,
    /// The HTML block being read, line by line.
    html_block: Option<String>,
    /// How deep raw HTML has opened elements; past `raw_html::DEEPEST` the text is not
    /// sanitised (the sanitiser would take minutes) and `check` refuses it.
    nesting: crate::raw_html::Nesting,
    too_deep: bool,
    dropped_link: bool,
    /// How many places in the HTML depend on where it is shown (the root or the prefix).
    placed: usize,
}

impl<'t, 'a> Writer<'t, 'a> {
    pub fn new(file: &'a Path, style: Style, place: Place<'a>) -> Self {
        Writer {
            file,
            style,
            place,
            events: Vec::new(),
            code: None,
            blocks: Vec::new(),
            raw_html: false,
            html_block: None,
            nesting: Default::default(),
            too_deep: false,
            dropped_link: false,
            placed: 0,
        }
    }

    /// Takes the next event of the text.
    pub fn take(&mut self, event: Event<'t>) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new()));
            }
            Event::Text(text) if self.code.is_some() => {
                if let Some((_, body)) = self.code.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((language, body)) = self.code.take() {
                    let mark = format!("{CODE_MARK}{}{CODE_MARK}", self.blocks.len());
                    self.events.push(Event::Text(mark.into()));
                    self.blocks.push(highlight::code_block(&language, &body));
                }
            }
            // An HTML block is taken whole, as a tag in it may run over several lines.
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some(String::new());
                self.events.push(event);
            }
            Event::Html(html) if self.html_block.is_some() => {
                if let Some(block) = self.html_block.as_mut() {
                    block.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let block = self.html_block.take().unwrap_or_default();
                self.raw(&block);
                self.events.push(event);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw(&html),
            // A script address in a link or image is dropped; the words stay as plain text.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if sanitise::is_unsafe_url(&dest_url) =>
            {
                self.dropped_link = true;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if self.dropped_link => {
                self.dropped_link = false;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.link(link_type, dest_url, title, id),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.address(dest_url);
                let image = Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                self.events.push(Event::Start(image));
            }
            other => self.events.push(other),
        }
    }

    fn link(
        &mut self,
        link_type: pulldown_cmark::LinkType,
        dest_url: CowStr<'t>,
        title: CowStr<'t>,
        id: CowStr<'t>,
    ) {
        let dest_url = match self.place {
            _ if self.style == Style::Inline || !dest_url.starts_with('#') => {
                self.address(dest_url)
            }
            Place::Marked => {
                self.placed += 1;
                self.events
                    .push(Event::Html(ANCHOR_NEXT.to_string().into()));
                dest_url
            }
            Place::At { prefix, .. } => {
                self.placed += 1;
                match prefix {
                    "" => dest_url,
                    prefix => CowStr::from(format!("#{prefix}{}", &dest_url[1..])),
                }
            }
        };
        if is_outside(&dest_url) {
            // Links out of the site tell the other site nothing about the reader.
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" title=\"{}\"", escape(&title))
            };
            self.events.push(Event::Html(
                format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\"{title}>",
                    escape(&dest_url)
                )
                .into(),
            ));
        } else {
            self.events.push(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }));
        }
    }

    /// Raw HTML, its links and images written by the link rule as Markdown's are.
    fn raw(&mut self, html: &str) {
        self.raw_html = true;
        let mut out = String::with_capacity(html.len());
        let mut copied = 0;
        for tag in crate::raw_html::tags(html) {
            self.too_deep |= self.nesting.too_deep_after(&tag);
            let Some((address, _)) = tag.address() else {
                continue;
            };
            if let Some(written) = self.raw_address(&address.value) {
                out.push_str(&html[copied..address.range.start]);
                out.push_str(&escape(&written));
                copied = address.range.end;
            }
        }
        out.push_str(&html[copied..]);
        self.events.push(Event::Html(out.into()));
    }

    /// The address a raw link or image is written with, as `link` and `address` write a
    /// Markdown one; `None` to leave it as written.
    fn raw_address(&mut self, url: &str) -> Option<String> {
        if self.style == Style::Block && url.starts_with('#') {
            self.placed += 1;
            return match self.place {
                Place::At { prefix, .. } if !prefix.is_empty() => {
                    Some(format!("#{prefix}{}", &url[1..]))
                }
                _ => None,
            };
        }
        let target = links::target(self.file, url);
        let href = target.href()?;
        self.placed += 1;
        // Raw HTML is sanitised, and sanitised HTML that depends on its place is made where it
        // is shown: a marked copy is never kept, so it needs no mark.
        let root = match self.place {
            Place::At { root, .. } => root,
            Place::Marked => "",
        };
        Some(format!("{root}{href}"))
    }

    /// The address a link or image is written with: by the link rule, a page or a published file
    /// from the site root (the root goes before it), or else the address as the content wrote it.
    fn address(&mut self, url: CowStr<'t>) -> CowStr<'t> {
        let target = links::target(self.file, &url);
        let Some(href) = target.href() else {
            return url;
        };
        self.placed += 1;
        match self.place {
            Place::Marked => {
                self.events.push(Event::Html(ROOT_NEXT.to_string().into()));
                CowStr::from(href.to_string())
            }
            Place::At { root, .. } => CowStr::from(format!("{root}{href}")),
        }
    }

    /// The HTML made.
    pub fn finish(mut self, length: usize) -> Made {
        let prefix = match (self.style, self.place) {
            (Style::Inline, _) => String::new(),
            (Style::Block, Place::Marked) => PREFIX.to_string(),
            (Style::Block, Place::At { prefix, .. }) => prefix.to_string(),
        };
        let headings = add_heading_ids(&mut self.events, &prefix);
        if self.style == Style::Block {
            self.placed += headings;
        }
        let mut html = String::with_capacity(length * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        if self.too_deep {
            // Never shown: `check` and `build` stop at this text.
            html.clear();
        } else if self.raw_html {
            html = sanitise::clean(&html);
        }
        for (i, block) in self.blocks.iter().enumerate() {
            html = html.replacen(&format!("{CODE_MARK}{i}{CODE_MARK}"), block, 1);
        }
        if self.style == Style::Inline {
            html = inline(html);
        }
        Made {
            html,
            placed: self.placed,
            sanitised: self.raw_html,
        }
    }
}

/// A text's HTML, as a `Writer` made it.
pub struct Made {
    pub html: String,
    /// How many places in it depend on where it is shown (the root or the prefix).
    pub placed: usize,
    /// Whether it held raw HTML, cut down by the sanitiser. The sanitiser parses the HTML as a
    /// browser does, and may copy a link it closes early: a mark cannot be trusted to stay with
    /// its link, so sanitised HTML that depends on where it is shown is made where it is shown.
    pub sanitised: bool,
}

/// The HTML of `markdown`, written in `file`, made for `place`.
pub fn write(markdown: &str, file: &Path, style: Style, place: Place) -> Made {
    let mut writer = Writer::new(file, style, place);
    for event in pulldown_cmark::Parser::new_ext(markdown, super::OPTIONS) {
        writer.take(event);
    }
    writer.finish(markdown.len())
}

/// A short piece of Markdown (a bullet, a summary) shown inline: a lone paragraph loses its `<p>`.
fn inline(html: String) -> String {
    let trimmed = html.trim_end();
    let inner = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .filter(|inner| !inner.contains("<p>"));
    inner.map_or(html.clone(), str::to_string)
}

/// A link that leaves the site.
fn is_outside(url: &str) -> bool {
    sanitise::is_web_address(url) || url.starts_with("//")
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page;
/// every id starts with `prefix`. Returns how many headings there are.
fn add_heading_ids(events: &mut [Event], prefix: &str) -> usize {
    let mut used: HashSet<String> = HashSet::new();
    let mut count = 0;
    for i in 0..events.len() {
        let Event::Start(Tag::Heading { id, .. }) = &events[i] else {
            continue;
        };
        count += 1;
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
    count
}

#[cfg(test)]
mod tests {
    use super::super::marks::{place, settle};
    use super::*;

    /// Markdown in `content/pages/vision.md` as HTML, from a page `root` away from the site root,
    /// made straight for the place, and (without raw HTML) made with marks and placed: the two
    /// must agree.
    fn shown(markdown: &str, style: Style, root: &str, prefix: &str) -> String {
        let file = Path::new("content/pages/vision.md");
        let straight = write(markdown, file, style, Place::At { root, prefix }).html;
        let marked = write(markdown, file, style, Place::Marked);
        if !marked.sanitised {
            let settled = settle(&marked.html).expect("marks stay in place");
            assert_eq!(place(&settled, root, prefix), straight, "{markdown}");
        }
        straight
    }

    fn render(markdown: &str) -> String {
        shown(markdown, Style::Block, "", "")
    }

    #[test]
    fn headings_get_unique_ids_from_their_text() {
        let html = render("## Our aims\n\n## Our aims\n\n## Custom {#mine}\n");
        assert!(
            html.contains(r#"<h2 id="our-aims">Our aims</h2>"#),
            "{html}"
        );
        assert!(html.contains(r#"<h2 id="our-aims-2">"#), "{html}");
        assert!(html.contains(r#"<h2 id="mine">"#), "{html}");
    }

    #[test]
    fn a_prefix_keeps_ids_unique_when_documents_share_a_page() {
        let markdown = "## Aims {#aims}\n\n## Scope\n\n[back](#aims)\n";
        let html = shown(markdown, Style::Block, "../", "page-a-");
        assert!(html.contains(r#"<h2 id="page-a-aims">"#), "{html}");
        assert!(html.contains(r#"<h2 id="page-a-scope">"#), "{html}");
        assert!(html.contains(r##"href="#page-a-aims""##), "{html}");
    }

    #[test]
    fn raw_html_is_sanitised_to_the_safe_subset() {
        let html = render("Hello <script>alert(1)</script> <abbr title=\"Chief Nurse\">CN</abbr> <b onclick=\"x()\">bold</b>\n");
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
        let html = render(
            "[click](javascript:alert(1)) ![x](data:text/html,y) [NHS](https://www.nhs.uk/)",
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
        let html = render("<b>x</b>\n\n```rust\nfn main() {}\n```\n");
        assert!(html.contains("hl-"), "{html}");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let html = render("| A | B |\n|---|---|\n| 1 | 2 |\n\nSee note[^1].\n\n[^1]: The note.\n");
        assert!(
            html.contains("<table>") && html.contains("<th>A</th>"),
            "{html}"
        );
        assert!(html.contains("footnote-definition"), "{html}");
    }

    #[test]
    fn links_and_images_to_content_go_by_the_link_rule_from_where_they_are_shown() {
        let markdown = "[A](governance.md#aims) ![B](../files/b.png) [C](https://x.org) [D](../measures/d.csv)";
        let html = shown(markdown, Style::Inline, "../", "");
        assert!(html.contains(r#"href="../governance.html#aims""#), "{html}");
        assert!(html.contains(r#"src="../files/b.png""#), "{html}");
        assert!(html.contains(r#"href="https://x.org""#), "{html}");
        assert!(html.contains(r#"href="../measures/d.csv""#), "kept: {html}");
        let sanitised = shown(&format!("<b>x</b> {markdown}"), Style::Block, "", "");
        assert!(
            sanitised.contains(r#"href="governance.html#aims""#),
            "{sanitised}"
        );
    }

    #[test]
    fn a_lone_paragraph_renders_inline() {
        let html = shown("We will **recruit** staff.", Style::Inline, "", "");
        assert_eq!(html, "We will <strong>recruit</strong> staff.");
        let html = shown("One.\n\nTwo.", Style::Inline, "", "");
        assert!(html.contains("<p>One.</p>"), "{html}");
    }
}
