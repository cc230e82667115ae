//! planpress publishes an NHS trust's maternity improvement plan (Markdown pages and TOML action
//! registers) as an accessible static website. The pipeline, one module per stage:
//! load → validate → model → render → write. Only `load`, `render::Theme::load` and `write` touch
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
pub mod validate;
pub mod write;

use std::path::Path;

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
    pub files: Vec<OutputFile>,
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
    render_sources_cached(root, sources, attachments, problems, options, None)
}

/// Like `render_project_with`, re-rendering only the pages whose template, theme or data changed
/// since the last build that used `cache` (as `serve` does between saves).
pub fn render_project_cached(
    root: &Path,
    options: &Options,
    cache: &render::cache::PageCache,
) -> Result<Built, Failure> {
    let (sources, attachments, problems) = load::read_content(root);
    render_sources_cached(root, sources, attachments, problems, options, Some(cache))
}

fn render_sources_cached(
    root: &Path,
    sources: Vec<Source>,
    attachments: Vec<load::Attachment>,
    mut problems: Vec<ContentError>,
    options: &Options,
    cache: Option<&render::cache::PageCache>,
) -> Result<Built, Failure> {
    let (mut content, parse_errors) = load::parse(sources);
    content.attachments = attachments;
    problems.extend(parse_errors);
    problems.extend(validate::check(&content));
    let (errors, mut warnings): (Vec<_>, Vec<_>) =
        problems.into_iter().partition(ContentError::is_error);
    let fail =
        |mut errors: Vec<ContentError>, warnings: Vec<ContentError>, content: load::Content| {
            errors.extend(warnings);
            Failure::Content {
                errors,
                sources: content.sources,
            }
        };
    if !errors.is_empty() {
        return Err(fail(errors, warnings, content));
    }
    let Some(plan) = model::build(&content, options.as_of, options.snapshot.clone()) else {
        return Err(fail(errors, warnings, content));
    };
    let theme = match Theme::load(root, &plan.theme, &plan.language) {
        Ok(theme) => theme,
        Err(errors) => return Err(fail(errors, warnings, content)),
    };
    match render::render_site(&plan, &content.sources, &content.attachments, &theme, cache) {
        Ok(files) => {
            warnings.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
            Ok(Built {
                plan,
                files,
                warnings,
                sources: content.sources,
            })
        }
        Err(errors) => Err(fail(errors, warnings, content)),
    }
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
    let built = render_project_with(root, options)?;
    write::write_site(out, &built.files).map_err(Failure::Write)?;
    Ok(built)
}
