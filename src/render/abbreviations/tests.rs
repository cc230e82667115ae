//! The marking of whole pages: where it works, and what it leaves alone.

use super::*;

const FORMS: Forms = Forms {
    explained: "{term} ({expansion})",
    in_brackets: "{term}, {expansion}",
};

fn glossary_with(names: &[&str]) -> Glossary {
    let terms = [
        ("SRO", "Senior Responsible Owner", true),
        ("BR+", "Birthrate Plus", true),
        ("O&G", "Obstetrics and Gynaecology", true),
        ("CSV", "comma-separated values", true),
        ("NHS", "National Health Service", false),
        ("WTE", "whole-time equivalent", true),
    ];
    let entries = terms.iter().map(|&(term, expansion, expand)| Entry {
        term,
        expansion,
        anchor: crate::validate::slugify(term),
        expand,
    });
    Glossary::new(entries, names.iter().copied(), &FORMS)
}

fn glossary() -> Glossary {
    glossary_with(&[])
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

#[test]
fn a_term_inside_brackets_is_explained_after_a_comma() {
    let marked = glossary().mark(
        "<main><p>Open it in a spreadsheet (CSV) or read it.</p></main>",
        "g.html",
    );
    assert!(marked.contains(r#"a spreadsheet (<abbr title="comma-separated values">CSV</abbr>, <a href="g.html#csv">comma-separated values</a>) or"#), "{marked}");
}

#[test]
fn a_term_that_opts_out_is_marked_but_not_spelt_out() {
    let marked = glossary().mark("<main><p>The NHS and the SRO.</p></main>", "g.html");
    assert!(
        marked.contains(r#"The <abbr title="National Health Service">NHS</abbr> and"#),
        "{marked}"
    );
    assert!(!marked.contains("(<a href=\"g.html#nhs\">"), "{marked}");
}

#[test]
fn a_term_inside_a_name_is_left_as_the_name_writes_it() {
    let glossary = glossary_with(&["Northshire Community SRO Office"]);
    let marked = glossary.mark(
        "<main><p>The Northshire Community SRO Office writes to each SRO.</p></main>",
        "g.html",
    );
    assert!(
        marked.contains("The Northshire Community SRO Office writes to each <abbr"),
        "{marked}"
    );
    assert_eq!(marked.matches("<abbr").count(), 1, "{marked}");
}

#[test]
fn the_cover_is_left_as_it_is() {
    let html = r#"<main><section class="cover"><p>SRO report</p></section><section><p>SRO</p></section></main>"#;
    let marked = glossary().mark(html, "g.html");
    assert!(
        marked.contains("<p>SRO report</p></section><section><p><abbr"),
        "{marked}"
    );
}

#[test]
fn terms_in_numbers_and_hyphenated_words_are_left_alone() {
    let marked = glossary().mark(
        "<main><p>A 1.0WTE post, SRO-led, non-SRO work; then 2 WTE.</p></main>",
        "g.html",
    );
    assert!(
        marked.contains("A 1.0WTE post, SRO-led, non-SRO work; then 2 <abbr"),
        "{marked}"
    );
    assert_eq!(marked.matches("<abbr").count(), 1, "{marked}");
}

#[test]
fn a_term_inside_bracketed_words_that_go_on_is_spelt_out_at_its_next_use() {
    let marked = glossary().mark(
        "<main><p>As advised (SRO Group, 2021), each SRO reports.</p></main>",
        "g.html",
    );
    assert!(
        marked.contains(r#"(<abbr title="Senior Responsible Owner">SRO</abbr> Group, 2021)"#),
        "{marked}"
    );
    assert!(
        marked.contains(
            r#"each <abbr title="Senior Responsible Owner">SRO</abbr> (<a href="g.html#sro">"#
        ),
        "{marked}"
    );
}

#[test]
fn a_glossary_list_is_left_as_it_is() {
    let html = r#"<main><dl class="glossary"><div><dt>SRO</dt><dd>Senior Responsible Owner</dd></div></dl><p>SRO</p></main>"#;
    let marked = glossary().mark(html, "g.html");
    assert!(marked.contains("<dt>SRO</dt>"), "{marked}");
    assert!(marked.contains("<p><abbr"), "{marked}");
}
