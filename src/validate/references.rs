//! References between content: an id that must name something defined elsewhere, and ids that
//! must be unique. Errors name the place, and hints suggest the nearest known id.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::ids::{edit_distance, slugify};
use crate::diagnostics::{line_column, ContentError, Source};

/// An id that must name something defined elsewhere. The hint offers the nearest known ids, and
/// lists them all when there are few enough to read.
pub fn check_known(
    source: &Source,
    value: &Spanned<String>,
    known: &[String],
    (what, whats): (&str, &str),
    defined_in: &str,
    errors: &mut Vec<ContentError>,
) {
    if known.iter().any(|k| k == value.get_ref()) {
        return;
    }
    let near = nearest(value.get_ref(), known, 3);
    let quoted = |ids: &[&str]| {
        ids.iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hint = match (near.first(), known.len() <= 12) {
        (Some(guess), true) if is_close(value.get_ref(), guess) => format!(
            "did you mean \"{guess}\"? The {whats} defined in {defined_in} are: {}",
            known.join(", ")
        ),
        (_, true) => format!(
            "use one of the {whats} defined in {defined_in}: {}",
            known.join(", ")
        ),
        (_, false) => format!(
            "the nearest {whats} defined in {defined_in} are {}",
            quoted(&near)
        ),
    };
    errors.push(
        ContentError::at(
            source,
            value.span(),
            format!("unknown {what} \"{}\"", value.get_ref()),
        )
        .hint(hint),
    );
}

/// Up to `count` known ids, nearest first (fewest edits; ties in the order they were defined).
fn nearest<'a>(value: &str, known: &'a [String], count: usize) -> Vec<&'a str> {
    let mut ranked: Vec<(usize, usize, &str)> = known
        .iter()
        .enumerate()
        .map(|(i, k)| (edit_distance(value, k), i, k.as_str()))
        .collect();
    ranked.sort();
    ranked.into_iter().take(count).map(|(_, _, k)| k).collect()
}

/// Close enough to be a typo of `known`.
fn is_close(value: &str, known: &str) -> bool {
    edit_distance(value, known) <= known.len() / 3 + 1
}

/// Ids seen so far of one kind, to report the second use of an id with where the first was, and
/// any id that breaks the kind's rule for ids.
pub struct Seen<'a> {
    what: &'static str,
    rule: fn(&str) -> bool,
    /// Where each id was first used: its file and byte offset. The line is worked out only for an
    /// id used twice, which is rare, so a plan of 50,000 ids is not read line by line.
    first: HashMap<&'a str, (&'a Source, usize)>,
}

impl<'a> Seen<'a> {
    /// Ids that become file names: lower-case letters, digits and hyphens.
    pub fn new(what: &'static str) -> Self {
        Seen::with_rule(what, super::is_slug)
    }

    pub fn with_rule(what: &'static str, rule: fn(&str) -> bool) -> Self {
        Seen {
            what,
            rule,
            first: HashMap::new(),
        }
    }

    /// Room for `count` ids from the start: a plan's 50,000 action ids, not grown into.
    pub fn expecting(mut self, count: usize) -> Self {
        self.first.reserve(count);
        self
    }

    /// Whether the id has been seen.
    pub fn contains(&self, id: &str) -> bool {
        self.first.contains_key(id)
    }

    pub fn check(
        &mut self,
        source: &'a Source,
        id: &'a Spanned<String>,
        errors: &mut Vec<ContentError>,
    ) {
        let span: Range<usize> = id.span();
        let value = id.get_ref();
        if !(self.rule)(value) {
            errors.push(
                ContentError::at(
                    source,
                    span.clone(),
                    format!(
                        "the {} id \"{value}\" cannot be used in a web address",
                        self.what
                    ),
                )
                .hint(format!(
                    "use lower-case letters, digits and hyphens, e.g. \"{}\"",
                    slugify(value)
                )),
            );
        }
        match self.first.get(value.as_str()) {
            Some((first, offset)) => {
                let (first_line, _) = line_column(&first.text, *offset);
                errors.push(
                    ContentError::at(
                        source,
                        span,
                        format!("the {} id \"{value}\" is used twice", self.what),
                    )
                    .hint(format!(
                        "it is first used at {}:{first_line}; every {} needs its own id",
                        first.path.display(),
                        self.what
                    )),
                )
            }
            None => {
                self.first.insert(value, (source, span.start));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ids_come_first() {
        let known: Vec<String> = ["3ydp/10.1", "3ydp/1.1", "sbl2/1", "3ydp/10.2"]
            .map(String::from)
            .to_vec();
        assert_eq!(nearest("3ydp/10.l", &known, 2), ["3ydp/10.1", "3ydp/10.2"]);
    }

    #[test]
    fn unknown_ids_get_a_hint_with_the_nearest_known_ones() {
        let source = Source::new("content/priorities/p.toml", "answers = [\"3ydp/10.l\"]\n");
        let value = Spanned::new(12..23, "3ydp/10.l".to_string());
        let known: Vec<String> = (1..=20).map(|i| format!("3ydp/10.{i}")).collect();
        let mut errors = Vec::new();
        check_known(
            &source,
            &value,
            &known,
            ("recommendation", "recommendations"),
            "content/registers/",
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (1, 13));
        assert!(
            errors[0].hint.starts_with(
                "the nearest recommendations defined in content/registers/ are \"3ydp/10.1\""
            ),
            "{}",
            errors[0].hint
        );
    }
}
