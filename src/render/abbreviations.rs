//! Abbreviations explained where they stand: on each page, the first use of each glossary term in
//! the main text becomes `<abbr>` with its expansion written out beside it (not only in a tooltip),
//! linked to the glossary. Works on the rendered HTML, so every template and every piece of
//! Markdown gets it alike.

use std::collections::HashMap;

use super::theme::escape;

/// A glossary term as it appears in escaped HTML text, and what to put in its place.
pub struct Glossary {
    /// Escaped term → (escaped expansion, glossary anchor).
    terms: HashMap<String, (String, String)>,
    /// The longest term, in bytes, to bound the look-ahead.
    longest: usize,
    /// Which bytes a term can start with, so most of the text is passed over at a glance.
    first_bytes: [bool; 256],
}

/// Marks a page piece by piece: the terms already explained, and where in the page it is.
pub struct Marker<'g> {
    glossary: &'g Glossary,
    href: &'g str,
    used: Vec<&'g str>,
    skipping: Vec<&'static str>,
    place: Place,
}

/// Only the text inside `<main>` is marked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Before,
    Inside,
    After,
}

impl<'g> Marker<'g> {
    /// Writes the next piece of the page to `out`, marked.
    pub fn push(&mut self, piece: &str, out: &mut String) {
        let mut rest = piece;
        loop {
            match self.place {
                Place::Before => {
                    let Some(start) = rest.find("<main") else {
                        out.push_str(rest);
                        return;
                    };
                    out.push_str(&rest[..start]);
                    rest = &rest[start..];
                    self.place = Place::Inside;
                }
                Place::Inside => {
                    let end = rest.find("</main>");
                    let body = &rest[..end.unwrap_or(rest.len())];
                    let glossary = self.glossary;
                    if glossary.terms.is_empty() {
                        out.push_str(body);
                    } else {
                        glossary.mark_body(body, self, out);
                    }
                    let Some(end) = end else { return };
                    rest = &rest[end..];
                    self.place = Place::After;
                }
                Place::After => {
                    out.push_str(rest);
                    return;
                }
            }
        }
    }
}

/// Elements whose text is left alone: links and abbreviations already, headings, code, titles.
const SKIP: [&str; 14] = [
    "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "svg", "title", "time",
    "caption",
];

impl Glossary {
    pub fn new<'t>(terms: impl Iterator<Item = (&'t str, &'t str, String)>) -> Glossary {
        let terms: HashMap<String, (String, String)> = terms
            .map(|(term, expansion, anchor)| (escape(term), (escape(expansion), anchor)))
            .collect();
        let longest = terms.keys().map(String::len).max().unwrap_or(0);
        let mut first_bytes = [false; 256];
        for term in terms.keys() {
            if let Some(&b) = term.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        Glossary {
            terms,
            longest,
            first_bytes,
        }
    }

    /// Marks the first use of each term inside `<main>`; `glossary` is the glossary page's address
    /// from this page.
    pub fn mark(&self, html: &str, glossary: &str) -> String {
        if self.terms.is_empty() || !html.contains("<main") || !html.contains("</main>") {
            return html.to_string();
        }
        let mut out = String::with_capacity(html.len() + 2048);
        self.marker(glossary).push(html, &mut out);
        out
    }

    /// Marks a page given in pieces, as `mark` does the pieces joined (when no tag or word is
    /// split between two pieces): the print edition need not be held twice.
    pub fn marker<'m>(&'m self, glossary: &'m str) -> Marker<'m> {
        Marker {
            glossary: self,
            href: glossary,
            used: Vec::new(),
            skipping: Vec::new(),
            place: Place::Before,
        }
    }

    /// Marks the text of `body` (inside `<main>`), copying its tags.
    fn mark_body<'g>(&'g self, body: &str, marker: &mut Marker<'g>, out: &mut String) {
        let mut i = 0;
        while i < body.len() {
            if body.as_bytes()[i] == b'<' {
                let close = body[i..].find('>').map_or(body.len(), |e| i + e + 1);
                let tag = &body[i..close];
                track(tag, &mut marker.skipping);
                out.push_str(tag);
                i = close;
                continue;
            }
            let text_end = body[i..].find('<').map_or(body.len(), |e| i + e);
            let text = &body[i..text_end];
            if marker.skipping.is_empty() {
                self.mark_text(text, marker.href, &mut marker.used, out);
            } else {
                out.push_str(text);
            }
            i = text_end;
        }
    }

    /// Writes `text` to `out` with its first uses of terms marked.
    fn mark_text<'g>(
        &'g self,
        text: &str,
        glossary: &str,
        used: &mut Vec<&'g str>,
        out: &mut String,
    ) {
        let bytes = text.as_bytes();
        // Text up to here is already in `out`.
        let mut copied = 0;
        let mut i = 0;
        while i < text.len() {
            // A term starts a word with one of the terms' first bytes; most text is skipped here.
            let candidate = self.first_bytes[bytes[i] as usize]
                && (i == 0 || !is_word(bytes[i - 1]))
                && text.is_char_boundary(i);
            let Some((term, (expansion, anchor))) =
                candidate.then(|| self.term_at(text, i, used)).flatten()
            else {
                i += 1;
                continue;
            };
            out.push_str(&text[copied..i]);
            // "Standard Operating Procedure (SOP)" already says it: mark it, add nothing.
            out.push_str(&format!("<abbr title=\"{expansion}\">{term}</abbr>"));
            if !says_already(&text[..i], expansion) {
                out.push_str(&format!(
                    " (<a href=\"{glossary}#{anchor}\">{expansion}</a>)"
                ));
            }
            used.push(term);
            i += term.len();
            copied = i;
        }
        out.push_str(&text[copied..]);
    }

    /// The longest unused term starting at byte `i` of `text` and ending at a word boundary.
    fn term_at<'g>(
        &'g self,
        text: &str,
        i: usize,
        used: &[&str],
    ) -> Option<(&'g str, &'g (String, String))> {
        let bytes = text.as_bytes();
        let limit = (i + self.longest).min(text.len());
        (i + 1..=limit)
            .rev()
            .filter(|&end| end == text.len() || !is_word(bytes[end]))
            .filter(|&end| text.is_char_boundary(end))
            .find_map(|end| {
                let (term, value) = self.terms.get_key_value(&text[i..end])?;
                (!used.contains(&term.as_str())).then_some((term.as_str(), value))
            })
    }
}

/// Whether the text before a term ends with the term's expansion (then an opening bracket).
/// Only the end is compared: lowering the whole text at every term would be slow on long pages.
fn says_already(before: &str, expansion: &str) -> bool {
    let before = before.trim_end_matches(['(', ' ']);
    let chars = expansion.chars().count();
    let Some((start, _)) = before.char_indices().rev().nth(chars.saturating_sub(1)) else {
        return false;
    };
    before[start..].to_lowercase() == expansion.to_lowercase()
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'&'
}

/// Keeps the stack of open elements whose text is left alone.
fn track(tag: &str, skipping: &mut Vec<&'static str>) {
    let closing = tag.starts_with("</");
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len())];
    let Some(&name) = SKIP.iter().find(|s| s.eq_ignore_ascii_case(name)) else {
        return;
    };
    if tag.ends_with("/>") {
        return;
    }
    if closing {
        if let Some(at) = skipping.iter().rposition(|n| *n == name) {
            skipping.truncate(at);
        }
    } else {
        skipping.push(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        let terms = [
            ("SRO", "Senior Responsible Owner", "sro".to_string()),
            ("BR+", "Birthrate Plus", "br".to_string()),
            ("O&G", "Obstetrics and Gynaecology", "o-g".to_string()),
        ];
        Glossary::new(terms.iter().map(|(t, e, a)| (*t, *e, a.clone())))
    }

    #[test]
    fn a_page_marked_in_pieces_is_marked_as_a_whole_page_is() {
        let pieces = [
            "<head><title>SRO</title></head><main><h1>Plan</h1>",
            "<section><p>Our SRO. BR+ too.</p></section>",
            "<section><p>The SRO again, and O&amp;G.</p></section>",
            "</main><footer>SRO</footer>",
        ];
        let glossary = glossary();
        let mut marked = String::new();
        let mut marker = glossary.marker("g.html");
        for piece in pieces {
            marker.push(piece, &mut marked);
        }
        assert_eq!(marked, glossary.mark(&pieces.concat(), "g.html"));
        assert_eq!(
            marked.matches("<abbr").count(),
            3,
            "once per term: {marked}"
        );
    }

    #[test]
    fn the_first_use_on_a_page_is_explained_in_words_and_linked() {
        let html = "<head><title>SRO</title></head><main><h1>The SRO</h1><p>Our SRO and the SRO team. Use BR+ and O&amp;G.</p></main>";
        let marked = glossary().mark(html, "../glossary.html");
        assert!(marked.contains(r#"<p>Our <abbr title="Senior Responsible Owner">SRO</abbr> (<a href="../glossary.html#sro">Senior Responsible Owner</a>) and the SRO team."#), "{marked}");
        assert!(
            marked.contains("<h1>The SRO</h1>"),
            "headings are left alone: {marked}"
        );
        assert!(
            marked.contains(r#"<abbr title="Birthrate Plus">BR+</abbr>"#),
            "{marked}"
        );
        assert!(
            marked.contains(r#"<abbr title="Obstetrics and Gynaecology">O&amp;G</abbr>"#),
            "{marked}"
        );
        assert!(
            marked.starts_with("<head><title>SRO</title>"),
            "only inside main"
        );
    }

    #[test]
    fn a_term_already_spelt_out_is_not_spelt_out_again() {
        let marked = glossary().mark(
            "<main><p>Each Senior Responsible Owner (SRO) reports.</p></main>",
            "g.html",
        );
        assert!(marked.contains(r#"Senior Responsible Owner (<abbr title="Senior Responsible Owner">SRO</abbr>) reports"#), "{marked}");
    }

    #[test]
    fn words_that_only_contain_a_term_are_left_alone() {
        let marked = glossary().mark(
            "<main><p>SROs and XSRO and <a href=\"x\">SRO</a></p></main>",
            "g.html",
        );
        assert!(!marked.contains("<abbr"), "{marked}");
    }
}
