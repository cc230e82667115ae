//! A trust's template may build on a built-in one instead of copying it: `{% extends
//! "default/action.html" %}` and one `{% block %}` of its own. A built-in template is in Tera under
//! its own name unless the theme replaces it, and under `default/NAME` only when a template of the
//! theme names it there: parsing templates is a third of a small plan's build, so the 33 built-in
//! ones are not parsed twice for every build.
//!
//! Inheritance is checked here before Tera follows it. A template that extends itself, directly or
//! through others, is an error naming the file; Tera would otherwise go round such a circle for
//! ever when it is not where Tera started.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::tags::references;
use crate::diagnostics::{ContentError, Source, ThemeKind, DEFAULT_TEMPLATE as DEFAULT};

/// Adds `default/NAME`, the built-in template NAME, for each such name a template of the theme
/// (one of `own`) refers to, unless the theme has a file of that name itself. A name that is no
/// built-in template is an error at the place it is written, with the names there are.
pub fn add_defaults(
    templates: &mut Vec<(String, String)>,
    own: &[String],
    built_in: &[(&str, &str)],
    folder: &Path,
    errors: &mut Vec<ContentError>,
) {
    let mut added: Vec<(String, String)> = Vec::new();
    for (name, text) in templates.iter().filter(|(name, _)| own.contains(name)) {
        for reference in references(text) {
            let Some(wanted) = reference.name.strip_prefix(DEFAULT) else {
                continue;
            };
            let known = |(n, _): &(String, String)| n == reference.name;
            if templates.iter().any(known) || added.iter().any(known) {
                continue;
            }
            match built_in.iter().find(|(n, _)| *n == wanted) {
                Some((_, default)) => added.push((reference.name.to_string(), default.to_string())),
                None if reference.optional => {}
                None => {
                    let source = Source::new(folder.join(name), text.as_str());
                    let kind = unknown(wanted, built_in);
                    errors.push(ContentError::at(&source, reference.span, kind));
                }
            }
        }
    }
    templates.extend(added);
}

/// A name that is no built-in template, with the nearest if it is a likely typo, and all of them.
fn unknown(wanted: &str, built_in: &[(&str, &str)]) -> ThemeKind {
    let mut names: Vec<&str> = built_in.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    ThemeKind::NoBuiltInTemplate {
        wanted: wanted.to_string(),
        nearest: nearest(wanted, &names).map(str::to_string),
        names: names.iter().map(|n| n.to_string()).collect(),
    }
}

/// Of `names`, the one `wanted` is most likely a typo of, if any (fewest slips, a swap of two
/// letters counting as one).
fn nearest<'a>(wanted: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .copied()
        .min_by_key(|n| strsim::osa_distance(wanted, n))
        .filter(|n| strsim::osa_distance(wanted, n) <= n.len() / 3)
}

/// Problems in the chains of `extends`: a template that extends one the theme does not have, and
/// templates that extend one another in a circle. `parents` gives each template's parent, as Tera
/// parsed it; `texts` are the templates as read, to point at the tag; `built_in` the default
/// theme's templates, to suggest extending one.
pub fn check_chains(
    parents: &HashMap<&str, Option<&str>>,
    texts: &[(String, String)],
    own: &[String],
    built_in: &[(&str, &str)],
    folder: &Path,
) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut names: Vec<&str> = parents.keys().copied().collect();
    names.sort_unstable();
    let mut done: HashSet<&str> = HashSet::new();
    for &start in &names {
        let mut chain: Vec<&str> = Vec::new();
        let mut at = start;
        while !done.contains(at) {
            if let Some(first) = chain.iter().position(|n| *n == at) {
                errors.push(circle(&chain[first..], texts, own, built_in, folder));
                break;
            }
            chain.push(at);
            match parents.get(at).copied().flatten() {
                Some(parent) if parents.contains_key(parent) => at = parent,
                Some(parent) => {
                    let kind = ThemeKind::ExtendsNothing {
                        template: at.to_string(),
                        parent: parent.to_string(),
                        nearest: nearest(parent, &names).map(str::to_string),
                    };
                    errors.push(at_extends(at, texts, folder, kind));
                    break;
                }
                None => break,
            }
        }
        done.extend(chain);
    }
    errors
}

/// Templates that extend one another in a circle, reported at the first of the theme's own.
fn circle(
    cycle: &[&str],
    texts: &[(String, String)],
    own: &[String],
    built_in: &[(&str, &str)],
    folder: &Path,
) -> ContentError {
    let first = cycle
        .iter()
        .position(|n| own.iter().any(|o| o == n))
        .unwrap_or(0);
    let name = cycle[first];
    let kind = ThemeKind::ExtendsInACircle {
        round: (0..=cycle.len())
            .map(|i| cycle[(first + i) % cycle.len()].to_string())
            .collect(),
        built_in: built_in.iter().any(|(n, _)| *n == name),
    };
    at_extends(name, texts, folder, kind)
}

/// An error at the `extends` tag of template `name`.
fn at_extends(
    name: &str,
    texts: &[(String, String)],
    folder: &Path,
    kind: ThemeKind,
) -> ContentError {
    let path = folder.join(name);
    let text = texts.iter().find(|(n, _)| n == name).map(|(_, t)| t);
    let span = text.and_then(|t| references(t).into_iter().find(|r| r.extends));
    match (text, span) {
        (Some(text), Some(reference)) => {
            ContentError::at(&Source::new(path, text.as_str()), reference.span, kind)
        }
        _ => ContentError::in_file(&path, kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_default_is_added_only_when_the_theme_names_it() {
        let built_in = [
            ("action.html", "built-in action"),
            ("base.html", "built-in base"),
        ];
        let mut templates = vec![
            ("base.html".to_string(), "built-in base".to_string()),
            (
                "action.html".to_string(),
                "{% extends \"default/action.html\" %}".to_string(),
            ),
        ];
        let mut errors = Vec::new();
        let folder = Path::new("themes/trust/templates");
        add_defaults(
            &mut templates,
            &own(&["action.html"]),
            &built_in,
            folder,
            &mut errors,
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(templates.len(), 3);
        assert_eq!(
            templates[2],
            ("default/action.html".into(), "built-in action".into())
        );
    }

    #[test]
    fn a_misspelt_default_is_an_error_at_its_place() {
        let built_in = [("action.html", "")];
        let text = "{# Our action page #}\n{% extends \"default/acton.html\" %}\n";
        let mut templates = vec![("action.html".to_string(), text.to_string())];
        let mut errors = Vec::new();
        let folder = Path::new("themes/trust/templates");
        add_defaults(
            &mut templates,
            &own(&["action.html"]),
            &built_in,
            folder,
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        let error = &errors[0];
        assert_eq!(error.path, Path::new("themes/trust/templates/action.html"));
        assert_eq!((error.line, error.column), (2, 12));
        assert_eq!(
            error.message(),
            "there is no built-in template \"acton.html\""
        );
        let hint = error.hint();
        assert_eq!(
            hint.as_deref(),
            Some("did you mean \"default/action.html\"?")
        );
        assert_eq!(templates.len(), 1);
    }

    #[test]
    fn a_name_far_from_every_default_lists_them_all() {
        let built_in = [("base.html", ""), ("action.html", "")];
        assert_eq!(
            unknown("sidebar.html", &built_in).hint().as_deref(),
            Some("after \"default/\", name one of the built-in templates: action.html, base.html")
        );
    }

    #[test]
    fn circles_of_extends_and_missing_parents_are_errors_at_the_tag() {
        let texts = vec![
            (
                "base.html".to_string(),
                "{% extends \"base.html\" %}".to_string(),
            ),
            (
                "page.html".to_string(),
                "{% extends \"base.html\" %}".to_string(),
            ),
            (
                "a.html".to_string(),
                "{% extends \"bsae.html\" %}".to_string(),
            ),
        ];
        let parents: HashMap<&str, Option<&str>> = [
            ("base.html", Some("base.html")),
            ("page.html", Some("base.html")),
            ("a.html", Some("bsae.html")),
        ]
        .into_iter()
        .collect();
        let folder = Path::new("themes/trust/templates");
        let built_in = [("base.html", "")];
        let errors = check_chains(
            &parents,
            &texts,
            &own(&["base.html", "a.html"]),
            &built_in,
            folder,
        );
        let messages: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.message(), e.hint().unwrap_or_default()))
            .collect();
        let messages: Vec<(&str, &str)> = messages
            .iter()
            .map(|(m, h)| (m.as_str(), h.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "\"a.html\" extends \"bsae.html\", and there is no such template",
                    "did you mean \"base.html\"?"
                ),
                (
                    "\"base.html\" extends itself",
                    "to build on the built-in base.html, extend \"default/base.html\""
                ),
            ]
        );
        assert_eq!((errors[1].line, errors[1].column), (1, 12));
    }

    #[test]
    fn a_circle_through_a_default_names_the_themes_own_template() {
        let texts = vec![(
            "base.html".to_string(),
            "{% extends \"default/action.html\" %}".to_string(),
        )];
        let parents: HashMap<&str, Option<&str>> = [
            ("base.html", Some("default/action.html")),
            ("default/action.html", Some("breadcrumbs.html")),
            ("breadcrumbs.html", Some("base.html")),
        ]
        .into_iter()
        .collect();
        let folder = Path::new("themes/trust/templates");
        let errors = check_chains(&parents, &texts, &own(&["base.html"]), &[], folder);
        assert_eq!(errors.len(), 1, "one circle, reported once: {errors:?}");
        assert_eq!(
            errors[0].path,
            Path::new("themes/trust/templates/base.html")
        );
        assert_eq!(
            errors[0].message(),
            "these templates extend one another in a circle: \
             base.html → default/action.html → breadcrumbs.html → base.html"
        );
    }
}
