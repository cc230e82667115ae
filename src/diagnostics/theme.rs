//! Kinds of problem with the theme: its folder, its words and its templates.

use super::toml_kind::TOP_OF_PLAN;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeKind {
    /// `theme` in plan.toml names a folder that is not there.
    NoSuchTheme {
        name: String,
    },
    /// A translation gives words for a key the theme does not have.
    UnknownWord {
        key: String,
    },
    TranslationUnreadable {
        error: String,
    },
    FileUnreadable {
        error: String,
    },
    TemplateNotUtf8,
    /// A template that does not parse, in Tera's words.
    TemplateSyntax {
        explanation: String,
    },
    /// A template that failed while rendering a page, in Tera's words.
    TemplateFailed {
        explanation: String,
        /// The template, as its file is named (`themes/trust/templates/action.html`).
        template: String,
        /// The page it was making, when it was making one.
        page: Option<String>,
        /// How many other pages it failed to make the same way.
        others: usize,
    },
    /// A template names `default/NAME`, and there is no built-in template NAME.
    NoBuiltInTemplate {
        wanted: String,
        /// The built-in template it is likely a typo of, if any.
        nearest: Option<String>,
        /// Every built-in template, A to Z.
        names: Vec<String>,
    },
    /// A template extends one the theme does not have.
    ExtendsNothing {
        template: String,
        parent: String,
        /// The template it is likely a typo of, if any.
        nearest: Option<String>,
    },
    /// The theme's print edition (`print.html`) never places the priorities' parts.
    PrintWithoutParts,
    /// Templates that extend one another in a circle, starting and ending at the first of the
    /// theme's own (`round`); `built_in` when that one is also a built-in template's name.
    ExtendsInACircle {
        round: Vec<String>,
        built_in: bool,
    },
}

/// How a template names a built-in one.
pub const DEFAULT_TEMPLATE: &str = "default/";

impl ThemeKind {
    pub fn message(&self) -> String {
        match self {
            ThemeKind::NoSuchTheme { name } => format!("there is no theme called \"{name}\""),
            ThemeKind::UnknownWord { key } => format!("\"{key}\" is not one of the theme's words"),
            ThemeKind::TranslationUnreadable { error } => {
                format!("the translation could not be read: {error}")
            }
            ThemeKind::FileUnreadable { error } => {
                format!("this theme file could not be read: {error}")
            }
            ThemeKind::TemplateNotUtf8 => "this template is not UTF-8 text".into(),
            ThemeKind::TemplateSyntax { explanation } => explanation.clone(),
            ThemeKind::TemplateFailed {
                explanation,
                page: None,
                ..
            } => explanation.clone(),
            ThemeKind::TemplateFailed {
                explanation,
                template,
                page: Some(page),
                others,
            } => {
                let others = match others {
                    0 => String::new(),
                    1 => " (and 1 other page)".into(),
                    n => format!(" (and {n} other pages)"),
                };
                format!("{template} could not make {page}{others}: {explanation}")
            }
            ThemeKind::PrintWithoutParts => {
                "this print edition never shows the priorities: it does not place priority_parts"
                    .into()
            }
            ThemeKind::NoBuiltInTemplate { wanted, .. } => {
                format!("there is no built-in template \"{wanted}\"")
            }
            ThemeKind::ExtendsNothing {
                template, parent, ..
            } => format!("\"{template}\" extends \"{parent}\", and there is no such template"),
            ThemeKind::ExtendsInACircle { round, .. } if round.len() <= 2 => {
                format!("\"{}\" extends itself", round[0])
            }
            ThemeKind::ExtendsInACircle { round, .. } => format!(
                "these templates extend one another in a circle: {}",
                round.join(" → ")
            ),
        }
    }

    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ThemeKind::NoSuchTheme { name } => format!(
                "create the folder themes/{name}/, or write `theme = \"default\"` {TOP_OF_PLAN}"
            ),
            ThemeKind::UnknownWord { .. } => "use the keys of themes/default/i18n/en.toml".into(),
            ThemeKind::TranslationUnreadable { .. } => "each line is `key = \"words\"`".into(),
            ThemeKind::FileUnreadable { .. } | ThemeKind::TemplateNotUtf8 => return None,
            ThemeKind::TemplateSyntax { .. } => "fix the template named above; its syntax is Tera's (https://keats.github.io/tera/docs/)".into(),
            ThemeKind::TemplateFailed { page: None, .. } => "a template uses a value the page does not have, or has a syntax error; fix the template, or remove your copy to use the default".into(),
            ThemeKind::TemplateFailed { .. } => "the template uses a value this content does not give, or has a syntax error: fix the template named above, give this entry what it uses, or remove your copy of the template to use the default".into(),
            ThemeKind::PrintWithoutParts => "put {% for part in priority_parts %}{{ part | safe }}{% endfor %} where the priorities go, or remove this print.html to use the default".into(),
            ThemeKind::NoBuiltInTemplate { nearest: Some(name), .. } => {
                format!("did you mean \"{DEFAULT_TEMPLATE}{name}\"?")
            }
            ThemeKind::NoBuiltInTemplate { names, .. } => format!(
                "after \"{DEFAULT_TEMPLATE}\", name one of the built-in templates: {}",
                names.join(", ")
            ),
            ThemeKind::ExtendsNothing { nearest: Some(name), .. } => {
                format!("did you mean \"{name}\"?")
            }
            ThemeKind::ExtendsNothing { .. } => {
                "extend a template of the theme or a built-in one".into()
            }
            ThemeKind::ExtendsInACircle { round, built_in: true } => format!(
                "to build on the built-in {}, extend \"{DEFAULT_TEMPLATE}{}\"",
                round[0], round[0]
            ),
            ThemeKind::ExtendsInACircle { .. } => "each chain of extends must end at a template that extends nothing, such as base.html".into(),
        })
    }
}
