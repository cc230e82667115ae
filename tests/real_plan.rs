//! The real James Paget plan in content/: every page a reader expects, and every bullet of the
//! source document's three columns on the site, word for word.

mod common;
use common::*;

use std::path::Path;

use planpress::model::Plan;

const SEED: &str = "../shared/seeds/000_d367e762f0a8c3bb.txt";

fn project() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn real_plan() -> Plan {
    planpress::run(project(), &Default::default(), planpress::Output::Memory)
        .expect("content/ builds")
        .plan
}

/// Letters and digits only: what survives any clean-up of extraction debris.
fn letters(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// One row of the source's action tables: the title, then the three columns' raw text.
struct SourceRow {
    title: String,
    columns: [String; 3],
}

/// The action-area rows of the extracted plan: tab-separated lines holding `<ul` list fragments.
fn source_rows() -> Vec<SourceRow> {
    let path = project().join(SEED);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the source plan {} is needed beside the checkout: {e}",
            path.display()
        )
    });
    text.lines()
        .filter(|line| line.contains("<ul"))
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 3, "a row of three cells: {line}");
            let (title, first) = cells[0].split_once("<ul").unwrap();
            let strip = |cell: &str| {
                cell.split_once('>')
                    .map_or(cell, |(_, rest)| rest)
                    .to_string()
            };
            SourceRow {
                title: title.trim().to_string(),
                columns: [strip(first), strip(cells[1]), strip(cells[2])],
            }
        })
        .collect()
}

#[test]
fn the_site_has_every_priority_action_and_owner_page() {
    let (_dir, out) = build(project());
    let count = |folder: &str| std::fs::read_dir(out.join(folder)).unwrap().count();
    assert_eq!(count("priorities"), 4);
    assert_eq!(count("actions"), 22);
    assert_eq!(count("sros"), 4);
    for page in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "sros.html",
        "background.html",
        "vision.html",
        "governance.html",
        "accountability.html",
        "delivery-cycle.html",
        "sources.html",
        "accessibility.html",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let home = visible_text(&read(&out, "index.html"));
    for (number, owner) in [
        (1, "Chief Medical Officer"),
        (2, "Director of People and Culture"),
        (3, "Chief Nurse"),
        (4, "Chief Operating Officer"),
    ] {
        assert!(
            home.contains(&format!("Priority {number}:")),
            "priority {number} on the home page"
        );
        assert!(home.contains(owner), "{owner} on the home page");
    }
    assert!(
        home.contains("22 Not yet reported"),
        "the plan states no progress: {home}"
    );
}

#[test]
fn every_action_area_matches_the_source_plan_word_for_word() {
    let rows = source_rows();
    let plan = real_plan();
    let actions: Vec<_> = plan.actions().map(|(_, a)| a).collect();
    assert_eq!(rows.len(), 22, "the source has 22 action areas");
    assert_eq!(actions.len(), rows.len());
    for (row, action) in rows.iter().zip(&actions) {
        assert_eq!(letters(&row.title), letters(&action.title), "{}", action.id);
        let columns = [&action.achieve, &action.doing, &action.families];
        for (source, bullets) in row.columns.iter().zip(columns) {
            let ours: String = bullets.iter().map(|b| letters(&b.markdown)).collect();
            assert_eq!(
                letters(source),
                ours,
                "{}: a column differs from the source",
                action.id
            );
            assert!(!bullets.is_empty(), "{}: an empty column", action.id);
        }
    }
}

/// A page without the expansions planpress adds after an abbreviation's first use, so the plan's
/// own words can be compared as written.
fn without_expansions(html: &str) -> String {
    // Spelt out in brackets, "SRO (senior responsible owner)", or after a comma where the term
    // already stands inside brackets, "(CSV, comma-separated values)".
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("</abbr>") {
        let end = at + "</abbr>".len();
        out.push_str(&rest[..end]);
        rest = &rest[end..];
        for (opening, closing) in [(" (<a href=\"", "</a>)"), (", <a href=\"", "</a>")] {
            if rest.starts_with(opening) {
                let skip = rest.find(closing).map_or(rest.len(), |e| e + closing.len());
                rest = &rest[skip..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn every_bullet_appears_on_its_action_page_and_its_priority_page() {
    let (_dir, out) = build(project());
    let plan = real_plan();
    for (priority, action) in plan.actions() {
        let action_page = visible_text(&without_expansions(&read(
            &out,
            &format!("actions/{}.html", action.id),
        )));
        let priority_page = visible_text(&without_expansions(&read(
            &out,
            &format!("priorities/{}.html", priority.id),
        )));
        for bullet in action
            .achieve
            .iter()
            .chain(&action.doing)
            .chain(&action.families)
        {
            let words = fold(&bullet.markdown);
            assert!(
                action_page.contains(&words),
                "{}: «{words}» not on its page",
                action.id
            );
            assert!(
                priority_page.contains(&words),
                "{}: «{words}» not on {}",
                action.id,
                priority.id
            );
        }
        assert!(
            action_page.contains("Status: Not yet reported"),
            "{}",
            action.id
        );
    }
}

#[test]
fn each_owner_page_lists_the_action_areas_they_answer_for() {
    let (_dir, out) = build(project());
    let nurse = visible_text(&read(&out, "sros/chief-nurse.html"));
    assert!(nurse.contains("accountable for 2 action areas"), "{nurse}");
    assert!(
        nurse.contains("3.1 Patient Choices and Preferences"),
        "{nurse}"
    );
    assert!(!nurse.contains("Antenatal"), "{nurse}");
}

const DELIVERY_PLAN: &str = "../shared/seeds/001_165e44d3772ccdcb.txt";

#[test]
fn the_delivery_plan_register_matches_its_source_row_by_row() {
    let path = project().join(DELIVERY_PLAN);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is needed beside the checkout: {e}", path.display()));
    // Source rows: "10.1<TAB>text<TAB>✓ under Trusts, ICB/LMNS or NHSE".
    let rows: Vec<(String, String, &str)> = text
        .lines()
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|cells| {
            cells.len() >= 5 && cells[0].contains('.') && cells[0].trim().parse::<f32>().is_ok()
        })
        .map(|cells| {
            let ticked = ["trusts", "icbs", "nhse"]
                .into_iter()
                .zip(&cells[2..5])
                .find(|(_, c)| c.contains('✓'));
            (
                cells[0].trim().to_string(),
                letters(cells[1]),
                ticked.map_or("", |(a, _)| a),
            )
        })
        .collect();
    let plan = real_plan();
    let register = plan
        .registers
        .iter()
        .find(|r| r.id == "3ydp")
        .expect("the 3ydp register");
    assert_eq!(rows.len(), 126);
    assert_eq!(register.items.len(), rows.len());
    for ((id, words, audience), item) in rows.iter().zip(&register.items) {
        assert_eq!(&item.id, id);
        assert_eq!(
            &letters(
                &item
                    .text
                    .as_ref()
                    .expect("the plan gives every item's words")
                    .markdown
            ),
            words,
            "{id}: text differs from the source"
        );
        assert_eq!(
            item.audiences,
            [*audience],
            "{id}: addressed to the wrong body"
        );
    }
    let count = |audience: &str| {
        register
            .items
            .iter()
            .filter(|i| i.audiences == [audience])
            .count()
    };
    assert_eq!(
        (count("trusts"), count("icbs"), count("nhse")),
        (44, 29, 53)
    );
    let objectives = register
        .groups
        .iter()
        .filter(|g| g.parent.is_some())
        .count();
    assert_eq!(
        (register.groups.len() - objectives, objectives),
        (4, 12),
        "4 themes, 12 objectives"
    );
    let sizes: Vec<usize> = ["sbl2", "ambitions"]
        .iter()
        .map(|id| {
            plan.registers
                .iter()
                .find(|r| &r.id == id)
                .map_or(0, |r| r.items.len())
        })
        .collect();
    assert_eq!(
        sizes,
        [5, 5],
        "five care bundle elements and five national ambitions"
    );
}
