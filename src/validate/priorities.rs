//! The priorities' action registers: most of a large plan. What spans registers (each priority's
//! number and each action's id used once) is checked across them all; what a register can get
//! wrong on its own (an unknown owner, status or recommendation, a due date that is not one, a
//! broken link) is checked one register at a time, in parallel (and a large register's actions in
//! parallel too), and `serve` keeps those problems for each register whose text and surroundings
//! did not change.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use toml::Spanned;

use super::references::{check_defined, check_known, Seen};
use super::{check_due, file_name_problem, links, statuses_defined_in, Known, ACTIONS_TOGETHER};
use crate::diagnostics::{ContentError, Noun, ReferenceKind, Source};
use crate::load::format::{ActionEntry, PriorityFile};
use crate::load::register_texts;
use crate::load::{Content, Loaded};

/// Every register's problems. Each register's own problems may come from `reuse`, kept while
/// the register and `surroundings` are the same.
pub(super) fn check(
    content: &Content,
    known: &Known,
    reach: &links::Reach,
    reuse: &dyn super::Reuse,
    errors: &mut Vec<ContentError>,
) {
    check_across(content, errors);
    let surroundings = OnceLock::new();
    let surroundings = || *surroundings.get_or_init(|| self::surroundings(content, known));
    let found: Vec<Vec<ContentError>> = content
        .priorities
        .par_iter()
        .map(|priority| {
            let source = &content.sources[priority.source];
            let check = || register_problems(content, priority, known, reach);
            reuse.register_problems(source, &surroundings, &check)
        })
        .collect();
    errors.extend(found.into_iter().flatten());
}

/// Each priority's number, and each action's id, used once across every register.
fn check_across(content: &Content, errors: &mut Vec<ContentError>) {
    let mut numbers: HashMap<u32, &str> = HashMap::new();
    let count = content.priorities.iter().map(|p| p.value.actions.len());
    let mut actions = Seen::new("action").expecting(count.sum());
    for priority in &content.priorities {
        let source = &content.sources[priority.source];
        let file = &priority.value;
        errors.extend(file_name_problem(source, &priority.stem));
        let number = *file.number.get_ref();
        if let Some(other) = numbers.insert(number, &priority.stem) {
            let other = other.to_string();
            let kind = ReferenceKind::NumberUsedTwice { number, other };
            errors.push(ContentError::at(source, file.number.span(), kind));
        }
        for action in &file.actions {
            actions.check(source, &action.id, errors);
        }
    }
}

/// What a register's own problems depend on besides its text: the ids it may refer to, and the
/// files and risks its links may reach.
fn surroundings(content: &Content, known: &Known) -> u64 {
    let mut hasher = DefaultHasher::new();
    let defined_in = (statuses_defined_in(content), known.owners_in);
    (known.statuses, known.sros, defined_in).hash(&mut hasher);
    known.columns.hash(&mut hasher);
    // A link may name an action area of another register ("1.5").
    known.names.hash(&mut hasher);
    let recommendations = known.recommendations;
    (&recommendations.references, &recommendations.unparsed).hash(&mut hasher);
    for source in &content.sources {
        source.path.hash(&mut hasher);
    }
    for attachment in &content.attachments {
        attachment.path.hash(&mut hasher);
    }
    // A link may name a risk by its anchor.
    for risk in content.risks.iter().flat_map(|file| &file.value.risks) {
        risk.id.get_ref().hash(&mut hasher);
    }
    hasher.finish()
}

/// What one register can get wrong on its own. Its actions, and then its texts' links, are
/// checked on all cores (a register may hold every action of the plan), the problems in order.
fn register_problems(
    content: &Content,
    priority: &Loaded<Arc<PriorityFile>>,
    known: &Known,
    reach: &links::Reach,
) -> Vec<ContentError> {
    let source = &content.sources[priority.source];
    let file = &priority.value;
    let mut errors = Vec::new();
    super::owners::check_named(source, file, known.sros, known.owners_in, &mut errors);
    check_answers(source, &file.answers, known, &mut errors);
    let actions = file.actions.par_iter().with_min_len(ACTIONS_TOGETHER);
    let problems = |action| action_problems(content, source, action, known);
    errors.par_extend(actions.flat_map_iter(problems));
    let texts = register_texts(priority);
    let texts = texts.par_iter().with_min_len(ACTIONS_TOGETHER);
    let links = texts.flat_map_iter(|text| links::problems_in(content, text, reach, known.names));
    errors.par_extend(links);
    errors
}

/// What one action can get wrong on its own, in the register of `source`.
fn action_problems(
    content: &Content,
    source: &Source,
    action: &ActionEntry,
    known: &Known,
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    if let Some(columns) = known.columns {
        columns.check_action(source, action, &mut errors);
    }
    if let (Some(statuses), Some(status)) = (known.statuses, &action.status) {
        check_known(
            source,
            status,
            statuses,
            Noun::STATUS,
            statuses_defined_in(content),
            &mut errors,
        );
    }
    check_answers(source, &action.answers, known, &mut errors);
    if let Some(due) = &action.due {
        check_due(source, due, &mut errors);
    }
    errors
}

/// The recommendations a priority or an action answers: each one a register holds, but in a
/// register that did not read (already reported).
fn check_answers(
    source: &Source,
    answers: &[Spanned<String>],
    known: &Known,
    errors: &mut Vec<ContentError>,
) {
    let recommendations = known.recommendations;
    for answer in answers {
        if recommendations.is_unparsed(answer.get_ref()) {
            continue;
        }
        check_defined(
            source,
            answer,
            &recommendations.references,
            Noun::RECOMMENDATION,
            "content/registers/",
            errors,
        );
    }
}
