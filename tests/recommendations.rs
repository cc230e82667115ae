//! National recommendations: registers added as files, grouped pages with static filters, a page
//! per recommendation, coverage computed from the links, and open data matching its documentation.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn a_register_page_is_grouped_as_its_source_groups_it() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let cqc = read(&out, "registers/cqc.html");
    let must = cqc.find("<h2>Must do</h2>").expect("a Must do heading");
    let should = cqc.find("<h2>Should do</h2>").expect("a Should do heading");
    let must_1 = cqc
        .find("Ensure every fetal heart trace is reviewed.")
        .unwrap();
    let should_2 = cqc.find("Review the birth environment").unwrap();
    assert!(
        must < must_1 && must_1 < should && should < should_2,
        "items sit under their groups"
    );

    let national = read(&out, "registers/national.html");
    assert!(
        national.contains("<h2>Theme 1: Safer care</h2>"),
        "{national}"
    );
    assert!(
        national.contains("<h3>Objective 1: Monitoring</h3>"),
        "a group inside a group is one level down"
    );
}

#[test]
fn filtering_by_audience_is_a_page_of_its_own() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let trusts = visible_text(&read(&out, "registers/national-trusts.html"));
    assert!(
        trusts.contains("Train staff in fetal monitoring")
            && !trusts.contains("Publish a national"),
        "{trusts}"
    );
    assert!(trusts.contains("Showing 1 policy for Trusts."), "{trusts}");
    let nhse = visible_text(&read(&out, "registers/national-nhse.html"));
    assert!(
        nhse.contains("Publish a national") && !nhse.contains("Train staff"),
        "{nhse}"
    );
    let all = read(&out, "registers/national.html");
    assert!(all.contains(r#"href="../registers/national-nhse.html">NHS England <span class="filters__count">(1)</span>"#), "{all}");
    assert!(
        !out.join("registers/cqc-trust.html").exists(),
        "one audience needs no filter page"
    );
}

#[test]
fn each_recommendation_page_shows_the_actions_answering_it() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let answered = visible_text(&read(&out, "recommendations/cqc.must-1.html"));
    assert!(
        answered.contains("Ensure every fetal heart trace is reviewed."),
        "{answered}"
    );
    assert!(
        answered.contains("1.1 Fetal monitoring Going well"),
        "{answered}"
    );
    let gap = visible_text(&read(&out, "recommendations/cqc.should-2.html"));
    assert!(
        gap.contains("No activity in this plan answers this yet."),
        "{gap}"
    );
    let national = visible_text(&read(&out, "recommendations/national.1.2.html"));
    assert!(national.contains("not to the trust"), "{national}");
    assert!(
        national.contains("Target Published by 2025"),
        "facts are shown: {national}"
    );

    let action = visible_text(&read(&out, "actions/fetal-monitoring.html"));
    assert!(
        action.contains("CQC must-1: Ensure every fetal heart trace is reviewed."),
        "{action}"
    );
    assert!(
        action.contains("NMP 1.1: Train staff in fetal monitoring every year."),
        "{action}"
    );
}

#[test]
fn coverage_counts_what_is_answered_and_lists_the_gaps() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let coverage = read(&out, "coverage.html");
    let cqc = section(&coverage, "cqc");
    assert!(
        visible_text(cqc).contains(
            "3 of 4 requirements for the trust have at least one activity in this plan (75%)"
        ),
        "{cqc}"
    );
    assert_eq!(gap_links(cqc), ["recommendations/cqc.should-2.html"]);
    let national = visible_text(section(&coverage, "national"));
    assert!(national.contains("1 of 1 policy for trusts"), "{national}");
    assert!(national.contains("Not yet answered (0)"), "{national}");
}

#[test]
fn the_real_plans_gap_list_is_computed_from_the_links() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan = planpress::run(root, &Default::default(), planpress::Output::Memory)
        .expect("content/ builds")
        .plan;
    let answered: BTreeSet<&str> = plan
        .actions()
        .flat_map(|(_, a)| a.answers.iter().map(String::as_str))
        .collect();
    let register = plan.registers.iter().find(|r| r.id == "3ydp").unwrap();
    let expected: Vec<String> = register
        .items
        .iter()
        .filter(|i| i.audiences == ["trusts"] && !answered.contains(i.reference.as_str()))
        .map(|i| format!("recommendations/{}.html", i.reference.replace('/', ".")))
        .collect();
    let (_dir, out) = build(root);
    let coverage = read(&out, "coverage.html");
    let gaps = gap_links(section(&coverage, "3ydp"));
    assert_eq!(gaps, expected);
    assert_eq!(
        gaps.len() + answered.iter().filter(|r| r.starts_with("3ydp/")).count(),
        44,
        "every trust action is answered or a gap"
    );
    assert_eq!(
        std::fs::read_dir(out.join("recommendations"))
            .unwrap()
            .count(),
        126 + 5 + 5
    );
}

#[test]
fn open_data_has_exactly_the_documented_fields() {
    let (_dir, out) = build(&fixture("custom-labels"));
    let data_page = read(&out, "data.html");
    for (table, rows) in [("actions", 4), ("recommendations", 6), ("links", 4)] {
        let documented = documented_fields(&data_page, table);
        assert!(!documented.is_empty(), "{table} is documented");
        let csv_text = read(&out, &format!("data/{table}.csv"));
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header, documented, "{table}.csv columns");
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows, "{table}.csv rows");
        if table == "links" {
            continue;
        }
        let json: serde_json::Value =
            serde_json::from_str(&read(&out, &format!("data/{table}.json"))).unwrap();
        let objects = json.as_array().expect("a list of objects");
        assert_eq!(objects.len(), rows, "{table}.json rows");
        for object in objects {
            let keys: BTreeSet<&str> = object
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let documented: BTreeSet<&str> = documented.iter().map(String::as_str).collect();
            assert_eq!(keys, documented, "{table}.json fields");
        }
    }
    let actions: serde_json::Value =
        serde_json::from_str(&read(&out, "data/actions.json")).unwrap();
    let fetal = &actions[0];
    assert_eq!(fetal["id"], "fetal-monitoring");
    assert_eq!(
        fetal["answers"],
        serde_json::json!(["cqc/must-1", "national/1.1"])
    );
    assert_eq!(
        fetal["doing"],
        serde_json::json!(["Training all staff each year.", "Buying *new* monitors."])
    );
    assert_eq!(
        actions[2]["lead"],
        serde_json::Value::Null,
        "a field the plan does not give is null"
    );
    let links = read(&out, "data/links.csv");
    assert!(
        links.contains("fetal-monitoring,1.1,national/1.1,national"),
        "{links}"
    );
}

/// The HTML of `<section … aria-labelledby="id">` up to its end.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(r#"aria-labelledby="{id}""#))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

/// The links in a section's gap list, in order.
fn gap_links(section: &str) -> Vec<String> {
    match section.split_once(r#"<ul class="gaps">"#) {
        Some((_, rest)) => hrefs(rest.split("</ul>").next().unwrap())
            .into_iter()
            .filter(|h| h.starts_with("recommendations/"))
            .collect(),
        None => Vec::new(),
    }
}

/// The field names the data page documents for one table.
fn documented_fields(page: &str, table: &str) -> Vec<String> {
    let start = page.find(&format!(r#"id="fields-{table}""#)).unwrap();
    let table_html = &page[start..start + page[start..].find("</table>").unwrap()];
    table_html
        .split("<code>")
        .skip(1)
        .map(|s| s.split("</code>").next().unwrap().to_string())
        .collect()
}
