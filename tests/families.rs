//! Families first: abbreviations spelt out where they first stand and linked to the glossary, an
//! A to Z and a page per status that work without JavaScript, and plain-English warnings.

mod common;
use common::*;

use std::path::Path;

fn real_site() -> (tempfile::TempDir, std::path::PathBuf) {
    build(Path::new(env!("CARGO_MANIFEST_DIR")))
}

#[test]
fn the_first_use_of_an_abbreviation_on_a_page_is_spelt_out_and_linked() {
    let (_dir, out) = real_site();
    let page = read(&out, "actions/enhanced-maternal-care.html");
    let first = page
        .find(r#"<abbr title="Critical Care Outreach Team">CCORT</abbr>"#)
        .expect("CCORT is marked");
    assert_eq!(
        page.matches("<abbr title=\"Critical Care Outreach Team\">")
            .count(),
        1,
        "only the first use"
    );
    let text = visible_text(&page[first..]);
    assert!(
        text.starts_with("CCORT)") || text.starts_with("CCORT ("),
        "{}",
        &text[..60]
    );
    let priority = read(&out, "priorities/1-safe-care.html");
    assert!(
        priority.contains(
            r#"(<abbr title="Electronic prescribing and medicines administration">EPMA</abbr>)"#
        ),
        "EPMA is marked on its priority page"
    );
    let sop = priority
        .find(r#"<abbr title="Standard Operating Procedure">SOP</abbr>"#)
        .unwrap();
    assert!(
        visible_text(&priority[..sop]).ends_with("standard operating procedure ("),
        "already spelt out, so not spelt out again"
    );
    let glossary = read(&out, "glossary.html");
    for anchor in priority
        .split("glossary.html#")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
    {
        assert!(
            glossary.contains(&format!("id=\"{anchor}\"")),
            "the glossary has #{anchor}"
        );
    }
}

#[test]
fn an_a_to_z_and_a_page_per_status_find_every_action_area() {
    let (_dir, out) = real_site();
    let az = read(&out, "a-z.html");
    let titles: Vec<String> = az
        .split("<ul class=\"found\">")
        .skip(1)
        .flat_map(|list| {
            list.split("</ul>")
                .next()
                .unwrap()
                .split("<li><a href=\"")
                .skip(1)
                .map(|item| {
                    visible_text(
                        item.split("</a>")
                            .next()
                            .unwrap()
                            .split("\">")
                            .nth(1)
                            .unwrap(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(titles.len(), 22, "every action area once");
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted, "in alphabetical order");
    assert!(
        visible_text(&az).contains("A Antenatal Care, including care for patients with Diabetes"),
        "under its letter"
    );

    let waiting = visible_text(&read(&out, "status/not-yet-reported.html"));
    assert!(
        waiting.contains("22 action areas, as at 22 November 2026"),
        "{waiting}"
    );
    let complete = visible_text(&read(&out, "status/complete.html"));
    assert!(
        complete.contains("No action area has this status"),
        "{complete}"
    );
    let home = visible_text(&read(&out, "index.html"));
    assert!(home.contains("By status: Not yet reported (22)"), "{home}");
}

#[test]
fn check_scores_family_text_for_reading_ease_against_the_plans_threshold() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let register = dir.path().join("content/priorities/2-support.toml");
    let text = std::fs::read_to_string(&register).unwrap().replace(
        "families = [\"Information you can read.\"]",
        "families = [\"Comprehensive multidisciplinary interpretation facilitates organisational accessibility considerations.\"]",
    );
    std::fs::write(&register, text).unwrap();
    let check = |root: &Path| {
        String::from_utf8_lossy(&planpress(&["check", "--root", root.to_str().unwrap()]).stderr)
            .into_owned()
    };
    let stderr = check(dir.path());
    assert!(
        stderr.contains("what \"leaflets\" will mean for families scores")
            && stderr.contains("below 50"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("what \"bereavement\" will mean"),
        "plain text passes: {stderr}"
    );
    let plan = dir.path().join("content/plan.toml");
    std::fs::write(
        &plan,
        std::fs::read_to_string(&plan).unwrap() + "reading_ease = 95\n",
    )
    .unwrap();
    assert!(
        check(dir.path()).contains("what \"bereavement\" will mean for families scores"),
        "a stricter threshold catches more"
    );
}

#[test]
fn a_search_forgives_a_slip_a_plural_and_a_familys_own_word_and_shows_the_status() {
    let (_dir, out) = real_site();
    let index = |name: &str| std::fs::read_to_string(out.join("search").join(name)).ok();
    let finds = |query: &str| {
        let found = search::search(index, query);
        let at = found
            .documents
            .iter()
            .position(|(title, _)| title.contains("Bereavement Care"));
        at.map(|n| found.shown[n].clone())
    };
    for query in [
        "bereavement",
        "bereavment",
        "bereavemnet",
        "midwives",
        "baby loss",
    ] {
        let (status, line) = finds(query).unwrap_or_else(|| panic!("{query:?} finds nothing"));
        assert_eq!(status.as_deref(), Some("Not yet reported"), "{query:?}");
        assert!(
            line.starts_with("Our Trust will provide bereavement care"),
            "{line}"
        );
    }
    let titles = |query: &str| search::search(index, query).documents;
    assert_eq!(
        titles("midwife"),
        titles("midwives"),
        "forms of a word find the same"
    );
    assert!(titles("bereavmentt").is_empty(), "two slips are too many");
    assert!(
        titles("babx").is_empty(),
        "a short word must be typed as it is"
    );
}

#[test]
fn a_slip_is_a_letter_added_left_out_changed_or_two_swapped() {
    for (typed, indexed) in [
        ("bereavment", "bereavement"),
        ("bereavemennt", "bereavement"),
        ("bereavenent", "bereavement"),
        ("bereavemnet", "bereavement"),
        ("ebreavement", "bereavement"),
    ] {
        assert!(search::one_slip(typed, indexed), "{typed}");
    }
    for (typed, indexed) in [
        ("bereavement", "bereavement"),
        ("bereavmnt", "bereavement"),
        ("berevaemnt", "bereavement"),
    ] {
        assert!(!search::one_slip(typed, indexed), "{typed}");
    }
}

#[test]
fn the_search_index_is_split_so_a_word_fetches_one_small_shard() {
    let (_dir, out) = real_site();
    let index = |name: &str| std::fs::read_to_string(out.join("search").join(name)).ok();

    let found = search::search(index, "bereave");
    assert!(
        found
            .documents
            .iter()
            .any(|(title, url)| title.contains("Bereavement Care") && out.join(url).exists()),
        "the start of a word finds the action area: {found:?}"
    );
    assert_eq!(
        found.fetched,
        ["index.json", "words-b.json", "docs-0.json"],
        "the manifest, one shard and one chunk of documents"
    );
    let both = search::search(index, "bereavement midwife");
    assert!(
        !both.documents.is_empty() && both.documents.len() < found.documents.len(),
        "every word must be on a page found: {both:?}"
    );
    assert!(
        search::search(index, "bereavement xyzzy")
            .documents
            .is_empty(),
        "a word on no page finds nothing"
    );
    assert!(
        found.left_out.is_empty(),
        "a plan this size leaves no word out of its index"
    );

    for (path, bytes) in tree(&out.join("search")) {
        assert!(
            bytes.len() < 16 * 1024,
            "{} is {} bytes: a search should fetch little",
            path.display(),
            bytes.len()
        );
    }
    let home = read(&out, "index.html");
    assert!(
        home.contains(r#"<form id="search" class="search" role="search" action="a-z.html""#),
        "without JavaScript the form goes to the A to Z"
    );
    assert!(home.contains(r#"<script src="search.js" defer></script>"#));
}
