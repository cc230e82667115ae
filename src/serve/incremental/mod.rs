//! The one cache: what `serve` keeps between saves, so a save costs what it changed, not the whole
//! plan. It is a layer around the pipeline (`pipeline::run_with`): where a stage would make
//! something (read a file, parse a register, check it, model a priority, render a page), it asks
//! this layer through the stage's `Reuse`, with a fingerprint of everything that thing is made
//! from, and takes the one kept while that fingerprint is the same. `build` and `check` never use
//! it. What is kept, and under what:
//! - each content file's text, under its size and modification time;
//! - each priority register's parse (its TOML, and its Markdown with the HTML), and every other
//!   file's Markdown, under the hash of its text;
//! - each register's own problems, under its text and what it may refer to (ids, files);
//! - each priority's model, under its register's text and the changes the updates make to it;
//! - the theme, under the fingerprint of its files;
//! - each page and each part of the print edition, under its template, the theme and its values;
//! - each priority's pages, under its model's fingerprint and everything else in the content, so a
//!   save that leaves a priority alone does not even build its views.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

mod memo;

use crate::diagnostics::{ContentError, Source};
use crate::load::{LastRead, Markdown, Register};
use crate::model::Priority;
use crate::pipeline::{self, Built, Failure, Options, Output};
use crate::render::bytes::Primers;
use crate::render::theme::ThemeFiles;
use crate::render::{Bytes, OutputFile, PriorityPages, Theme};
use crate::validate::FileStyle;
use crate::{load, lock, model, render, validate};
use memo::{LetGo, Memo};

/// What `serve` keeps between runs of the pipeline.
#[derive(Default)]
pub struct Incremental {
    /// Each file's text and its hash, by its path on disk.
    texts: Memo<PathBuf, (Source, u64)>,
    /// The hash of each text the current run read, by its path from the project root.
    hashes: Mutex<HashMap<PathBuf, u64>>,
    registers: Memo<PathBuf, Register>,
    /// Each register as it was last read whole, by its path: the next parse of the file takes
    /// from it each piece and text an edit left alone.
    last_read: Mutex<HashMap<PathBuf, LastRead>>,
    /// The Markdown of every other file, by its path.
    markdown: Memo<PathBuf, Markdown>,
    problems: Memo<PathBuf, Vec<ContentError>>,
    /// What the slow style checks found in each file, by its path.
    style: Memo<PathBuf, Arc<FileStyle>>,
    /// Each priority's model, by its register's path.
    models: Memo<PathBuf, Arc<Priority>>,
    /// The fingerprint of what each priority of the current run was made from, by its id.
    made_from: Mutex<HashMap<String, u64>>,
    theme: Mutex<Option<Arc<Theme>>>,
    pages: Memo<String, Bytes>,
    /// Each priority's pages, by its id.
    priorities: Memo<String, PriorityPages>,
    /// What each folder's pages are packed primed with: the first page of each folder this
    /// `serve` made. After a change of theme its pages share less with it, and pack larger.
    primers: Primers,
    /// Pages the last run rendered rather than took from `pages`.
    rendered: AtomicUsize,
}

/// One run: what is kept, and what `serve` wants of this run.
struct Run<'r> {
    kept: &'r Incremental,
    early: &'r (dyn Fn(&[OutputFile]) + Sync),
    superseded: &'r (dyn Fn() -> bool + Sync),
    /// Whether the run stopped short because a newer save came in.
    stopped: AtomicBool,
}

impl Incremental {
    /// Runs the pipeline on the project at `root`, into memory, taking what was kept. The pages of
    /// every priority and action area go to `early` as soon as they are made, before the lists,
    /// search index and print edition; once `superseded` says a newer save came in, the run stops
    /// there and gives `None` (what it made is not a whole site).
    pub fn run(
        &self,
        root: &Path,
        options: &Options,
        early: &(dyn Fn(&[OutputFile]) + Sync),
        superseded: &(dyn Fn() -> bool + Sync),
    ) -> Option<Result<Built, Failure>> {
        self.begin();
        let run = Run {
            kept: self,
            early,
            superseded,
            stopped: AtomicBool::new(false),
        };
        let files = load::read(root, &run);
        let built = pipeline::run_with(root, files, options, Output::Memory, &run);
        // Only a run that stopped short is thrown away: one superseded after it was whole stands.
        if run.stopped.load(Ordering::Relaxed) {
            return None;
        }
        if built.is_ok() {
            self.end();
        }
        Some(built)
    }

    /// How many pages the last run rendered (the rest were kept).
    pub fn rendered_last(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    fn begin(&self) {
        self.rendered.store(0, Ordering::Relaxed);
        lock(&self.hashes).clear();
        lock(&self.made_from).clear();
        self.texts.begin();
        self.registers.begin();
        self.markdown.begin();
        self.problems.begin();
        self.style.begin();
        self.models.begin();
        self.pages.begin();
        self.priorities.begin();
    }

    /// Lets go of what the run did not use (an edited register's old parse with the HTML of its
    /// texts, the pages it made), on another thread: freeing much takes time that a save should
    /// not wait for.
    fn end(&self) {
        // A register no longer in the content is no longer edited.
        let gone: Vec<LastRead> = {
            let read = lock(&self.hashes);
            let mut last_read = lock(&self.last_read);
            let paths: Vec<PathBuf> = last_read.keys().cloned().collect();
            let gone = paths.into_iter().filter(|p| !read.contains_key(p));
            gone.filter_map(|p| last_read.remove(&p)).collect()
        };
        let unused: Vec<LetGo> = vec![
            Box::new(gone),
            self.texts.end(),
            self.registers.end(),
            self.markdown.end(),
            self.problems.end(),
            self.style.end(),
            self.models.end(),
            self.pages.end(),
            self.priorities.end(),
        ];
        std::thread::spawn(move || drop(unused));
    }

    /// The hash of the text this run read at `path` (from the project root).
    fn text_hash(&self, source: &Source) -> u64 {
        let known = lock(&self.hashes).get(&source.path).copied();
        known.unwrap_or_else(|| hash(&source.text))
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// A file modified this recently is read again next time even if its size and time look the same:
/// another save in the same tick of the file system's clock could leave both as they were (git's
/// index has the same guard).
const SETTLING: Duration = Duration::from_secs(2);

impl load::Reuse for Run<'_> {
    fn text(
        &self,
        file: &Path,
        read: &dyn Fn() -> Result<Source, ContentError>,
    ) -> Result<Source, ContentError> {
        let kept = &self.kept;
        // The size and time just before the file is read: a save during the read changes them.
        let stamp = std::fs::metadata(file).and_then(|m| Ok((m.len(), m.modified()?)));
        let Ok(stamp) = stamp else {
            return read();
        };
        let made_from = hash(&stamp);
        let (source, text_hash) = match kept.texts.get(&file.to_path_buf(), made_from) {
            Some(found) => found,
            None => {
                let source = read()?;
                let text_hash = hash(&source.text);
                let settled = SystemTime::now()
                    .checked_sub(SETTLING)
                    .is_some_and(|settled| stamp.1 < settled);
                if settled {
                    let value = (source.clone(), text_hash);
                    kept.texts.put(file.to_path_buf(), made_from, value);
                }
                (source, text_hash)
            }
        };
        lock(&kept.hashes).insert(source.path.clone(), text_hash);
        Ok(source)
    }

    fn register(&self, source: &Source, parse: &dyn Fn(Option<&LastRead>) -> Register) -> Register {
        let text = self.kept.text_hash(source);
        let key = source.path.clone();
        let registers = &self.kept.registers;
        if let Some(kept) = registers.get(&key, text) {
            return kept;
        }
        // Not the last parse kept under its text: a file saved empty, then whole, as some
        // editors save, would leave nothing to take from.
        let earlier = lock(&self.kept.last_read).get(&key).cloned();
        let register = parse(earlier.as_ref());
        if let Some(read) = &register.0 {
            let text = source.text.clone();
            let last = LastRead {
                text,
                parse: read.clone(),
            };
            lock(&self.kept.last_read).insert(key.clone(), last);
        }
        registers.put(key, text, register.clone());
        register
    }

    fn markdown(&self, source: &Source, parse: &dyn Fn() -> Markdown) -> Markdown {
        let text = self.kept.text_hash(source);
        let key = source.path.clone();
        self.kept.markdown.get_or_make(key, text, parse)
    }
}

impl validate::Reuse for Run<'_> {
    fn register_problems(
        &self,
        source: &Source,
        surroundings: &dyn Fn() -> u64,
        check: &dyn Fn() -> Vec<ContentError>,
    ) -> Vec<ContentError> {
        let made_from = hash(&(self.kept.text_hash(source), surroundings()));
        let key = source.path.clone();
        self.kept.problems.get_or_make(key, made_from, check)
    }

    fn file_style(
        &self,
        source: &Source,
        surroundings: u64,
        find: &dyn Fn() -> Arc<FileStyle>,
    ) -> Arc<FileStyle> {
        let made_from = hash(&(self.kept.text_hash(source), surroundings));
        let key = source.path.clone();
        self.kept.style.get_or_make(key, made_from, find)
    }
}

impl model::Reuse for Run<'_> {
    fn priority(
        &self,
        source: &Source,
        made_from: &dyn Fn() -> u64,
        make: &dyn Fn() -> Priority,
    ) -> Arc<Priority> {
        let made_from = hash(&(self.kept.text_hash(source), made_from()));
        let key = source.path.clone();
        let priority = self
            .kept
            .models
            .get_or_make(key, made_from, || Arc::new(make()));
        lock(&self.kept.made_from).insert(priority.id.clone(), made_from);
        priority
    }
}

impl render::Reuse for Run<'_> {
    fn theme(&self, files: ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        let mut kept = lock(&self.kept.theme);
        if let Some(theme) = kept.as_ref().filter(|t| t.fingerprint == files.fingerprint) {
            return Ok(theme.clone());
        }
        let theme = Arc::new(Theme::compile(files)?);
        *kept = Some(theme.clone());
        Ok(theme)
    }

    fn page(
        &self,
        key: &str,
        fingerprint: &dyn Fn() -> u64,
        render: &mut dyn FnMut() -> Option<Bytes>,
    ) -> Option<Bytes> {
        let made_from = fingerprint();
        if let Some(bytes) = self.kept.pages.get(&key.to_string(), made_from) {
            return Some(bytes);
        }
        // Kept packed: a national plan's pages, kept as made, would hold gigabytes.
        let bytes = Bytes::Packed(render()?.packed_as(key, &self.kept.primers));
        self.kept.rendered.fetch_add(1, Ordering::Relaxed);
        self.kept
            .pages
            .put(key.to_string(), made_from, bytes.clone());
        Some(bytes)
    }

    fn priority(
        &self,
        model: &Arc<Priority>,
        surroundings: &dyn Fn() -> u64,
        make: &mut dyn FnMut() -> Option<PriorityPages>,
    ) -> Option<PriorityPages> {
        let model_made_from = lock(&self.kept.made_from).get(&model.id).copied();
        let made_from = hash(&(model_made_from?, surroundings()));
        let memo = &self.kept.priorities;
        if let Some(pages) = memo.get(&model.id, made_from) {
            // Its pages stay kept one by one too, for when the priority is made again.
            let print_part = render::print_part_key(&model.id);
            let paths = pages.files.iter().map(|file| &file.path);
            self.kept.pages.keep(paths.chain([&print_part]));
            return Some(pages);
        }
        let pages = make()?;
        memo.put(model.id.clone(), made_from, pages.clone());
        Some(pages)
    }

    fn shows_early(&self) -> bool {
        true
    }

    fn early(&self, files: &[OutputFile]) {
        (self.early)(files);
    }

    fn stopped(&self) -> bool {
        let superseded = (self.superseded)();
        self.stopped.fetch_or(superseded, Ordering::Relaxed);
        superseded
    }
}

impl pipeline::Reuse for Run<'_> {
    fn style_while_rendering(&self) -> bool {
        true
    }

    fn packs(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Reuse as _;

    /// Writes `text` to the file and sets its modification time.
    fn write(file: &Path, text: &str, modified: SystemTime) {
        std::fs::write(file, text).unwrap();
        let file = std::fs::File::options().write(true).open(file).unwrap();
        file.set_modified(modified).unwrap();
    }

    /// A run that wants nothing early and is never superseded.
    fn run(kept: &Incremental) -> Run<'_> {
        kept.begin();
        Run {
            kept,
            early: &|_| {},
            superseded: &|| false,
            stopped: AtomicBool::new(false),
        }
    }

    fn plan_text(root: &Path, kept: &Incremental) -> Arc<String> {
        let files = load::read(root, &run(kept));
        assert!(files.problems.is_empty(), "{:?}", files.problems);
        files.sources[0].text.clone()
    }

    #[test]
    fn a_file_is_read_again_only_when_its_size_or_time_changed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let file = dir.path().join("content/plan.toml");
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        write(&file, "title = \"One\"", an_hour_ago);
        let kept = Incremental::default();
        let first = plan_text(dir.path(), &kept);
        assert!(Arc::ptr_eq(&first, &plan_text(dir.path(), &kept)), "kept");
        let later = an_hour_ago + Duration::from_secs(1);
        write(&file, "title = \"Two\"", later);
        assert_eq!(&*plan_text(dir.path(), &kept), "title = \"Two\"");
    }

    #[test]
    fn a_file_saved_just_before_it_was_read_is_read_again_even_with_the_same_size_and_time() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let file = dir.path().join("content/plan.toml");
        let now = SystemTime::now();
        write(&file, "title = \"One\"", now);
        let kept = Incremental::default();
        assert_eq!(&*plan_text(dir.path(), &kept), "title = \"One\"");
        // A second save in the same tick of the clock: same size, same time.
        write(&file, "title = \"Two\"", now);
        assert_eq!(&*plan_text(dir.path(), &kept), "title = \"Two\"");
    }

    #[test]
    fn a_kept_parse_is_reused_only_while_its_text_is_the_same() {
        let kept = Incremental::default();
        let register = |title: &str| {
            let text = format!("number = 1\ntitle = \"{title}\"\nsro = \"a\"\n");
            Source::new("content/priorities/a.toml", text)
        };
        let parse = |source: &Source| {
            let run = run(&kept);
            let parse = |_: Option<&LastRead>| {
                let file = Arc::new(toml::from_str(&source.text).unwrap());
                (Some((file, load::Markdown::default())), vec![])
            };
            run.register(source, &parse).0.unwrap().0
        };
        let first = parse(&register("Safe care"));
        assert!(Arc::ptr_eq(&first, &parse(&register("Safe care"))), "kept");
        let changed = parse(&register("Safe care for all"));
        assert_eq!(changed.title, "Safe care for all", "parsed again");
    }
}
