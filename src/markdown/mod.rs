//! Markdown, parsed once. Each piece of Markdown in the content is parsed when its file is loaded,
//! in one pulldown-cmark pass with one set of options, into what every later stage needs: its
//! outline (links and images with their places, headings, the raw HTML the sanitiser will remove)
//! for validation, and its HTML for rendering. Where a link goes is decided by one rule
//! (`links`), which validation and rendering share.

mod highlight;
mod html;
pub mod links;
mod marks;

pub use marks::{place_actions, ACTION};

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::safe_html;

/// The one dialect: CommonMark with tables, footnotes, strikethrough and `{#id}` on headings.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// How a text is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Style {
    /// Within a line of the page (a bullet, a summary): a lone paragraph loses its `<p>`.
    Inline,
    /// As blocks of their own (a page's body, notes): headings' ids may take a prefix.
    #[default]
    Block,
}

/// A text's HTML, as the load stage made it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Html {
    /// Not made: `check` renders nothing.
    #[default]
    NotMade,
    /// The text itself: plain words with nothing to mark up (most bullets).
    Same,
    /// The same wherever the text is shown.
    Fixed(Arc<str>),
    /// With marks where the way to the site root and the heading-id prefix go.
    Marked(Arc<str>),
    /// Made where it is shown: the text could put characters in the HTML that would pass for
    /// marks, or the sanitiser may have moved them (rare; see `html::Made`).
    Unmarked,
}

impl Html {
    /// The HTML of `markdown`, written in `file` and shown in `style`, shown from a page `root`
    /// away from the site root, with heading ids starting `prefix`.
    pub fn shown(
        &self,
        markdown: &str,
        file: &Path,
        style: Style,
        root: &str,
        prefix: &str,
    ) -> String {
        match self {
            Html::Same => markdown.to_string(),
            Html::Fixed(html) => html.to_string(),
            Html::Marked(html) => marks::place(html, root, prefix),
            Html::NotMade | Html::Unmarked => {
                let place = html::Place::At { root, prefix };
                html::write(markdown, file, style, place).html
            }
        }
    }
}

/// A piece of Markdown parsed: its outline, and its HTML when it was wanted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// `None` when there is nothing in it: most texts have no link, heading or raw HTML.
    outline: Option<Box<Outline>>,
    pub html: Html,
    /// How the text is shown: its HTML is made for that.
    pub style: Style,
}

/// What validation reads in a text, each with its byte range in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Outline {
    links: Vec<Link>,
    headings: Vec<Heading>,
    removed: Vec<Removed>,
    /// The first tag of raw HTML that opens an element deeper than `raw_html::DEEPEST`.
    too_deep: Option<Range<usize>>,
}

/// A link or image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub range: Range<usize>,
    pub image: bool,
    /// The link's words, or the image's alt text.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##` …
    pub level: usize,
    pub range: Range<usize>,
}

/// Something the sanitiser takes out of the HTML: raw HTML outside the safe subset, or an
/// unsafe address, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub range: Range<usize>,
    pub what: String,
}

impl Parsed {
    /// The parse of a text with nothing in it.
    pub const EMPTY: Parsed = Parsed {
        outline: None,
        html: Html::NotMade,
        style: Style::Block,
    };

    /// Whether it holds nothing: no outline, and no HTML.
    pub fn is_empty(&self) -> bool {
        self.outline.is_none() && self.html == Html::NotMade
    }

    pub fn links(&self) -> &[Link] {
        self.outline.as_deref().map_or(&[], |o| &o.links)
    }

    pub fn headings(&self) -> &[Heading] {
        self.outline.as_deref().map_or(&[], |o| &o.headings)
    }

    pub fn removed(&self) -> &[Removed] {
        self.outline.as_deref().map_or(&[], |o| &o.removed)
    }

    /// Where raw HTML first opens an element deeper than `raw_html::DEEPEST`, if it does.
    pub fn too_deep(&self) -> Option<&Range<usize>> {
        self.outline.as_deref().and_then(|o| o.too_deep.as_ref())
    }
}

/// Parses `markdown`, written in `file` and shown in `style`: its outline, and its HTML when
/// `html` is wanted (every command but `check`).
pub fn parse(markdown: &str, file: &Path, style: Style, html: bool) -> Parsed {
    crate::work::count(crate::work::Work::MarkdownBytes, markdown.len());
    if !html && !may_hold_markup(markdown) {
        return Parsed {
            style,
            ..Parsed::EMPTY
        };
    }
    let markable = marks::markable(markdown);
    let place = match markable {
        true => html::Place::Marked,
        // Made for the top of the site: kept only if nothing in it depends on the place.
        false => html::Place::At {
            root: "",
            prefix: "",
        },
    };
    let mut writer = html.then(|| html::Writer::new(file, style, place));
    let mut outline = Outliner::default();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        outline.see(&event, range);
        if let Some(writer) = writer.as_mut() {
            writer.take(event);
        }
    }
    let html = match writer {
        Some(writer) => kept(markdown, writer.finish(markdown.len()), markable),
        None => Html::NotMade,
    };
    let mut outline = outline.outline;
    let empty = outline == Outline::default();
    // Kept until the checks are done, for every text of the plan: no room to spare.
    outline.links.shrink_to_fit();
    outline.headings.shrink_to_fit();
    outline.removed.shrink_to_fit();
    Parsed {
        outline: (!empty).then(|| Box::new(outline)),
        html,
        style,
    }
}

/// How made HTML is kept.
fn kept(markdown: &str, made: html::Made, markable: bool) -> Html {
    if made.placed == 0 {
        return match made.html == markdown {
            true => Html::Same,
            false => Html::Fixed(made.html.into()),
        };
    }
    if !markable || made.sanitised {
        return Html::Unmarked;
    }
    marks::settle(&made.html).map_or(Html::Unmarked, |html| Html::Marked(html.into()))
}

/// Whether a text may hold a link, image, heading or raw HTML: every one needs a `[`, `<` or
/// `#`, or a line ending in `=` or `-` (a heading underlined). Most bullets have none, and
/// `check` need not parse them.
fn may_hold_markup(markdown: &str) -> bool {
    // One search for each character: a search for one is fast; for any of several, slow.
    markdown.contains('[')
        || markdown.contains('<')
        || markdown.contains('#')
        || markdown
            .lines()
            .any(|line| line.trim_end().ends_with(['=', '-']))
}

/// Builds the outline from the events, as they come.
#[derive(Default)]
struct Outliner {
    outline: Outline,
    /// The links and images open at this point, innermost last.
    open: Vec<usize>,
    /// The HTML block being read, line by line: a tag may run over several lines.
    block: Option<RawBlock>,
    nesting: crate::raw_html::Nesting,
}

/// The lines of an HTML block so far, and where each starts in the text.
#[derive(Default)]
struct RawBlock {
    html: String,
    /// (where a line starts in `html`, where it starts in the text), in order.
    lines: Vec<(usize, usize)>,
}

impl RawBlock {
    /// Where a byte of `html` is in the text.
    fn in_text(&self, at: usize) -> usize {
        let line = self.lines.partition_point(|(start, _)| *start <= at);
        let (start, text_start) = self.lines[line.saturating_sub(1)];
        text_start + at - start
    }
}

impl Outliner {
    fn see(&mut self, event: &Event, range: Range<usize>) {
        let outline = &mut self.outline;
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                if safe_html::is_unsafe_url(dest_url) {
                    let shown: String = dest_url.chars().take(40).collect();
                    let what = format!("the address \"{shown}\"");
                    let range = range.clone();
                    outline.removed.push(Removed { range, what });
                }
                self.open.push(outline.links.len());
                outline.links.push(Link {
                    url: dest_url.to_string(),
                    range,
                    image: matches!(event, Event::Start(Tag::Image { .. })),
                    text: String::new(),
                });
            }
            Event::Text(text) | Event::Code(text) => {
                for &open in &self.open {
                    outline.links[open].text.push_str(text);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.open.pop();
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level as usize;
                outline.headings.push(Heading { level, range });
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let removed = safe_html::removals(html).into_iter();
                let range = &range;
                outline.removed.extend(removed.map(|what| Removed {
                    range: range.clone(),
                    what,
                }));
                match (&mut self.block, event) {
                    (Some(block), Event::Html(_)) => {
                        block.lines.push((block.html.len(), range.start));
                        block.html.push_str(html);
                    }
                    _ => self.raw_tags(html, |at| range.start + at),
                }
            }
            Event::Start(Tag::HtmlBlock) => self.block = Some(RawBlock::default()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(block) = self.block.take() {
                    self.raw_tags(&block.html, |at| block.in_text(at));
                }
            }
            _ => {}
        }
    }

    /// The tags of raw HTML: links and images (`<a href>`, `<img src>`), checked like the
    /// Markdown ones, and how deep the elements are nested. `in_text` says where a byte of `html`
    /// is in the text. The place given for a link is the address itself.
    fn raw_tags(&mut self, html: &str, in_text: impl Fn(usize) -> usize) {
        // The last byte's place, then one on: the end may be the start of the next line.
        let range = |r: &Range<usize>| match r.is_empty() {
            true => in_text(r.start)..in_text(r.start),
            false => in_text(r.start)..in_text(r.end - 1) + 1,
        };
        for tag in crate::raw_html::tags(html) {
            if self.nesting.too_deep_after(&tag) && self.outline.too_deep.is_none() {
                self.outline.too_deep = Some(range(&tag.range));
            }
            let Some((address, image)) = tag.address() else {
                continue;
            };
            let alt = tag.attribute("alt").map(|a| a.value.to_string());
            self.outline.links.push(Link {
                url: address.value.to_string(),
                range: range(&address.range),
                image,
                // A raw link's words are not read: only an image's alt text is.
                text: alt.unwrap_or_default(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "content/pages/vision.md";

    fn parsed(markdown: &str, style: Style) -> Parsed {
        parse(markdown, Path::new(FILE), style, true)
    }

    #[test]
    fn one_pass_finds_links_images_headings_and_removed_html_with_their_places() {
        let markdown = "## Aims\n\nSee [a](a.md) and [b][1] and ![](p.png) <script>x</script>.\n\n[1]: b.toml\n";
        let found = parsed(markdown, Style::Block);
        let urls: Vec<&str> = found.links().iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["a.md", "b.toml", "p.png"]);
        assert_eq!(&markdown[found.links()[0].range.clone()], "[a](a.md)");
        assert_eq!(found.links()[0].text, "a");
        assert!(found.links()[2].image && found.links()[2].text.is_empty());
        assert_eq!(found.headings()[0].level, 2);
        let removed = &found.removed()[0];
        assert!(removed.what.contains("<script>"), "{removed:?}");
        assert_eq!(&markdown[removed.range.clone()], "<script>");
    }

    #[test]
    fn check_skips_text_that_cannot_hold_markup_and_finds_the_same_outline() {
        for markdown in [
            "We will recruit two midwives.",
            "A - B = C",
            "See [a](a.md).",
            "Heading\n---\n",
            "> # Quoted heading",
            "<b>x</b>",
        ] {
            let without_html = parse(markdown, Path::new(FILE), Style::Block, false);
            assert_eq!(without_html.html, Html::NotMade);
            let with_html = parsed(markdown, Style::Block);
            let outline = |p: &Parsed| (p.links().to_vec(), p.headings().to_vec());
            assert_eq!(outline(&without_html), outline(&with_html), "{markdown}");
        }
    }

    #[test]
    fn html_is_kept_once_for_every_place_it_is_shown() {
        let file = Path::new(FILE);
        let shown = |markdown: &str, style, root, prefix| {
            let html = parsed(markdown, style).html;
            html.shown(markdown, file, style, root, prefix)
        };
        assert_eq!(parsed("We will recruit.", Style::Inline).html, Html::Same);
        let bullet = "Read [our aims](governance.md#aims).";
        assert!(matches!(
            parsed(bullet, Style::Inline).html,
            Html::Marked(_)
        ));
        assert_eq!(
            shown(bullet, Style::Inline, "../", ""),
            r#"Read <a href="../governance.html#aims">our aims</a>."#
        );
        let body = "## Aims\n\n[Aims](#aims)\n";
        assert_eq!(
            shown(body, Style::Block, "../", "page-a-"),
            "<h2 id=\"page-a-aims\">Aims</h2>\n<p><a href=\"#page-a-aims\">Aims</a></p>\n"
        );
        // A character reference could make a mark: such a text is made where it is shown.
        let referenced = "&#57344; [aims](governance.md)";
        assert_eq!(parsed(referenced, Style::Inline).html, Html::Unmarked);
        assert_eq!(
            shown(referenced, Style::Inline, "../", ""),
            "\u{E000} <a href=\"../governance.html\">aims</a>"
        );
    }

    #[test]
    fn a_link_the_sanitiser_copies_leads_to_the_same_place_from_every_copy() {
        // A paragraph inside a link: the sanitiser closes the link and opens a copy after it.
        let markdown = "[a <p> b](governance.md)";
        let html = parsed(markdown, Style::Block).html;
        let shown = html.shown(markdown, Path::new(FILE), Style::Block, "../", "");
        assert_eq!(
            shown.matches(r#"href="../governance.html""#).count(),
            2,
            "{shown}"
        );
    }
}
