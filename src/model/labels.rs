//! The words a trust uses for the parts of its plan ("Priority", "SRO", "Action area"), as its
//! `plan.toml` gives them, and the theme's words where it gives none.

use serde::Serialize;

use super::{word, Words};

/// The plan's own words for its parts.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub priority: String,
    pub priorities: String,
    /// The short name of an accountable owner ("SRO").
    pub sro: String,
    /// The long form, used where the short form needs explaining ("Senior responsible owner").
    pub sro_long: String,
    pub sros: String,
    pub action: String,
    pub actions: String,
    /// The column headings of an action area.
    pub achieve: String,
    pub doing: String,
    pub families: String,
    pub workstream: String,
    pub trust_priority: String,
}

impl Labels {
    /// The labels `given`, and for each left out the theme's word `default_label_<name>`.
    pub fn new(given: &crate::load::format::Labels, words: &Words) -> Labels {
        let label = |given: &Option<String>, name: &str| {
            given
                .clone()
                .unwrap_or_else(|| word(words, &format!("default_label_{name}")))
        };
        Labels {
            priority: label(&given.priority, "priority"),
            priorities: label(&given.priorities, "priorities"),
            sro: label(&given.sro, "sro"),
            sro_long: label(&given.sro_long, "sro_long"),
            sros: label(&given.sros, "sros"),
            action: label(&given.action, "action"),
            actions: label(&given.actions, "actions"),
            achieve: label(&given.achieve, "achieve"),
            doing: label(&given.doing, "doing"),
            families: label(&given.families, "families"),
            workstream: label(&given.workstream, "workstream"),
            trust_priority: label(&given.trust_priority, "trust_priority"),
        }
    }
}
