//! The small valid project each fuzz target puts its bytes into, and the run of the whole
//! pipeline on it, whose only check is that it returns: a panic is the crash the fuzzer looks for.
// Each target uses only some of the files.
#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, Mutex};

use planpress::diagnostics::{ContentError, Source};
use planpress::load::Files;
use planpress::pipeline::{self, run_with, Options, Output};
use planpress::render::theme::ThemeFiles;
use planpress::render::Theme;
use planpress::{load, model, render, validate};

pub const PLAN: &str = "organisation = \"T\"\ntitle = \"P\"\nvision = \"V\"\nperiod = \"2023/24\"\nas_of = 2024-03-31\nbase_url = \"https://t.example/\"\n";
pub const SROS: &str = "[[sros]]\nid = \"cn\"\ntitle = \"Chief Nurse\"\n";
pub const PRIORITY: &str = "number = 1\ntitle = \"Care\"\nsro = \"cn\"\n\n[[actions]]\nid = \"a\"\ntitle = \"A\"\nstatus = \"on-track\"\nfamilies = [\"x\"]\n";

/// Runs the pipeline, into memory, on the plan and these files.
pub fn run(files: Vec<(&str, String)>) {
    let mut sources = vec![Source::new("content/plan.toml", PLAN)];
    sources.extend(
        files
            .into_iter()
            .map(|(path, text)| Source::new(path, text)),
    );
    let files = Files {
        sources,
        ..Files::default()
    };
    let _ = run_with(
        Path::new("/nonexistent"),
        files,
        &Options::default(),
        Output::Memory,
        &KEPT,
    );
}

/// Everything made afresh on each run but the theme, kept from the first: no fuzzed byte reaches
/// it, and compiling its templates took most of each run (tens of runs a second, not hundreds).
struct KeptTheme(Mutex<Option<Arc<Theme>>>);

static KEPT: KeptTheme = KeptTheme(Mutex::new(None));

impl render::Reuse for KeptTheme {
    fn theme(&self, files: ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(theme) = kept.as_ref().filter(|t| t.fingerprint == files.fingerprint) {
            return Ok(theme.clone());
        }
        let theme = Arc::new(Theme::compile(files)?);
        *kept = Some(theme.clone());
        Ok(theme)
    }
}

impl load::Reuse for KeptTheme {}
impl validate::Reuse for KeptTheme {}
impl model::Reuse for KeptTheme {}
impl pipeline::Reuse for KeptTheme {}
