//! Dates a person types into a spreadsheet, in the ISO form
//! (2024-03-01) or the UK's day first (01/03/2024).

use crate::model::Date;

/// The date `text` names: `2024-03-01` (a time after it is ignored, as a spreadsheet may write
/// one), or the day first, `01/03/2024`, `1/3/2024`, `01.03.2024` or `01-03-2024`. `None` for
/// anything else, and for a day that does not exist (30 February).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let day_part = text.split([' ', 'T']).next().unwrap_or("");
    let parts: Vec<&str> = day_part.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if ![a, b, c].into_iter().all(digits) {
        return None;
    }
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) if b.len() <= 2 => (a, b, c),
        (1..=2, 4) if b.len() <= 2 => (c, b, a),
        _ => return None,
    };
    Date::checked(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_date(text).map(|d| d.iso())
    }

    #[test]
    fn reads_the_dates_people_type() {
        assert_eq!(iso("2024-03-01").as_deref(), Some("2024-03-01"));
        assert_eq!(iso(" 2024-03-01 00:00:00 ").as_deref(), Some("2024-03-01"));
        assert_eq!(iso("2024-03-01T00:00:00").as_deref(), Some("2024-03-01"));
        // The UK writes the day first.
        assert_eq!(iso("01/03/2024").as_deref(), Some("2024-03-01"));
        assert_eq!(iso("1/3/2024").as_deref(), Some("2024-03-01"));
        assert_eq!(iso("01.03.2024").as_deref(), Some("2024-03-01"));
        assert_eq!(iso("29/02/2024").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn refuses_what_is_not_a_day() {
        for text in [
            "",
            "soon",
            "31/02/2024",
            "29/02/2023",
            "2024-13-01",
            "01/03/24",
            "2024/3",
            "1e3/1/2024",
            "March 2024",
            "12345",
            "-1/-1/2024",
            "2024-03-01-02",
        ] {
            assert_eq!(iso(text), None, "{text:?}");
        }
    }
}
