//! The tags of raw HTML written in content, read the way a browser's tokenizer reads them: where
//! each tag is, its name, and its attributes with their values decoded (`&#46;&#46;/` is `../`).
//! `check` uses it to name what the sanitiser removes and to check raw links and images by the
//! link rule; rendering uses it to write those links by the same rule. Only numeric character
//! references and the five XML entities are decoded: any other `&name;` stays as written, so an
//! address that hides a path behind one names no file that exists, and is refused.

use std::borrow::Cow;
use std::ops::Range;

/// What kind of tag it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Start,
    End,
    /// `<!-- … -->`, or anything else starting `<!` or `<?`, which browsers read as a comment.
    Comment,
}

/// One tag, with its byte range in the HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    pub kind: TagKind,
    /// Lower-cased; empty for a comment.
    pub name: String,
    pub range: Range<usize>,
    pub attributes: Vec<Attribute<'a>>,
}

/// One attribute: its value decoded, and the byte range of the value as written (inside any
/// quotes), or of the name when it has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute<'a> {
    /// Lower-cased.
    pub name: String,
    pub value: Cow<'a, str>,
    pub range: Range<usize>,
}

impl Tag<'_> {
    /// The value of the attribute `name`: the first, as a browser keeps the first of two.
    pub fn attribute(&self, name: &str) -> Option<&Attribute<'_>> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The address a start tag loads or leads to, when it is a link (`<a href>`) or an image
    /// (`<img src>`), and whether it is an image.
    pub fn address(&self) -> Option<(&Attribute<'_>, bool)> {
        match (self.kind, self.name.as_str()) {
            (TagKind::Start, "a") => self.attribute("href").map(|a| (a, false)),
            (TagKind::Start, "img") => self.attribute("src").map(|a| (a, true)),
            _ => None,
        }
    }
}

/// Raw HTML may open elements this deep, and no deeper. The sanitiser's HTML parser looks through
/// every open element at each new tag, so 200,000 nested `<div>`s took minutes to build; no real
/// page comes near this.
pub const DEEPEST: usize = 100;

/// Elements that never hold anything, so never open a level.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// How many elements of raw HTML are open, tag after tag, across the raw HTML of one text.
#[derive(Debug, Default)]
pub struct Nesting {
    open: usize,
}

impl Nesting {
    /// Takes the next tag: whether it opens an element deeper than `DEEPEST`.
    pub fn too_deep_after(&mut self, tag: &Tag) -> bool {
        match tag.kind {
            TagKind::Start if !VOID.contains(&tag.name.as_str()) => self.open += 1,
            TagKind::End => self.open = self.open.saturating_sub(1),
            _ => {}
        }
        self.open > DEEPEST
    }
}

/// Every tag in `html`, in order.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = html[at..].find('<').map(|i| at + i) {
        let rest = &html[open + 1..];
        let comment_end = if let Some(inside) = rest.strip_prefix("!--") {
            Some(inside.find("-->").map_or(html.len(), |i| open + 4 + i + 3))
        } else if rest.starts_with(['!', '?']) {
            Some(rest.find('>').map_or(html.len(), |i| open + 1 + i + 1))
        } else {
            None
        };
        if let Some(end) = comment_end {
            found.push(Tag {
                kind: TagKind::Comment,
                name: String::new(),
                range: open..end,
                attributes: Vec::new(),
            });
            at = end;
            continue;
        }
        let (kind, name_start) = match rest.starts_with('/') {
            true => (TagKind::End, open + 2),
            false => (TagKind::Start, open + 1),
        };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = open + 1;
            continue;
        }
        let name_end = name_start
            + bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        let (attributes, end) = attributes(html, name_end);
        found.push(Tag {
            kind,
            name: html[name_start..name_end].to_ascii_lowercase(),
            range: open..end,
            attributes,
        });
        at = end;
    }
    found
}

/// The attributes of a tag from `at` (just after its name), and where the tag ends.
fn attributes(html: &str, mut at: usize) -> (Vec<Attribute<'_>>, usize) {
    let bytes = html.as_bytes();
    let skip_space = |mut at: usize| {
        while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        at
    };
    let mut found = Vec::new();
    loop {
        while bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            at += 1;
        }
        match bytes.get(at) {
            None => return (found, html.len()),
            Some(b'>') => return (found, at + 1),
            Some(_) => {}
        }
        // A name runs to a space, `/`, `>` or `=` (its first character may be `=` itself).
        let start = at;
        at += 1;
        while bytes
            .get(at)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let name = html[start..at].to_ascii_lowercase();
        let equals = skip_space(at);
        if bytes.get(equals) != Some(&b'=') {
            found.push(Attribute {
                name,
                value: Cow::Borrowed(""),
                range: start..at,
            });
            continue;
        }
        let value_start = skip_space(equals + 1);
        let (range, next) = match bytes.get(value_start) {
            Some(&quote @ (b'"' | b'\'')) => {
                let inside = value_start + 1;
                let close = html[inside..]
                    .find(quote as char)
                    .map_or(html.len(), |i| inside + i);
                (inside..close, (close + 1).min(html.len()))
            }
            _ => {
                let end = value_start
                    + bytes[value_start..]
                        .iter()
                        .take_while(|b| !b.is_ascii_whitespace() && **b != b'>')
                        .count();
                (value_start..end, end)
            }
        };
        found.push(Attribute {
            name,
            value: decode(&html[range.clone()]),
            range,
        });
        at = next;
    }
}

/// An attribute value with its numeric character references and the five XML entities decoded.
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    const NAMED: [(&str, char); 5] = [
        ("amp;", '&'),
        ("lt;", '<'),
        ("gt;", '>'),
        ("quot;", '"'),
        ("apos;", '\''),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        if let Some((c, after)) = numeric(rest) {
            out.push(c);
            rest = after;
        } else if let Some((name, c)) = NAMED.iter().find(|(n, _)| rest.starts_with(n)) {
            out.push(*c);
            rest = &rest[name.len()..];
        } else {
            out.push('&');
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A numeric character reference after its `&` (`#46;`, `#x2e`; the `;` may be left off, as
/// browsers allow), and the text after it.
fn numeric(text: &str) -> Option<(char, &str)> {
    let digits = text.strip_prefix('#')?;
    let (radix, digits) = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => (16, hex),
        None => (10, digits),
    };
    let length = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if length == 0 {
        return None;
    }
    let code = u32::from_str_radix(&digits[..length].chars().take(8).collect::<String>(), radix)
        .unwrap_or(u32::MAX);
    let c = char::from_u32(code)
        .filter(|c| *c != '\0')
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    let after = &digits[length..];
    Some((c, after.strip_prefix(';').unwrap_or(after)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found_with_their_places_and_attributes() {
        let html = r#"x <a title='a > b' HREF="../x.md" hidden>y</a><!-- <a href="no"> --><img src=p.png alt=A>"#;
        let found = tags(html);
        let kinds: Vec<(TagKind, &str)> = found.iter().map(|t| (t.kind, t.name.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (TagKind::Start, "a"),
                (TagKind::End, "a"),
                (TagKind::Comment, ""),
                (TagKind::Start, "img")
            ]
        );
        let (href, image) = found[0].address().unwrap();
        assert_eq!((href.value.as_ref(), image), ("../x.md", false));
        assert_eq!(&html[href.range.clone()], "../x.md");
        assert_eq!(found[0].attribute("hidden").unwrap().value, "");
        let (src, image) = found[3].address().unwrap();
        assert_eq!((src.value.as_ref(), image), ("p.png", true));
        assert_eq!(found[3].attribute("alt").unwrap().value, "A");
    }

    #[test]
    fn character_references_are_decoded_as_a_browser_decodes_them() {
        assert_eq!(decode("&#46;&#x2E;/&#47;etc"), "../\u{2f}etc");
        assert_eq!(decode("a&#46b"), "a.b");
        assert_eq!(decode("?a=1&amp;b=2&lt;"), "?a=1&b=2<");
        // A name not decoded here stays as written: no file has such a name.
        assert_eq!(decode("&period;&period;/x"), "&period;&period;/x");
        assert_eq!(decode("&#0;&#99999999999;"), "\u{fffd}\u{fffd}");
    }

    #[test]
    fn nesting_counts_open_elements_but_not_void_ones() {
        let mut nesting = Nesting::default();
        let deep = "<div><br><img src=x>".repeat(DEEPEST) + "<p>";
        let found: Vec<bool> = tags(&deep)
            .iter()
            .map(|t| nesting.too_deep_after(t))
            .collect();
        assert_eq!(found.iter().filter(|deep| **deep).count(), 1);
        assert!(*found.last().unwrap());
        let mut nesting = Nesting::default();
        let closed = "<div></div>".repeat(DEEPEST * 2);
        assert!(!tags(&closed).iter().any(|t| nesting.too_deep_after(t)));
    }

    #[test]
    fn a_tag_that_never_ends_runs_to_the_end() {
        let found = tags("<a href=\"x");
        assert_eq!(found[0].range, 0..10);
        assert_eq!(found[0].attribute("href").unwrap().value, "x");
        assert!(tags("< a> <3 <").is_empty());
    }
}
