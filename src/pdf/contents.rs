//! The contents page's page numbers. Chromium cannot number a contents page itself (no CSS
//! `target-counter`), so the report is printed once, the page each part's heading landed on is
//! read back from that PDF, and the report is printed again with the numbers written in.
//!
//! Chromium marks every place a link inside the page leads to with a named destination, in the
//! catalog's `/Dests` dictionary: `/vision [29 0 R /XYZ 0 817.9 0]`, the element's id and the page
//! object it is on. The page's number is that object's place in the page tree. Only that much of
//! PDF is read here: the cross-reference table, the catalog, the page tree and `/Dests`.

use std::collections::BTreeMap;

/// Stands in for each number in the first print, as wide as any number up to 999, so writing the
/// real ones in moves nothing.
pub const PLACEHOLDER: &str = "000";

/// The contents page as printed: each link of `<nav class="toc"` in `html` followed by the page
/// its target is on (`PLACEHOLDER` where `pages` has no number for it).
pub fn fill(html: &str, pages: &BTreeMap<String, usize>) -> String {
    let Some(start) = html.find("<nav class=\"toc\"") else {
        return html.to_string();
    };
    let end = html[start..]
        .find("</nav>")
        .map_or(html.len(), |e| start + e);
    let mut out = String::with_capacity(html.len() + 64 * pages.len());
    out.push_str(&html[..start]);
    let mut rest = &html[start..end];
    while let Some(at) = rest.find("<a href=\"#") {
        let target = &rest[at + "<a href=\"#".len()..];
        let id = &target[..target.find('"').unwrap_or(0)];
        let Some(close) = rest[at..].find("</a>").map(|c| at + c + "</a>".len()) else {
            break;
        };
        out.push_str(&rest[..close]);
        let number = pages.get(id).map(usize::to_string);
        out.push_str("<span class=\"toc__page\">");
        out.push_str(number.as_deref().unwrap_or(PLACEHOLDER));
        out.push_str("</span>");
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.push_str(&html[end..]);
    out
}

/// The page (counting from 1) that each named destination of `pdf` is on, by name.
pub fn destination_pages(pdf: &[u8]) -> Result<BTreeMap<String, usize>, String> {
    let file = File::read(pdf)?;
    let catalog = file.object(file.root)?;
    let pages_root = catalog.get("Pages").and_then(Obj::reference);
    let pages_root = pages_root.ok_or("the catalog names no page tree")?;
    let mut numbers = BTreeMap::new();
    file.number_pages(pages_root, &mut numbers, 0, 0)?;
    let dests = match catalog.get("Dests") {
        Some(Obj::Ref(n)) => file.object(*n)?,
        Some(dict @ Obj::Dict(_)) => dict.clone(),
        _ => return Ok(BTreeMap::new()),
    };
    let Obj::Dict(entries) = dests else {
        return Err("/Dests is not a dictionary".into());
    };
    Ok(entries
        .iter()
        .filter_map(|(name, dest)| {
            let Obj::Array(dest) = dest else { return None };
            let page = dest.first()?.reference()?;
            Some((name.clone(), *numbers.get(&page)?))
        })
        .collect())
}

/// A PDF value, as much of one as is needed here.
#[derive(Clone, Debug, PartialEq)]
enum Obj {
    Name(String),
    Ref(u32),
    Array(Vec<Obj>),
    Dict(Vec<(String, Obj)>),
    /// A number, a string, a boolean: read past.
    Other,
}

impl Obj {
    fn get(&self, key: &str) -> Option<&Obj> {
        let Obj::Dict(entries) = self else {
            return None;
        };
        entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn reference(&self) -> Option<u32> {
        match self {
            Obj::Ref(n) => Some(*n),
            _ => None,
        }
    }
}

/// The file and where each object starts in it, from its cross-reference table.
struct File<'p> {
    pdf: &'p [u8],
    offsets: BTreeMap<u32, usize>,
    root: u32,
}

impl<'p> File<'p> {
    fn read(pdf: &'p [u8]) -> Result<File<'p>, String> {
        let tail = &pdf[pdf.len().saturating_sub(1024)..];
        let at = find(tail, b"startxref").ok_or("no startxref at the end")?;
        let offset: usize = words(&tail[at + 9..])
            .next()
            .and_then(|w| w.parse().ok())
            .ok_or("startxref gives no offset")?;
        let table = pdf.get(offset..).ok_or("startxref points past the end")?;
        if !table.starts_with(b"xref") {
            return Err("the cross-reference table is a stream, which is not read here".into());
        }
        let trailer = find(table, b"trailer").ok_or("no trailer")?;
        let mut words = words(&table[4..trailer]);
        let mut offsets = BTreeMap::new();
        while let (Some(first), Some(count)) = (words.next(), words.next()) {
            let first: u32 = first.parse().map_err(|_| "a bad xref section")?;
            let count: u32 = count.parse().map_err(|_| "a bad xref section")?;
            for n in first..first + count {
                let (Some(at), Some(_), Some(kind)) = (words.next(), words.next(), words.next())
                else {
                    return Err("the xref table ends early".into());
                };
                if kind == "n" {
                    offsets.insert(n, at.parse().map_err(|_| "a bad xref entry")?);
                }
            }
        }
        let trailer = Parser::new(&table[trailer + 7..]).value();
        let root = trailer.get("Root").and_then(Obj::reference);
        let root = root.ok_or("the trailer names no catalog")?;
        Ok(File { pdf, offsets, root })
    }

    /// Object `n`: what follows its `n 0 obj`.
    fn object(&self, n: u32) -> Result<Obj, String> {
        let at = *self.offsets.get(&n).ok_or(format!("no object {n}"))?;
        let body = self
            .pdf
            .get(at..)
            .ok_or(format!("object {n} is past the end"))?;
        let start = find(body, b"obj").ok_or(format!("object {n} is not where it is said"))?;
        Ok(Parser::new(&body[start + 3..]).value())
    }

    /// Numbers the pages under the page tree node `n`, `depth` levels down, after `before`
    /// pages; returns how many now.
    fn number_pages(
        &self,
        n: u32,
        numbers: &mut BTreeMap<u32, usize>,
        before: usize,
        depth: usize,
    ) -> Result<usize, String> {
        // A real tree of a few levels holds millions of pages: deeper, it loops.
        if depth > 32 {
            return Err("the page tree loops".into());
        }
        let node = self.object(n)?;
        let Some(Obj::Array(kids)) = node.get("Kids") else {
            numbers.insert(n, before + 1);
            return Ok(before + 1);
        };
        let mut count = before;
        for kid in kids.iter().filter_map(Obj::reference) {
            count = self.number_pages(kid, numbers, count, depth + 1)?;
        }
        Ok(count)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn words(bytes: &[u8]) -> impl Iterator<Item = &str> {
    bytes
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| std::str::from_utf8(w).unwrap_or(""))
}

/// Reads one value from the start of some PDF syntax.
struct Parser<'b> {
    bytes: &'b [u8],
    at: usize,
}

const DELIMITERS: &[u8] = b"()<>[]{}/%";

impl<'b> Parser<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        Parser { bytes, at: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if b.is_ascii_whitespace() {
                self.at += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters: a number, a keyword, a name's letters.
    fn regular(&mut self) -> &'b str {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| !b.is_ascii_whitespace() && !DELIMITERS.contains(&b))
        {
            self.at += 1;
        }
        std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("")
    }

    fn value(&mut self) -> Obj {
        self.skip_space();
        match self.peek() {
            Some(b'/') => {
                self.at += 1;
                Obj::Name(decode_name(self.regular()))
            }
            Some(b'[') => {
                self.at += 1;
                Obj::Array(self.items(b']'))
            }
            Some(b'<') if self.bytes.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let items = self.items(b'>');
                self.at += 1; // the second '>'
                let mut entries = Vec::new();
                let mut items = items.into_iter();
                while let (Some(Obj::Name(key)), Some(value)) = (items.next(), items.next()) {
                    entries.push((key, value));
                }
                Obj::Dict(entries)
            }
            Some(b'<') => {
                self.skip_past(b'>');
                Obj::Other
            }
            Some(b'(') => {
                self.skip_string();
                Obj::Other
            }
            Some(_) => self.number_or_reference(),
            None => Obj::Other,
        }
    }

    /// Values up to `close`, read past it; "12 0 R" is one value.
    fn items(&mut self, close: u8) -> Vec<Obj> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => return items,
                Some(b) if b == close => {
                    self.at += 1;
                    return items;
                }
                Some(b']' | b'>' | b')' | b'}' | b'{') => self.at += 1,
                Some(_) => items.push(self.value()),
            }
        }
    }

    fn number_or_reference(&mut self) -> Obj {
        let word = self.regular();
        if word.is_empty() {
            self.at += 1;
            return Obj::Other;
        }
        let Ok(n) = word.parse::<u32>() else {
            return Obj::Other;
        };
        let back = self.at;
        self.skip_space();
        let generation = self.regular();
        self.skip_space();
        if !generation.is_empty() && generation.bytes().all(|b| b.is_ascii_digit()) {
            let keyword = self.regular();
            if keyword == "R" {
                return Obj::Ref(n);
            }
        }
        self.at = back;
        Obj::Other
    }

    fn skip_past(&mut self, end: u8) {
        while let Some(b) = self.peek() {
            self.at += 1;
            if b == end {
                return;
            }
        }
    }

    /// A literal string: brackets inside it nest, and a backslash escapes the next byte.
    fn skip_string(&mut self) {
        let mut depth = 0;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => self.at += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

/// A name's `#xx` escapes undone: an id with a space or a bracket is written `#20`, `#28`.
fn decode_name(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'#', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests;
