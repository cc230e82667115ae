//! The priorities' action registers: most of a large plan. What spans registers (each priority's
//! number and each action's id used once) is checked across them all; what a register can get
//! wrong on its own (an unknown owner, status or recommendation, a due date that is not one, a
//! broken link) is checked one register at a time, in parallel, and `serve` keeps those problems
//! for each register whose text and surroundings did not change.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::references::{check_known, Seen};
use super::{check_due, file_name_problem, links, statuses_defined_in, Known};
use crate::diagnostics::{ContentError, Noun, ReferenceKind};
use crate::load::format::PriorityFile;
use crate::load::register_texts;
use crate::load::{Content, Loaded};

/// Every register's problems. Each register's own problems may come from `reuse`, kept while
/// the register and `surroundings` are the same.
pub(super) fn check(
    content: &Content,
    known: &Known,
    files: &HashSet<&Path>,
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
            let check = || register_problems(content, priority, known, files);
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
    let defined_in = (
        statuses_defined_in(content),
        super::owners::defined_in(content),
    );
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

/// What one register can get wrong on its own.
fn register_problems(
    content: &Content,
    priority: &Loaded<Arc<PriorityFile>>,
    known: &Known,
    files: &HashSet<&Path>,
) -> Vec<ContentError> {
    let source = &content.sources[priority.source];
    let file = &priority.value;
    let mut errors = Vec::new();
    let owners_in = super::owners::defined_in(content);
    super::owners::check_named(source, file, known.sros, owners_in, &mut errors);
    let recommendations = known.recommendations;
    let check_answers = |answers: &[toml::Spanned<String>], errors: &mut Vec<ContentError>| {
        for answer in answers {
            if recommendations.is_unparsed(answer.get_ref()) {
                continue;
            }
            check_known(
                source,
                answer,
                &recommendations.references,
                Noun::RECOMMENDATION,
                "content/registers/",
                errors,
            );
        }
    };
    check_answers(&file.answers, &mut errors);
    for action in &file.actions {
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
        check_answers(&action.answers, &mut errors);
        if let Some(due) = &action.due {
            check_due(source, due, &mut errors);
        }
    }
    for text in register_texts(priority) {
        errors.extend(links::problems_in(content, &text, files, known.names));
    }
    errors
}
