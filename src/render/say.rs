//! Words the renderers put together in Rust (a measure's standing, a chart's title, a date), said
//! in the theme's words. A word with a value inside it names the value in braces ("Target
//! {target}"), so a language can put the value where its grammar wants it.

use super::site::Site;
use super::views::DateView;
use crate::model::Date;
pub use crate::model::Words;

/// The keys of the months' names, January first.
const MONTHS: [&str; 12] = [
    "month_january",
    "month_february",
    "month_march",
    "month_april",
    "month_may",
    "month_june",
    "month_july",
    "month_august",
    "month_september",
    "month_october",
    "month_november",
    "month_december",
];

/// The word for `key`, or the key itself when the theme has none: a missing word then shows on
/// the page instead of leaving a gap (the default theme's English has every key).
pub fn word<'w>(words: &'w Words, key: &'w str) -> &'w str {
    words.get(key).map_or(key, String::as_str)
}

/// The word for `key` with each `{name}` in it replaced by its value.
pub fn say(words: &Words, key: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(word(words, key).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Names joined as a sentence lists them: "A", "A and B", "A, B and C", in the theme's words.
pub fn list(words: &Words, names: &[&str]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => {
            let rest = rest.join(word(words, "list_comma"));
            say(words, "list_and", &[("list", &rest), ("last", last)])
        }
    }
}

/// A date for people, "31 March 2024", with the month named in the plan's language.
pub fn long_date(words: &Words, date: Date) -> String {
    let month = usize::from(date.month)
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i))
        .map_or("", |key| word(words, key));
    format!("{} {month} {}", date.day, date.year)
}

/// A month for people, "February 2018", named in the plan's language.
pub fn month_year(words: &Words, date: Date) -> String {
    let month = usize::from(date.month)
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i))
        .map_or("", |key| word(words, key));
    format!("{month} {}", date.year)
}

impl Site<'_> {
    /// The theme's word for `key`.
    pub(super) fn word(&self, key: &'static str) -> &str {
        word(&self.theme.words, key)
    }

    /// The theme's word for `key`, with the values put in.
    pub(super) fn say(&self, key: &str, values: &[(&str, &str)]) -> String {
        say(&self.theme.words, key, values)
    }

    /// A date for people and for machines.
    pub(super) fn date(&self, date: Date) -> DateView {
        super::views::date_view(&self.theme.words, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_go_where_the_word_puts_them() {
        let words: Words = [("target", "Targed: {target}, {target}")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(
            say(&words, "target", &[("target", "90%")]),
            "Targed: 90%, 90%"
        );
        assert_eq!(say(&words, "missing", &[]), "missing");
    }

    #[test]
    fn lists_read_as_a_sentence_lists() {
        let words = super::super::theme::english();
        assert_eq!(list(&words, &[]), "");
        assert_eq!(list(&words, &["A"]), "A");
        assert_eq!(list(&words, &["A", "B"]), "A and B");
        assert_eq!(list(&words, &["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn dates_name_the_month_in_the_plans_language() {
        let date = Date {
            year: 2024,
            month: 3,
            day: 1,
        };
        assert_eq!(
            long_date(&super::super::theme::english(), date),
            "1 March 2024"
        );
        let welsh: Words = [("month_march".to_string(), "Mawrth".to_string())].into();
        assert_eq!(long_date(&welsh, date), "1 Mawrth 2024");
    }
}
