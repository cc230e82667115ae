//! Horizons: when a plan says something will happen, in its own words ("2024-03-31", "March
//! 2024", "Q4 2023/24", "2017-18", "2021", "6–12 months", "completed"). Reading one is a pure
//! function: any text gives a horizon or `None` (unresolved), never a panic. A horizon resolves to
//! the range of days it names; a span of months counts from the plan's start.

use super::date::{Date, Quarter};

/// When something is due, as the plan writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    /// A day: "2024-03-31".
    Day(Date),
    /// A month: "March 2024", "2024-03".
    Month { year: u16, month: u8 },
    /// A quarter of a financial year: "Q4 2023/24".
    Quarter(Quarter),
    /// A financial year, April to March, by the year it starts in: "2017-18", "2023/24".
    FinancialYear(u16),
    /// A calendar year: "2021".
    Year(u16),
    /// So many months after the plan's start: "3 months" is months 0 to 3, "6–12 months" is
    /// months 6 to 12 ("2 years" counts 24).
    Months { from: u16, to: u16 },
    /// Already done: "completed", "done".
    Done,
}

/// Where a horizon falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// From the first day to the last; it is due by the last.
    Range(Date, Date),
    Done,
    /// The text is no horizon, or a span of months with no plan start to count from.
    Unresolved,
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The longest span of months a plan may write: a hundred years keeps every date in range.
const MAX_MONTHS: u16 = 1200;

impl Horizon {
    /// Reads a horizon as a plan writes it; `None` when the text is none of the accepted forms.
    pub fn parse(text: &str) -> Option<Horizon> {
        let text = text.trim();
        let lower = text.to_lowercase();
        if ["done", "completed", "complete"].contains(&lower.as_str()) {
            return Some(Horizon::Done);
        }
        if let Some(day) = Date::parse_iso(text) {
            return Some(Horizon::Day(day));
        }
        if let Some(quarter) = Quarter::parse(&text.replacen('-', "/", 1)) {
            return Some(Horizon::Quarter(quarter));
        }
        financial_year(text)
            .map(Horizon::FinancialYear)
            .or_else(|| numeric_month(text))
            .or_else(|| named_month(&lower))
            .or_else(|| year(text).map(Horizon::Year))
            .or_else(|| months(&lower))
    }

    /// The days it names; a span of months needs the plan's `start`.
    pub fn resolve(&self, start: Option<Date>) -> Resolved {
        match *self {
            Horizon::Day(day) => Resolved::Range(day, day),
            Horizon::Month { year, month } => month_range(year, month, year, month),
            Horizon::Quarter(q) => Resolved::Range(q.start(), q.end()),
            Horizon::FinancialYear(y) => month_range(y, 4, y.saturating_add(1), 3),
            Horizon::Year(y) => month_range(y, 1, y, 12),
            Horizon::Months { from, to } => match start {
                Some(start) => {
                    let (first_year, first_month) = add_months(start, from);
                    let (last_year, last_month) = add_months(start, to - 1);
                    month_range(first_year, first_month, last_year, last_month)
                }
                None => Resolved::Unresolved,
            },
            Horizon::Done => Resolved::Done,
        }
    }

    /// The forms a plan may write, for hints.
    pub const FORMS: &'static str =
        "a date \"2024-03-31\", a month \"March 2024\" or \"2024-03\", \
        a quarter \"Q4 2023/24\", a financial year \"2023/24\" or \"2017-18\", a year \"2021\", \
        months from the plan's start \"3 months\" or \"6–12 months\", or \"completed\"";
}

/// The first day of one month to the last day of another.
fn month_range(first_year: u16, first_month: u8, last_year: u16, last_month: u8) -> Resolved {
    Resolved::Range(
        Date {
            year: first_year,
            month: first_month,
            day: 1,
        },
        Date::month_end(last_year, last_month),
    )
}

/// The month `months` months after `start`'s month.
fn add_months(start: Date, months: u16) -> (u16, u8) {
    let index = u32::from(start.year) * 12 + u32::from(start.month) - 1 + u32::from(months);
    let year = u16::try_from(index / 12).unwrap_or(u16::MAX);
    (year, (index % 12) as u8 + 1)
}

/// A four-digit year.
fn year(text: &str) -> Option<u16> {
    let valid = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| text.parse().ok()).flatten()
}

/// "2023/24", "2017-18", "2023/2024": two consecutive years, the second written in full or by
/// its last two digits. "2011-12" reads as the financial year, not December 2011.
fn financial_year(text: &str) -> Option<u16> {
    let (first, second) = text.split_once(['/', '-'])?;
    let first = year(first)?;
    let next = first.checked_add(1)?;
    let consecutive = match second.len() {
        2 => second.parse::<u16>().ok() == Some(next % 100),
        4 => year(second) == Some(next),
        _ => false,
    };
    (consecutive && second.bytes().all(|b| b.is_ascii_digit())).then_some(first)
}

/// "2024-03".
fn numeric_month(text: &str) -> Option<Horizon> {
    let (y, m) = text.split_once('-')?;
    let valid = m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit());
    let month: u8 = m.parse().ok().filter(|m| valid && (1..=12).contains(m))?;
    Some(Horizon::Month {
        year: year(y)?,
        month,
    })
}

/// "March 2024" or "Mar 2024", in any case.
fn named_month(lower: &str) -> Option<Horizon> {
    let (name, y) = lower.split_once(' ')?;
    let name = name.trim_end_matches(',');
    let index = MONTH_NAMES
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(name)))?;
    Some(Horizon::Month {
        year: year(y.trim())?,
        month: index as u8 + 1,
    })
}

/// "3 months", "6–12 months", "6-12 months", "6 to 12 months", "1 year", "1–2 years".
fn months(lower: &str) -> Option<Horizon> {
    let (numbers, unit) = lower.rsplit_once(' ')?;
    let per_unit = match unit {
        "month" | "months" => 1,
        "year" | "years" => 12,
        _ => return None,
    };
    let number = |n: &str| n.trim().parse::<u16>().ok();
    let (from, to) = match numbers.split_once(['–', '—', '-']) {
        Some((from, to)) => (number(from)?, number(to)?),
        None => match numbers.split_once(" to ") {
            Some((from, to)) => (number(from)?, number(to)?),
            None => (0, number(numbers)?),
        },
    };
    let (from, to) = (from.checked_mul(per_unit)?, to.checked_mul(per_unit)?);
    (from < to && to <= MAX_MONTHS).then_some(Horizon::Months { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    fn range(text: &str, start: Option<Date>) -> Resolved {
        Horizon::parse(text).map_or(Resolved::Unresolved, |h| h.resolve(start))
    }

    #[test]
    fn reads_each_form_a_plan_writes() {
        let none = None;
        let r = |a, b| Resolved::Range(a, b);
        let cases = [
            ("2024-03-31", r(date(2024, 3, 31), date(2024, 3, 31))),
            ("March 2024", r(date(2024, 3, 1), date(2024, 3, 31))),
            ("february 2024", r(date(2024, 2, 1), date(2024, 2, 29))),
            ("Sept 2023", r(date(2023, 9, 1), date(2023, 9, 30))),
            ("2024-03", r(date(2024, 3, 1), date(2024, 3, 31))),
            ("Q4 2023/24", r(date(2024, 1, 1), date(2024, 3, 31))),
            ("Q1 2023-24", r(date(2023, 4, 1), date(2023, 6, 30))),
            ("2017-18", r(date(2017, 4, 1), date(2018, 3, 31))),
            ("2023/24", r(date(2023, 4, 1), date(2024, 3, 31))),
            ("2023/2024", r(date(2023, 4, 1), date(2024, 3, 31))),
            ("2011-12", r(date(2011, 4, 1), date(2012, 3, 31))),
            ("2021", r(date(2021, 1, 1), date(2021, 12, 31))),
            (" Completed ", Resolved::Done),
            ("done", Resolved::Done),
        ];
        for (text, want) in cases {
            assert_eq!(range(text, none), want, "{text}");
        }
    }

    #[test]
    fn months_count_from_the_plans_start() {
        let start = Some(date(2023, 4, 1));
        let r = |a, b| Resolved::Range(a, b);
        assert_eq!(
            range("3 months", start),
            r(date(2023, 4, 1), date(2023, 6, 30))
        );
        assert_eq!(
            range("6–12 months", start),
            r(date(2023, 10, 1), date(2024, 3, 31))
        );
        assert_eq!(range("6-12 months", start), range("6–12 months", start));
        assert_eq!(range("6 to 12 months", start), range("6–12 months", start));
        assert_eq!(
            range("18 – 24 months", start),
            r(date(2024, 10, 1), date(2025, 3, 31))
        );
        assert_eq!(range("1–2 years", start), range("12-24 months", start));
        assert_eq!(range("6–12 months", None), Resolved::Unresolved);
    }

    #[test]
    fn anything_else_is_unresolved() {
        for text in [
            "",
            "soon",
            "ongoing",
            "2024-13",
            "2024-3",
            "Q5 2023/24",
            "2023/25",
            "12–6 months",
            "0 months",
            "999999 months",
            "Ma 2024",
            "March 24",
            "+2021",
        ] {
            assert_eq!(
                range(text, Some(date(2023, 4, 1))),
                Resolved::Unresolved,
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_gives_a_horizon_or_none(text in "\\PC{0,30}", year in 1000u16..9999, month in 1u8..=12) {
            let start = Some(date(year, month, 1));
            if let Some(horizon) = Horizon::parse(&text) {
                if let Resolved::Range(first, last) = horizon.resolve(start) {
                    prop_assert!(first <= last);
                }
            }
        }

        #[test]
        fn dashed_spans_of_months_read_alike(from in 0u16..600, to in 0u16..600) {
            let en = Horizon::parse(&format!("{from}–{to} months"));
            prop_assert_eq!(en, Horizon::parse(&format!("{from}-{to} months")));
            prop_assert_eq!(en.is_some(), from < to);
        }

        #[test]
        fn every_month_reads_both_ways(year in 1000u16..=9999, month in 1u8..=12) {
            // "2011-12" is a financial year.
            prop_assume!(u16::from(month) != (year + 1) % 100);
            let name = MONTH_NAMES[usize::from(month) - 1];
            let named = Horizon::parse(&format!("{name} {year}"));
            prop_assert_eq!(named, Horizon::parse(&format!("{year}-{month:02}")));
            prop_assert_eq!(named, Some(Horizon::Month { year, month }));
        }
    }
}
