//! Calendar dates as the plan uses them: read from TOML dates. Pages name the months in the
//! theme's words (`render::say`); the terminal's messages use English.

use std::fmt;

/// A calendar date (no time, no zone): the report date, due dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// `March 2024`, for the terminal's messages.
    pub fn month_long(&self) -> String {
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .unwrap_or(&"");
        format!("{} {}", month, self.year)
    }

    /// `31 March 2024`, for the terminal's messages (pages say dates in the theme's words).
    pub fn long(&self) -> String {
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .unwrap_or(&"");
        format!("{} {} {}", self.day, month, self.year)
    }
}

impl Date {
    /// Reads `2024-03-31`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let value: toml::value::Datetime = text.trim().parse().ok()?;
        if value.time.is_some() {
            return None;
        }
        Date::from_toml(&value)
    }

    /// Days since 1 January 1970 (negative before), for SOURCE_DATE_EPOCH.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day this many days after 1 January 1970 (before it, if negative): the inverse of
    /// `days_since_epoch` (Howard Hinnant's civil-from-days). Years outside 0 to 65535 are clamped.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days.clamp(-719_468, 23_000_000) + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: year.clamp(0, i64::from(u16::MAX)) as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// The date with this year, month and day, if there is one (no 30 February).
    pub fn checked(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1;
        (valid && day <= Date::month_end(year, month).day).then_some(Date { year, month, day })
    }

    /// The last day of this date's month.
    pub(super) fn month_end(year: u16, month: u8) -> Date {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let day = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        Date { year, month, day }
    }
}

/// A quarter of a UK financial year (April to March): Q1 is April to June.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// The calendar year the financial year starts in (2023 for 2023/24).
    pub year: u16,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    pub fn of(date: Date) -> Quarter {
        if date.month >= 4 {
            Quarter {
                year: date.year,
                number: (date.month - 4) / 3 + 1,
            }
        } else {
            Quarter {
                year: date.year - 1,
                number: 4,
            }
        }
    }

    /// Reads "Q4 2023/24".
    pub fn parse(text: &str) -> Option<Quarter> {
        let (quarter, year) = text.trim().split_once(' ')?;
        let number: u8 = quarter.strip_prefix('Q')?.parse().ok()?;
        let (start, end) = year.split_once('/')?;
        let start: u16 = start.parse().ok()?;
        let end: u16 = end.parse().ok()?;
        let valid =
            (1..=4).contains(&number) && (1000..=9999).contains(&start) && end == (start + 1) % 100;
        valid.then_some(Quarter {
            year: start,
            number,
        })
    }

    pub fn start(&self) -> Date {
        let month = (self.number - 1) * 3 + 4;
        let (year, month) = if month > 12 {
            (self.year + 1, month - 12)
        } else {
            (self.year, month)
        };
        Date {
            year,
            month,
            day: 1,
        }
    }

    pub fn end(&self) -> Date {
        let start = self.start();
        Date::month_end(start.year, start.month + 2)
    }

    pub fn next(&self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// "2023/24"
    pub fn financial_year(&self) -> String {
        format!("{}/{:02}", self.year, (self.year + 1) % 100)
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Q{} {}", self.number, self.financial_year())
    }
}

/// The first and last days of a period as written: a year ("2010"), a financial year ("2023/24"),
/// a quarter ("Q1 2024/25"), a month ("2024-05") or a day ("2024-05-31").
pub fn period_range(text: &str) -> Option<(Date, Date)> {
    let text = text.trim();
    if let Some(day) = Date::parse_iso(text) {
        return Some((day, day));
    }
    if let Some(q) = Quarter::parse(text) {
        return Some((q.start(), q.end()));
    }
    if let Some(q) = Quarter::parse(&format!("Q1 {text}")) {
        return Some((q.start(), Quarter { number: 4, ..q }.end()));
    }
    if let Some((year, month)) = text.split_once('-') {
        let year: u16 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
        let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
        return Some((
            Date {
                year,
                month,
                day: 1,
            },
            Date::month_end(year, month),
        ));
    }
    let year: u16 = text.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    Some((
        Date {
            year,
            month: 1,
            day: 1,
        },
        Date {
            year,
            month: 12,
            day: 31,
        },
    ))
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
    fn days_since_the_epoch_give_back_their_date() {
        for text in [
            "1970-01-01",
            "2000-02-29",
            "2024-03-01",
            "2026-11-30",
            "1969-12-31",
        ] {
            let date = Date::parse_iso(text).unwrap();
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
        assert_eq!(Date::from_days_since_epoch(20_422).iso(), "2025-11-30");
    }

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
    fn a_day_count_gives_back_its_date() {
        for text in [
            "1970-01-01",
            "1899-12-30",
            "2000-02-29",
            "2024-03-01",
            "2026-11-30",
        ] {
            let date = Date::parse_iso(text).unwrap();
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
        assert_eq!(Date::checked(2023, 2, 29), None);
        assert_eq!(
            Date::checked(2024, 2, 29).map(|d| d.iso()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Date::checked(2024, 13, 1), None);
    }

    #[test]
    fn days_are_counted_from_1970() {
        assert_eq!(
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
            .days_since_epoch(),
            0
        );
        assert_eq!(
            Date {
                year: 2024,
                month: 3,
                day: 31
            }
            .days_since_epoch(),
            19_813
        );
        assert_eq!(
            Date {
                year: 2000,
                month: 3,
                day: 1
            }
            .days_since_epoch(),
            11_017
        );
    }

    #[test]
    fn quarters_follow_the_financial_year() {
        let date = |year, month, day| Date { year, month, day };
        assert_eq!(Quarter::of(date(2023, 4, 1)).to_string(), "Q1 2023/24");
        assert_eq!(Quarter::of(date(2023, 12, 31)).to_string(), "Q3 2023/24");
        assert_eq!(Quarter::of(date(2024, 3, 31)).to_string(), "Q4 2023/24");
        let q4 = Quarter::parse("Q4 2023/24").unwrap();
        assert_eq!(
            (q4.start(), q4.end()),
            (date(2024, 1, 1), date(2024, 3, 31))
        );
        assert_eq!(q4.next().to_string(), "Q1 2024/25");
        assert_eq!(
            Quarter::parse("Q2 2023/24").unwrap().end(),
            date(2023, 9, 30)
        );
        assert_eq!(Quarter::parse("Q5 2023/24"), None);
        assert_eq!(Quarter::parse("Q1 2023/25"), None);
        assert_eq!(
            period_range("2010"),
            Some((date(2010, 1, 1), date(2010, 12, 31)))
        );
        assert_eq!(
            period_range("2023/24"),
            Some((date(2023, 4, 1), date(2024, 3, 31)))
        );
        assert_eq!(
            period_range("2024-02"),
            Some((date(2024, 2, 1), date(2024, 2, 29)))
        );
        assert_eq!(
            period_range("Q1 2024/25"),
            Some((date(2024, 4, 1), date(2024, 6, 30)))
        );
        assert_eq!(period_range("2024-13"), None);
        assert_eq!(period_range("last year"), None);
    }

    #[test]
    fn reads_the_date_of_a_toml_date() {
        let value: toml::value::Datetime = "2023-11-05".parse().unwrap();
        assert_eq!(Date::from_toml(&value).unwrap().long(), "5 November 2023");
        let time_only: toml::value::Datetime = "07:32:00".parse().unwrap();
        assert_eq!(Date::from_toml(&time_only), None);
    }
}
