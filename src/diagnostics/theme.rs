//! Kinds of problem with the theme: its folder, its words and its templates.

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
    },
}

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
            ThemeKind::TemplateSyntax { explanation }
            | ThemeKind::TemplateFailed { explanation } => explanation.clone(),
        }
    }

    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ThemeKind::NoSuchTheme { name } => format!(
                "create the folder themes/{name}/ or set theme = \"default\" in plan.toml"
            ),
            ThemeKind::UnknownWord { .. } => "use the keys of themes/default/i18n/en.toml".into(),
            ThemeKind::TranslationUnreadable { .. } => "each line is key = \"words\"".into(),
            ThemeKind::FileUnreadable { .. } | ThemeKind::TemplateNotUtf8 => return None,
            ThemeKind::TemplateSyntax { .. } => "fix the template named above; its syntax is Tera's (https://keats.github.io/tera/docs/)".into(),
            ThemeKind::TemplateFailed { .. } => "a template uses a value the page does not have, or has a syntax error; fix the template, or remove your copy to use the default".into(),
        })
    }
}
