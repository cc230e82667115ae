//! The status vocabulary: what an action's status can be, what each means to a family, and the
//! tone the theme colours it with (always beside the words, never instead of them).

use super::{word, Words};

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

/// The statuses a plan gets when `plan.toml` names none, by id, with their tones. The first is
/// what every action starts as.
pub const DEFAULT_STATUSES: [(&str, Tone); 6] = [
    ("not-yet-reported", Tone::Neutral),
    ("not-started", Tone::Neutral),
    ("on-track", Tone::Good),
    ("at-risk", Tone::Warning),
    ("off-track", Tone::Bad),
    ("complete", Tone::Done),
];

/// The default statuses, each called what the theme's words `default_status_<id>` and
/// `default_status_<id>_meaning` say (the id's hyphens as underscores).
pub fn default_statuses(words: &Words) -> Vec<Status> {
    DEFAULT_STATUSES
        .iter()
        .map(|&(id, tone)| {
            let key = format!("default_status_{}", id.replace('-', "_"));
            Status {
                id: id.into(),
                label: word(words, &key),
                meaning: word(words, &format!("{key}_meaning")),
                tone,
            }
        })
        .collect()
}
