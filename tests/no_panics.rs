//! Property tests: whatever bytes or TOML land in any content file, the pipeline answers with a
//! site or with errors, and never panics.

use std::path::Path;

use planpress::diagnostics::Source;
use planpress::load::Files;
use planpress::pipeline::{run_with, Fresh, Options, Output};
use proptest::prelude::*;

const PLAN: &str = "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\nbase_url = \"https://t.example/\"\n";
const SROS: &str = "[[sros]]\nid = \"cn\"\ntitle = \"Chief Nurse\"\n";
const PRIORITY: &str = "number = 1\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"on-track\"\nfamilies = [\"x\"]\n";

/// A small valid project with one file replaced.
fn project(path: &str, text: String) -> Vec<Source> {
    let mut files = vec![
        Source::new("content/plan.toml", PLAN),
        Source::new("content/sros.toml", SROS),
        Source::new("content/priorities/1-care.toml", PRIORITY),
    ];
    files.retain(|f| f.path != Path::new(path));
    files.push(Source::new(path, text));
    files
}

fn run(sources: Vec<Source>) {
    // The only thing asserted: it returns. A panic fails the property.
    let files = Files {
        sources,
        ..Files::default()
    };
    let (root, options) = (Path::new("/nonexistent"), &Options::default());
    let _ = run_with(root, files, options, Output::Memory, &Fresh);
}

const PLACES: [&str; 9] = [
    "content/plan.toml",
    "content/sros.toml",
    "content/priorities/1-care.toml",
    "content/pages/page.md",
    "content/updates/2024-01-01-u.md",
    "content/registers/r.toml",
    "content/measures.toml",
    "content/risks.toml",
    "content/glossary.toml",
];

/// Text made of the characters TOML, front matter and Markdown care about.
fn syntaxy() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"(\+\+\+\n|\[\[[a-z]{1,8}\]\]\n|[a-z_]{1,8} = |"[^"\n]{0,12}"|[0-9]{1,6}|2024-0[1-9]-1[0-9]|\[|\]|\{|\}|,|\n|#{1,6} |- |\*|`{1,3}|<[a-z]{1,6}[^>]{0,10}>|\]\(|\)|!|&|\\|.){0,60}"#).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn any_bytes_in_any_file(place in 0..PLACES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        run(project(PLACES[place], String::from_utf8_lossy(&bytes).into_owned()));
    }

    #[test]
    fn anything_shaped_like_content_in_any_file(place in 0..PLACES.len(), text in syntaxy()) {
        run(project(PLACES[place], text));
    }

    #[test]
    fn any_markdown_in_a_page(body in syntaxy()) {
        run(project("content/pages/page.md", format!("+++\ntitle = \"Page\"\n+++\n{body}")));
    }

    #[test]
    fn any_values_in_a_register_of_actions(
        number in prop_oneof![Just("1".to_string()), Just("\"one\"".to_string()), Just("-5".to_string()), Just("99999999999".to_string())],
        status in prop_oneof![Just("\"on-track\"".to_string()), Just("\"\"".to_string()), Just("7".to_string()), Just("[]".to_string())],
        due in prop_oneof![Just("\"Q4 2023/24\"".to_string()), Just("\"Q9 99/99\"".to_string()), Just("\"2024-02-30\"".to_string()), Just("2024-01-01".to_string())],
        bullet in syntaxy(),
    ) {
        let text = format!("number = {number}\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"A\"\nstatus = {status}\ndue = {due}\nfamilies = [{bullet:?}]\n");
        run(project("content/priorities/1-care.toml", text));
    }
}
