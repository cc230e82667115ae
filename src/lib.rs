//! planpress publishes an NHS trust's maternity improvement plan (Markdown pages and TOML action
//! registers) as an accessible static website. The pipeline, one module per stage:
//! load → validate → model → render → write. Only `load`, `render::theme::ThemeFiles::read` and `write` touch
//! the disk; everything between is a pure function of its input.

pub mod diagnostics;
pub mod load;
pub mod model;
pub mod pdf;
pub mod render;
pub mod safe_html;
pub mod scaffold;
pub mod serve;
pub mod snapshot;
pub mod synthetic;
pub mod validate;
pub mod write;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use diagnostics::{ContentError, Source};
use model::Plan;
use render::{OutputFile, Theme};

/// Why a build did not produce a site. The previous site is untouched in every case.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content or theme, every one found (errors, and any warnings beside them),
    /// with the sources they point into.
    Content {
        errors: Vec<ContentError>,
        sources: Vec<Source>,
    },
    /// The site could not be written.
    Write(std::io::Error),
}

/// What a successful build produced.
#[derive(Debug)]
pub struct Built {
    pub plan: Plan,
    /// The site's files, when it was rendered into memory; empty when `build` wrote each file
    /// straight to disk as it was made.
    pub files: Vec<OutputFile>,
    /// The path of every file of the site, sorted.
    pub paths: Vec<String>,
    /// Problems worth fixing that did not stop the build.
    pub warnings: Vec<ContentError>,
    /// The content sources the warnings point into.
    pub sources: Vec<Source>,
}

/// What a build may be told on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Build as at this date instead of the plan's `as_of`.
    pub as_of: Option<model::Date>,
    /// The label of the snapshot being taken, shown on the site it builds.
    pub snapshot: Option<String>,
}

/// Loads, validates and renders the project at `root` as at its report date, in memory.
pub fn render_project(root: &Path) -> Result<Built, Failure> {
    render_project_with(root, &Options::default())
}

/// Loads, validates and renders the project at `root`, in memory. Nothing is written.
pub fn render_project_with(root: &Path, options: &Options) -> Result<Built, Failure> {
    let (sources, attachments, problems) = load::read_content(root);
    render_sources(root, sources, attachments, problems, options)
}

/// The pipeline after reading: content already in memory (as the property tests give it) in,
/// the rendered site or every problem out. `root` is only where a theme folder may be found.
pub fn render_sources(
    root: &Path,
    sources: Vec<Source>,
    attachments: Vec<load::Attachment>,
    problems: Vec<ContentError>,
    options: &Options,
) -> Result<Built, Failure> {
    let to = Destination::Memory(None);
    render_sources_to(root, sources, attachments, problems, options, to)
}

/// What `serve` keeps between builds, so a save costs what it changed: each priority file's
/// text, parse, problems and model, and the rendered pages.
#[derive(Default)]
pub struct Kept {
    pub read: load::ReadMemo,
    pub parsed: load::ParseMemo,
    pub checked: validate::CheckMemo,
    pub modelled: model::ModelMemo,
    pub pages: render::cache::PageCache,
}

/// Like `render_project_with`, parsing again only the registers whose text changed and
/// re-rendering only the pages whose template, theme or data changed since the last build that
/// used `kept` (as `serve` does between saves).
pub fn render_project_cached(
    root: &Path,
    options: &Options,
    kept: &Kept,
) -> Result<Built, Failure> {
    let serving = Serving {
        early: &|_| {},
        superseded: NEVER,
    };
    let built = render_project_serving(root, options, kept, &serving);
    built.unwrap_or_else(|| unreachable!("a build that is never superseded is never stopped"))
}

/// Says whether the rest of a piece of work is no longer wanted (in `serve`, a newer save came in).
pub type Stop<'s> = dyn Fn() -> bool + Sync + 's;

/// A stop that never comes: a build from the command line, and `check`, always run whole.
pub const NEVER: &Stop<'static> = &|| false;

/// What `serve` hands a build besides what it keeps.
pub struct Serving<'s> {
    /// Given the pages of every priority and action area as soon as they are made, before the
    /// lists, search index and print edition that take the rest of the time, so the page being
    /// edited shows sooner. They are already right for the new content; they are only not the
    /// whole site.
    pub early: &'s render::Early<'s>,
    /// Says whether a newer save has come in since the build began: the rest of the site is then
    /// not worth making, and the build stops once the early pages are handed over.
    pub superseded: &'s Stop<'s>,
}

/// Like `render_project_cached`, with what `serving` asks: the first pages early, and a stop once
/// the build is superseded (`None`: the pages are not a whole site, and the next build follows).
pub fn render_project_serving(
    root: &Path,
    options: &Options,
    kept: &Kept,
    serving: &Serving,
) -> Option<Result<Built, Failure>> {
    let (sources, attachments, problems) = load::read_content_kept(root, Some(&kept.read));
    // Only a build that stopped short is thrown away: one superseded after it was whole stands.
    let stopped = AtomicBool::new(false);
    let superseded = || {
        let superseded = (serving.superseded)();
        stopped.fetch_or(superseded, Ordering::Relaxed);
        superseded
    };
    let to = Destination::Memory(Some((kept, serving.early, &superseded)));
    let built = render_sources_to(root, sources, attachments, problems, options, to);
    (!stopped.load(Ordering::Relaxed)).then_some(built)
}

/// Where the rendered site goes.
enum Destination<'d> {
    /// Into memory, reusing what was kept from the last build if anything was, showing the first
    /// pages early and stopping once superseded.
    Memory(Option<(&'d Kept, &'d render::Early<'d>, &'d Stop<'d>)>),
    /// Nowhere: the content and theme are checked, and nothing is rendered.
    Nowhere,
    /// Straight into a staging folder for this output, swapped in when the whole site is written:
    /// a large site never has to fit in memory.
    Disk(&'d Path),
}

impl Destination<'_> {
    /// What was kept from the last build, when building for `serve`.
    fn kept(&self) -> Option<&Kept> {
        match self {
            Destination::Memory(Some((kept, ..))) => Some(kept),
            _ => None,
        }
    }
}

fn render_sources_to(
    root: &Path,
    sources: Vec<Source>,
    attachments: Vec<load::Attachment>,
    mut problems: Vec<ContentError>,
    options: &Options,
    to: Destination,
) -> Result<Built, Failure> {
    let (mut content, parse_errors) = match to.kept() {
        Some(kept) => load::parse_kept(sources, &kept.parsed),
        None => load::parse(sources),
    };
    content.attachments = attachments;
    problems.extend(parse_errors);
    // `serve` looks for the style warnings while the pages render; the rest look first.
    if let Some(kept) = to.kept() {
        problems.extend(validate::check_all_but_style(&content, &kept.checked));
        if problems.iter().any(ContentError::is_error) {
            problems.extend(validate::style_warnings(&content, NEVER));
        }
    } else {
        problems.extend(validate::check(&content));
    }
    let (errors, mut warnings): (Vec<_>, Vec<_>) =
        problems.into_iter().partition(ContentError::is_error);
    if !errors.is_empty() {
        return Err(failure(errors, warnings, content.sources));
    }
    let Some(file) = content.plan.as_ref().map(|p| &p.value) else {
        return Err(failure(errors, warnings, content.sources));
    };
    // The theme is read before the model: its words name what the plan leaves to the defaults.
    // A theme that cannot be read fails the build below; until then the model takes English.
    let files = render::theme::ThemeFiles::read(root, file.theme.get_ref(), &file.language);
    let english;
    let words = match &files {
        Ok(files) => &files.words,
        Err(_) => {
            english = render::theme::english();
            &english
        }
    };
    let (as_of, snapshot) = (options.as_of, options.snapshot.clone());
    let plan = match to.kept() {
        Some(kept) => model::build_kept(&content, as_of, snapshot, words, &kept.modelled),
        None => model::build(&content, as_of, snapshot, words),
    };
    let Some(plan) = plan else {
        return Err(failure(errors, warnings, content.sources));
    };
    let theme = files.and_then(|files| match to.kept() {
        Some(kept) => kept.pages.theme(files),
        None => Theme::compile(files).map(std::sync::Arc::new),
    });
    if let Destination::Memory(Some((kept, early, superseded))) = to {
        let (rendered, style) = rayon::join(
            || {
                let theme = theme.as_deref().map_err(Clone::clone)?;
                let (sources, attachments) = (&content.sources, &content.attachments);
                let serving = Some((&kept.pages, early, superseded));
                render::render_site(&plan, sources, attachments, theme, serving)
            },
            || validate::style_warnings(&content, superseded),
        );
        warnings.extend(style);
        return finish(plan, rendered.map(in_memory), warnings, content.sources);
    }
    // The model holds all a page needs; the parsed files (a copy of every text) can go.
    let load::Content {
        sources,
        attachments,
        ..
    } = content;
    let theme = match theme {
        Ok(theme) => theme,
        Err(errors) => return Err(failure(errors, warnings, sources)),
    };
    let rendered = match to {
        Destination::Nowhere => Ok((Vec::new(), Vec::new())),
        Destination::Memory(_) => {
            render::render_site(&plan, &sources, &attachments, &theme, None).map(in_memory)
        }
        Destination::Disk(out) => {
            let staging = write::Staging::begin(out).map_err(Failure::Write)?;
            let sink = write::StagingSink {
                staging: &staging,
                failed: Mutex::new(None),
            };
            let paths = render::render_site_into(
                &plan,
                &sources,
                &attachments,
                &theme,
                None,
                &sink,
                &|| {},
                NEVER,
            );
            if let Some(e) = sink.failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
                return Err(Failure::Write(e));
            }
            if paths.is_ok() {
                staging.commit().map_err(Failure::Write)?;
            }
            paths.map(|paths| (paths, Vec::new()))
        }
    };
    finish(plan, rendered, warnings, sources)
}

/// The site rendered (its paths and any files kept in memory), or every problem found.
fn finish(
    plan: Plan,
    rendered: Result<(Vec<String>, Vec<OutputFile>), Vec<ContentError>>,
    mut warnings: Vec<ContentError>,
    sources: Vec<Source>,
) -> Result<Built, Failure> {
    warnings.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    match rendered {
        Ok((paths, files)) => Ok(Built {
            plan,
            files,
            paths,
            warnings,
            sources,
        }),
        Err(errors) => Err(failure(errors, warnings, sources)),
    }
}

/// The errors, then the warnings beside them.
fn failure(
    mut errors: Vec<ContentError>,
    warnings: Vec<ContentError>,
    sources: Vec<Source>,
) -> Failure {
    errors.extend(warnings);
    Failure::Content { errors, sources }
}

/// A site rendered into memory: its paths, and its files.
fn in_memory(files: Vec<OutputFile>) -> (Vec<String>, Vec<OutputFile>) {
    (files.iter().map(|f| f.path.clone()).collect(), files)
}

/// Loads and checks the project at `root` (content and theme) without rendering a page: every
/// problem a build would find, in a fraction of its time. Links between content files are checked
/// by `validate`, so rendering would find nothing more.
pub fn check_project(root: &Path, options: &Options) -> Result<Built, Failure> {
    let (sources, attachments, problems) = load::read_content(root);
    render_sources_to(
        root,
        sources,
        attachments,
        problems,
        options,
        Destination::Nowhere,
    )
}

/// The value behind a lock, even if a thread panicked while holding it: every value shared
/// between threads here stays whole between steps.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The same value: the same shared one (kept from the last build, so not compared), or an equal
/// one.
pub(crate) fn same<T: PartialEq>(kept: &std::sync::Arc<T>, new: &std::sync::Arc<T>) -> bool {
    std::sync::Arc::ptr_eq(kept, new) || kept == new
}

/// The output may not be the project, its content or its themes, nor hold them: replacing it
/// would delete them.
fn refuse_unsafe_output(root: &Path, out: &Path) -> std::io::Result<()> {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p))
    };
    let (root, out) = (absolute(root), absolute(out));
    let protected = [root.clone(), root.join("content"), root.join("themes")];
    if protected.iter().any(|p| {
        out == *p
            || p.starts_with(&out)
            || out.starts_with(root.join("content"))
            || out.starts_with(root.join("themes"))
    }) {
        return Err(std::io::Error::other(format!(
            "will not write the site to {}: it is, or holds, the project's content or themes. Choose another --out folder, such as site",
            out.display()
        )));
    }
    Ok(())
}

/// Builds the project at `root` into `out`, replacing the previous site only when all went well.
pub fn build(root: &Path, out: &Path, options: &Options) -> Result<Built, Failure> {
    refuse_unsafe_output(root, out).map_err(Failure::Write)?;
    let (sources, attachments, problems) = load::read_content(root);
    let to = Destination::Disk(out);
    render_sources_to(root, sources, attachments, problems, options, to)
}
