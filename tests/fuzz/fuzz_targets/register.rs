//! Any bytes as a priority's register of actions (TOML): the whole pipeline must answer, never
//! panic.
#![no_main]

#[path = "project.rs"]
mod project;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let register = String::from_utf8_lossy(data).into_owned();
    project::run(vec![
        ("content/sros.toml", project::SROS.to_string()),
        ("content/priorities/1-care.toml", register),
    ]);
});
