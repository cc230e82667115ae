//! What every kind of page is made from and made with: the plan, the theme and the content's
//! sources (to point problems at), the header, footer and glossary shared by every page, and
//! where the files go.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use super::say::word;
use super::{abbreviations, chrome, contexts};
use super::{Bytes, OutputFile, Reuse, Sink, Theme, Written};
use crate::diagnostics::{ContentError, Kind, Source, ThemeKind};
use crate::load::Attachment;
use crate::lock;
use crate::markdown;
use crate::model::{Plan, Text};

/// The site being rendered.
pub struct Site<'a> {
    pub plan: &'a Plan,
    pub sources: &'a [Source],
    pub attachments: &'a [Attachment],
    pub theme: &'a Theme,
    /// What every page is told about the site, made once, and template contexts holding it,
    /// each lent to one page at a time.
    pub(super) contexts: contexts::Contexts,
    /// The header and footer, rendered once for each place they differ.
    pub(super) chrome: chrome::Chrome,
    pub(super) glossary: abbreviations::Glossary,
    /// What the pages are made from, for `reuse` (worked out only when it asks).
    pub(super) fingerprints: Fingerprints,
    pub(super) out: Out<'a>,
}

/// Where the files go, and what the run is told and found on the way.
pub(super) struct Out<'a> {
    sink: &'a dyn Sink,
    /// What `serve` kept from the last run, and what it wants of this one.
    pub reuse: &'a dyn Reuse,
    /// Whether the early pages were handed over: the pages before them are always made whole.
    past_early: AtomicBool,
    /// Every file handed to the sink so far (the sitemap lists the pages).
    pub paths: Mutex<Vec<String>>,
    pub problems: Mutex<Vec<ContentError>>,
    /// The pages made first, for `reuse` to be shown early.
    pub early: Mutex<Vec<OutputFile>>,
}

/// Fingerprints of what every page, and every priority's pages, are made from besides their own
/// values: worked out once a run, and only for `serve`.
#[derive(Default)]
pub(super) struct Fingerprints {
    /// The site's view.
    pub site: OnceLock<u64>,
    /// Everything a priority's pages may show besides its own actions.
    pub around_priorities: OnceLock<u64>,
}

impl<'a> Site<'a> {
    pub fn new(
        plan: &'a Plan,
        sources: &'a [Source],
        attachments: &'a [Attachment],
        theme: &'a Theme,
        sink: &'a dyn Sink,
        reuse: &'a dyn Reuse,
    ) -> Site<'a> {
        let words = theme.words_looked_up;
        let site = super::page::json(&super::views::site_view(plan, &theme.words, words));
        let terms = plan.glossary.iter().map(|t| abbreviations::Entry {
            term: &t.term,
            expansion: &t.expansion,
            anchor: crate::validate::slugify(&t.term),
            expand: t.expand,
        });
        let forms = abbreviations::Forms {
            explained: word(&theme.words, "abbreviation_explained"),
            in_brackets: word(&theme.words, "abbreviation_explained_in_brackets"),
        };
        Site {
            plan,
            sources,
            attachments,
            theme,
            contexts: contexts::Contexts::new(site),
            chrome: chrome::Chrome::default(),
            glossary: abbreviations::Glossary::new(terms, names(plan), &forms),
            fingerprints: Fingerprints::default(),
            out: Out {
                sink,
                reuse,
                past_early: AtomicBool::new(false),
                paths: Mutex::new(Vec::new()),
                problems: Mutex::new(Vec::new()),
                early: Mutex::new(Vec::new()),
            },
        }
    }

    /// What `serve` kept from the last run, and what it wants of this one.
    pub fn reuse(&self) -> &'a dyn Reuse {
        self.out.reuse
    }

    /// Hands files on to the sink, noting their paths.
    pub fn emit(&self, files: impl IntoIterator<Item = OutputFile>) {
        for file in files {
            lock(&self.out.paths).push(file.path.clone());
            self.out.sink.put(file);
        }
    }

    /// Hands on a file written in pieces, noting its path; none once the run is not wanted
    /// (each data file of a national plan takes a few tenths of a second).
    pub fn emit_written(&self, path: &str, write: &mut Written) {
        if self.stopped() {
            return;
        }
        lock(&self.out.paths).push(path.to_string());
        self.out.sink.put_written(path, write);
    }

    /// Hands on a file from `content/files/` to be copied as it is, noting its path; none once
    /// the run is not wanted.
    pub fn emit_copy(&self, path: &str, from: &Attachment) {
        if self.stopped() {
            return;
        }
        lock(&self.out.paths).push(path.to_string());
        self.out.sink.copy(path, from);
    }

    /// Hands the pages made first to `reuse` (if it wants them and nothing went wrong), and marks
    /// the point after which the run may be stopped.
    pub(super) fn past_early(&self) {
        if self.out.reuse.shows_early() && lock(&self.out.problems).is_empty() {
            self.out.reuse.early(&lock(&self.out.early));
        }
        self.out.past_early.store(true, Ordering::Relaxed);
    }

    /// Whether the rest of the run is no longer wanted: only ever after the early pages.
    pub fn stopped(&self) -> bool {
        self.out.past_early.load(Ordering::Relaxed) && self.out.reuse.stopped()
    }

    /// Notes a problem; the run then fails with every problem found.
    pub fn problem(&self, error: ContentError) {
        lock(&self.out.problems).push(error);
    }

    /// Shows Markdown from a content file as a page `root` below the top shows it: a bullet
    /// (`inline`) or blocks.
    pub fn markdown(&self, text: &Text, root: &str, inline: bool) -> String {
        let style = if inline {
            Style::Inline
        } else {
            Style::Block("")
        };
        self.markdown_as(text, root, style)
    }

    /// Shows Markdown as `style` says: its HTML was made when its file was loaded, for the one way
    /// each text is shown; here the way back to the site's root and any heading prefix go in.
    pub fn markdown_as(&self, text: &Text, root: &str, style: Style) -> String {
        let Some(source) = self.sources.get(text.source) else {
            return String::new();
        };
        let (shown, prefix) = match style {
            Style::Inline => (markdown::Style::Inline, ""),
            Style::Block(prefix) => (markdown::Style::Block, prefix),
        };
        let made = text.html != markdown::Html::NotMade;
        debug_assert!(!made || text.style == shown, "{:?}", text.markdown);
        let html = text
            .html
            .shown(&text.markdown, &source.path, shown, root, prefix);
        self.with_action_pages(html)
    }

    /// Links that name an action area by its reference ("1.5") go to its page, which only the
    /// plan knows: the one rule for names (`ActionNames::id`) says which it is.
    fn with_action_pages(&self, html: String) -> String {
        if !html.contains(markdown::ACTION) {
            return html;
        }
        let names = &self.plan.names;
        let page = |name: &str| names.id(name).map(super::views::action_href);
        markdown::place_actions(&html, &page)
    }

    /// Hands pages to `reuse` to be shown at once, before the rest of the early pages are made,
    /// if it wants them and nothing went wrong so far: a register of thousands of action areas
    /// takes seconds to list on its priority's page and in print, and the page being edited is
    /// one of its action areas'.
    pub(super) fn show_now<'f>(&self, files: impl Iterator<Item = &'f OutputFile>) {
        if !self.out.reuse.shows_early() || !lock(&self.out.problems).is_empty() {
            return;
        }
        let files: Vec<OutputFile> = files.cloned().collect();
        self.out.reuse.early(&files);
    }

    /// The pages made first are noted for `reuse` too.
    pub(super) fn keep_early(&self, files: &[OutputFile]) {
        if self.out.reuse.shows_early() {
            lock(&self.out.early).extend(files.iter().cloned());
        }
    }

    /// The files rendered, sorted by path, or every problem found.
    pub(super) fn finish(self) -> Result<Vec<String>, Vec<ContentError>> {
        let mut problems = self
            .out
            .problems
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        if problems.is_empty() {
            let mut paths = self
                .out
                .paths
                .into_inner()
                .unwrap_or_else(|e| e.into_inner());
            paths.sort();
            return Ok(paths);
        }
        problems.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.message()).cmp(&(&b.path, b.line, b.column, b.message()))
        });
        problems.dedup();
        Err(one_per_template_failure(problems))
    }
}

/// The plan's names and titles, which read as the plan writes them: no glossary term inside one
/// is spelt out (the "NHS" in a trust's name).
fn names(plan: &Plan) -> impl Iterator<Item = &str> {
    let priorities = plan.priorities.iter().flat_map(|p| {
        let actions = p
            .actions
            .iter()
            .flat_map(|a| std::iter::once(a.title.as_str()).chain(a.lead.as_deref()));
        std::iter::once(p.title.as_str()).chain(actions)
    });
    [plan.organisation.as_str(), plan.title.as_str()]
        .into_iter()
        .chain(plan.sros.iter().map(|s| s.title.as_str()))
        .chain(priorities)
        .chain(plan.measures.iter().map(|m| m.name.as_str()))
        .chain(
            plan.risks
                .iter()
                .flat_map(|r| std::iter::once(r.title.as_str()).chain(r.owner.as_deref())),
        )
        .chain(
            plan.sros
                .iter()
                .flat_map(|s| s.chairs.iter().map(String::as_str)),
        )
        .chain(plan.pages.iter().map(|p| p.title.as_str()))
}

/// A template that fails the same way on every page it makes (a value it uses that no action area
/// has, say) is reported once, at the first of them, with how many more it failed to make.
fn one_per_template_failure(problems: Vec<ContentError>) -> Vec<ContentError> {
    let mut kept: Vec<ContentError> = Vec::new();
    for problem in problems {
        let Kind::Theme(ThemeKind::TemplateFailed {
            explanation,
            template,
            ..
        }) = &*problem.kind
        else {
            kept.push(problem);
            continue;
        };
        let first = kept.iter_mut().find_map(|k| match &mut *k.kind {
            Kind::Theme(ThemeKind::TemplateFailed {
                explanation: e,
                template: t,
                others,
                ..
            }) if e == explanation && t == template => Some(others),
            _ => None,
        });
        match first {
            Some(others) => *others += 1,
            None => kept.push(problem),
        }
    }
    kept
}

/// How a piece of Markdown is rendered: inline (a bullet), or as blocks whose heading ids start
/// with a prefix ("" on its own page).
#[derive(Clone, Copy, Hash)]
pub enum Style<'p> {
    Inline,
    Block(&'p str),
}

/// Bytes as a file at `path`.
pub fn file(path: &str, bytes: Bytes) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        bytes,
    }
}
