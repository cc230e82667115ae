//! The plan's words for itself and its parts: a label given without the form a sentence needs
//! beside it. planpress never guesses "a" or "an" from the spelling ("an hour", "a unit", and
//! languages with other rules), so the plan gives the form with its article, or sentences are
//! worded around it; and it never makes a plural by adding "s".

use toml::Spanned;

use crate::diagnostics::{ContentError, Source, StyleKind};
use crate::load::format::Labels;

/// A warning for each label given without the form that goes with it.
pub fn check(source: &Source, labels: &Labels, warnings: &mut Vec<ContentError>) {
    let articles = [
        (&labels.action, &labels.an_action, "an_action"),
        (&labels.sro_long, &labels.an_sro_long, "an_sro_long"),
    ];
    for (label, form, field) in articles {
        if let (Some(label), None) = (label, form) {
            let kind = StyleKind::LabelWithoutArticle {
                label: label.get_ref().clone(),
                field,
            };
            warnings.push(ContentError::at(source, label.span(), kind));
        }
    }
    let kinds = (&labels.organisation_kind, &labels.organisation_kinds);
    match kinds {
        (Some(given), None) => lonely(source, given, "organisation_kinds", warnings),
        (None, Some(given)) => lonely(source, given, "organisation_kind", warnings),
        _ => {}
    }
}

fn lonely(
    source: &Source,
    given: &Spanned<String>,
    missing: &'static str,
    warnings: &mut Vec<ContentError>,
) {
    let given_word = given.get_ref().clone();
    let kind = StyleKind::KindWithoutOther {
        given: given_word,
        missing,
    };
    warnings.push(ContentError::at(source, given.span(), kind));
}
