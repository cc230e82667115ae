//! A region's plan, as the benchmarks make it (`planpress synthetic`), built end to end: every
//! action reaches its page, the print edition and the open data; crowded priority pages stay light;
//! and pages rendered in parallel still come out the same, byte for byte, every time.

mod common;

use common::*;

const ACTIONS: usize = 250;

fn synthetic(dir: &std::path::Path) -> std::path::PathBuf {
    let project = dir.join("region");
    let output = planpress(&[
        "synthetic",
        project.to_str().unwrap(),
        "--actions",
        &ACTIONS.to_string(),
        "--seed",
        "3",
    ]);
    assert!(output.status.success(), "{output:?}");
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
