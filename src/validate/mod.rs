//! Stage 2, validate: the checks across files that parsing alone cannot make (an SRO or status that
//! does not exist, an id used twice, a name that cannot be a file name). Pure: parsed content in,
//! every error out, each pointing at the place to fix.

mod acronyms;
mod attachments;
mod columns;
mod ids;
mod labels;
mod links;
mod lints;
mod milestones;
mod outcomes;
mod owners;
mod placeholders;
mod plain_english;
mod priorities;
mod references;
mod registers;
mod unchanged;
mod updates;

use std::sync::Arc;

use toml::Spanned;

use crate::diagnostics::{Allowed, ContentError, Noun, PlanKind, ReferenceKind, Source, StyleKind};
use crate::load::Content;
use crate::model::ActionNames;
use crate::model::{Tone, DEFAULT_STATUSES};
use crate::Stop;
pub use ids::{is_slug, is_too_long, shortened, slugify, LONGEST_NAME};
pub use lints::FileStyle;
use references::{Defined, Seen};

/// Actions checked together on one core, where a register's actions are checked on all cores (one
/// register may hold every action of the plan): enough to be worth handing to another core.
const ACTIONS_TOGETHER: usize = 64;

/// Page names the site uses itself; a Markdown page may not take them.
const RESERVED_PAGES: [&str; 20] = [
    "index",
    "404",
    "sitemap",
    "priorities",
    "sros",
    "recommendations",
    "coverage",
    "data",
    "registers",
    "glossary",
    "updates",
    "timeline",
    "dashboard",
    "measures",
    "risks",
    "feed",
    "versions",
    "print",
    "a-z",
    "status",
];

/// What a run may take from an earlier run instead of checking it again. A build takes nothing;
/// `serve` keeps each register's problems between saves.
pub trait Reuse: Sync {
    /// The problems `check` finds in the action register in `source`, which depend on nothing
    /// outside it but what `surroundings` fingerprints.
    fn register_problems(
        &self,
        source: &Source,
        surroundings: &dyn Fn() -> u64,
        check: &dyn Fn() -> Vec<ContentError>,
    ) -> Vec<ContentError> {
        let _ = (source, surroundings);
        check()
    }

    /// What the slow style checks find in the file in `source`, which depends on nothing outside
    /// it but what `surroundings` fingerprints.
    fn file_style(
        &self,
        source: &Source,
        surroundings: u64,
        find: &dyn Fn() -> Arc<FileStyle>,
    ) -> Arc<FileStyle> {
        let _ = (source, surroundings);
        find()
    }
}

/// Every problem in the content: errors (which stop the build) and warnings.
pub fn check(content: &Content, names: &ActionNames, reuse: &dyn Reuse) -> Vec<ContentError> {
    // The style warnings are half the work on a large plan, and need nothing from the rest.
    let (mut problems, style) = rayon::join(
        || check_all_but_style(content, names, reuse),
        || style_warnings(content, crate::NEVER, reuse),
    );
    problems.extend(style);
    problems
}

/// Warnings about how the text reads (long sentences, acronyms, vague links): never an error,
/// so `serve` can look for them while the pages render, and stop looking (`stop`) when a newer
/// save makes them moot; the list is then not whole.
pub fn style_warnings(content: &Content, stop: &Stop, reuse: &dyn Reuse) -> Vec<ContentError> {
    lints::check(content, stop, reuse)
}

/// Every problem but the style warnings: every error, and the other warnings, in the order of
/// their files and places. `names`: the names of the content's action areas.
pub fn check_all_but_style(
    content: &Content,
    names: &ActionNames,
    reuse: &dyn Reuse,
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    // A file that failed to parse has already been reported; checking references against it would
    // only add a false "unknown" error for every use, so those checks are skipped (`None`).
    let statuses = check_plan(content, &mut errors);
    let (assurance, period) = match &content.plan {
        Some(plan) => {
            let source = &content.sources[plan.source];
            let assurance = updates::check_assurance(source, &plan.value, &mut errors);
            (
                Some(assurance),
                updates::check_plan_period(source, &plan.value, &mut errors),
            )
        }
        None => (None, None),
    };
    let sros = owners::check_sros(content, &mut errors).map(Defined::new);
    let recommendations = registers::check(content, &mut errors);
    let columns = content.plan.as_ref().map(|plan| {
        let source = &content.sources[plan.source];
        columns::Columns::of(source, &plan.value, &mut errors)
    });
    let known = Known {
        names,
        columns: columns.as_ref(),
        statuses: statuses.as_deref(),
        sros: sros.as_ref(),
        owners_in: owners::defined_in(content),
        recommendations: &recommendations,
        assurance: assurance.as_deref(),
        period,
    };
    // What a link (or evidence) may reach, for the registers' links and the rest.
    let reach = links::reach(content);
    priorities::check(content, &known, &reach, reuse, &mut errors);
    updates::check_updates(content, &known, &reach, &mut errors);
    updates::check_milestones_and_timeline(content, &mut errors);
    milestones::check_milestones(content, &known, &mut errors);
    outcomes::check_measures(content, &known, &mut errors);
    outcomes::check_risks(content, &mut errors);
    check_glossary(content, &mut errors);
    check_pages(content, &mut errors);
    links::check(content, &reach, names, &mut errors);
    attachments::check(content, &mut errors);
    placeholders::check(content, &mut errors);
    unchanged::check(content, &known, &mut errors);
    errors.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    errors
}

fn check_plan(content: &Content, errors: &mut Vec<ContentError>) -> Option<Vec<String>> {
    let plan = content.plan.as_ref()?;
    let source = &content.sources[plan.source];
    let file = &plan.value;
    labels::check(source, &file.labels, errors);
    milestones::check_report_date(source, &file.as_of, errors);
    match &file.base_url {
        Some(url) if !crate::safe_html::is_web_address(url.get_ref()) => {
            let kind = PlanKind::BaseUrlNotWebAddress;
            errors.push(ContentError::at(source, url.span(), kind));
        }
        Some(_) => {}
        None => errors.push(ContentError::at(source, 0..0, StyleKind::NoBaseUrl)),
    }
    let theme = &file.theme;
    if !is_slug(theme.get_ref()) {
        let kind = PlanKind::ThemeNotFolderName;
        errors.push(ContentError::at(source, theme.span(), kind));
    }
    if file.statuses.is_empty() {
        return Some(
            DEFAULT_STATUSES
                .iter()
                .map(|(id, _)| id.to_string())
                .collect(),
        );
    }
    let mut seen = Seen::new("status");
    for status in &file.statuses {
        seen.check(source, &status.id, errors);
        check_tone(source, &status.tone, errors);
    }
    Some(
        file.statuses
            .iter()
            .map(|s| s.id.get_ref().clone())
            .collect(),
    )
}

/// A tone must be one of those planpress draws.
pub(crate) fn check_tone(source: &Source, tone: &Spanned<String>, errors: &mut Vec<ContentError>) {
    if Tone::parse(tone.get_ref()).is_none() {
        let kind = ReferenceKind::Unknown {
            what: Noun::TONE,
            value: tone.get_ref().clone(),
            allowed: Allowed::All {
                names: Tone::NAMES.map(String::from).to_vec(),
                guess: None,
            },
            defined_in: None,
        };
        errors.push(ContentError::at(source, tone.span(), kind));
    }
}

/// The ids action areas may refer to. `None`: the file defining them did not parse, so references
/// to it are not checked (each would be a false "unknown").
struct Known<'a> {
    /// Every name an action area goes by: its id and its reference.
    names: &'a crate::model::ActionNames,
    /// The action areas' columns and kinds of row.
    columns: Option<&'a columns::Columns>,
    statuses: Option<&'a [String]>,
    sros: Option<&'a Defined>,
    /// The file the owners are defined in, as hints name it.
    owners_in: &'static str,
    recommendations: &'a registers::Recommendations,
    /// Assurance levels and whether each needs evidence.
    assurance: Option<&'a [(String, bool)]>,
    /// `None` when the plan's period could not be worked out (already reported).
    period: Option<crate::model::Period>,
}

fn check_pages(content: &Content, errors: &mut Vec<ContentError>) {
    for page in &content.pages {
        let source = &content.sources[page.source];
        if let Some(problem) = file_name_problem(source, &page.stem) {
            errors.push(problem);
        } else if RESERVED_PAGES.contains(&page.stem.as_str()) {
            let stem = page.stem.clone();
            let kind = ReferenceKind::ReservedPageName { stem };
            errors.push(ContentError::in_file(&source.path, kind));
        }
    }
}

/// Each glossary term once.
fn check_glossary(content: &Content, errors: &mut Vec<ContentError>) {
    let Some(glossary) = &content.glossary else {
        return;
    };
    let source = &content.sources[glossary.source];
    let mut seen = Seen::with_rule("glossary term", |t| !t.trim().is_empty()).of_any_length();
    for term in &glossary.value.terms {
        seen.check(source, &term.term, errors);
    }
}

/// Where the statuses a plan may use come from, for hints.
pub(crate) fn statuses_defined_in(content: &Content) -> &'static str {
    match &content.plan {
        Some(plan) if !plan.value.statuses.is_empty() => "content/plan.toml",
        _ => "the default list (content/plan.toml can replace it)",
    }
}

/// A due date must be a date (`2024-03-31`) or a quarter (`Q4 2023/24`).
/// When an action area or a milestone is `due`: any horizon ("Q4 2023/24", "2017-18", "2021",
/// "6–12 months").
pub(crate) fn check_due(source: &Source, due: &Spanned<String>, errors: &mut Vec<ContentError>) {
    let text = due.get_ref();
    if crate::model::Horizon::parse(text).is_none() {
        let kind = PlanKind::NotDue { text: text.clone() };
        errors.push(ContentError::at(source, due.span(), kind));
    }
}

/// What is wrong with a content file's name (`stem`, without `.toml` or `.md`) as the name of its
/// page: not a slug, or too long.
pub(crate) fn file_name_problem(source: &Source, stem: &str) -> Option<ContentError> {
    let kind = if !is_slug(stem) {
        ReferenceKind::UnusableFileName {
            stem: stem.to_string(),
            suggestion: slugify(stem),
        }
    } else {
        long_file_name(stem)?
    };
    Some(ContentError::in_file(&source.path, kind))
}

/// A file name too long to make a page's file name of, with a shorter one.
pub(crate) fn long_file_name(stem: &str) -> Option<ReferenceKind> {
    is_too_long(stem).then(|| ReferenceKind::FileNameTooLong {
        stem: stem.to_string(),
        suggestion: shortened(stem),
    })
}
