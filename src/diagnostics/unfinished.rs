//! Kinds of problem with content nobody finished: a placeholder `new` or `init` wrote that is
//! still there (an error: it would be published as it is), and an update that changes nothing
//! (a warning: it may be meant, but is more often an update not yet filled in).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnfinishedKind {
    /// A placeholder as written, and what to put in its place.
    Placeholder {
        text: String,
        replace_with: &'static str,
    },
    /// An update with no action areas and no story below its front matter.
    EmptyUpdate,
    /// An update's entry for `action` that leaves its status (`status`) and assurance as they
    /// were, with no note, evidence or review date of its own.
    ChangesNothing { action: String, status: String },
}

impl UnfinishedKind {
    pub fn message(&self) -> String {
        match self {
            UnfinishedKind::Placeholder { .. } => {
                "these are words planpress wrote as an example, not yet replaced: they would be published as they are".into()
            }
            UnfinishedKind::EmptyUpdate => {
                "this update moves no action area on and has no text, so it tells readers nothing"
                    .into()
            }
            UnfinishedKind::ChangesNothing { action, status } => format!(
                "this leaves action area {action} as it was (\"{status}\"), with no note, so readers see nothing new"
            ),
        }
    }

    pub fn hint(&self) -> String {
        match self {
            UnfinishedKind::Placeholder { replace_with, .. } => {
                format!("replace them with {replace_with}")
            }
            UnfinishedKind::EmptyUpdate => "add the action areas it moves on under [[actions]], or write what happened below the closing +++; or delete the file".into(),
            UnfinishedKind::ChangesNothing { .. } => "give its new status, or add a note = \"…\" saying what happened; if nothing has changed, take the block out of the update".into(),
        }
    }
}
