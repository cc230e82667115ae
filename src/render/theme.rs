//! The theme: Tera templates and static files. The default theme is built into the binary, so a
//! project needs no theme folder; a file of the same name in `themes/<name>/templates/` or
//! `themes/<name>/static/` replaces the built-in one, so a trust can override any template or the
//! stylesheet without copying the rest. A trust's template can also extend a built-in one and
//! replace one block of it (see `inherit`).

mod inherit;
mod print;
mod tags;

use std::collections::BTreeMap;
use std::error::Error as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::{ContentError, ThemeKind};

macro_rules! default_files {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/", $dir, "/", $name)))),*]
    };
}

/// The built-in default theme's templates.
const DEFAULT_TEMPLATES: &[(&str, &str)] = default_files!("templates":
    "base.html", "breadcrumbs.html", "macros.html", "index.html", "priority.html", "action.html",
    "sro.html", "sros.html", "page.html", "404.html", "sitemap.xml", "recommendations.html",
    "register.html", "recommendation.html", "coverage.html", "data.html", "updates.html",
    "update.html", "feed.xml", "timeline.html", "dashboard.html", "measures.html", "measure.html",
    "risks.html", "glossary.html", "print.html", "print-priority.html", "print.css", "versions.html",
    "a-z.html", "status.html", "header.html", "footer.html", "accessibility.html",
);

/// The built-in default theme's static files, copied to the site's root.
const DEFAULT_STATIC: &[(&str, &str)] =
    default_files!("static": "style.css", "search.js", "favicon.svg");

/// Parsed templates and the static files to publish.
pub struct Theme {
    pub tera: Tera,
    /// (path under the site root, bytes), sorted by path.
    pub assets: Vec<(String, Vec<u8>)>,
    /// The theme's own words, by key, in the plan's language (English where not translated).
    pub words: BTreeMap<String, String>,
    /// Whether a template still reads `site.t` when a page renders (a theme of its own may); the
    /// default theme's words are all written into its templates (see `words`).
    pub words_looked_up: bool,
    /// Changes whenever a template or a word changes: part of every cached page's fingerprint.
    pub fingerprint: u64,
}

/// The default theme's words in English; other languages come from the theme folder.
const ENGLISH: &str = include_str!("../../themes/default/i18n/en.toml");

/// The default theme's words in English, by key: every key a translation may use.
pub fn english() -> BTreeMap<String, String> {
    toml::from_str(ENGLISH).unwrap_or_default()
}

/// The theme's words for `language` (a BCP 47 tag such as "cy" or "en-GB"): English, with any
/// `themes/<theme>/i18n/<language>.toml` (or its primary subtag, "cy.toml") laid over it.
fn words(
    root: &Path,
    folder: &Path,
    language: &str,
    errors: &mut Vec<ContentError>,
) -> BTreeMap<String, String> {
    let mut words = english();
    let primary = language
        .split('-')
        .next()
        .unwrap_or(language)
        .to_lowercase();
    let candidates = [language.to_string(), primary];
    let file = candidates
        .iter()
        .map(|l| folder.join("i18n").join(format!("{l}.toml")))
        .find(|p| p.is_file());
    if let Some(file) = file {
        let shown = file.strip_prefix(root).unwrap_or(&file).to_path_buf();
        match std::fs::read_to_string(&file)
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str::<BTreeMap<String, String>>(&t).map_err(|e| e.to_string()))
        {
            Ok(translated) => {
                for (key, value) in translated {
                    if let Some(words) = words.get_mut(&key) {
                        *words = value;
                    } else {
                        let kind = ThemeKind::UnknownWord { key };
                        errors.push(ContentError::in_file(&shown, kind));
                    }
                }
            }
            Err(error) => errors.push(ContentError::in_file(
                &shown,
                ThemeKind::TranslationUnreadable { error },
            )),
        }
    }
    words
}

/// A theme's files as read from disk, before its templates are parsed.
pub struct ThemeFiles {
    templates: Vec<(String, String)>,
    assets: Vec<(String, Vec<u8>)>,
    /// The theme's words in the plan's language: the model names the defaults in them.
    pub words: BTreeMap<String, String>,
    folder: PathBuf,
    /// The names of the templates the theme has of its own, rather than built in.
    own: Vec<String>,
    /// Its templates folder as errors name it: `themes/<name>/templates`.
    shown: PathBuf,
    /// Problems reading the files, reported with any the templates have.
    errors: Vec<ContentError>,
    /// Of the templates, words and static files: the same fingerprint, the same theme.
    pub fingerprint: u64,
}

impl ThemeFiles {
    /// Reads the theme `name` from `<root>/themes/<name>/` over the built-in default, with the words
    /// for `language`, and the plan's `labels` in them, written into its templates.
    pub fn read(
        root: &Path,
        name: &str,
        language: &str,
        labels: &crate::load::format::Labels,
    ) -> Result<ThemeFiles, Vec<ContentError>> {
        let folder = root.join("themes").join(name);
        if name != "default" && !folder.is_dir() {
            let path = PathBuf::from("content/plan.toml");
            let name = name.to_string();
            return Err(vec![ContentError::in_file(
                &path,
                ThemeKind::NoSuchTheme { name },
            )]);
        }
        let mut errors = Vec::new();
        let mut templates: Vec<(String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let shown = Path::new("themes").join(name).join("templates");
        let mut own = Vec::new();
        for (name, bytes) in read_folder(root, &folder.join("templates"), &mut errors) {
            match String::from_utf8(bytes) {
                Ok(text) => {
                    own.push(name.clone());
                    replace(&mut templates, name, text);
                }
                Err(_) => errors.push(ContentError::in_file(
                    &folder.join("templates").join(&name),
                    ThemeKind::TemplateNotUtf8,
                )),
            }
        }
        let mut assets: Vec<(String, Vec<u8>)> = DEFAULT_STATIC
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect();
        for (name, bytes) in read_folder(root, &folder.join("static"), &mut errors) {
            replace(&mut assets, name, bytes);
        }
        for (_, bytes) in assets.iter_mut().filter(|(name, _)| name.ends_with(".css")) {
            if let Ok(css) = std::str::from_utf8(bytes) {
                *bytes = compact_css(css).into_bytes();
            }
        }
        assets.sort();
        inherit::add_defaults(&mut templates, &own, DEFAULT_TEMPLATES, &shown, &mut errors);
        let mut words = words(root, &folder, language, &mut errors);
        // The plan's own words go into the sentences once, here, rather than on every page.
        crate::model::Labels::new(labels, &words).fill(&mut words);
        for (_, text) in templates.iter_mut() {
            *text = super::words::write_in(text, &words);
        }
        // The words are in the templates, but a theme may still look them up as it renders.
        let mut hasher = DefaultHasher::new();
        (&templates, &assets, &words).hash(&mut hasher);
        Ok(ThemeFiles {
            templates,
            assets,
            words,
            folder,
            own,
            shown,
            errors,
            fingerprint: hasher.finish(),
        })
    }
}

impl Theme {
    /// Parses the templates of a theme already read.
    pub fn compile(files: ThemeFiles) -> Result<Theme, Vec<ContentError>> {
        let words_looked_up = files
            .templates
            .iter()
            .any(|(_, text)| super::words::still_looked_up(text));
        let mut errors = files.errors;
        let mut tera = Tera::default();
        tera.set_escape_fn(escape);
        // Parsing the templates is most of a small plan's build: they are parsed in parallel,
        // each template's syntax errors reported, then put together as Tera's
        // `add_raw_templates` would.
        let parsed: Vec<_> = files
            .templates
            .par_iter()
            .map(|(name, text)| {
                tera::Template::new(name, None, text)
                    .map_err(|e| tera::Error::chain(format!("Failed to parse '{name}'"), e))
            })
            .collect();
        for template in parsed {
            match template {
                Ok(template) => {
                    tera.templates.insert(template.name.clone(), template);
                }
                Err(e) => errors.push(template_error(&files.folder, &e)),
            }
        }
        if errors.is_empty() {
            let parents = tera
                .templates
                .iter()
                .map(|(name, t)| (name.as_str(), t.parent.as_deref()))
                .collect();
            let chains = inherit::check_chains(
                &parents,
                &files.templates,
                &files.own,
                DEFAULT_TEMPLATES,
                &files.shown,
            );
            errors.extend(chains);
        }
        if errors.is_empty() {
            if let Err(e) = tera.build_inheritance_chains() {
                errors.push(template_error(&files.folder, &e));
            }
        }
        if errors.is_empty() {
            errors.extend(print::check(&tera, &files.shown));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Theme {
            tera,
            assets: files.assets,
            words: files.words,
            words_looked_up,
            fingerprint: files.fingerprint,
        })
    }
}

/// Tera's own escaping also turns `/` into `&#x2F;`, which every address is full of; `/` is
/// harmless in HTML text and quoted attributes, so only the five characters that matter are escaped.
/// The same escaping serves the XML files (sitemap, feed), so the control characters XML cannot
/// hold are replaced too.
pub fn escape(text: &str) -> String {
    let text = crate::controls::for_xml(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A stylesheet without its comments, indentation and blank lines: the same rules, fewer bytes
/// for a phone to fetch. Text inside quotes is left exactly as it is.
pub fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), _) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '/') if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            _ => out.push(c),
        }
    }
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn replace<T>(items: &mut Vec<(String, T)>, name: String, value: T) {
    match items.iter_mut().find(|(n, _)| *n == name) {
        Some(item) => item.1 = value,
        None => items.push((name, value)),
    }
}

/// Every file under `folder`, as ('/'-separated path relative to it, bytes). A missing folder is empty.
fn read_folder(
    root: &Path,
    folder: &Path,
    errors: &mut Vec<ContentError>,
) -> Vec<(String, Vec<u8>)> {
    if !folder.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        let name = relative
            .iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read(entry.path()) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) => errors.push(ContentError::in_file(
                entry.path().strip_prefix(root).unwrap_or(entry.path()),
                ThemeKind::FileUnreadable {
                    error: e.to_string(),
                },
            )),
        }
    }
    files
}

/// A template that does not parse: name the file and give Tera's own explanation.
fn template_error(folder: &Path, error: &tera::Error) -> ContentError {
    let explanation = describe(error);
    ContentError::in_file(folder, ThemeKind::TemplateSyntax { explanation })
}

/// Tera's error with all its causes on one line, most specific last.
pub fn describe(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        message.push_str(": ");
        message.push_str(&e.to_string());
        cause = e.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_lose_comments_and_indentation_but_not_strings() {
        let css = "/* a comment */\n.a {\n  content: \"/* kept */\";\n}\n\n.b { color: red; } /* gone */\n";
        assert_eq!(
            compact_css(css),
            ".a {\ncontent: \"/* kept */\";\n}\n.b { color: red; }\n"
        );
    }
}
