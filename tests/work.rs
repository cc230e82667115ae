//! The work a build does grows in proportion to the plan, whatever its grouping: twice the action
//! areas cost about twice the work, and one large register costs what many small ones do. The
//! counts come from `planpress::work`, not from a clock, so this test is not timed: it catches a
//! step that costs the square of a register's size (a line found by scanning its file from the
//! start for each warning did, until issue 24) before any benchmark is run.
//!
//! One test only: the counts are the whole process's, and tests in one file run side by side.

use std::path::Path;

use planpress::serve::Incremental;
use planpress::work::{counted, Work, ALL};
use planpress::{Options, Output};

/// The benchmarks' generator itself, so the plans counted here are the plans they time.
#[path = "../benches/synthetic/corpus.rs"]
#[allow(dead_code)]
mod corpus;

const ACTIONS: usize = 400;

/// Each kind of work counted while `project` is built into memory.
fn work_of(project: &Path) -> Vec<(Work, usize)> {
    let before: Vec<usize> = ALL.iter().map(|&w| counted(w)).collect();
    let built = planpress::run(project, &Options::default(), Output::Memory);
    assert!(
        built.is_ok(),
        "the synthetic plan builds: {:?}",
        built.err()
    );
    ALL.iter()
        .zip(before)
        .map(|(&w, before)| (w, counted(w) - before))
        .collect()
}

fn plan(dir: &Path, actions: usize, per_register: usize) -> std::path::PathBuf {
    let project = dir.join(format!("plan-{actions}-{per_register}"));
    corpus::write_corpus_shaped(&project, actions, per_register, 5).unwrap();
    project
}

#[test]
fn work_grows_in_proportion_to_the_plan_whatever_the_size_of_its_registers() {
    let dir = tempfile::tempdir().unwrap();
    let small_registers = work_of(&plan(dir.path(), 2 * ACTIONS, 100));
    let one_register = work_of(&plan(dir.path(), ACTIONS, ACTIONS));
    let large = plan(dir.path(), 2 * ACTIONS, 2 * ACTIONS);
    let one_register_twice_as_large = work_of(&large);
    for (((work, one), (_, twice)), (_, small)) in one_register
        .iter()
        .zip(&one_register_twice_as_large)
        .zip(&small_registers)
    {
        assert!(*one > 0, "{work:?} is counted");
        // Twice the actions in one register: about twice the work, never four times.
        let growth = *twice as f64 / *one as f64;
        assert!(
            (1.5..2.4).contains(&growth),
            "{work:?}: {one} for {ACTIONS} actions, {twice} for twice as many in one register"
        );
        // The same actions in one register or in registers of 100: about the same work.
        let grouping = *twice as f64 / *small as f64;
        assert!(
            (0.6..1.4).contains(&grouping),
            "{work:?}: {twice} in one register, {small} in registers of 100"
        );
    }
    // In `serve`, an edit to one action area's text in that register of 800 parses that text
    // again, not the register's.
    let (first, edit) = markdown_parsed_by_an_edit(&large);
    assert!(
        edit * 100 < first,
        "{edit} bytes of Markdown parsed for one edit, {first} for the whole plan"
    );
}

/// The bytes of Markdown parsed when `project` is first served, and when one text of its first
/// register is edited and served again.
fn markdown_parsed_by_an_edit(project: &Path) -> (usize, usize) {
    let kept = Incremental::default();
    let serve = || {
        let before = counted(Work::MarkdownBytes);
        let built = kept.run(project, &Options::default(), &|_| {}, &|| false);
        assert!(matches!(built, Some(Ok(_))), "the synthetic plan serves");
        counted(Work::MarkdownBytes) - before
    };
    let first = serve();
    let register = project.join("content/priorities/0001.toml");
    let text = std::fs::read_to_string(&register).unwrap();
    let edited = text.replacen("achieve = [\n  \"", "achieve = [\n  \"Edited. ", 1);
    assert_ne!(text, edited, "an action area's text was edited");
    std::fs::write(&register, edited).unwrap();
    (first, serve())
}
