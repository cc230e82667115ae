//! Calendar dates as the plan uses them: read from TOML dates, shown in plain English.

use std::fmt;

/// A calendar date (no time, no zone): the report date, due dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The date part of a TOML date, or `None` when the value has a time but no date.
    pub fn from_toml(value: &toml::value::Datetime) -> Option<Date> {
        value.date.map(|d| Date {
            year: d.year,
            month: d.month,
            day: d.day,
        })
    }

    /// `2024-03-31`, for machines (`<time datetime>`, sitemaps).
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `31 March 2024`, for people.
    pub fn long(&self) -> String {
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .unwrap_or(&"");
        format!("{} {} {}", self.day, month, self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.long())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_dates_for_people_and_machines() {
        let date = Date {
            year: 2024,
            month: 3,
            day: 1,
        };
        assert_eq!(date.long(), "1 March 2024");
        assert_eq!(date.iso(), "2024-03-01");
    }

    #[test]
    fn reads_the_date_of_a_toml_date() {
        let value: toml::value::Datetime = "2023-11-05".parse().unwrap();
        assert_eq!(Date::from_toml(&value).unwrap().long(), "5 November 2023");
        let time_only: toml::value::Datetime = "07:32:00".parse().unwrap();
        assert_eq!(Date::from_toml(&time_only), None);
    }
}
