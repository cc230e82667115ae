//! Any bytes as a filled-in tracker (`planpress import`): the first byte picks .xlsx, .ods or
//! .csv, the rest is the file. The reader (`tracker::read`) and the comparison with a small plan
//! (`tracker::compare`) must answer with cells and problems, never panic.
#![no_main]

#[path = "project.rs"]
mod project;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use planpress::diagnostics::Source;
use planpress::load::Files;
use planpress::model::{Plan, Words};
use planpress::pipeline::{run_with, Fresh, Options, Output};
use planpress::tracker::{compare, read, Kind};

/// The project's plan, built once, and the theme's English words.
fn plan() -> &'static (Plan, Words) {
    static PLAN: OnceLock<(Plan, Words)> = OnceLock::new();
    PLAN.get_or_init(|| {
        let files = Files {
            sources: vec![
                Source::new("content/plan.toml", project::PLAN),
                Source::new("content/sros.toml", project::SROS),
                Source::new("content/priorities/1-care.toml", project::PRIORITY),
            ],
            ..Files::default()
        };
        let root = std::path::Path::new("/nonexistent");
        let built = run_with(root, files, &Options::default(), Output::Check, &Fresh)
            .unwrap_or_else(|_| panic!("the fuzz project's plan builds"));
        (built.plan, planpress::render::theme::english())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let kind = [Kind::Xlsx, Kind::Ods, Kind::Csv][usize::from(first % 3)];
    let (plan, words) = plan();
    if let Ok(grid) = read::grid(bytes, kind, "Tracker", "tracker") {
        let _ = compare(&grid, plan, words);
    }
});
