//! What lets a reader trust the site: how to contact the service, the accessibility statement's
//! dates and known issues, and when the next update is due. Every date comes from the content,
//! never the clock, so the same content always builds the same pages.

use super::Date;
use crate::load::format::{AccessibilityFacts, PlanFile};

pub use crate::load::format::ContactDetails as Contact;

/// The accessibility statement's facts, with its dates resolved.
#[derive(Debug, Clone)]
pub struct Statement {
    pub prepared: Date,
    pub reviewed: Date,
    pub known_issues: Vec<String>,
}

/// The statement's facts as `plan.toml` gives them; a date left out is the report date.
pub fn statement(facts: &AccessibilityFacts, as_of: Date) -> Statement {
    let date = |d: &Option<toml::Spanned<toml::value::Datetime>>| {
        d.as_ref()
            .and_then(|d| Date::from_toml(d.get_ref()))
            .unwrap_or(as_of)
    };
    Statement {
        prepared: date(&facts.prepared),
        reviewed: date(&facts.reviewed),
        known_issues: facts.known_issues.clone(),
    }
}

/// When the next update is due: the report date plus the plan's review cycle, if it sets one.
pub fn next_update(file: &PlanFile, as_of: Date) -> Option<Date> {
    let months = *file.review_every_months.as_ref()?.get_ref();
    Some(months_after(as_of, months))
}

/// The same day `months` later, or that month's last day when it is shorter (31 January plus one
/// month is 28 or 29 February).
pub fn months_after(date: Date, months: u32) -> Date {
    let index = u32::from(date.month.clamp(1, 12)) - 1 + months % 12;
    let years = u16::try_from(months / 12 + index / 12).unwrap_or(u16::MAX);
    let year = date.year.saturating_add(years);
    let month = (index % 12) as u8 + 1;
    let last = Date::month_end(year, month);
    Date {
        day: date.day.min(last.day),
        ..last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn a_review_cycle_counts_whole_months_and_keeps_within_the_month() {
        assert_eq!(months_after(day(2024, 6, 30), 3), day(2024, 9, 30));
        assert_eq!(months_after(day(2024, 11, 30), 3), day(2025, 2, 28));
        assert_eq!(months_after(day(2024, 1, 31), 1), day(2024, 2, 29));
        assert_eq!(months_after(day(2024, 3, 31), 12), day(2025, 3, 31));
        assert_eq!(months_after(day(2024, 3, 31), 0), day(2024, 3, 31));
        assert_eq!(months_after(day(9999, 12, 31), 255).year, 10021);
        assert_eq!(months_after(day(2024, 1, 1), u32::MAX).year, u16::MAX);
    }
}
