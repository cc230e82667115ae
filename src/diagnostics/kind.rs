//! What kind of problem a content error is. Each kind carries the names and values its words
//! need, and gives both: what is wrong (`message`) and what to do about it (`hint`), so the same
//! problem reads the same wherever it is found, and a test can ask for a kind, not for words.

use super::attachments::AttachmentKind;
use super::links::LinkKind;
use super::load::{CsvKind, FileKind};
use super::outcomes::OutcomeKind;
use super::plan::PlanKind;
use super::references::ReferenceKind;
use super::style::StyleKind;
use super::theme::ThemeKind;
use super::toml_kind::TomlKind;
use super::unfinished::UnfinishedKind;
use super::Severity;

/// Every kind of problem, grouped by what it is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A content file that cannot be read, or should not be there, or is missing.
    File(FileKind),
    /// A file in `content/files/` that may not be published.
    Attachment(AttachmentKind),
    /// A TOML file or front matter that does not parse into its format.
    Toml(TomlKind),
    /// A CSV file of a measure's values.
    Csv(CsvKind),
    /// A name that must match one defined elsewhere, or an id that must be unique and usable.
    Reference(ReferenceKind),
    /// The plan's settings and dates, and the progress updates move on.
    Plan(PlanKind),
    /// Measures and risks.
    Outcome(OutcomeKind),
    /// A link or image in Markdown.
    Link(LinkKind),
    /// How the text reads: warnings, never errors.
    Style(StyleKind),
    /// The theme: its templates and words.
    Theme(ThemeKind),
    /// Content nobody finished: a placeholder left, an update that changes nothing.
    Unfinished(UnfinishedKind),
}

impl Kind {
    /// What is wrong, in plain words.
    pub fn message(&self) -> String {
        match self {
            Kind::File(kind) => kind.message(),
            Kind::Attachment(kind) => kind.message(),
            Kind::Toml(kind) => kind.message(),
            Kind::Csv(kind) => kind.message(),
            Kind::Reference(kind) => kind.message(),
            Kind::Plan(kind) => kind.message(),
            Kind::Outcome(kind) => kind.message(),
            Kind::Link(kind) => kind.message(),
            Kind::Style(kind) => kind.message(),
            Kind::Theme(kind) => kind.message(),
            Kind::Unfinished(kind) => kind.message(),
        }
    }

    /// What to do about it, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Kind::File(kind) => kind.hint(),
            Kind::Attachment(kind) => Some(kind.hint()),
            Kind::Toml(kind) => Some(kind.hint()),
            Kind::Csv(kind) => Some(kind.hint()),
            Kind::Reference(kind) => Some(kind.hint()),
            Kind::Plan(kind) => Some(kind.hint()),
            Kind::Outcome(kind) => Some(kind.hint()),
            Kind::Link(kind) => Some(kind.hint()),
            Kind::Style(kind) => Some(kind.hint()),
            Kind::Theme(kind) => kind.hint(),
            Kind::Unfinished(kind) => Some(kind.hint()),
        }
    }

    /// Style problems, a horizon the timeline lists apart, an update the build leaves out until
    /// the report date reaches it, a hidden file left unpublished and an update that changes
    /// nothing are worth knowing about but do not stop the build; every other kind does.
    pub fn severity(&self) -> Severity {
        match self {
            Kind::Style(_)
            | Kind::Plan(PlanKind::HorizonUnplaced { .. })
            | Kind::Plan(PlanKind::UpdateAfterReportDate { .. })
            | Kind::Attachment(AttachmentKind::Hidden { .. })
            | Kind::Unfinished(UnfinishedKind::EmptyUpdate)
            | Kind::Unfinished(UnfinishedKind::ChangesNothing { .. }) => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// Each group of kinds is a `Kind`, so a call site names only its own: `LinkKind::NoAltText`.
macro_rules! group {
    ($($variant:ident($kind:ty)),* $(,)?) => {
        $(impl From<$kind> for Kind {
            fn from(kind: $kind) -> Kind {
                Kind::$variant(kind)
            }
        })*
    };
}

group!(
    File(FileKind),
    Attachment(AttachmentKind),
    Toml(TomlKind),
    Csv(CsvKind),
    Reference(ReferenceKind),
    Plan(PlanKind),
    Outcome(OutcomeKind),
    Link(LinkKind),
    Style(StyleKind),
    Theme(ThemeKind),
    Unfinished(UnfinishedKind),
);

/// A list of names as a hint shows them: `a, b, c`.
pub(super) fn list(names: &[impl AsRef<str>]) -> String {
    names
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}
