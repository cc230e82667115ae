//! National recommendations: registers of them, and which local action areas answer each.

use std::collections::HashMap;

use super::Text;

/// A body of national recommendations (a delivery plan, a care bundle, an inspection's must-dos).
#[derive(Debug, Clone)]
pub struct Register {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub publisher: String,
    pub published: Option<String>,
    pub url: Option<String>,
    pub summary: Text,
    /// What one item is called ("Action").
    pub item_label: String,
    /// What more than one are called ("Actions"): a count other than one takes this.
    pub item_label_plural: String,
    /// It holds only the items this plan cites, not the whole of its source: counts of its items
    /// are counts of what the plan cites.
    pub cited_only: bool,
    pub audiences: Vec<Audience>,
    pub groups: Vec<Group>,
    pub items: Vec<Recommendation>,
}

/// Who a register's items are addressed to.
#[derive(Debug, Clone)]
pub struct Audience {
    pub id: String,
    pub label: String,
    /// The trust must answer these itself: they count in coverage.
    pub local: bool,
}

/// A heading the source groups items under; `parent` is the group it sits inside.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub parent: Option<String>,
}

/// One recommendation.
#[derive(Debug, Clone)]
pub struct Recommendation {
    /// `register/item`, as action areas refer to it ("3ydp/10.1").
    pub reference: String,
    /// As the source numbers it ("10.1").
    pub id: String,
    /// Where its id is written.
    pub place: super::Place,
    pub title: Option<String>,
    pub group: Option<String>,
    /// Empty where the plan does not say who it is for.
    pub audiences: Vec<String>,
    /// Its words; `None` for an item the plan cites by reference only.
    pub text: Option<Text>,
    pub facts: Vec<(String, String)>,
}

impl Register {
    /// True when some audience of this item is one the trust answers itself.
    pub fn is_local(&self, item: &Recommendation) -> bool {
        item.audiences
            .iter()
            .any(|a| self.audiences.iter().any(|b| b.local && &b.id == a))
    }

    pub fn audience(&self, id: &str) -> Option<&Audience> {
        self.audiences.iter().find(|a| a.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }
}

/// Where an action area sits in the plan: (priority index, action index).
pub type ActionAt = (usize, usize);

/// The cross-references between action areas and recommendations, resolved once with maps.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    /// Recommendation reference → the action areas answering it, in plan order.
    pub by_recommendation: HashMap<String, Vec<ActionAt>>,
    /// Recommendation reference → the priorities answering it as a whole, by their place.
    pub by_priority: HashMap<String, Vec<usize>>,
    /// Recommendation reference → (register index, item index).
    pub recommendations: HashMap<String, (usize, usize)>,
}

impl Answers {
    pub fn answering(&self, reference: &str) -> &[ActionAt] {
        self.by_recommendation
            .get(reference)
            .map_or(&[], Vec::as_slice)
    }

    /// The priorities (by place) that answer a recommendation as a whole.
    pub fn answering_priorities(&self, reference: &str) -> &[usize] {
        self.by_priority.get(reference).map_or(&[], Vec::as_slice)
    }

    /// True when an action area or a priority answers the recommendation.
    pub fn is_answered(&self, reference: &str) -> bool {
        !self.answering(reference).is_empty() || !self.answering_priorities(reference).is_empty()
    }
}
