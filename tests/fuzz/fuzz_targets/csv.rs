//! Any bytes as the CSV file a measure takes its values from (`values_csv`): the whole pipeline
//! must answer, never panic. The CSV reader is `load/measures.rs`, the only CSV planpress reads.
#![no_main]

#[path = "project.rs"]
mod project;

use libfuzzer_sys::fuzz_target;

const MEASURES: &str = "[[measures]]\nid = \"m\"\nname = \"M\"\nexplanation = \"E\"\nunit = \"%\"\nbetter = \"higher\"\ntarget = 90\nvalues_csv = \"measures/m.csv\"\n";

fuzz_target!(|data: &[u8]| {
    let csv = String::from_utf8_lossy(data).into_owned();
    project::run(vec![
        ("content/sros.toml", String::new()),
        ("content/measures.toml", MEASURES.to_string()),
        ("content/measures/m.csv", csv),
    ]);
});
