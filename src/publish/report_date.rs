//! Setting the report date (`as_of`) in plan.toml's text. Only its value changes: comments, order,
//! spacing and line endings stay as the person wrote them, so the file still reads as theirs and
//! its diff is one line.

use serde::Deserialize;
use toml::Spanned;

use crate::model::Date;

/// Only the top level's `as_of`, with where its value is written; every other field is skipped.
#[derive(Deserialize)]
struct TopLevel {
    as_of: Option<Spanned<toml::Value>>,
}

/// `text` (a plan.toml) with its report date set to `date`, written as a TOML date
/// (`as_of = 2024-09-01`), whatever it was before (a date, or a month as text). A file with no
/// `as_of` gets one at the top level, before its first line of content: anywhere after a
/// `[table]` header it would belong to that table. The error is the file's TOML being broken,
/// which `check` reports at its place.
pub fn set(text: &str, date: Date) -> Result<String, toml::de::Error> {
    let top: TopLevel = toml::from_str(text)?;
    let value = date.iso();
    Ok(match top.as_of {
        Some(as_of) => {
            let span = as_of.span();
            format!("{}{value}{}", &text[..span.start], &text[span.end..])
        }
        None => {
            let at = first_content_line(text);
            let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let before = &text[..at];
            // A file whose last line has no line break: the new line starts on a line of its own.
            let gap = if at == text.len() && !before.is_empty() && !before.ends_with('\n') {
                newline
            } else {
                ""
            };
            format!("{before}{gap}as_of = {value}{newline}{}", &text[at..])
        }
    })
}

/// Where the first line that is neither blank nor a comment starts (the end of the text if there
/// is none). Every line before it is at the top level, so a key put there is too.
fn first_content_line(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_start_matches('\u{feff}').trim();
        if !bare.is_empty() && !bare.starts_with('#') {
            // After a byte-order mark, which must stay first.
            return at + line.len() - line.trim_start_matches('\u{feff}').len();
        }
        at += line.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    /// The top level's `as_of` as the file now reads it.
    fn as_of(text: &str) -> String {
        let table: toml::Table = toml::from_str(text).unwrap();
        table["as_of"].to_string()
    }

    #[test]
    fn only_the_value_changes_and_every_comment_stays() {
        let text = "# Our plan.\norganisation = \"Eastmere\"\nas_of = 2024-06-30   # moved each quarter\n\n[labels]\n# what we call things\npriority = \"Objective\"\n";
        let edited = set(text, day("2024-09-01")).unwrap();
        assert_eq!(edited, text.replace("2024-06-30", "2024-09-01"));
    }

    #[test]
    fn a_month_written_as_text_becomes_a_day() {
        let text = "title = \"Plan\"\nas_of = \"February 2018\" # the month\n[labels]\n";
        let edited = set(text, day("2018-03-31")).unwrap();
        assert_eq!(
            edited,
            "title = \"Plan\"\nas_of = 2018-03-31 # the month\n[labels]\n"
        );
        assert_eq!(as_of(&edited), "2018-03-31");
    }

    #[test]
    fn a_missing_report_date_is_added_at_the_top_level_never_inside_a_table() {
        let text = "# The plan.\n\n# Who we are.\norganisation = \"Eastmere\"\n\n[labels]\npriority = \"Objective\"\n";
        let edited = set(text, day("2024-09-01")).unwrap();
        assert_eq!(
            edited,
            "# The plan.\n\n# Who we are.\nas_of = 2024-09-01\norganisation = \"Eastmere\"\n\n[labels]\npriority = \"Objective\"\n"
        );
        assert_eq!(as_of(&edited), "2024-09-01");

        // A file that starts with a table, with Windows line endings.
        let text = "[labels]\r\npriority = \"Objective\"\r\n";
        let edited = set(text, day("2024-09-01")).unwrap();
        assert_eq!(
            edited,
            "as_of = 2024-09-01\r\n[labels]\r\npriority = \"Objective\"\r\n"
        );
        assert_eq!(as_of(&edited), "2024-09-01");
    }

    #[test]
    fn an_as_of_inside_a_table_is_not_the_report_date() {
        // The case: `as_of` added at the end of the file, inside [labels].
        let text = "title = \"Plan\"\n[labels]\nas_of = 2024-06-30\n";
        let edited = set(text, day("2024-09-01")).unwrap();
        assert_eq!(
            edited,
            "as_of = 2024-09-01\ntitle = \"Plan\"\n[labels]\nas_of = 2024-06-30\n"
        );
    }

    #[test]
    fn a_byte_order_mark_stays_first() {
        let edited = set("\u{feff}title = \"Plan\"\n", day("2024-09-01")).unwrap();
        assert_eq!(edited, "\u{feff}as_of = 2024-09-01\ntitle = \"Plan\"\n");
    }

    #[test]
    fn a_file_of_comments_only_or_nothing_gets_the_line() {
        assert_eq!(
            set("# nothing yet", day("2024-09-01")).unwrap(),
            "# nothing yet\nas_of = 2024-09-01\n"
        );
        assert_eq!(set("", day("2024-09-01")).unwrap(), "as_of = 2024-09-01\n");
    }

    #[test]
    fn broken_toml_is_not_edited() {
        assert!(set(
            "title = \"unclosed\nas_of = 2024-06-30\n",
            day("2024-09-01")
        )
        .is_err());
    }
}
