//! A region's plan, as the benchmarks make it (the `synthetic` example), built end to end: every
//! action reaches its page, the print edition and the open data; crowded priority pages stay light;
//! pages rendered in parallel still come out the same, byte for byte, every time; and the search
//! index stays within its budget however many documents share a word.

mod common;

use common::*;
use planpress::render::search::{files_within, Budget};

const ACTIONS: usize = 250;

/// The benchmarks' generator itself, so this test builds the plans they time (and runs its tests).
#[path = "../benches/synthetic/corpus.rs"]
mod corpus;

fn synthetic(dir: &std::path::Path) -> std::path::PathBuf {
    let project = dir.join("region");
    corpus::write_corpus(&project, ACTIONS, 3).unwrap();
    project
}

#[test]
fn a_synthetic_region_builds_with_every_action_in_its_places() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic(dir.path());
    let (ok, stdout, stderr) = run_in(&project, &["check", "--quiet"]);
    assert!(ok, "the synthetic plan has no errors:\n{stderr}{stdout}");
    let (_site, out) = build(&project);

    for n in [0, 99, 100, ACTIONS - 1] {
        let page = read(&out, &format!("actions/action-{n:05}.html"));
        assert!(visible_text(&page).contains(&format!("({n})")), "{n}");
    }
    let print = read(&out, "print/index.html");
    let headings: Vec<usize> = (0..ACTIONS)
        .map(|n| print.find(&format!("id=\"print-action-{n:05}\"")).unwrap())
        .collect();
    assert!(
        headings.windows(2).all(|w| w[0] < w[1]),
        "the print edition holds every action, in order"
    );
    let rows: serde_json::Value = serde_json::from_str(&read(&out, "data/actions.json")).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), ACTIONS);
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("actions/action-00249.html</loc>"));
}

#[test]
fn a_priority_with_a_hundred_actions_lists_them_in_a_table_and_stays_light() {
    let dir = tempfile::tempdir().unwrap();
    let (_site, out) = build(&synthetic(dir.path()));
    let page = read(&out, "priorities/0001.html");
    assert_eq!(page.matches("<tr><td>").count(), 100, "a row per action");
    assert!(
        !page.contains("class=\"columns\""),
        "no action's columns on the priority page"
    );
    assert!(page.len() < 100_000, "{} bytes", page.len());
}

#[test]
fn the_same_plan_gives_the_same_bytes_though_pages_render_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic(dir.path());
    let (_one, first) = build(&project);
    let (_two, second) = build(&project);
    assert_eq!(tree(&first), tree(&second));
}

/// Every word shard is within the shard budget, or holds one word, which the word budget bounds.
fn assert_within(files: &[(String, Vec<u8>)], budget: &Budget) {
    for (path, bytes) in files.iter().filter(|(path, _)| path.contains("/words-")) {
        let words: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(bytes).unwrap();
        let limit = match words.len() {
            1 => budget.shard.max(budget.word + 64),
            _ => budget.shard,
        };
        assert!(
            bytes.len() <= limit,
            "{path} is {} bytes, over {limit}",
            bytes.len()
        );
    }
}

#[test]
fn the_search_index_stays_within_its_budget_and_still_finds_an_action() {
    let dir = tempfile::tempdir().unwrap();
    let project = synthetic(dir.path());
    let (_site, out) = build(&project);
    let built: Vec<(String, Vec<u8>)> = tree(&out.join("search"))
        .into_iter()
        .map(|(path, bytes)| (format!("search/{}", path.display()), bytes))
        .collect();
    assert_within(&built, &Budget::PHONE);
    for (path, bytes) in &built {
        assert!(
            bytes.len() <= Budget::PHONE.shard,
            "{path}: {}",
            bytes.len()
        );
    }

    // A budget this plan's size would reach only at national scale: common words are left out
    // and crowded prefixes split, yet a search still finds what it should.
    let plan = planpress::run(&project, &Default::default(), planpress::Output::Check)
        .unwrap()
        .plan;
    let tight = Budget {
        word: 256,
        shard: 192,
    };
    let files: Vec<(String, Vec<u8>)> =
        files_within(&plan, Some("english"), &tight, planpress::NEVER)
            .into_iter()
            .map(|f| (f.path, f.bytes.into_made()))
            .collect();
    assert_within(&files, &tight);
    let index = |name: &str| {
        files
            .iter()
            .find(|(path, _)| path == &format!("search/{name}"))
            .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
    };
    let manifest: serde_json::Value = serde_json::from_str(&index("index.json").unwrap()).unwrap();
    assert!(
        !manifest["split"].as_array().unwrap().is_empty(),
        "some prefix was split: {manifest}"
    );

    let action = "actions/action-00123.html";
    let title = visible_text(&read(&out, action));
    assert!(title.contains("(123)"), "{title}");
    let number = search::search(index, "123");
    assert!(
        number.documents.iter().any(|(_, url)| url == action),
        "{number:?}"
    );
    let with_common = search::search(index, "families 123");
    assert_eq!(
        with_common.left_out,
        ["families"],
        "a word on most pages is left out"
    );
    assert_eq!(with_common.documents, number.documents);
    let only_common = search::search(index, "families");
    assert!(only_common.documents.is_empty() && only_common.left_out == ["families"]);
    assert_eq!(
        number.fetched,
        ["index.json", "words-123.json", "docs-2.json"],
        "the manifest, the one shard of a split prefix, one chunk"
    );
}
