//! The status vocabulary: what an action's status can be, what each means to a family, and the
//! tone the theme colours it with (always beside the words, never instead of them).

/// One status an action can have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub id: String,
    pub label: String,
    pub meaning: String,
    pub tone: Tone,
}

/// How a status is coloured. The theme maps each tone to a colour pair with AA contrast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Good,
    Warning,
    Bad,
    Done,
}

impl Tone {
    pub const NAMES: [&'static str; 5] = ["neutral", "good", "warning", "bad", "done"];

    pub fn parse(name: &str) -> Option<Tone> {
        match name {
            "neutral" => Some(Tone::Neutral),
            "good" => Some(Tone::Good),
            "warning" => Some(Tone::Warning),
            "bad" => Some(Tone::Bad),
            "done" => Some(Tone::Done),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        Tone::NAMES[self as usize]
    }
}

/// The statuses a plan gets when `plan.toml` names none. The first is what every action starts as.
pub fn default_statuses() -> Vec<Status> {
    let status = |id: &str, label: &str, meaning: &str, tone| Status {
        id: id.into(),
        label: label.into(),
        meaning: meaning.into(),
        tone,
    };
    vec![
        status(
            "not-yet-reported",
            "Not yet reported",
            "We have not yet published an update on this. The plan sets out what we will do.",
            Tone::Neutral,
        ),
        status(
            "not-started",
            "Not started",
            "Work on this has not begun yet.",
            Tone::Neutral,
        ),
        status(
            "on-track",
            "On track",
            "Work is going to plan and should finish on time.",
            Tone::Good,
        ),
        status(
            "at-risk",
            "At risk",
            "Work has started, but it may be late or may not do all we planned.",
            Tone::Warning,
        ),
        status(
            "off-track",
            "Off track",
            "Work is late or has stopped. We are taking steps to put it right.",
            Tone::Bad,
        ),
        status("complete", "Complete", "The work is done.", Tone::Done),
    ]
}
