//! Kinds of problem with outcomes: a measure's direction and values, and a risk's ratings.

/// Where a value was written: on a row of a CSV file (a spreadsheet's row number), or in TOML.
pub type Row = Option<usize>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutcomeKind {
    /// `better` is neither "higher" nor "lower".
    BetterNotDirection {
        value: String,
    },
    PeriodUnreadable {
        row: Row,
        period: String,
    },
    /// A value for a period outside the plan period (`start` to `end`).
    OutsidePlanPeriod {
        row: Row,
        period: String,
        start: String,
        end: String,
    },
    /// A value outside its measure's range; the numbers as the site shows them.
    OutsideRange {
        row: Row,
        value: String,
        measure: String,
        low: String,
        high: String,
    },
    /// A risk's likelihood or impact (`what`) off its scale of 1 to `most`.
    NotOnScale {
        what: &'static str,
        score: u32,
        most: u32,
    },
}

impl OutcomeKind {
    pub fn message(&self) -> String {
        match self {
            OutcomeKind::BetterNotDirection { value } => {
                format!("better must be \"higher\" or \"lower\", not \"{value}\"")
            }
            OutcomeKind::PeriodUnreadable { row, period } => format!(
                "{}\"{period}\" is not a period planpress can read",
                row_note(*row)
            ),
            OutcomeKind::OutsidePlanPeriod {
                row,
                period,
                start,
                end,
            } => format!(
                "{}{period} is outside the plan period ({start} to {end})",
                row_note(*row)
            ),
            OutcomeKind::OutsideRange {
                row,
                value,
                measure,
                low,
                high,
            } => format!(
                "{}{value} is outside the range of \"{measure}\" ({low} to {high})",
                row_note(*row)
            ),
            OutcomeKind::NotOnScale { what, score, .. } => {
                format!("{what} {score} is not on the scale")
            }
        }
    }

    pub fn hint(&self) -> String {
        match self {
            OutcomeKind::BetterNotDirection { .. } => "say which direction of the measure is good news: `better = \"higher\"` or `better = \"lower\"`".into(),
            OutcomeKind::PeriodUnreadable { .. } => "write a year (2023), a financial year (2023/24), a quarter (Q1 2024/25), a month (2024-05) or a day (2024-05-31)".into(),
            OutcomeKind::OutsidePlanPeriod { .. } => "check the period; a value from before the plan belongs in baseline".into(),
            OutcomeKind::OutsideRange { .. } => "check for a typing mistake (a misplaced decimal point, a count instead of a rate)".into(),
            OutcomeKind::NotOnScale { what, most, .. } => format!("rate {what} from 1 to {most}"),
        }
    }
}

/// "row 4: " for a value from a CSV file; nothing for one from TOML.
fn row_note(row: Row) -> String {
    row.map_or(String::new(), |row| format!("row {row}: "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_from_a_csv_file_names_its_row() {
        let kind = |row| OutcomeKind::PeriodUnreadable {
            row,
            period: "Spring".into(),
        };
        assert_eq!(
            kind(Some(4)).message(),
            "row 4: \"Spring\" is not a period planpress can read"
        );
        assert_eq!(
            kind(None).message(),
            "\"Spring\" is not a period planpress can read"
        );
    }
}
