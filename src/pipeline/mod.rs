//! The one pipeline every command runs: load → validate → model → render → write. Each stage is a
//! function of what the stage before it made; only reading the content and the theme, and writing
//! the site, touch the disk. `build`, `check`, `snapshot` and `pdf` run it as it is (`run`);
//! `serve` runs it with its incremental layer (`serve::incremental`), through which each stage
//! may take what an earlier run made instead of making it again (`run_with`).

mod output;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{ContentError, Source};
use crate::model::{self, Plan};
use crate::render::{self, OutputFile, Theme};
use crate::{load, validate};
pub use output::Output;

/// What a run may be told on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Build as at this date instead of the plan's `as_of`.
    pub as_of: Option<model::Date>,
    /// The label of the snapshot being taken, shown on the site it builds.
    pub snapshot: Option<String>,
    /// Show the updates marked `draft = true`, labelled as drafts (`serve`); every other run
    /// leaves them out.
    pub drafts: bool,
}

/// Why a run did not produce a site. The previous site is untouched in every case.
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

/// What a successful run produced.
#[derive(Debug)]
pub struct Built {
    pub plan: Plan,
    /// The site's files, when it was rendered into memory; empty when it was checked only, or
    /// written straight to disk as each file was made.
    pub files: Vec<OutputFile>,
    /// The path of every file of the site, sorted.
    pub paths: Vec<String>,
    /// Problems worth fixing that did not stop the run.
    pub warnings: Vec<ContentError>,
    /// The content sources the warnings point into.
    pub sources: Vec<Source>,
}

/// What every stage may take from an earlier run instead of making it again. A plain run takes
/// nothing (`Fresh`); `serve` keeps what each stage made between saves.
pub trait Reuse: load::Reuse + validate::Reuse + model::Reuse + render::Reuse {
    /// Whether the warnings about how the text reads are looked for while the pages render, rather
    /// than with the rest of the checks: `serve` shows the pages sooner so.
    fn style_while_rendering(&self) -> bool {
        false
    }

    /// Whether a run into memory packs (gzip-compresses) each file as it comes, as `serve` holds
    /// its site: a national plan's pages are then never all held as made.
    fn packs(&self) -> bool {
        false
    }
}

/// Nothing kept: every stage makes everything.
pub struct Fresh;

impl load::Reuse for Fresh {}
impl validate::Reuse for Fresh {}
impl model::Reuse for Fresh {}
impl render::Reuse for Fresh {}
impl Reuse for Fresh {}

/// Reads the project at `root` and runs every stage on it, for `output`.
pub fn run(root: &Path, options: &Options, output: Output) -> Result<Built, Failure> {
    let files = load::read(root, &Fresh);
    run_with(root, files, options, output, &Fresh)
}

/// Runs every stage on content already read (from `root`, or given, as the property tests give
/// it), taking from `reuse` whatever it kept. `root` is where a theme folder may be found.
pub fn run_with<R: Reuse>(
    root: &Path,
    files: load::Files,
    options: &Options,
    output: Output,
    reuse: &R,
) -> Result<Built, Failure> {
    if let Output::Disk(out) = output {
        output::refuse_unsafe(root, out).map_err(Failure::Write)?;
    }
    let load::Files {
        sources,
        attachments,
        mut problems,
    } = files;
    // `check` renders nothing: its Markdown is parsed for the checks only.
    let html = !matches!(output, Output::Check);
    let (mut content, parse_errors) = load::parse(sources, html, reuse);
    content.attachments = attachments;
    problems.extend(parse_errors);
    let style_later = reuse.style_while_rendering() && matches!(output, Output::Memory);
    // Both the checks and the model need every action area's names: found once.
    let names = model::ActionNames::of(&content);
    let warnings = match checked(&content, &names, problems, style_later, reuse) {
        Ok(warnings) => warnings,
        Err((errors, warnings)) => return Err(failure(errors, warnings, content.sources)),
    };
    let Some((plan, theme)) = modelled(root, &content, names, options, reuse) else {
        return Err(failure(Vec::new(), warnings, content.sources));
    };
    let stage = output::Stage {
        plan,
        theme,
        warnings,
        reuse,
    };
    if style_later {
        output::render_beside_style(stage, content)
    } else {
        output::render(stage, content, output)
    }
}

/// Every problem in the content: the warnings, or the errors with the warnings beside them.
/// `style_later`: the warnings about how the text reads are looked for while the pages render,
/// unless there are errors.
fn checked(
    content: &load::Content,
    names: &model::ActionNames,
    mut problems: Vec<ContentError>,
    style_later: bool,
    reuse: &dyn validate::Reuse,
) -> Result<Vec<ContentError>, (Vec<ContentError>, Vec<ContentError>)> {
    if style_later {
        problems.extend(validate::check_all_but_style(content, names, reuse));
    } else {
        problems.extend(validate::check(content, names, reuse));
    }
    let (errors, mut warnings): (Vec<_>, Vec<_>) =
        problems.into_iter().partition(ContentError::is_error);
    if errors.is_empty() {
        return Ok(warnings);
    }
    if style_later {
        warnings.extend(validate::style_warnings(content, crate::NEVER, reuse));
    }
    Err((errors, warnings))
}

/// The plan, and the theme to render it with (or the theme's problems). The theme is read before
/// the model: its words name what the plan leaves to the defaults; a theme that cannot be read
/// fails the run when it renders, and until then the model takes English. `None` only when
/// there is no `plan.toml`, which validation reports.
fn modelled<R: Reuse>(
    root: &Path,
    content: &load::Content,
    names: model::ActionNames,
    options: &Options,
    reuse: &R,
) -> Option<(Plan, Themed)> {
    let file = &content.plan.as_ref()?.value;
    let files =
        render::theme::ThemeFiles::read(root, file.theme.get_ref(), &file.language, &file.labels);
    let english;
    let words = match &files {
        Ok(files) => &files.words,
        Err(_) => {
            english = render::theme::english();
            &english
        }
    };
    let (as_of, snapshot) = (options.as_of, options.snapshot.clone());
    let plan = model::build(
        content,
        names,
        as_of,
        snapshot,
        options.drafts,
        words,
        reuse,
    )?;
    let theme = files.and_then(|files| render::Reuse::theme(reuse, files));
    Some((plan, theme))
}

/// The theme to render with, or its problems.
pub(super) type Themed = Result<Arc<Theme>, Vec<ContentError>>;

/// The errors, then the warnings beside them.
fn failure(
    mut errors: Vec<ContentError>,
    warnings: Vec<ContentError>,
    sources: Vec<Source>,
) -> Failure {
    errors.extend(warnings);
    Failure::Content { errors, sources }
}
