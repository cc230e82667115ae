//! Any bytes as the front matter of a Markdown file, between its `+++` fences: of a page when the
//! first byte is even, of an update when it is odd. The whole pipeline must answer, never panic.
//! (`loader` fuzzes whole pages, fences and all; this one spends its effort inside the TOML.)
#![no_main]

#[path = "project.rs"]
mod project;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, front_matter)) = data.split_first() else {
        return;
    };
    let place = if which % 2 == 0 {
        "content/pages/fuzzed.md"
    } else {
        "content/updates/2024-01-01-fuzzed.md"
    };
    let front_matter = String::from_utf8_lossy(front_matter);
    let text = format!("+++\n{front_matter}\n+++\nA body with a [link](../pages/x.md).\n");
    project::run(vec![
        ("content/sros.toml", project::SROS.to_string()),
        (
            "content/priorities/1-care.toml",
            project::PRIORITY.to_string(),
        ),
        (place, text),
    ]);
});
