use super::*;

/// A PDF laid out as Chromium lays one out: a two-level page tree, the destinations in the
/// catalog's `/Dests`, and a cross-reference table giving each object's place.
fn pdf(objects: &[(u32, &str)], root: u32) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\n".to_vec();
    let mut offsets = BTreeMap::new();
    for (n, body) in objects {
        offsets.insert(*n, out.len());
        out.extend_from_slice(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let size = offsets.keys().max().unwrap() + 1;
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for n in 1..size {
        match offsets.get(&n) {
            Some(at) => out.extend_from_slice(format!("{at:010} 00000 n \n").as_bytes()),
            None => out.extend_from_slice(b"0000000000 65535 f \n"),
        }
    }
    out.extend_from_slice(
        format!("trailer\n<</Size {size}\n/Root {root} 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes(),
    );
    out
}

fn chromium_like() -> Vec<u8> {
    pdf(
        &[
            (1, "<</Title <FEFF0041> /Producer (Skia/PDF \\(m156\\))>>"),
            (2, "<</Type /Page /Parent 10 0 R /Annots [<</A <</S /GoTo /D (vision)>>>>]>>"),
            (3, "<</Type /Page /Parent 10 0 R>>"),
            (4, "<</Type /Page /Parent 11 0 R>>"),
            (5, "<</Filter /FlateDecode /Length 3>> stream\nx\x01y\nendstream"),
            (7, "<</Type /Page /Parent 11 0 R>>"),
            (10, "<</Type /Pages /Count 2 /Kids [2 0 R 3 0 R] /Parent 12 0 R>>"),
            (11, "<</Type /Pages /Count 2 /Kids [4 0 R 7 0 R] /Parent 12 0 R>>"),
            (12, "<</Type /Pages /Count 4 /Kids [10 0 R 11 0 R]>>"),
            (
                13,
                "<</main [2 0 R /XYZ 0 841.91998 0]\n/vision [3 0 R /XYZ 0 817.91998 0]\n\
                 /priority-1-safe-care [4 0 R /XYZ 0 817.91998 0]\n/page#20two [7 0 R /XYZ 0 600 0]>>",
            ),
            (14, "<</Type /Catalog /Pages 12 0 R /Lang (en-GB) /Dests 13 0 R /Outlines 15 0 R>>"),
        ],
        14,
    )
}

#[test]
fn each_destination_is_on_its_pages_place_in_the_page_tree() {
    let pages = destination_pages(&chromium_like()).unwrap();
    let expected: BTreeMap<String, usize> = [
        ("main", 1),
        ("vision", 2),
        ("priority-1-safe-care", 3),
        ("page two", 4),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(pages, expected);
}

#[test]
fn a_pdf_that_is_not_read_here_is_an_error_not_a_panic() {
    for bytes in [
        &b""[..],
        b"%PDF-1.4\nstartxref\n99999\n%%EOF",
        b"%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nstartxref\n9\n%%EOF",
        b"startxref\nxref",
    ] {
        assert!(destination_pages(bytes).is_err(), "{bytes:?}");
    }
    let mut cut = chromium_like();
    cut.truncate(cut.len() / 2);
    assert!(destination_pages(&cut).is_err());
}

#[test]
fn a_page_tree_that_loops_is_an_error() {
    let looping = pdf(
        &[
            (1, "<</Type /Pages /Kids [2 0 R]>>"),
            (2, "<</Type /Pages /Kids [1 0 R]>>"),
            (3, "<</Type /Catalog /Pages 1 0 R>>"),
        ],
        3,
    );
    assert!(destination_pages(&looping).is_err());
}

const EDITION: &str = "<nav class=\"toc\" aria-labelledby=\"contents\">\n<ol>\n\
    <li><a href=\"#vision\">Our vision</a></li>\n\
    <li><a href=\"#priority-1\">Priority 1: Safer <em>care</em></a></li>\n\
    <li><a href=\"#glossary\">Glossary</a></li>\n</ol>\n</nav>\n\
    <p><a href=\"#vision\">not the contents</a></p>";

#[test]
fn each_contents_line_gets_its_page_number_and_nothing_else_changes() {
    let pages: BTreeMap<String, usize> = [("vision", 3), ("priority-1", 12), ("glossary", 40)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let filled = fill(EDITION, &pages);
    assert!(filled
        .contains("<li><a href=\"#vision\">Our vision</a><span class=\"toc__page\">3</span></li>"));
    assert!(filled.contains("Safer <em>care</em></a><span class=\"toc__page\">12</span></li>"));
    assert!(filled.contains("Glossary</a><span class=\"toc__page\">40</span></li>"));
    assert!(filled.ends_with("<p><a href=\"#vision\">not the contents</a></p>"));
    assert_eq!(filled.matches("toc__page").count(), 3);
}

#[test]
fn a_line_whose_page_is_not_known_yet_holds_the_placeholder() {
    let filled = fill(EDITION, &BTreeMap::new());
    assert_eq!(filled.matches(">000</span>").count(), 3);
    assert_eq!(
        fill("<p>no contents</p>", &BTreeMap::new()),
        "<p>no contents</p>"
    );
}
