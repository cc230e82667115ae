//! Any bytes as a Markdown page with front matter: the whole pipeline must answer, never panic.
#![no_main]

#[path = "project.rs"]
mod project;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data).into_owned();
    project::run(vec![
        ("content/sros.toml", String::new()),
        ("content/pages/fuzzed.md", page),
    ]);
});
