//! The placeholders `planpress new` and `planpress init` write: one list, which the writers take
//! their words from and `check` looks for, so the two cannot drift apart. Text a person never
//! changed is an error, so no placeholder reaches the public.

/// Words `new` or `init` writes for a person to replace, and what to write in their place.
pub struct Placeholder {
    /// The words as a person sees them.
    pub text: &'static str,
    /// Written as a TOML string in its quotes (`"New page"`): only the whole string is the
    /// placeholder, so a plan's own sentence that happens to hold these words is never one.
    pub quoted: bool,
    /// What to write instead, in plain words, for the hint.
    pub replace_with: &'static str,
}

impl Placeholder {
    /// As it is in the file `new` or `init` writes.
    pub fn written(&self) -> String {
        match self.quoted {
            true => format!("\"{}\"", self.text),
            false => self.text.to_string(),
        }
    }
}

const fn value(text: &'static str, replace_with: &'static str) -> Placeholder {
    Placeholder {
        text,
        quoted: true,
        replace_with,
    }
}

const fn line(text: &'static str, replace_with: &'static str) -> Placeholder {
    Placeholder {
        text,
        quoted: false,
        replace_with,
    }
}

// `planpress new page`.
pub const PAGE_TITLE: Placeholder = value("New page", "the page's title");
pub const PAGE_SUMMARY: Placeholder = value(
    "One plain sentence saying what this page is about.",
    "one sentence of your own saying what the page is about",
);
pub const PAGE_BODY: Placeholder = line(
    "Write the page here in Markdown. Start sections with ## headings.",
    "the page's own text",
);

// `planpress new update`.
pub const UPDATE_TITLE: Placeholder = value(
    "Title of this update",
    "the update's title, such as \"April 2024 update\"",
);
pub const UPDATE_AUTHOR: Placeholder = value(
    "Your role, e.g. Head of Midwifery",
    "the role of the person giving the update, such as \"Head of Midwifery\"",
);
pub const UPDATE_SUMMARY: Placeholder = value(
    "One plain sentence saying what changed.",
    "one sentence saying what changed: the home page and the feed show it",
);
pub const UPDATE_NOTE: Placeholder = value(
    "What happened, in a sentence or two of plain English.",
    "what happened in this action area, in a sentence or two",
);
pub const UPDATE_EVIDENCE: Placeholder = value(
    "What the evidence is",
    "what the evidence is, such as \"Audit report, March 2024\"",
);
pub const UPDATE_BODY: Placeholder = line(
    "The story of this update, in Markdown.",
    "the story of this update in your own words, or delete the line",
);

// `planpress new action`.
pub const ACTION_TITLE: Placeholder = value(
    "New action area",
    "the action area's title, as the plan words it",
);
pub const ACTION_ACHIEVE: Placeholder = value(
    "What do we expect to achieve? One bullet per line.",
    "what the plan expects to achieve, one bullet to a line",
);
pub const ACTION_DOING: Placeholder = value(
    "What actions are we taking? One bullet per line.",
    "what is being done, one bullet to a line",
);
pub const ACTION_FAMILIES: Placeholder = value(
    "What will this mean for families? Plain words.",
    "what will change for families, in plain words",
);

// `planpress init`. A date or period cannot look like a placeholder, so its whole line is one,
// comment and all: changing the value or deleting the comment ends it.
pub const ORGANISATION: Placeholder = value(
    "Name of the organisation publishing the plan",
    "the organisation's full name",
);
pub const PLAN_TITLE: Placeholder =
    value("Title of the plan", "the plan's title, as it is written");
pub const VISION: Placeholder = value(
    "The plan's vision, in its own words.",
    "the plan's vision, in its own words",
);
pub const PERIOD: Placeholder = line(
    "period = \"2025/26\"  # planpress init: the period the plan covers",
    "the plan's period; then delete the comment",
);
pub const AS_OF: Placeholder = line(
    "as_of = 2026-03-31  # planpress init: the report date",
    "the day the statuses were last checked; then delete the comment",
);
pub const BASE_URL: Placeholder = value(
    "https://example.org/your-plan/",
    "where the site will be published",
);
pub const OWNER: Placeholder = value(
    "Role of the person accountable for the first priority",
    "the role, as the plan names it",
);
pub const PRIORITY_TITLE: Placeholder = value(
    "The first priority, as the plan words it",
    "the priority's title",
);
pub const FIRST_ACTION_TITLE: Placeholder = value(
    "The first action area, as the plan words it",
    "the action area's title",
);

/// Every placeholder, for `check` to look for.
pub const ALL: [&Placeholder; 22] = [
    &PAGE_TITLE,
    &PAGE_SUMMARY,
    &PAGE_BODY,
    &UPDATE_TITLE,
    &UPDATE_AUTHOR,
    &UPDATE_SUMMARY,
    &UPDATE_NOTE,
    &UPDATE_EVIDENCE,
    &UPDATE_BODY,
    &ACTION_TITLE,
    &ACTION_ACHIEVE,
    &ACTION_DOING,
    &ACTION_FAMILIES,
    &ORGANISATION,
    &PLAN_TITLE,
    &VISION,
    &PERIOD,
    &AS_OF,
    &BASE_URL,
    &OWNER,
    &PRIORITY_TITLE,
    &FIRST_ACTION_TITLE,
];
