//! The theme's own words are written into its templates when the theme loads: `site.t.home` in a
//! tag becomes the string literal `"Home"`. Tera then never looks the words up, and no page or
//! macro call copies the 371 of them (which cost a large site a fifth of its rendering time).
//! Because the words are in the text before Tera reads it, `site.t.KEY` works in macros too.

use std::collections::BTreeMap;

/// `template` with every `site.t.KEY` inside a `{{ }}` or `{% %}` tag replaced by the word as a
/// string literal. A key the theme has no word for, or a word no Tera quote can hold, is left for
/// Tera to look up (and report).
pub fn write_in(template: &str, words: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = tag_start(rest) {
        let Some(length) = rest[start + 2..].find(tag_end(&rest[start..])) else {
            break;
        };
        let end = start + 2 + length;
        out.push_str(&rest[..start]);
        out.push_str(&write_in_tag(&rest[start..end], words));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether a template still reads the words at render time (`site.t` on its own, or a key that
/// was not written in), so the page context must carry them.
pub fn still_looked_up(template: &str) -> bool {
    template.match_indices("site.t").any(|(at, _)| {
        starts_name(template, at) && !template[at + 6..].starts_with(|c: char| is_name(c))
    })
}

fn tag_start(text: &str) -> Option<usize> {
    let expression = text.find("{{");
    let statement = text.find("{%");
    match (expression, statement) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn tag_end(tag: &str) -> &'static str {
    if tag.starts_with("{{") {
        "}}"
    } else {
        "%}"
    }
}

fn write_in_tag(tag: &str, words: &BTreeMap<String, String>) -> String {
    const PREFIX: &str = "site.t.";
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(at) = rest.find(PREFIX) {
        let key_start = at + PREFIX.len();
        let key_len = rest[key_start..]
            .find(|c: char| !is_name(c))
            .unwrap_or(rest.len() - key_start);
        let key = &rest[key_start..key_start + key_len];
        let literal = words
            .get(key)
            .filter(|_| starts_name(rest, at))
            .and_then(|word| literal(word));
        out.push_str(&rest[..at]);
        match literal {
            Some(literal) => out.push_str(&literal),
            None => out.push_str(&rest[at..key_start + key_len]),
        }
        rest = &rest[key_start + key_len..];
    }
    out.push_str(rest);
    out
}

/// `site` at `at` is a name of its own, not the end of a longer one (`mysite.t`).
fn starts_name(text: &str, at: usize) -> bool {
    !text[..at].ends_with(|c: char| is_name(c) || c == '.')
}

fn is_name(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The word as a Tera string literal, in the first of Tera's three quotes it does not contain.
/// Tera has no escapes in literals, and a literal over several lines would move every later line
/// number in a template error, so such words are not written in.
fn literal(word: &str) -> Option<String> {
    if word.contains('\n') {
        return None;
    }
    ['"', '\'', '`']
        .into_iter()
        .find(|q| !word.contains(*q))
        .map(|q| format!("{q}{word}{q}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> BTreeMap<String, String> {
        [("home", "Home"), ("quoted", "Say \"yes\""), ("all", "\"'`")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn words_become_literals_inside_tags_only() {
        let template = "site.t.home {{ site.t.home }} {% set a = site.t.home ~ \"!\" %}";
        assert_eq!(
            write_in(template, &words()),
            "site.t.home {{ \"Home\" }} {% set a = \"Home\" ~ \"!\" %}"
        );
    }

    #[test]
    fn a_word_with_quotes_takes_another_quote() {
        assert_eq!(
            write_in("{{ site.t.quoted | safe }}", &words()),
            "{{ 'Say \"yes\"' | safe }}"
        );
    }

    #[test]
    fn unknown_keys_words_with_every_quote_and_longer_names_are_left_alone() {
        let template =
            "{{ site.t.missing }}{{ site.t.all }}{{ mysite.t.home }}{{ site.t.home_page }}";
        assert_eq!(write_in(template, &words()), template);
    }

    #[test]
    fn templates_that_still_need_the_words_are_found() {
        assert!(still_looked_up("{{ m::x(t=site.t) }}"));
        assert!(still_looked_up("{{ site.t[key] }}"));
        assert!(still_looked_up("{{ site.t.missing }}"));
        assert!(!still_looked_up(
            "{{ \"Home\" }} {{ site.title }} {{ mysite.t }}"
        ));
    }
}
