//! Code blocks highlighted with syntect as CSS classes (the theme's stylesheet colours them with AA
//! contrast). The syntax set is loaded the first time a page has a code block in a known language,
//! so plans without code never pay for it.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Loaded once, on first use; immutable after that.
static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

/// The prefix on every class syntect emits, so the theme's rules cannot clash with others.
pub const CLASS_PREFIX: &str = "hl-";

/// A `<pre>` block for this code: highlighted when the language is known, plain otherwise.
/// Focusable so keyboard users can scroll a long line into view.
pub fn code_block(language: &str, code: &str) -> String {
    let body = highlighted(language, code).unwrap_or_else(|| escape(code));
    let class = if language.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape(language))
    };
    format!("<pre class=\"code\" tabindex=\"0\"{class}><code>{body}</code></pre>\n")
}

fn highlighted(language: &str, code: &str) -> Option<String> {
    if language.is_empty() {
        return None;
    }
    let syntaxes = SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines);
    let syntax = syntaxes.find_syntax_by_token(language)?;
    let style = ClassStyle::SpacedPrefixed {
        prefix: CLASS_PREFIX,
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, style);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

fn escape(text: &str) -> String {
    crate::render::theme::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_classes() {
        let html = code_block("rust", "fn main() {}\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(html.starts_with("<pre class=\"code\" tabindex=\"0\" data-lang=\"rust\">"));
    }

    #[test]
    fn unknown_languages_are_escaped_plain_text() {
        let html = code_block("no-such-language", "<b>&</b>");
        assert!(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "{html}");
        assert!(!html.contains("hl-"));
    }
}
