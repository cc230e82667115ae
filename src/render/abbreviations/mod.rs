//! Abbreviations explained where they stand: on each page, the first use of each glossary term in
//! the main text becomes `<abbr>` with its expansion written out beside it (not only in a tooltip),
//! linked to the glossary. Works on the rendered HTML, so every template and every piece of
//! Markdown gets it alike. What counts as a use of a term is in `rules`.

mod rules;

use std::collections::HashMap;

use super::theme::escape;
use rules::{
    ends_bracketed_words, inside_brackets, inside_names, joined_after, joined_before, says_already,
};

/// A glossary term, as the glossary gives it.
pub struct Entry<'t> {
    pub term: &'t str,
    pub expansion: &'t str,
    /// Its anchor on the glossary page.
    pub anchor: String,
    /// Whether pages spell it out where they first use it (`expand = false` in glossary.toml).
    pub expand: bool,
}

/// How a term is explained beside its first use, in the theme's words: `{term}` is the marked
/// term, `{expansion}` its expansion linked to the glossary.
pub struct Forms<'w> {
    /// "{term} ({expansion})"
    pub explained: &'w str,
    /// Where the term already stands inside brackets: "{term}, {expansion}".
    pub in_brackets: &'w str,
}

/// What a term's use becomes: its escaped expansion, glossary anchor, and whether it is spelt out.
struct Explained {
    expansion: String,
    anchor: String,
    expand: bool,
}

/// A glossary term as it appears in escaped HTML text, and what to put in its place.
pub struct Glossary {
    /// Escaped term → how it is explained.
    terms: HashMap<String, Explained>,
    /// The plan's names and titles that hold a term, escaped: a term inside one is not a use.
    names: Vec<String>,
    /// The theme's `Forms`, escaped.
    explained: String,
    in_brackets: String,
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

/// The classes of elements left alone with all they hold: the print edition's cover, which must
/// read as the plan's own title page, and a glossary's list, where each term stands beside its
/// expansion already. Each may be any of these elements, holding none of its kind.
const SKIP_CLASSES: [&str; 2] = ["class=\"cover\"", "class=\"glossary\""];
const SKIP_CLASS_ELEMENTS: [&str; 4] = ["section", "div", "header", "dl"];

impl Glossary {
    /// The glossary's `terms`; the plan's `names` and titles, where no term is a use; the theme's
    /// `forms` of an explanation.
    pub fn new<'t>(
        terms: impl Iterator<Item = Entry<'t>>,
        names: impl Iterator<Item = &'t str>,
        forms: &Forms,
    ) -> Glossary {
        let terms: HashMap<String, Explained> = terms
            .map(|entry| {
                let explained = Explained {
                    expansion: escape(entry.expansion),
                    anchor: entry.anchor,
                    expand: entry.expand,
                };
                (escape(entry.term), explained)
            })
            .collect();
        // Only the names that hold a term matter, and most hold none.
        let mut names: Vec<String> = names
            .map(escape)
            .filter(|name| terms.keys().any(|term| name.contains(term.as_str())))
            .collect();
        names.sort();
        names.dedup();
        let longest = terms.keys().map(String::len).max().unwrap_or(0);
        let mut first_bytes = [false; 256];
        for term in terms.keys() {
            if let Some(&b) = term.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        Glossary {
            terms,
            names,
            explained: escape(forms.explained),
            in_brackets: escape(forms.in_brackets),
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
        // Where the plan's names stand in the text, found at the first term only.
        let mut names = None;
        while i < text.len() {
            // A term starts a word with one of the terms' first bytes; most text is skipped here.
            let candidate = self.first_bytes[bytes[i] as usize]
                && !joined_before(text, i)
                && text.is_char_boundary(i);
            let found = candidate.then(|| self.term_at(text, i, used)).flatten();
            let mut in_name = || {
                let names = names.get_or_insert_with(|| inside_names(text, &self.names));
                names.iter().any(|name| name.contains(&i))
            };
            let Some((term, explained)) = found.filter(|_| !in_name()) else {
                i += 1;
                continue;
            };
            out.push_str(&text[copied..i]);
            let expansion = &explained.expansion;
            let marked = format!("<abbr title=\"{expansion}\">{term}</abbr>");
            let end = i + term.len();
            // "Standard Operating Procedure (SOP)" already says it: mark it, add nothing.
            let form = if !explained.expand || says_already(&text[..i], expansion) {
                None
            } else if !inside_brackets(&text[..i]) {
                Some(&self.explained)
            } else if ends_bracketed_words(&text[end..]) {
                Some(&self.in_brackets)
            } else {
                // "(NHS England, 2021)": no way to spell it out reads well; a later use will.
                out.push_str(&marked);
                (i, copied) = (end, end);
                continue;
            };
            match form {
                Some(form) => {
                    let anchor = &explained.anchor;
                    let link = format!("<a href=\"{glossary}#{anchor}\">{expansion}</a>");
                    out.push_str(
                        &form
                            .replace("{term}", &marked)
                            .replace("{expansion}", &link),
                    );
                }
                None => out.push_str(&marked),
            }
            used.push(term);
            (i, copied) = (end, end);
        }
        out.push_str(&text[copied..]);
    }

    /// The longest unused term starting at byte `i` of `text` and ending at a word boundary.
    fn term_at<'g>(
        &'g self,
        text: &str,
        i: usize,
        used: &[&str],
    ) -> Option<(&'g str, &'g Explained)> {
        let limit = (i + self.longest).min(text.len());
        (i + 1..=limit)
            .rev()
            .filter(|&end| !joined_after(text, end))
            .filter(|&end| text.is_char_boundary(end))
            .find_map(|end| {
                let (term, value) = self.terms.get_key_value(&text[i..end])?;
                (!used.contains(&term.as_str())).then_some((term.as_str(), value))
            })
    }
}

/// Keeps the stack of open elements whose text is left alone.
fn track(tag: &str, skipping: &mut Vec<&'static str>) {
    let closing = tag.starts_with("</");
    let name = tag.trim_start_matches(['<', '/']);
    let name = &name[..name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len())];
    let known = |list: &[&'static str]| list.iter().copied().find(|s| s.eq_ignore_ascii_case(name));
    let skipped = if closing {
        // The cover closes as any element of its kind does.
        known(&SKIP).or_else(|| known(&SKIP_CLASS_ELEMENTS).filter(|n| skipping.contains(n)))
    } else if SKIP_CLASSES.iter().any(|class| tag.contains(class)) {
        known(&SKIP_CLASS_ELEMENTS).or_else(|| known(&SKIP))
    } else {
        known(&SKIP)
    };
    let Some(name) = skipped else {
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
mod tests;
