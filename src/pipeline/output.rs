//! The pipeline's last steps: render the site for where it goes (nowhere, memory or a folder), and
//! write it. Writing goes into a staging folder swapped in whole, so a failure leaves the last good
//! site as it was.

use std::path::Path;
use std::sync::Mutex;

use super::{failure, Built, Failure, Reuse};
use crate::diagnostics::{ContentError, Source};
use crate::load::{Attachment, Content};
use crate::model::Plan;
use crate::render::{self, Collect, OutputFile, Theme};
use crate::{validate, write};

/// Where the rendered site goes.
#[derive(Debug, Clone, Copy)]
pub enum Output<'o> {
    /// Nowhere: the content and theme are checked, and no page is rendered (`check`). Links between
    /// content files are checked by `validate`, so rendering would find nothing more but a
    /// template that fails only with some page's data.
    Check,
    /// Into memory (`Built::files`), for `serve`, `snapshot` and `pdf`.
    Memory,
    /// Into this folder, each file written as soon as it is made (a large site never has to fit in
    /// memory), and swapped in whole once the site is written.
    Disk(&'o Path),
}

/// What the stages before rendering made.
pub(super) struct Stage<'r, R> {
    pub plan: Plan,
    pub theme: super::Themed,
    pub warnings: Vec<ContentError>,
    pub reuse: &'r R,
}

/// Renders the site for `output`.
pub(super) fn render<R: Reuse>(
    stage: Stage<R>,
    content: Content,
    output: Output,
) -> Result<Built, Failure> {
    // The model holds all a page needs; the parsed files (a copy of every text) can go.
    let Content {
        sources,
        attachments,
        ..
    } = content;
    let Stage {
        plan,
        theme,
        warnings,
        reuse,
    } = stage;
    let theme = match theme {
        Ok(theme) => theme,
        Err(errors) => return Err(failure(errors, warnings, sources)),
    };
    let rendered = match output {
        Output::Check => Ok((Vec::new(), Vec::new())),
        Output::Memory => in_memory(&plan, &sources, &attachments, &theme, reuse),
        Output::Disk(out) => {
            to_disk(&plan, &sources, &attachments, &theme, out, reuse).map_err(Failure::Write)?
        }
    };
    finish(plan, rendered, warnings, sources)
}

/// Renders the site into memory while the warnings about how the text reads are looked for, as
/// `serve` does: the pages are shown sooner. The warnings stop being looked for once the run is
/// superseded.
pub(super) fn render_beside_style<R: Reuse>(
    stage: Stage<R>,
    content: Content,
) -> Result<Built, Failure> {
    let Stage {
        plan,
        theme,
        mut warnings,
        reuse,
    } = stage;
    let (sources, attachments) = (&content.sources, &content.attachments);
    let (rendered, style) = rayon::join(
        || match &theme {
            Ok(theme) => in_memory(&plan, sources, attachments, theme, reuse),
            Err(errors) => Err(errors.clone()),
        },
        || {
            let stop = || render::Reuse::stopped(reuse);
            validate::style_warnings(&content, &stop, reuse)
        },
    );
    warnings.extend(style);
    finish(plan, rendered, warnings, content.sources)
}

/// The site's paths and files, rendered into memory.
type Rendered = Result<(Vec<String>, Vec<OutputFile>), Vec<ContentError>>;

fn in_memory<R: Reuse>(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    reuse: &R,
) -> Rendered {
    let files = match reuse.packs() {
        true => Collect::packing(),
        false => Collect::default(),
    };
    let paths = render::render_site(plan, sources, attachments, theme, &files, reuse)?;
    Ok((paths, files.sorted()?))
}

/// Renders the site straight into a staging folder and swaps it in once whole. The error is a
/// failure to write; the result inside, the paths or the problems rendering found.
fn to_disk<R: Reuse>(
    plan: &Plan,
    sources: &[Source],
    attachments: &[Attachment],
    theme: &Theme,
    out: &Path,
    reuse: &R,
) -> std::io::Result<Rendered> {
    let staging = write::Staging::begin(out)?;
    let sink = write::StagingSink {
        staging: &staging,
        failed: Mutex::new(None),
    };
    let paths = render::render_site(plan, sources, attachments, theme, &sink, reuse);
    if let Some(e) = sink.failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    if paths.is_ok() {
        staging.commit()?;
    }
    Ok(paths.map(|paths| (paths, Vec::new())))
}

/// The site rendered (its paths and any files kept in memory), or every problem found.
fn finish(
    plan: Plan,
    rendered: Rendered,
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

/// The output may not be the project, its content or its themes, nor hold them: replacing it
/// would delete them.
pub(super) fn refuse_unsafe(root: &Path, out: &Path) -> std::io::Result<()> {
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
