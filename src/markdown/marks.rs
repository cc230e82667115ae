//! The marks in made HTML. A text is shown from pages at different depths (`""` or `"../"` before
//! a link to a page), and a page's body is shown again in the print edition with its heading ids
//! prefixed (`page-<slug>-`). So its HTML is made once with a mark where the way to the site root
//! goes and one where the prefix goes (private-use characters), and `place` puts them in.

/// In made HTML: the way from the page to the site root goes here.
pub const ROOT: char = '\u{E000}';
/// In made HTML: the prefix of heading ids goes here.
pub const PREFIX: char = '\u{E001}';
/// While HTML is made, before a link or image: the root goes at the start of its address.
pub const ROOT_NEXT: char = '\u{E002}';
/// While HTML is made, before a link to an anchor: the prefix goes after its `#`.
pub const ANCHOR_NEXT: char = '\u{E003}';

/// In an address, around the reference of an action area ("1.5"): rendering puts its page there.
/// It is a private-use character as an address writes it (percent-encoded, as pulldown-cmark
/// writes any address), so it passes through the Markdown writer and the sanitiser unchanged.
pub const ACTION: &str = "%EE%80%84";

/// The address of a link to an action area by its reference, until rendering knows its page.
pub fn action(reference: &str) -> String {
    format!("{ACTION}{reference}{ACTION}")
}

/// HTML with each action area's reference between marks replaced by `page` of it: its page's
/// address from the site root. Anything else between marks (a name `check` has refused, or the
/// same characters written in the content's text, outside an address) is left as it is.
pub fn place_actions(html: &str, page: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(start) = rest.find(ACTION) {
        let after = &rest[start + ACTION.len()..];
        let Some(end) = after.find(ACTION) else {
            break;
        };
        let whole = start + 2 * ACTION.len() + end;
        // Only at the start of a link's address, after the way to the site root.
        let in_address = rest[..start].trim_end_matches("../").ends_with("href=\"");
        match page(&after[..end]).filter(|_| in_address) {
            Some(address) => {
                out.push_str(&rest[..start]);
                out.push_str(&address);
            }
            None => out.push_str(&rest[..whole]),
        }
        rest = &rest[whole..];
    }
    out.push_str(rest);
    out
}

/// Whether marks in the HTML of `markdown` can only be ours: its text has none of the mark
/// characters, nor a character reference (`&#…;`) that could make one.
pub fn markable(markdown: &str) -> bool {
    !markdown.contains("&#") && found(markdown, &[ROOT, PREFIX, ROOT_NEXT, ANCHOR_NEXT]).is_empty()
}

/// Where each of `marks` is in `text`, in order. One search per mark: a search for one
/// character is fast; for any of several, it goes character by character.
fn found(text: &str, marks: &[char]) -> Vec<(usize, char)> {
    let mut found: Vec<(usize, char)> = marks
        .iter()
        .flat_map(|&mark| text.match_indices(mark).map(move |(at, _)| (at, mark)))
        .collect();
    found.sort_unstable();
    found
}

/// Marked HTML as it is kept: each mark made before a tag moved into the tag's address. `None`
/// when a mark is not just before its tag: the HTML is then made where it is shown instead.
pub fn settle(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut done = 0;
    for (at, mark) in found(html, &[ROOT_NEXT, ANCHOR_NEXT]) {
        out.push_str(&html[done..at]);
        let rest = &html[at + mark.len_utf8()..];
        let (tags, placed): (&[&str], char) = match mark {
            ANCHOR_NEXT => (&["<a href=\"#"], PREFIX),
            _ => (&["<a href=\"", "<img src=\""], ROOT),
        };
        let tag = tags.iter().find(|tag| rest.starts_with(**tag))?;
        out.push_str(tag);
        out.push(placed);
        done = at + mark.len_utf8() + tag.len();
    }
    out.push_str(&html[done..]);
    Some(out)
}

/// Marked HTML shown from a page `root` away from the site root, with heading ids starting `prefix`.
pub fn place(html: &str, root: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut done = 0;
    for (at, mark) in found(html, &[ROOT, PREFIX]) {
        out.push_str(&html[done..at]);
        out.push_str(if mark == ROOT { root } else { prefix });
        done = at + mark.len_utf8();
    }
    out.push_str(&html[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_areas_reference_becomes_its_page() {
        let html = format!(
            "<a href=\"../{}\">x</a> <a href=\"{ACTION}9.9{ACTION}\">y</a> {ACTION}1.5{ACTION}",
            action("1.5")
        );
        let page = |name: &str| (name == "1.5").then(|| "actions/birth-centre.html".to_string());
        assert_eq!(
            place_actions(&html, &page),
            format!("<a href=\"../actions/birth-centre.html\">x</a> <a href=\"{ACTION}9.9{ACTION}\">y</a> {ACTION}1.5{ACTION}")
        );
    }

    #[test]
    fn marks_made_before_a_tag_settle_into_its_address_and_are_placed() {
        let made = format!("<h2 id=\"{PREFIX}aims\">Aims</h2>{ROOT_NEXT}<a href=\"x.html\">x</a> {ANCHOR_NEXT}<a href=\"#aims\">a</a> {ROOT_NEXT}<img src=\"y.png\" />");
        let settled = settle(&made).unwrap();
        assert_eq!(
            place(&settled, "../", "page-a-"),
            r##"<h2 id="page-a-aims">Aims</h2><a href="../x.html">x</a> <a href="#page-a-aims">a</a> <img src="../y.png" />"##
        );
        assert_eq!(
            place(&settled, "", ""),
            r##"<h2 id="aims">Aims</h2><a href="x.html">x</a> <a href="#aims">a</a> <img src="y.png" />"##
        );
    }

    #[test]
    fn a_mark_away_from_its_tag_is_not_settled() {
        assert_eq!(settle(&format!("{ROOT_NEXT}<b><a href=\"x.html\">")), None);
        assert!(!markable("&#57344;") && !markable(&ROOT.to_string()) && markable("A&E"));
    }
}
