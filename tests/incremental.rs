//! What `serve` does between saves: re-render only the pages a change affects, yet give exactly
//! the bytes a full build gives, for every kind of edit.

mod common;
use common::*;

use std::path::Path;

use planpress::render::{Bytes, OutputFile};
use planpress::serve::Incremental;
use planpress::{Built, Failure, Options, Output};

/// Builds as `serve` does after a save, never superseded.
fn served(root: &Path, kept: &Incremental) -> Result<Built, Failure> {
    let whole = kept.run(root, &Options::default(), &|_| {}, &|| false);
    whole.expect("a run never superseded is never stopped")
}

fn pages(root: &Path, kept: &Incremental) -> Vec<(String, Vec<u8>)> {
    let built = served(root, kept).unwrap_or_else(|_| panic!("builds"));
    built
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes.into_made()))
        .collect()
}

fn full(root: &Path) -> Vec<(String, Vec<u8>)> {
    let built = planpress::run(root, &Options::default(), Output::Memory)
        .unwrap_or_else(|_| panic!("builds"));
    built
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes.into_made()))
        .collect()
}

/// The progress fixture in a folder of its own, built once as `serve` builds it: the folder, what
/// the build kept, and its pages.
fn served_fixture() -> (tempfile::TempDir, Incremental, Vec<(String, Vec<u8>)>) {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("progress", dir.path());
    let kept = Incremental::default();
    let first = pages(dir.path(), &kept);
    (dir, kept, first)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A kind of edit, and the change it makes to the project.
type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);

#[test]
fn each_edit_re_renders_only_what_it_affects_and_matches_a_full_build() {
    let (dir, kept, first) = served_fixture();
    let root = dir.path();
    let all = kept.rendered_last();
    assert!(all > 20, "the first build renders every page ({all})");
    assert_eq!(pages(root, &kept), first, "no change, same bytes");
    assert_eq!(kept.rendered_last(), 0, "and nothing rendered again");

    let register = root.join("content/priorities/2-support.toml");
    let edits: Vec<Edit> = vec![
        (
            "change an action",
            Box::new(|| {
                edit(
                    &register,
                    "Working with interpreters.",
                    "Working with two interpreters.",
                )
            }),
        ),
        (
            "add an action",
            Box::new(|| {
                let text = std::fs::read_to_string(&register).unwrap();
                std::fs::write(&register, text + "\n[[actions]]\nid = \"new-one\"\ntitle = \"A new action\"\nstatus = \"not-started\"\nfamilies = [\"Something for you.\"]\n").unwrap();
            }),
        ),
        (
            "delete an action",
            Box::new(|| {
                let text = std::fs::read_to_string(&register).unwrap();
                std::fs::write(
                    &register,
                    &text[..text.find("\n[[actions]]\nid = \"new-one\"").unwrap()],
                )
                .unwrap();
            }),
        ),
        (
            "change an SRO",
            Box::new(|| {
                edit(
                    &root.join("content/sros.toml"),
                    "title = \"Chief Nurse\"",
                    "title = \"Chief Nursing Officer\"",
                )
            }),
        ),
        (
            // An update's note shows in its action's history, in a priority whose file is the same.
            "change an update",
            Box::new(|| {
                edit(
                    &root.join("content/updates/2024-01-20-january.md"),
                    "Every midwife has finished the training.",
                    "Every midwife and obstetrician has finished the training.",
                )
            }),
        ),
        (
            "change a template",
            Box::new(|| {
                let templates = root.join("themes/default/templates");
                std::fs::create_dir_all(&templates).unwrap();
                std::fs::write(templates.join("404.html"), "{% extends \"base.html\" %}{% block title %}Lost{% endblock title %}{% block content %}<h1>Lost</h1>{% endblock content %}").unwrap();
            }),
        ),
        (
            // The footer is rendered once and placed in every page, the kept ones too.
            "change the footer",
            Box::new(|| {
                let footer = root.join("themes/default/templates/footer.html");
                std::fs::write(footer, "<footer>Published by the trust.</footer>").unwrap();
            }),
        ),
    ];
    for (what, change) in edits {
        change();
        let incremental = pages(root, &kept);
        let rendered = kept.rendered_last();
        assert_eq!(
            incremental,
            full(root),
            "{what}: the same bytes as a full build"
        );
        assert!(rendered > 0, "{what}: something was rendered again");
        if !["change a template", "change the footer", "change an SRO"].contains(&what) {
            assert!(
                rendered < all / 2,
                "{what}: {rendered} of {all} pages rendered again"
            );
        }
        eprintln!("{what}: {rendered} of {all} pages rendered again");
    }
}

type Served = Option<Result<Built, Failure>>;

/// Saves a change to one action and builds as `serve` does, `superseded` or not by a newer save:
/// what the build gives, and the pages it handed over early (checked for the change).
fn save_and_serve(root: &Path, kept: &Incremental, superseded: bool) -> (Served, Vec<OutputFile>) {
    let (built, handed) = save_and_serve_in_turn(root, kept, superseded);
    (built, handed.concat())
}

/// As `save_and_serve`, with the early pages in the batches they were handed over in.
fn save_and_serve_in_turn(
    root: &Path,
    kept: &Incremental,
    superseded: bool,
) -> (Served, Vec<Vec<OutputFile>>) {
    let register = root.join("content/priorities/2-support.toml");
    edit(
        &register,
        "Working with interpreters.",
        "Working with two interpreters.",
    );
    let early = std::sync::Mutex::new(Vec::new());
    let keep = |files: &[OutputFile]| early.lock().unwrap().push(files.to_vec());
    let built = kept.run(root, &Options::default(), &keep, &|| superseded);
    let early = early.into_inner().unwrap();
    let edited = early
        .iter()
        .flatten()
        .find(|f| f.path == "actions/leaflets.html")
        .expect("the edited action's page is handed over early");
    assert!(
        String::from_utf8_lossy(&edited.bytes.made()).contains("Working with two interpreters.")
    );
    (built, early)
}

#[test]
fn serve_is_handed_the_edited_action_page_before_the_rest_and_it_is_the_final_page() {
    let (dir, kept, _) = served_fixture();
    let (built, early) = save_and_serve(dir.path(), &kept, false);
    let built = built
        .expect("not superseded")
        .unwrap_or_else(|_| panic!("builds"));
    assert!(
        !early
            .iter()
            .any(|f| f.path == "a-z.html" || f.path == "index.html"),
        "the lists come later"
    );
    for file in &early {
        let last = built.files.iter().find(|f| f.path == file.path);
        assert_eq!(last.map(|f| &f.bytes), Some(&file.bytes), "{}", file.path);
    }
}

#[test]
fn the_edited_action_page_is_shown_before_its_priority_lists_every_action_area_again() {
    let (dir, kept, _) = served_fixture();
    let (built, handed) = save_and_serve_in_turn(dir.path(), &kept, false);
    assert!(matches!(built, Some(Ok(_))), "builds");
    let first = handed
        .iter()
        .find(|batch| batch.iter().any(|f| f.path == "actions/leaflets.html"))
        .expect("handed over early");
    let paths: Vec<&str> = first.iter().map(|f| f.path.as_str()).collect();
    assert!(
        !paths.iter().any(|p| p.starts_with("priorities/")),
        "shown with its priority's page, which waits on every action area: {paths:?}"
    );
}

#[test]
fn serve_holds_every_file_packed_and_a_page_a_save_left_alone_is_the_very_packing_kept() {
    let (dir, kept, _) = served_fixture();
    let packed = |built: &Built, path: &str| match &built.files.iter().find(|f| f.path == path) {
        Some(OutputFile {
            bytes: Bytes::Packed(packing),
            ..
        }) => packing.clone(),
        _ => panic!("{path} is not held packed"),
    };
    let first = served(dir.path(), &kept).unwrap_or_else(|_| panic!("builds"));
    for file in &first.files {
        assert!(matches!(file.bytes, Bytes::Packed(_)), "{}", file.path);
    }
    let page = "actions/leaflets.html";
    let register = dir.path().join("content/priorities/2-support.toml");
    edit(
        &register,
        "Working with interpreters.",
        "Working with two interpreters.",
    );
    let again = served(dir.path(), &kept).unwrap_or_else(|_| panic!("builds"));
    let untouched = "actions/triage.html";
    assert!(std::sync::Arc::ptr_eq(
        &packed(&first, untouched),
        &packed(&again, untouched)
    ));
    assert!(!std::sync::Arc::ptr_eq(
        &packed(&first, page),
        &packed(&again, page)
    ));
}

/// The problems a build reports, as a reader sees them: file, line and message.
fn problems(result: Result<Built, Failure>) -> Vec<(String, usize, String)> {
    match result {
        Err(Failure::Content { errors, .. }) => errors
            .iter()
            .map(|e| (e.path.display().to_string(), e.line, e.message()))
            .collect(),
        Err(Failure::Write(e)) => panic!("not a content failure: {e}"),
        Ok(_) => Vec::new(),
    }
}

#[test]
fn a_change_elsewhere_that_breaks_an_unchanged_register_is_reported_as_a_full_check_would() {
    let (dir, kept, _) = served_fixture();
    let root = dir.path();
    let sros = root.join("content/sros.toml");
    edit(&sros, "id = \"chief-nurse\"", "id = \"lead-nurse\"");
    let after_save = problems(served(root, &kept));
    assert!(
        after_save
            .iter()
            .any(|(path, line, message)| path.ends_with("2-support.toml")
                && *line == 3
                && message.contains("chief-nurse")),
        "the register that names the old id is reported: {after_save:?}"
    );
    let full_run = planpress::run(root, &Options::default(), Output::Memory);
    assert_eq!(after_save, problems(full_run));
    edit(&sros, "id = \"lead-nurse\"", "id = \"chief-nurse\"");
    assert_eq!(pages(root, &kept), full(root), "fixed, it builds again");
}

#[test]
fn the_site_written_to_disk_is_the_site_served_from_memory() {
    // A build writes its largest files (the data files, the print edition) to disk piece by
    // piece; `serve` holds them whole. Both must give a reader the same bytes.
    let root = fixture("progress");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    planpress::run(&root, &Options::default(), Output::Disk(&out))
        .unwrap_or_else(|_| panic!("builds"));
    let mut written: Vec<(String, Vec<u8>)> = tree(&out)
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect();
    written.sort();
    // The marker of what planpress wrote is on disk only, and lists every other file.
    let marker = written.iter().position(|f| f.0 == planpress::write::MARKER);
    let marker = String::from_utf8(written.remove(marker.expect("a marker")).1).unwrap();
    let served = full(&root);
    let paths = |files: &[(String, Vec<u8>)]| files.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&written), paths(&served));
    let listed: Vec<&str> = marker
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert_eq!(listed, paths(&served));
    for ((path, on_disk), (_, in_memory)) in written.iter().zip(&served) {
        assert!(on_disk == in_memory, "{path} differs");
    }
    assert!(written
        .iter()
        .any(|(p, b)| p == "data/actions.csv" && b.len() > 100));
    assert!(written
        .iter()
        .any(|(p, b)| p == "print/index.html" && b.len() > 1000));
}

#[test]
fn a_build_superseded_by_a_newer_save_stops_after_its_early_pages_and_the_next_is_whole() {
    let (dir, kept, _) = served_fixture();
    let root = dir.path();
    // A newer save came in while this build was running; its early pages are still shown.
    let (stopped, early) = save_and_serve(root, &kept, true);
    assert!(stopped.is_none(), "a superseded build gives no site");
    assert!(
        kept.rendered_last() <= early.len(),
        "nothing after the early pages is rendered ({} pages)",
        kept.rendered_last()
    );

    let register = root.join("content/priorities/2-support.toml");
    edit(
        &register,
        "Working with two interpreters.",
        "Working with three interpreters.",
    );
    assert_eq!(
        pages(root, &kept),
        full(root),
        "the next build is a whole site, as a full build makes it"
    );
}

/// The acronyms a build warns of (not in the glossary): file and word.
fn unexplained(built: Result<Built, Failure>) -> Vec<(String, String)> {
    let built = built.unwrap_or_else(|_| panic!("builds"));
    let notes = built
        .warnings
        .iter()
        .map(|w| (w.path.display().to_string(), w.message()));
    let notes = notes.filter(|(_, message)| message.contains("QZX"));
    notes.collect()
}

#[test]
fn a_register_left_alone_is_warned_of_its_acronyms_as_a_full_check_would_after_the_glossary_changes(
) {
    let (dir, kept, _) = served_fixture();
    let root = dir.path();
    let register = root.join("content/priorities/1-safety.toml");
    edit(&register, "Women are seen", "Women on QZX wards are seen");
    let full_run = || unexplained(planpress::run(root, &Options::default(), Output::Memory));
    let warned = unexplained(served(root, &kept));
    assert!(
        warned.len() == 1 && warned[0].0.ends_with("1-safety.toml"),
        "the new acronym is warned of: {warned:?}"
    );
    assert_eq!(warned, full_run());
    // The register is not saved again: only the glossary changes what it is warned of.
    let glossary = "[[terms]]\nterm = \"QZX\"\nexpansion = \"Quiet zone for examinations\"\n";
    std::fs::write(root.join("content/glossary.toml"), glossary).unwrap();
    assert_eq!(unexplained(served(root, &kept)), Vec::new());
    assert_eq!(full_run(), Vec::new());
    std::fs::remove_file(root.join("content/glossary.toml")).unwrap();
    assert_eq!(unexplained(served(root, &kept)), warned, "warned again");
}
