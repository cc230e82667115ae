//! Kinds of problem with the plan's settings and dates, and with the updates that move action
//! areas on: dates that are not dates, periods that end before they start, assurance without proof.

use super::references::FirstUse;
use super::toml_kind::TOP_OF_PLAN;

/// What an assurance level that needs proof lacks: each is a field to add.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    Evidence,
    AcceptedBy,
    AcceptedOn,
}

impl Proof {
    /// The field to add, as it is written.
    fn field(self) -> &'static str {
        match self {
            Proof::Evidence => "`evidence = [{ title = \"…\", url = \"…\" }]`",
            Proof::AcceptedBy => "`accepted_by = \"the committee that accepted it\"`",
            Proof::AcceptedOn => "`accepted_on = 2024-03-01` (the date it was accepted)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanKind {
    BaseUrlNotWebAddress,
    ThemeNotFolderName,
    /// A TOML value, the field `field`, that must be a date without a time of day.
    NotADate {
        field: &'static str,
    },
    /// A report date in words that is neither a day nor a month.
    NotAReportDate {
        text: String,
    },
    /// A milestone's horizon the timeline cannot place (a warning: the page lists it apart).
    HorizonUnplaced {
        text: String,
    },
    /// A due date that is neither a date nor a quarter.
    NotDue {
        text: String,
    },
    /// A plan period whose dates are not given and cannot be worked out from its name.
    PeriodDatesUnknown {
        period: String,
    },
    PeriodEndsBeforeStart,
    /// An update dated outside the plan period (`start` to `end`); `iso` is its date as TOML
    /// writes it, for the line the hint shows.
    UpdateOutsidePeriod {
        date: String,
        iso: String,
        start: String,
        end: String,
    },
    /// An action area updated twice on one date; `first` is the first update.
    UpdatedTwice {
        action: String,
        date: String,
        first: FirstUse,
    },
    /// Evidence that is neither a web address nor a published file.
    EvidenceNotFound {
        address: String,
    },
    /// An assurance level that needs proof, and what is missing of it.
    NeedsProof {
        level: String,
        missing: Vec<Proof>,
    },
    /// Text under a column that rows of this `kind` do not have; the column is for `kinds`.
    ColumnNotForKind {
        column: String,
        kind: Option<String>,
        kinds: Vec<String>,
    },
    /// A timeline phase that ends before it starts.
    PhaseEndsBeforeStart {
        title: String,
    },
    /// A priority that gives both `sro` and `owners`.
    SroAndOwners,
    /// Both `content/sros.toml` and `content/owners.toml`.
    TwoOwnerFiles,
    /// The same owner twice in one list of owners.
    OwnerNamedTwice {
        id: String,
    },
    /// Chairs given for an owner that is not a group (`kind` as written, or "role" when left out).
    ChairsOutsideGroup {
        kind: String,
    },
    /// An update dated after the report date in plan.toml (a warning: the build leaves it out).
    UpdateAfterReportDate {
        date: String,
        report_date: String,
    },
}

impl PlanKind {
    pub fn message(&self) -> String {
        match self {
            PlanKind::BaseUrlNotWebAddress => "base_url must be a web address".into(),
            PlanKind::ThemeNotFolderName => "the theme name must be a plain folder name".into(),
            PlanKind::NotADate { field } => format!("{field} must be a date"),
            PlanKind::NotDue { text } => format!("\"{text}\" is not a date, a quarter or another time the plan can be placed at"),
            PlanKind::NotAReportDate { text } => format!("the report date \"{text}\" is not a day or a month"),
            PlanKind::HorizonUnplaced { text } => format!("the timeline cannot place \"{text}\"; it is listed as not yet placed"),
            PlanKind::PeriodDatesUnknown { period } => {
                format!("the dates of the period \"{period}\" are not known")
            }
            PlanKind::PeriodEndsBeforeStart => "the plan period ends before it starts".into(),
            PlanKind::UpdateOutsidePeriod { date, start, end, .. } => {
                format!("this update is dated {date}, outside the plan period ({start} to {end})")
            }
            PlanKind::UpdatedTwice { action, date, .. } => {
                format!("\"{action}\" is already updated on {date}")
            }
            PlanKind::EvidenceNotFound { address } => format!("the evidence address \"{address}\" is neither a web address nor a file in content/files/"),
            PlanKind::NeedsProof { level, .. } => {
                format!("\"{level}\" needs proof: evidence, who accepted it and when")
            }
            PlanKind::PhaseEndsBeforeStart { title } => format!("\"{title}\" ends before it starts"),
            PlanKind::ColumnNotForKind { column, kind: Some(kind), .. } => format!("rows of kind \"{kind}\" have no column \"{column}\", so this text would not be shown"),
            PlanKind::ColumnNotForKind { column, kind: None, .. } => format!("the column \"{column}\" is only for some kinds of row, and this action area has no kind, so this text would not be shown"),
            PlanKind::SroAndOwners => "both sro and owners are given".into(),
            PlanKind::TwoOwnerFiles => "the owners are in both content/sros.toml and content/owners.toml".into(),
            PlanKind::OwnerNamedTwice { id } => format!("the owner \"{id}\" is named twice"),
            PlanKind::ChairsOutsideGroup { kind } => format!("chairs are given for a {kind}, not a group"),
            PlanKind::UpdateAfterReportDate { date, report_date } => format!("this update is dated {date}, after the report date {report_date} in content/plan.toml, so readers will not see it yet"),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            PlanKind::BaseUrlNotWebAddress => "write the address the site will be published at, starting https://".into(),
            PlanKind::ThemeNotFolderName => "use lower-case letters, digits and hyphens: the name of a folder in themes/".into(),
            PlanKind::NotADate { field: "this" } => "write it as year-month-day without quotes, such as 2024-03-31".into(),
            PlanKind::NotADate { field } => format!("write it as year-month-day without quotes, such as `{field} = 2024-03-31`"),
            PlanKind::NotAReportDate { .. } => "write a day as `as_of = 2024-03-31`, or a month as `as_of = \"February 2018\"`".into(),
            PlanKind::HorizonUnplaced { .. } => format!("to place it, write {}", crate::model::Horizon::FORMS),
            PlanKind::NotDue { .. } => format!("write {}", crate::model::Horizon::FORMS),
            PlanKind::PeriodDatesUnknown { .. } => format!("give the period's dates, a line such as `period_start = 2023-04-01` and one such as `period_end = 2024-03-31`, {TOP_OF_PLAN}; or write period as a financial year such as `period = \"2023/24\"`, or a year such as `period = \"2021\"`"),
            PlanKind::PeriodEndsBeforeStart => "period_end must be on or after period_start".into(),
            PlanKind::UpdateOutsidePeriod { iso, .. } => format!("check the date; if the plan now runs longer, give it a later end: a line such as `period_end = {iso}` {TOP_OF_PLAN}"),
            PlanKind::UpdatedTwice { first, .. } => format!("{first} sets it on the same date; put both notes in one update, or date them apart"),
            PlanKind::EvidenceNotFound { .. } => "write a web address starting https://, or put the file in content/files/ and write files/name.pdf".into(),
            PlanKind::NeedsProof { missing, .. } => {
                let fields: Vec<&str> = missing.iter().map(|p| p.field()).collect();
                format!("add {}", fields.join(", and "))
            }
            PlanKind::PhaseEndsBeforeStart { .. } => "the end date must be on or after the start date".into(),
            PlanKind::ColumnNotForKind { column, kinds, .. } => match kinds.first() {
                Some(first) => format!("give the action area a line such as `kind = \"{first}\"` (the kinds with this column are: {}), or add its kind to the kinds of \"{column}\" in content/plan.toml", kinds.join(", ")),
                None => format!("add its kind to the kinds of \"{column}\" in content/plan.toml"),
            },
            PlanKind::SroAndOwners => "write every owner in `owners = [\"…\", \"…\"]` and remove sro".into(),
            PlanKind::TwoOwnerFiles => "keep one file: move every owner into it and remove the other".into(),
            PlanKind::OwnerNamedTwice { .. } => "remove the second one".into(),
            PlanKind::ChairsOutsideGroup { .. } => "only a group has chairs: add `kind = \"group\"` if it is one, or remove chairs".into(),
            PlanKind::UpdateAfterReportDate { date, .. } => format!("publish it with `planpress publish --as-of {date}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assurance_without_proof_names_each_field_to_add() {
        let kind = PlanKind::NeedsProof {
            level: "assured".into(),
            missing: vec![Proof::Evidence, Proof::AcceptedOn],
        };
        assert_eq!(
            kind.hint(),
            "add `evidence = [{ title = \"…\", url = \"…\" }]`, and `accepted_on = 2024-03-01` (the date it was accepted)"
        );
    }

    #[test]
    fn a_field_that_is_not_a_date_shows_it_written_as_one() {
        let kind = PlanKind::NotADate { field: "as_of" };
        assert_eq!(kind.message(), "as_of must be a date");
        assert_eq!(
            kind.hint(),
            "write it as year-month-day without quotes, such as `as_of = 2024-03-31`"
        );
    }
}
