//! What `serve` keeps between rebuilds so a save costs what it changed, not the whole plan:
//! - each page's bytes, under a fingerprint of everything the page is made from (its template,
//!   the theme, and the data the template is given); a page whose fingerprint did not change is
//!   not rendered again;
//! - each piece of Markdown's HTML, under its text, its file and where it is shown from;
//! - the parsed theme, while its files stay the same;
//! - which files each priority's pages are (its page, its action areas' pages and its part of the
//!   print edition), under the model they were made from and a fingerprint of everything else in
//!   the plan. The model keeps a priority a save did not touch (the same `Arc`), so a save that
//!   leaves a priority alone does not even build its views, nor read its 100 actions to know it.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use super::markdown::MarkdownProblem;
use super::theme::{Theme, ThemeFiles};
use super::{Bytes, OutputFile};
use crate::diagnostics::ContentError;
use crate::lock;
use crate::model::Priority;

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, (u64, Bytes)>>,
    markdown: Mutex<Memo<(String, Vec<MarkdownProblem>)>>,
    theme: Mutex<Option<Arc<Theme>>>,
    priorities: Mutex<HashMap<String, KeptPriority>>,
    rendered: AtomicUsize,
}

/// A priority's pages as the last good build made them.
pub(super) struct KeptPriority {
    /// The model they were made from. Held, not only compared: while it is held, no other
    /// priority can take its place in memory.
    pub model: Arc<Priority>,
    /// A fingerprint of everything else they were made from.
    pub surroundings: u64,
    /// The paths of its pages, each kept in `pages`.
    pub paths: Vec<String>,
    pub print_part: Bytes,
}

/// Values kept for the builds that use them: one not used by a build is gone after the next, so
/// a long editing session does not keep every version of every text.
#[derive(Default)]
struct Memo<V> {
    current: HashMap<u64, V>,
    previous: HashMap<u64, V>,
}

impl PageCache {
    pub fn new() -> PageCache {
        PageCache::default()
    }

    /// How many pages the last build had to render (the rest came from the cache).
    pub fn rendered_last(&self) -> usize {
        self.rendered.load(Ordering::Relaxed)
    }

    pub(super) fn start(&self) {
        self.rendered.store(0, Ordering::Relaxed);
        let mut memo = lock(&self.markdown);
        let current = std::mem::take(&mut memo.current);
        let unused = std::mem::replace(&mut memo.previous, current);
        drop(memo);
        // After the first build of a large plan this is the HTML of every text, and freeing it
        // takes a few hundred milliseconds that a save should not wait for.
        std::thread::spawn(move || drop(unused));
    }

    /// The theme made from `files`: the one kept, if its files are the same.
    pub fn theme(&self, files: ThemeFiles) -> Result<Arc<Theme>, Vec<ContentError>> {
        let mut kept = lock(&self.theme);
        if let Some(theme) = kept.as_ref().filter(|t| t.fingerprint == files.fingerprint) {
            return Ok(theme.clone());
        }
        let theme = Arc::new(Theme::compile(files)?);
        *kept = Some(theme.clone());
        Ok(theme)
    }

    /// The page at `path` for this fingerprint: from the cache, or made by `render` and kept.
    pub(super) fn page(
        &self,
        path: &str,
        fingerprint: u64,
        render: impl FnOnce() -> Option<Bytes>,
    ) -> Option<Bytes> {
        if let Some((kept, bytes)) = lock(&self.pages).get(path) {
            if *kept == fingerprint {
                return Some(bytes.clone());
            }
        }
        let bytes = render()?;
        self.rendered.fetch_add(1, Ordering::Relaxed);
        lock(&self.pages).insert(path.to_string(), (fingerprint, bytes.clone()));
        Some(bytes)
    }

    /// The pages of this priority as kept when it was made from the same model in the same
    /// surroundings, and its part of the print edition; `None` if either changed or any of its
    /// pages is not kept.
    pub(super) fn priority(
        &self,
        model: &Arc<Priority>,
        surroundings: u64,
    ) -> Option<(Vec<OutputFile>, Bytes)> {
        let priorities = lock(&self.priorities);
        let kept = priorities
            .get(&model.id)
            .filter(|k| Arc::ptr_eq(&k.model, model) && k.surroundings == surroundings)?;
        let pages = lock(&self.pages);
        let files = kept
            .paths
            .iter()
            .map(|path| {
                pages.get(path).map(|(_, bytes)| OutputFile {
                    path: path.clone(),
                    bytes: bytes.clone(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some((files, kept.print_part.clone()))
    }

    /// Keeps what a build made of these priorities (only a build without problems: a kept
    /// priority is not rendered again, so its problems would not be found again).
    pub(super) fn keep_priorities(&self, made: Vec<(String, KeptPriority)>) {
        lock(&self.priorities).extend(made);
    }

    /// Markdown rendered to HTML (with the problems found in it), kept under `key`.
    pub(super) fn markdown(
        &self,
        key: u64,
        render: impl FnOnce() -> (String, Vec<MarkdownProblem>),
    ) -> (String, Vec<MarkdownProblem>) {
        {
            let mut memo = lock(&self.markdown);
            if let Some(kept) = memo.current.get(&key) {
                return kept.clone();
            }
            if let Some(kept) = memo.previous.remove(&key) {
                memo.current.insert(key, kept.clone());
                return kept;
            }
        }
        let made = render();
        lock(&self.markdown).current.insert(key, made.clone());
        made
    }
}

/// A fingerprint of the parts a page is made from.
pub fn fingerprint<T: Hash + ?Sized>(parts: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}

/// A value's fingerprint, from its JSON.
pub fn json_fingerprint<T: serde::Serialize + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    // Writing into a hasher cannot fail.
    let _ = serde_json::to_writer(HashWriter(&mut hasher), value);
    hasher.finish()
}

/// Feeds what is written to it into a hasher: a value's fingerprint without its text in memory.
struct HashWriter<'h>(&'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A fingerprint of everything in the plan that a priority's pages may show besides its own
/// actions: the plan's own settings, the owners, registers, updates, pages, measures, risks and
/// glossary, and every priority's heading. Written out field by field, so a field added to `Plan`
/// or `Priority` must be added here (or said not to matter) before the code compiles.
pub(super) fn plan_without_actions(plan: &crate::model::Plan) -> u64 {
    let crate::model::Plan {
        organisation,
        title,
        vision,
        introduction,
        period,
        dates,
        as_of,
        base_url,
        language,
        theme,
        labels,
        statuses,
        assurance,
        sros,
        priorities,
        registers,
        answers: _, // which actions answer what: shown on the registers' pages, not a priority's
        pages,
        updates,
        later_updates,
        timeline,
        measures,
        risks,
        glossary,
        snapshot,
        snapshots,
        risk_scale,
        action_index: _, // where each action is: made from the priorities, hashed with them
        sro_index: _,    // where each owner is: made from the owners, hashed with them
    } = plan;
    let headings: Vec<_> = priorities
        .iter()
        .map(|p| {
            let crate::model::Priority {
                id,
                number,
                title,
                workstream,
                trust_priority,
                sro,
                actions: _,
            } = &**p;
            (id, number, title, workstream, trust_priority, sro)
        })
        .collect();
    debug_fingerprint(&(
        (organisation, title, vision, introduction, period, dates),
        (
            as_of, base_url, language, theme, labels, statuses, assurance,
        ),
        (sros, registers, pages, updates, later_updates, timeline),
        (measures, risks, glossary, snapshot, snapshots, risk_scale),
        headings,
    ))
}

/// A fingerprint of a value as `{:?}` writes it (the model's types are all `Debug`, and hold no
/// maps whose order could change), without the text in memory.
pub(super) fn debug_fingerprint(value: &impl std::fmt::Debug) -> u64 {
    use std::io::Write;
    let mut hasher = DefaultHasher::new();
    // Writing into a hasher cannot fail.
    let _ = write!(HashWriter(&mut hasher), "{value:?}");
    hasher.finish()
}
