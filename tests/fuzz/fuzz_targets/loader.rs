//! Any bytes as a Markdown page with front matter: the whole pipeline must answer, never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use planpress::diagnostics::Source;
use planpress::load::Files;
use planpress::pipeline::{run_with, Fresh, Options, Output};

const PLAN: &str = "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\nbase_url = \"https://t.example/\"\n";

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data).into_owned();
    let sources = vec![
        Source::new("content/plan.toml", PLAN),
        Source::new("content/sros.toml", ""),
        Source::new("content/pages/fuzzed.md", page),
    ];
    let files = Files { sources, ..Files::default() };
    let _ = run_with(Path::new("/nonexistent"), files, &Options::default(), Output::Memory, &Fresh);
});
