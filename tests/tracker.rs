//! The tracker spreadsheet: `planpress export` writes the action areas as a workbook,
//! a spreadsheet library of another language (Python's openpyxl) edits it as a person would in
//! Excel, and `planpress import` turns the changed rows into one update the site then shows; a
//! workbook with mistakes gets every bad cell named in one run, and nothing is written.

mod common;
use common::*;

use std::path::Path;
use std::process::Command;

/// Runs a Python script (openpyxl must be installed: CI installs it) with these arguments.
fn python(script: &str, args: &[&Path]) {
    let has = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        has,
        "these tests edit workbooks with Python's openpyxl: run `pip install openpyxl`"
    );
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Sets cells of the Tracker sheet as a person would: by the row's reference and the column's
/// heading. argv: the workbook, then reference, heading, value triples.
const SET_CELLS: &str = r#"
import sys, openpyxl
path, edits = sys.argv[1], sys.argv[2:]
book = openpyxl.load_workbook(path)
sheet = book["Tracker"]
headings = {c.value: c.column for c in sheet[1]}
rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
for reference, heading, value in zip(edits[0::3], edits[1::3], edits[2::3]):
    sheet.cell(rows[reference], headings[heading]).value = value
book.save(path)
"#;

fn set_cells(book: &Path, edits: &[&str]) {
    let mut script = String::from(SET_CELLS);
    let args: Vec<&Path> = std::iter::once(book)
        .chain(edits.iter().map(Path::new))
        .collect();
    script.push('\n');
    python(&script, &args);
}

fn updates(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("content/updates"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether an action area's page says it has this status ("Status: Complete").
fn shows_status(out: &Path, page: &str, status: &str) -> bool {
    let text = says(out, page).replace(' ', "");
    text.contains(&format!("Status:{}", status.replace(' ', "")))
}

fn export(root: &Path) -> std::path::PathBuf {
    let book = root.join("tracker.xlsx");
    let (ok, stdout, stderr) = run_in(root, &["export", book.to_str().unwrap()]);
    assert!(ok && stdout.contains("4 action areas"), "{stdout}{stderr}");
    book
}

#[test]
fn a_tracker_edited_in_another_program_publishes_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    let book = export(root);
    let note = "The second \"bereavement\" midwife starts in July.";
    set_cells(
        &book,
        &[
            "1.1", "Status", "Complete", // triage: At risk until now
            "2.2", "Status", "on track", // leaflets: an id or label, in any case
            "2.1", "New note", note,
        ],
    );
    let book = book.to_str().unwrap();
    let (ok, stdout, stderr) = run_in(root, &["import", book, "--date", "2024-06-30"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(
        stdout.contains("3 rows changed (1.1, 2.1, 2.2)"),
        "{stdout}"
    );
    let written =
        std::fs::read_to_string(root.join("content/updates/2024-06-30-tracker.md")).unwrap();
    assert!(
        written.contains("author = \"Eastmere Hospitals NHS Trust\""),
        "{written}"
    );

    let (ok, stdout, stderr) = run_in(root, &["check"]);
    assert!(ok && stdout.contains("No errors"), "{stdout}{stderr}");
    let (_site, out) = build(root);
    assert!(shows_status(&out, "actions/triage.html", "Complete"));
    assert!(shows_status(&out, "actions/leaflets.html", "On track"));
    let bereavement = says(&out, "actions/bereavement.html");
    assert!(
        bereavement.contains("The second “bereavement” midwife starts in July.")
            || bereavement.contains(note),
        "{bereavement}"
    );

    // The same workbook again: nothing changed since, so nothing is written.
    let before = updates(root);
    let (ok, stdout, _) = run_in(root, &["import", book, "--date", "2024-06-30"]);
    assert!(ok && stdout.contains("Nothing changed"), "{stdout}");
    assert_eq!(updates(root), before);
}

#[test]
fn every_bad_cell_is_named_in_one_run_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    let book = export(root);
    set_cells(
        &book,
        &[
            "1.2",
            "Status",
            "Finished",
            "2.1",
            "Next review",
            "31/02/2024",
            "2.2",
            "Status",
            "At risk", // a good change beside the bad ones
            "1.1",
            "Action area",
            "Triage renamed", // a locked cell: ignored, and said so
        ],
    );
    let before = updates(root);
    let book = book.to_str().unwrap();
    let (ok, stdout, stderr) = run_in(root, &["import", book, "--date", "2024-06-30"]);
    assert!(!ok, "{stdout}");
    assert!(
        stderr.contains("Tracker!D3: “Finished” is not a status"),
        "{stderr}"
    );
    assert!(
        stderr.contains("On track, At risk"),
        "the hint lists the statuses: {stderr}"
    );
    assert!(
        stderr.contains("Tracker!I4: “31/02/2024” is not a date"),
        "{stderr}"
    );
    assert!(stderr.contains("a date such as 2024-03-01"), "{stderr}");
    assert!(
        stderr.contains("Tracker!B2") && stderr.contains("ignored"),
        "{stderr}"
    );
    assert!(stderr.contains("2 problems found") && stderr.contains("Nothing was written"));
    assert_eq!(updates(root), before);
}

#[test]
fn a_csv_tracker_may_hold_only_the_columns_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    // As Excel saves it: a byte-order mark, CRLF, a UK date, a status by its id in capitals.
    let csv = "\u{feff}Reference,Status,Next review,New note\r\n\
               2.2,AT-RISK,01/09/2024,\"Translators are hard to find, so the leaflets are late.\"\r\n\
               ,,,\r\n";
    let path = root.join("tracker.csv");
    std::fs::write(&path, csv).unwrap();
    let path = path.to_str().unwrap();
    let (ok, stdout, stderr) = run_in(root, &["import", path, "--date", "2024-06-30"]);
    assert!(
        ok && stdout.contains("1 row changed (2.2)"),
        "{stdout}{stderr}"
    );
    let written =
        std::fs::read_to_string(root.join("content/updates/2024-06-30-tracker.md")).unwrap();
    assert!(written.contains("next_review = 2024-09-01"), "{written}");
    let (_site, out) = build(root);
    let leaflets = says(&out, "actions/leaflets.html");
    assert!(
        shows_status(&out, "actions/leaflets.html", "At risk"),
        "{leaflets}"
    );
    assert!(
        leaflets.contains("Translators are hard to find"),
        "{leaflets}"
    );

    // A second tracker on the same day: the first update is kept, the new one named beside it.
    let first = std::fs::read(root.join("content/updates/2024-06-30-tracker.md")).unwrap();
    std::fs::write(
        root.join("tracker.csv"),
        "Reference,Status\n1.1,Off track\n",
    )
    .unwrap();
    let (ok, stdout, stderr) = run_in(root, &["import", path, "--date", "2024-06-30"]);
    assert!(
        ok && stdout.contains("2024-06-30-tracker-2.md"),
        "{stdout}{stderr}"
    );
    let kept = std::fs::read(root.join("content/updates/2024-06-30-tracker.md")).unwrap();
    assert_eq!(kept, first);

    // Bad cells of a CSV file are named as Excel names them: after the file.
    std::fs::write(root.join("tracker.csv"), "Reference,Status\n9.9,On track\n").unwrap();
    let (ok, _, stderr) = run_in(root, &["import", path, "--date", "2024-06-30"]);
    assert!(
        !ok && stderr.contains("tracker!A2: “9.9” is not the reference"),
        "{stderr}"
    );
    assert!(stderr.contains("1.1, 1.2, 2.1, 2.2"), "{stderr}");
}

/// An OpenDocument spreadsheet, as LibreOffice saves one, made here with Python's zipfile.
const MAKE_ODS: &str = r#"
import sys, zipfile
rows = [["Reference", "Status", "New note"], ["1.1", "Off track", "The builders have stopped."]]
def cell(text):
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % text
body = "".join("<table:table-row>%s</table:table-row>" % "".join(cell(t) for t in row) for row in rows)
content = ('<?xml version="1.0" encoding="UTF-8"?>'
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
  '<office:body><office:spreadsheet><table:table table:name="Tracker">%s</table:table>'
  '</office:spreadsheet></office:body></office:document-content>') % body
manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
  '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
  '</manifest:manifest>')
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("META-INF/manifest.xml", manifest)
    z.writestr("content.xml", content)
"#;

#[test]
fn an_ods_tracker_is_read_as_well() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    let path = root.join("tracker.ods");
    python(MAKE_ODS, &[&path]);
    let path = path.to_str().unwrap();
    let (ok, stdout, stderr) = run_in(root, &["import", path, "--date", "2024-06-30"]);
    assert!(
        ok && stdout.contains("1 row changed (1.1)"),
        "{stdout}{stderr}"
    );
    let (_site, out) = build(root);
    let triage = says(&out, "actions/triage.html");
    assert!(
        shows_status(&out, "actions/triage.html", "Off track"),
        "{triage}"
    );
    assert!(triage.contains("The builders have stopped."), "{triage}");
}

#[test]
fn the_same_plan_exports_the_same_bytes_with_formula_like_text_kept_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture("progress", root);
    edit(
        root,
        "priorities/1-safety.toml",
        "title = \"Maternity triage\"",
        "title = \"=1+1 triage\"",
    );
    let first = root.join("first.xlsx");
    let second = root.join("second.xlsx");
    assert!(run_in(root, &["export", first.to_str().unwrap()]).0);
    // A second later: a workbook dated by the clock would differ.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(run_in(root, &["export", second.to_str().unwrap()]).0);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    // openpyxl reads the title as text ("s"), not a formula ("f"); the status cells are the
    // ones unlocked, on a protected sheet.
    let script = r#"
import sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1])["Tracker"]
assert sheet["B2"].value == "=1+1 triage" and sheet["B2"].data_type == "s", sheet["B2"].data_type
assert sheet.protection.sheet
assert sheet["B2"].protection.locked and not sheet["D2"].protection.locked
"#;
    python(script, &[&first]);
    // Exporting over a filled-in tracker is refused.
    let (ok, _, stderr) = run_in(root, &["export", first.to_str().unwrap()]);
    assert!(!ok && stderr.contains("--force"), "{stderr}");
}

mod never_panics {
    //! Whatever bytes are imported, as any kind of tracker, the reader and the comparison answer
    //! with cells and problems, never a panic.

    use std::sync::OnceLock;

    use planpress::diagnostics::Source;
    use planpress::model::Plan;
    use planpress::tracker::{compare, read, Kind};
    use proptest::prelude::*;

    /// A plan of one action area, 1.1, and the theme's English words.
    fn plan() -> &'static (Plan, planpress::model::Words) {
        static PLAN: OnceLock<(Plan, planpress::model::Words)> = OnceLock::new();
        PLAN.get_or_init(|| {
            let files = planpress::load::Files {
                sources: vec![
                    Source::new("content/plan.toml", "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\n"),
                    Source::new("content/sros.toml", "[[sros]]\nid = \"cn\"\ntitle = \"Chief Nurse\"\n"),
                    Source::new("content/priorities/1-care.toml", "number = 1\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"on-track\"\n"),
                ],
                ..Default::default()
            };
            let built = planpress::pipeline::run_with(
                std::path::Path::new("/nonexistent"),
                files,
                &planpress::Options::default(),
                planpress::Output::Check,
                &planpress::pipeline::Fresh,
            )
            .unwrap_or_else(|_| panic!("the plan builds"));
            (built.plan, planpress::render::theme::english())
        })
    }

    fn import(bytes: &[u8], kind: Kind) {
        let (plan, words) = plan();
        if let Ok(grid) = read::grid(bytes, kind, "Tracker", "tracker") {
            let _ = compare(&grid, plan, words);
        }
    }

    /// The exported workbook of the plan, for the fuzzed bytes to damage.
    fn workbook() -> &'static [u8] {
        static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
        BOOK.get_or_init(|| {
            let (plan, words) = plan();
            planpress::tracker::sheet::workbook(plan, words).unwrap()
        })
    }

    /// Cells a person might type into a tracker saved as CSV.
    fn csvish() -> impl Strategy<Value = String> {
        let cell = prop_oneof![
            Just("Reference".to_string()),
            Just("Status".to_string()),
            Just("Next review".to_string()),
            Just("New note".to_string()),
            Just("Evidence link".to_string()),
            Just("Assurance".to_string()),
            Just("1.1".to_string()),
            Just("On track".to_string()),
            Just("assured".to_string()),
            Just("29/02/2023".to_string()),
            Just("\"a,\nb\"".to_string()),
            Just("\u{feff}".to_string()),
            "[ -~]{0,6}",
        ];
        let row = prop::collection::vec(cell, 0..6).prop_map(|cells| cells.join(","));
        let end = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just(";")];
        prop::collection::vec((row, end), 0..8)
            .prop_map(|rows| rows.into_iter().map(|(r, e)| r + e).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

        #[test]
        fn any_bytes_as_any_kind_of_tracker(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
            for kind in [Kind::Xlsx, Kind::Ods, Kind::Csv] {
                import(&bytes, kind);
            }
        }

        #[test]
        fn anything_shaped_like_a_tracker_saved_as_csv(text in csvish()) {
            import(text.as_bytes(), Kind::Csv);
        }

        #[test]
        fn an_exported_workbook_with_any_bytes_changed(
            changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let mut bytes = workbook().to_vec();
            for (at, byte) in changes {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
            import(&bytes, Kind::Xlsx);
        }
    }
}
