//! Property tests: whatever bytes or TOML land in any content file (a measure's values CSV and
//! the front matter of pages and updates included), the pipeline answers with a site or with
//! errors, and never panics; whatever Markdown is parsed, its HTML is the same
//! from every place it is shown as if it were made there.

use std::path::Path;

use planpress::diagnostics::Source;
use planpress::load::Files;
use planpress::markdown::{self, Html, Style};
use planpress::pipeline::{run_with, Fresh, Options, Output};
use proptest::prelude::*;

const PLAN: &str = "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\nbase_url = \"https://t.example/\"\n";
const SROS: &str = "[[sros]]\nid = \"cn\"\ntitle = \"Chief Nurse\"\n";
const PRIORITY: &str = "number = 1\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"on-track\"\nfamilies = [\"x\"]\n";

/// Lines of entries of every depth, for a file to keep any of.
const FULL_ENTRIES: [&str; 16] = [
    "number = 1",
    "title = \"Care\"",
    "sro = \"cn\"",
    "short_title = \"R\"",
    "audiences = [{ id = \"t\", label = \"T\" }, { label = \"U\" }]",
    "[scale]",
    "likelihood = [\"Low\"]",
    "bands = [{ min = 1 }, { label = \"L\", tone = \"good\" }]",
    "[[actions]]",
    "id = \"a\"",
    "milestones = [{ title = \"M\" }, { due = \"Q1 2024/25\" }, {}]",
    "status = \"on-track\"",
    "[[items]]",
    "for = [\"t\"]",
    "[[risks]]",
    "[[actions]]",
];

/// The entries of an update's and a page's front matter, for a file to keep any of.
const FRONT_MATTER_ENTRIES: [&str; 14] = [
    "date = 2024-01-01",
    "title = \"January\"",
    "author = \"Chief Nurse\"",
    "summary = \"Work started.\"",
    "short_title = \"Jan\"",
    "[[actions]]",
    "id = \"a\"",
    "status = \"on-track\"",
    "assurance = \"assured\"",
    "note = \"Done.\"",
    "evidence = [{ title = \"E\", url = \"../pages/x.md\" }, { url = \"\" }]",
    "accepted_by = \"Board\"",
    "accepted_on = 2024-02-30",
    "[[actions]]",
];

/// Where front matter is read: a page and an update.
const FRONT_MATTER_PLACES: [&str; 2] = ["content/pages/page.md", "content/updates/2024-01-01-u.md"];

/// `measures.toml` with one measure taking its values from `content/measures/m.csv`.
const MEASURE_FROM_CSV: &str = "[[measures]]\nid = \"m\"\nname = \"M\"\nexplanation = \"E\"\nunit = \"%\"\nbetter = \"higher\"\ntarget = 90\nvalues_csv = \"measures/m.csv\"\n";

/// A small valid project whose measure takes its values from `csv`.
fn project_with_csv(csv: String) -> Vec<Source> {
    let mut files = project("content/measures.toml", MEASURE_FROM_CSV.to_string());
    files.push(Source::new("content/measures/m.csv", csv));
    files
}

/// A Markdown file at `place` with `front_matter` between its fences.
fn with_front_matter(place: &str, front_matter: &str) -> Vec<Source> {
    project(
        place,
        format!("+++\n{front_matter}\n+++\nA [link](../pages/x.md).\n"),
    )
}

/// Text made of what a CSV export is made of: its column names, quotes, separators, every kind of
/// line end, blank lines, numbers and periods, a byte-order mark.
fn csvish() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"(period|value|numerator|denominator|source|note|"[^"]{0,8}"|"|,|;|\t|\r\n|\n|\r|Q[1-4] 20[0-9]{2}/[0-9]{2}|-?[0-9]{1,4}(\.[0-9]{1,3})?(e[0-9])?|NaN|inf|\x{feff}| |[a-z]{1,6}|.){0,50}"#).unwrap()
}

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

/// A line `name = value` with one of `values`, or no line: a field a plan may leave out.
fn optional(name: &'static str, values: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        proptest::sample::select(values).prop_map(move |v| format!("{name} = {v}\n")),
    ]
}

/// Text made of the characters TOML, front matter and Markdown care about.
fn syntaxy() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r#"(\+\+\+\n|\[\[[a-z]{1,8}\]\]\n|[a-z_]{1,8} = |"[^"\n]{0,12}"|[0-9]{1,6}|2024-0[1-9]-1[0-9]|\[|\]|\{|\}|,|\n|#{1,6} |- |\*|`{1,3}|<[a-z]{1,6}[^>]{0,10}>|\]\(|\)|!|&|\\|.){0,60}"#).unwrap()
}

/// Markdown with links and images to every kind of target, headings, anchors and raw HTML; now
/// and then, the characters the HTML's marks are made of, written plainly or as references.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = |pattern: &str| proptest::string::string_regex(pattern).unwrap();
    let pieces = prop_oneof![
        8 => piece(r#"!?\[[a-z ]{0,6}(<p>)?[a-z]{0,2}\]\((\.\./)?(pages/x\.md|files/y\.png|plan\.toml|sros\.toml#a|risks\.toml#risk-[a-z]{0,2}|#top|https://x\.org|\.\./measures/b\.csv|/z|javascript:q)\)"#),
        4 => piece(r"\n#{1,3} [a-z]{1,5}( \{#[a-z]{1,3}\})?\n"),
        8 => piece(r#"<b>|</b>|<p>|<a href="[a-z.#]{0,8}">|<script>|\n\n|\n|- |> |```rust\n|[=-]{1,3}\n|\||`|\*"#),
        16 => piece("[a-z]{1,8} "),
        1 => piece(r"&#57344;|&#x[eE]00[0-3];|[\x{E000}-\x{E003}\x{F8FF}]"),
    ];
    proptest::collection::vec(pieces, 0..30).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn markdown_parsed_once_is_shown_as_if_made_where_it_is_shown(
        text in markdownish(),
        inline in any::<bool>(),
        in_print in any::<bool>(),
    ) {
        let file = Path::new("content/pages/page.md");
        let style = if inline { Style::Inline } else { Style::Block };
        let (root, prefix) = if in_print { ("../", "page-page-") } else { ("", "") };
        let parsed = markdown::parse(&text, file, style, true);
        let shown = parsed.html.shown(&text, file, style, root, prefix);
        let made_there = Html::NotMade.shown(&text, file, style, root, prefix);
        prop_assert_eq!(shown, made_there);
        // `check` parses without HTML, and may skip the parse: it reads the same outline.
        let checked = markdown::parse(&text, file, style, false);
        prop_assert_eq!(parsed.links(), checked.links());
        prop_assert_eq!(parsed.headings(), checked.headings());
        prop_assert_eq!(parsed.removed(), checked.removed());
    }

    #[test]
    fn any_bytes_in_any_file(place in 0..PLACES.len(), bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        run(project(PLACES[place], String::from_utf8_lossy(&bytes).into_owned()));
    }

    #[test]
    fn anything_shaped_like_content_in_any_file(place in 0..PLACES.len(), text in syntaxy()) {
        run(project(PLACES[place], text));
    }

    #[test]
    fn any_bytes_in_a_measures_csv(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        run(project_with_csv(String::from_utf8_lossy(&bytes).into_owned()));
    }

    #[test]
    fn anything_shaped_like_a_csv_export_in_a_measures_csv(header in any::<bool>(), text in csvish()) {
        let header = if header { "period,value,numerator,denominator,source,note\r\n" } else { "" };
        run(project_with_csv(format!("{header}{text}")));
    }

    #[test]
    fn any_front_matter_in_a_page_or_an_update(place in 0..2usize, text in syntaxy()) {
        run(with_front_matter(FRONT_MATTER_PLACES[place], &text));
    }

    #[test]
    fn front_matter_with_any_of_its_fields_left_out(
        place in 0..2usize,
        lines in proptest::sample::subsequence(FRONT_MATTER_ENTRIES.to_vec(), 0..FRONT_MATTER_ENTRIES.len()),
    ) {
        run(with_front_matter(FRONT_MATTER_PLACES[place], &lines.join("\n")));
    }

    #[test]
    fn any_markdown_in_a_page(body in syntaxy()) {
        run(project("content/pages/page.md", format!("+++\ntitle = \"Page\"\n+++\n{body}")));
    }

    #[test]
    fn entries_with_any_of_their_fields_left_out(
        lines in proptest::sample::subsequence(FULL_ENTRIES.to_vec(), 0..FULL_ENTRIES.len()),
        place in prop_oneof![Just("content/priorities/1-care.toml"), Just("content/registers/r.toml"), Just("content/risks.toml")],
    ) {
        // Every required field missing from every entry is looked for in the parsed TOML, at any
        // depth: it must answer whatever is left.
        run(project(place, lines.join("\n")));
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

    #[test]
    fn outcomes_and_registers_with_or_without_their_optional_fields(
        unit in optional("unit", &["\"%\"", "\"\"", "3"]),
        better in optional("better", &["\"higher\"", "\"sideways\"", "[]"]),
        target in optional("target", &["90", "\"All women offered a plan\"", "\"\"", "[1]", "true"]),
        values in optional("values", &["[{ period = \"2023/24\", value = 5 }]", "[]", "[{ period = \"Q9\", value = -1 }]"]),
        likelihood in optional("likelihood", &["3", "0", "99", "\"high\""]),
        impact in optional("impact", &["4", "0", "\"bad\""]),
        owner in optional("owner", &["\"Chief Nurse\"", "\"\"", "1"]),
        mitigation in optional("mitigation", &["[\"Recruit.\"]", "[]", "\"Recruit.\""]),
        holds in optional("holds", &["\"cited\"", "\"all\"", "\"some\"", "false"]),
        audiences in optional("audiences", &["[{ id = \"trusts\", label = \"Trusts\", local = true }]", "[]"]),
        text in optional("text", &["\"Do it.\"", "\"\"", "[\"x\"]"]),
        audience in optional("for", &["[\"trusts\"]", "[]", "[\"nobody\"]"]),
        answers in optional("answers", &["[\"r/1\"]", "[\"r/9\"]", "[]", "\"r/1\""]),
    ) {
        let priority = PRIORITY.replacen("sro = \"cn\"\n", &format!("sro = \"cn\"\n{answers}"), 1);
        let sources = vec![
            Source::new("content/plan.toml", PLAN),
            Source::new("content/sros.toml", SROS),
            Source::new("content/priorities/1-care.toml", priority),
            Source::new("content/measures.toml", format!("[[measures]]\nid = \"m\"\nname = \"M\"\nexplanation = \"E\"\n{unit}{better}{target}{values}")),
            Source::new("content/risks.toml", format!("[[risks]]\nid = \"k\"\ntitle = \"K\"\npriority = \"1-care\"\n{owner}{likelihood}{impact}{mitigation}")),
            Source::new("content/registers/r.toml", format!("title = \"R\"\nshort_title = \"R\"\n{holds}{audiences}\n[[items]]\nid = \"1\"\n{text}{audience}")),
        ];
        run(sources);
    }
}
