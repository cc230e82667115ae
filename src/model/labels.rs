//! The words a trust uses for the parts of its plan ("Priority", "SRO", "Action area") and for
//! itself ("trust", "partnership"), as its `plan.toml` gives them, and the theme's words where it
//! gives none; and the theme's sentences with those words put in.

use serde::Serialize;
use toml::Spanned;

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
    /// The long form after "a" or "an", with it ("a senior responsible owner"); `None` when the
    /// plan gives `sro_long` without it, and sentences are then worded to need no article.
    pub an_sro_long: Option<String>,
    pub sros: String,
    pub action: String,
    /// One action area after "a" or "an", with it ("an action area"), or `None` as for `an_sro_long`.
    pub an_action: Option<String>,
    pub actions: String,
    /// The column headings of an action area.
    pub achieve: String,
    pub doing: String,
    pub families: String,
    pub workstream: String,
    pub trust_priority: String,
    /// The kind of organisation publishing the plan, in running text ("trust", "partnership").
    pub organisation_kind: String,
    pub organisation_kinds: String,
}

/// The placeholders of labels with their article. A sentence with one has a `<key>_plain` twin
/// worded to need none, used when the plan gives the label but not its form with the article.
const WITH_ARTICLE: [&str; 2] = ["an_action", "an_sro_long"];

impl Labels {
    /// The labels `given`, and for each left out the theme's word `default_label_<name>`.
    pub fn new(given: &crate::load::format::Labels, words: &Words) -> Labels {
        let default = |name: &str| word(words, &format!("default_label_{name}"));
        let label =
            |given: &Option<String>, name: &str| given.clone().unwrap_or_else(|| default(name));
        let spanned = |given: &Option<Spanned<String>>, name: &str| {
            given
                .as_ref()
                .map_or_else(|| default(name), |g| g.get_ref().clone())
        };
        // The theme's form with an article fits only the theme's own label.
        let article = |form: &Option<String>, label: &Option<Spanned<String>>, name: &str| {
            form.clone()
                .or_else(|| label.is_none().then(|| default(name)))
        };
        let kind = given
            .organisation_kind
            .as_ref()
            .map(|k| k.get_ref().clone());
        let kinds = given
            .organisation_kinds
            .as_ref()
            .map(|k| k.get_ref().clone());
        Labels {
            priority: label(&given.priority, "priority"),
            priorities: label(&given.priorities, "priorities"),
            sro: label(&given.sro, "sro"),
            sro_long: spanned(&given.sro_long, "sro_long"),
            an_sro_long: article(&given.an_sro_long, &given.sro_long, "an_sro_long"),
            sros: label(&given.sros, "sros"),
            action: spanned(&given.action, "action"),
            an_action: article(&given.an_action, &given.action, "an_action"),
            actions: label(&given.actions, "actions"),
            achieve: label(&given.achieve, "achieve"),
            doing: label(&given.doing, "doing"),
            families: label(&given.families, "families"),
            workstream: label(&given.workstream, "workstream"),
            trust_priority: label(&given.trust_priority, "trust_priority"),
            // A plan that gives only one of the two is warned (`check`), and has it for both.
            organisation_kind: kind
                .clone()
                .or(kinds.clone())
                .unwrap_or_else(|| default("organisation_kind")),
            organisation_kinds: kinds
                .or(kind)
                .unwrap_or_else(|| default("organisation_kinds")),
        }
    }

    /// The theme's words with these labels put in: `{action}` (in lower case, as in running text),
    /// `{Actions}` (as written, to start a title), `{an_action}`, `{organisation_kind}` and so on. A sentence needing a form with an article
    /// the plan does not give takes its `<key>_plain` twin instead.
    pub fn fill(&self, words: &mut Words) {
        let values = self.values();
        let plain: Vec<(String, String)> = words
            .iter()
            .filter(|(_, text)| {
                WITH_ARTICLE.iter().any(|name| {
                    text.contains(&format!("{{{name}}}")) && !values.iter().any(|(n, _)| n == name)
                })
            })
            .filter_map(|(key, _)| Some((key.clone(), words.get(&format!("{key}_plain"))?.clone())))
            .collect();
        words.extend(plain);
        for text in words.values_mut().filter(|text| text.contains('{')) {
            for (name, value) in &values {
                *text = text.replace(&format!("{{{name}}}"), value);
            }
        }
    }

    /// Each placeholder's name and value; a form with an article only when there is one.
    fn values(&self) -> Vec<(&'static str, String)> {
        let mut values = vec![
            ("action", self.action.to_lowercase()),
            ("actions", self.actions.to_lowercase()),
            ("Actions", self.actions.clone()),
            ("priority", self.priority.to_lowercase()),
            ("priorities", self.priorities.to_lowercase()),
            ("sro_long", self.sro_long.to_lowercase()),
            ("sro", self.sro.clone()),
            ("organisation_kind", self.organisation_kind.clone()),
            ("organisation_kinds", self.organisation_kinds.clone()),
        ];
        let articles = [
            ("an_action", &self.an_action),
            ("an_sro_long", &self.an_sro_long),
        ];
        values.extend(
            articles
                .into_iter()
                .filter_map(|(name, form)| Some((name, form.clone()?))),
        );
        values
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::format::Labels as Given;

    fn words() -> Words {
        [
            ("default_label_action", "Action area"),
            ("default_label_an_action", "an action area"),
            ("default_label_actions", "Action areas"),
            ("default_label_organisation_kind", "trust"),
            ("default_label_organisation_kinds", "trusts"),
            ("find", "Find {an_action}"),
            ("find_plain", "Find one of the {actions}"),
            (
                "board",
                "The {organisation_kind}'s board, for {organisation_kinds}",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn filled(given: &Given) -> Words {
        let mut words = words();
        Labels::new(given, &words).fill(&mut words);
        words
    }

    fn spanned(text: &str) -> Option<Spanned<String>> {
        Some(Spanned::new(0..0, text.to_string()))
    }

    #[test]
    fn the_themes_label_comes_with_the_themes_article() {
        let words = filled(&Given::default());
        assert_eq!(words["find"], "Find an action area");
        assert_eq!(words["board"], "The trust's board, for trusts");
    }

    #[test]
    fn a_plans_label_takes_its_own_article_or_none() {
        let mut given = Given {
            action: spanned("Key step"),
            actions: Some("Key steps".into()),
            ..Given::default()
        };
        assert_eq!(filled(&given)["find"], "Find one of the key steps");
        given.an_action = Some("a key step".into());
        assert_eq!(filled(&given)["find"], "Find a key step");
    }

    #[test]
    fn the_organisation_is_called_by_its_kind() {
        let given = Given {
            organisation_kind: spanned("partnership"),
            organisation_kinds: spanned("partnerships"),
            ..Given::default()
        };
        assert_eq!(
            filled(&given)["board"],
            "The partnership's board, for partnerships"
        );
    }
}
