//! Outcomes on the progress fixture: measures in words against their targets, trend charts whose
//! points match their tables, values from TOML and CSV, open data, risks, and the errors measures
//! can have.

mod common;
use common::*;

/// The words of each point's `<title>` in a chart, in order.
fn chart_points(html: &str) -> Vec<String> {
    html.split("<circle")
        .skip(1)
        .map(|c| {
            c.split("<title>")
                .nth(1)
                .unwrap()
                .split("</title>")
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The rows of the values table: (period, value).
fn table_rows(html: &str) -> Vec<(String, String)> {
    let body = html
        .split(r#"<table class="values">"#)
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    body.split("<tr>")
        .skip(2)
        .map(|row| {
            let period = row
                .split("<th scope=\"row\">")
                .nth(1)
                .unwrap()
                .split("</th>")
                .next()
                .unwrap();
            let value = row
                .split("<td>")
                .nth(1)
                .unwrap()
                .split("</td>")
                .next()
                .unwrap();
            (period.to_string(), value.to_string())
        })
        .collect()
}

#[test]
fn each_measure_says_where_it_stands_in_words() {
    let (_dir, out) = build(&fixture("progress"));
    let booking = visible_text(&read(&out, "measures/booking-before-10-weeks.html"));
    assert!(
        booking.contains("91%, target 90%, meeting the target Improving since the value before."),
        "{booking}"
    );
    let smoking = visible_text(&read(&out, "measures/smoking-at-delivery.html"));
    assert!(
        smoking.contains("11%, target 6%, above target Getting worse since the value before."),
        "{smoking}"
    );
    let stillbirth = visible_text(&read(&out, "measures/stillbirth-rate.html"));
    assert!(
        stillbirth.contains("No data yet. Target 2.5 per 1,000 births."),
        "{stillbirth}"
    );
    assert!(
        stillbirth.contains("Baseline 5.1 per 1,000 births (2010), National baseline"),
        "{stillbirth}"
    );
    assert!(
        !read(&out, "measures/stillbirth-rate.html").contains("<svg"),
        "no chart without data"
    );
}

#[test]
fn the_chart_and_the_table_show_the_same_values() {
    let (_dir, out) = build(&fixture("progress"));
    // From the CSV export; its row after the report date (Q2 2024/25) is left out.
    let booking = read(&out, "measures/booking-before-10-weeks.html");
    let expected = [
        ("Q1 2023/24", "70%"),
        ("Q2 2023/24", "75%"),
        ("Q3 2023/24", "82%"),
        ("Q4 2023/24", "88%"),
        ("Q1 2024/25", "91%"),
    ];
    let points: Vec<String> = expected.iter().map(|(p, v)| format!("{p}: {v}")).collect();
    assert_eq!(chart_points(&booking), points);
    let rows: Vec<(String, String)> = expected
        .iter()
        .map(|(p, v)| (p.to_string(), v.to_string()))
        .collect();
    assert_eq!(table_rows(&booking), rows);
    assert!(visible_text(&booking)
        .contains("Q3 2023/24 82% 410 of 500 Maternity dashboard New booking clinic opened"));
    assert!(booking.contains(r#"class="chart__target""#) && booking.contains("Target 90%"));
    // Typed in measures.toml.
    let smoking = read(&out, "measures/smoking-at-delivery.html");
    assert_eq!(
        chart_points(&smoking),
        ["Q1 2023/24: 9.5%", "Q3 2023/24: 10.2%", "Q1 2024/25: 11%"]
    );
    assert_eq!(table_rows(&smoking).len(), 3);
}

#[test]
fn the_chart_reads_without_colour() {
    let (_dir, out) = build(&fixture("progress"));
    let css = read(&out, "style.css");
    let rule = css
        .split(".chart__target {")
        .nth(1)
        .unwrap()
        .split('}')
        .next()
        .unwrap();
    assert!(
        rule.contains("stroke-dasharray"),
        "the target is dashed, not just a colour: {rule}"
    );
    let page = read(&out, "measures/smoking-at-delivery.html");
    assert!(page.contains(r#"role="img" aria-labelledby="chart-smoking-at-delivery-title""#));
    assert!(
        page.contains("Smoking at the time of delivery: 3 values from Q1 2023/24 to Q1 2024/25")
    );
}

#[test]
fn measures_appear_on_the_pages_they_evidence() {
    let (_dir, out) = build(&fixture("progress"));
    let priority = visible_text(&read(&out, "priorities/1-safety.html"));
    assert!(
        priority.contains(
            "How we measure it Booked before 10 weeks: 91%, target 90%, meeting the target"
        ),
        "{priority}"
    );
    assert!(
        priority.contains("Stillbirths: No data yet."),
        "through its action area: {priority}"
    );
    let action = visible_text(&read(&out, "actions/fetal-monitoring.html"));
    assert!(
        action.contains("How we measure it Stillbirths: No data yet. Target 2.5 per 1,000 births."),
        "{action}"
    );
    let measures = visible_text(&read(&out, "measures.html"));
    for name in [
        "Booked before 10 weeks",
        "Smoking at the time of delivery",
        "Stillbirths",
    ] {
        assert!(measures.contains(name), "{name}");
    }
}

#[test]
fn the_open_data_carries_the_measures_and_their_values() {
    let (_dir, out) = build(&fixture("progress"));
    let measures = read(&out, "data/measures.csv");
    let mut reader = csv::Reader::from_reader(measures.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    let field = |row: &csv::StringRecord, name: &str| {
        row[header.iter().position(|h| h == name).unwrap()].to_string()
    };
    assert_eq!(field(&rows[0], "latest_value"), "91");
    assert_eq!(
        field(&rows[0], "in_words"),
        "91%, target 90%, meeting the target"
    );
    assert_eq!(field(&rows[2], "latest_value"), "", "no data yet");
    let values = read(&out, "data/measure-values.csv");
    assert_eq!(values.lines().count(), 1 + 5 + 3, "{values}");
    assert!(values.contains("booking-before-10-weeks,Q3 2023/24,2023-12-31,82,410,500,Maternity dashboard,New booking clinic opened"), "{values}");
    assert!(values.contains("smoking-at-delivery,Q1 2024/25,2024-06-30,11,,,Maternity dashboard,Two stop-smoking advisers left."), "{values}");
    assert!(read(&out, "data.html").contains(r#"id="fields-measure-values""#));
}

#[test]
fn risks_are_rated_and_shown_with_their_mitigation() {
    let (_dir, out) = build(&fixture("progress"));
    let risks = visible_text(&read(&out, "risks.html"));
    let staffing = risks
        .find("Not enough midwives on each shift Rating: Extreme (score 16)")
        .expect(&risks);
    let building = risks
        .find("Building work runs late Rating: High (score 9)")
        .expect(&risks);
    assert!(staffing < building, "highest first");
    assert!(
        risks.contains("Likelihood 4 (Likely) Impact 4 (Major)"),
        "{risks}"
    );
    assert!(risks.contains("Affects The whole plan"), "{risks}");
    let priority = visible_text(&read(&out, "priorities/1-safety.html"));
    assert!(priority.contains("Key risks Not enough midwives on each shift Extreme. Owner: Director of Midwifery. Being reduced by: Recruiting 12 midwives by March 2025.; A bank of midwives"), "{priority}");
    assert!(
        !read(&out, "priorities/2-support.html").contains("<h2>Key risks</h2>"),
        "no risk names priority 2"
    );
}

#[test]
fn a_search_finds_a_risk_by_its_words_and_opens_it_on_the_risks_page() {
    let (_dir, out) = build(&fixture("progress"));
    let index = |name: &str| std::fs::read_to_string(out.join("search").join(name)).ok();
    let found = search::search(index, "contractor");
    let (title, url) = found
        .documents
        .first()
        .unwrap_or_else(|| panic!("a word of a risk's mitigation finds it: {found:?}"));
    assert_eq!(title, "Building work runs late");
    let (page, anchor) = url.split_once('#').expect(url);
    assert_eq!(page, "risks.html");
    assert!(
        read(&out, page).contains(&format!(r#"id="{anchor}""#)),
        "the link opens the risk itself: {url}"
    );
}

#[test]
fn measure_errors_name_the_file_the_row_and_the_fix() {
    let out = tempfile::tempdir().unwrap();
    let output = run_build(&fixture("broken-measures"), &out.path().join("site"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (place, message) in [
        (
            "content/measures.toml:9:36",
            "700 is outside the range of \"booking\" (0 to 100)",
        ),
        (
            "content/measures.toml:10:14",
            "Q1 2026/27 is outside the plan period",
        ),
        (
            "content/measures.toml:12:12",
            "unknown action area \"triagee\"",
        ),
        (
            "content/measures/one-to-one.csv:1:1",
            "the CSV file has no \"period\" column",
        ),
        (
            "content/measures/induction.csv:3:12",
            "row 3: 310 is outside the range of \"induction\"",
        ),
        (
            "content/measures/induction.csv:4:12",
            "row 4: \"thirty\" is not a number",
        ),
    ] {
        assert!(stderr.contains(place), "{place} missing:\n{stderr}");
        assert!(stderr.contains(message), "{message} missing:\n{stderr}");
    }
    assert!(stderr.contains("did you mean \"triage\"?"), "{stderr}");
}
