//! A synthetic plan of any size, for the benchmarks: a region's trusts, each with its priorities
//! and action areas, written as a trust would write them (three columns of Markdown, notes with the
//! occasional table or code block, links to a national register, quarterly updates).
//!
//! It is deterministic: the same size and seed give the same files, byte for byte, so a benchmark
//! measures the same work every time. The region is drawn once, as a `Region`, and then written:
//! here as a plan, and by `hugo.rs` as a Hugo site of the same words (for `benches/peers.sh`). It is no part of planpress: the `synthetic` example
//! (`command.rs`) writes it for `benches/run.sh`, and `tests/scale.rs` includes this file to build
//! a region end to end (and so runs its tests).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many action areas each priority holds unless asked otherwise (a large trust's priority,
/// as in the real plans). `--per-register` writes fewer, larger registers of the same actions.
pub const ACTIONS_PER_PRIORITY: usize = 100;
/// Each trust has this many priorities, as the real plan does.
const PRIORITIES_PER_TRUST: usize = 4;
/// The synthetic national register's recommendations.
const RECOMMENDATIONS: usize = 240;
/// Actions whose update falls in one update file (one file per trust per quarter, as published).
const QUARTERS: [(&str, &str); 4] = [
    ("2023-07-14", "Q1"),
    ("2023-10-13", "Q2"),
    ("2024-01-12", "Q3"),
    ("2024-03-28", "Q4"),
];

/// A small, fast, well-mixed generator (SplitMix64). A crate would be more than this.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.between(0, items.len() - 1)]
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.between(1, n) == 1
    }
}

const SUBJECTS: &[&str] = &[
    "The maternity team",
    "Our midwives",
    "The SRO",
    "Each ward manager",
    "The MDT",
    "The safety champion",
    "Our consultant obstetricians",
    "The neonatal team",
    "The MNVP",
    "The governance lead",
];
const VERBS: &[&str] = &[
    "will review",
    "will agree",
    "will audit",
    "will publish",
    "will train staff in",
    "will improve",
    "will report on",
    "will share",
    "will check",
    "will record",
];
const OBJECTS: &[&str] = &[
    "the triage pathway for women who call with concerns",
    "CTG monitoring on the labour ward",
    "postnatal checks for every baby before discharge",
    "the guideline for induction of labour",
    "the handover between shifts",
    "feedback from families in plain English",
    "staffing levels against the national standard",
    "the escalation policy for a deteriorating patient",
    "bereavement care and the quiet room",
    "the PMRT findings each quarter",
    "interpreting services at every appointment",
    "infant feeding support on the ward",
];
const ENDINGS: &[&str] = &[
    "every month",
    "so that care is safer",
    "and tell families what changed",
    "with the board each quarter",
    "by the end of the year",
    "so that no family waits too long",
    "and act on what we find",
    "with the LMNS",
];
const TITLES: &[&str] = &[
    "Triage and assessment",
    "Fetal monitoring",
    "Postnatal care",
    "Bereavement care",
    "Staffing and rotas",
    "Induction of labour",
    "Learning from incidents",
    "Listening to families",
    "Neonatal transfers",
    "Infant feeding",
    "Smoking in pregnancy",
    "Continuity of carer",
];
const PRIORITY_THEMES: [(&str, &str); PRIORITIES_PER_TRUST] = [
    (
        "Safe and personal care",
        "Safe and Effective Service Provision",
    ),
    (
        "Supporting our staff",
        "Caring, Compassionate and Competent Staff",
    ),
    (
        "Listening to families",
        "Responsive Communication and Patient Voice",
    ),
    (
        "Well-led services",
        "Well-Led Continuous Improvement Culture",
    ),
];
const STATUSES: &[&str] = &[
    "not-yet-reported",
    "on-track",
    "on-track",
    "at-risk",
    "complete",
];

/// How an action's Markdown links to the plan's page about itself.
pub const ABOUT_LINK: &str = "../pages/about.md";

/// A sentence of 12 to 22 words.
fn sentence(random: &mut Random) -> String {
    format!(
        "{} {} {} {}.",
        random.pick(SUBJECTS),
        random.pick(VERBS),
        random.pick(OBJECTS),
        random.pick(ENDINGS)
    )
}

/// One bullet of a column: two or three sentences, sometimes with emphasis or a link.
fn bullet(random: &mut Random) -> String {
    let mut text = (0..random.between(2, 3))
        .map(|_| sentence(random))
        .collect::<Vec<_>>()
        .join(" ");
    if random.one_in(6) {
        text.push_str(" This is **a priority for families**.");
    }
    if random.one_in(8) {
        let _ = write!(text, " [Read how we report progress]({ABOUT_LINK}).");
    }
    text
}

/// A column: two to four bullets, each of Markdown.
fn column(random: &mut Random, low: usize, high: usize) -> Vec<String> {
    (0..random.between(low, high))
        .map(|_| bullet(random))
        .collect()
}

fn toml_column(bullets: &[String]) -> String {
    let bullets: Vec<String> = bullets.iter().map(|b| toml_string(b)).collect();
    format!("[\n  {},\n]", bullets.join(",\n  "))
}

/// Notes under the columns: a paragraph, a list, and now and then a table or a code block.
fn notes(random: &mut Random) -> String {
    let mut notes = format!("{} {}\n\n", sentence(random), sentence(random));
    for _ in 0..random.between(2, 4) {
        let _ = writeln!(notes, "- {}", sentence(random));
    }
    if random.one_in(5) {
        notes.push_str("\n| Quarter | Audited | Met the standard |\n|---|---|---|\n");
        for quarter in ["Q1", "Q2", "Q3"] {
            let audited = random.between(20, 80);
            let met = random.between(audited / 2, audited);
            let _ = writeln!(notes, "| {quarter} | {audited} | {met} |");
        }
    }
    if random.one_in(20) {
        notes.push_str("\nThe audit query we run each month:\n\n```sql\nSELECT ward, COUNT(*) FROM triage\nWHERE seen_within_minutes <= 15\nGROUP BY ward;\n```\n");
    }
    notes
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The id of action `n` (0-based) of the whole corpus.
pub fn action_id(n: usize) -> String {
    format!("action-{n:05}")
}

fn trust_count(actions: usize) -> usize {
    actions
        .div_ceil(ACTIONS_PER_PRIORITY * PRIORITIES_PER_TRUST)
        .max(1)
}

/// One action area: what the plan's register and the Hugo site (`hugo.rs`) both write, so the
/// two hold the same words.
pub struct Action {
    /// Its place in the whole corpus, from 0; its id is `action_id(n)`.
    pub n: usize,
    pub title: String,
    /// Its status in the register, before any update.
    pub status: &'static str,
    /// The quarter it is due, as "Q3 2023/24".
    pub due: String,
    /// The national recommendation it answers, as (group, number), in one action of three.
    pub answers: Option<(usize, usize)>,
    /// The three columns, each a list of Markdown bullets.
    pub achieve: Vec<String>,
    pub doing: Vec<String>,
    pub families: Vec<String>,
    /// Markdown: a paragraph, a list, now and then a table or a code block.
    pub notes: String,
}

/// One action an update moved on.
pub struct Change {
    pub action: usize,
    pub status: &'static str,
    pub note: String,
}

/// One trust's update for one quarter.
pub struct Update {
    /// From 1.
    pub trust: usize,
    pub date: &'static str,
    pub quarter: &'static str,
    pub changes: Vec<Change>,
    /// The update's text, one sentence.
    pub text: String,
}

impl Update {
    pub fn title(&self) -> String {
        format!("Trust {} {} update", self.trust, self.quarter)
    }

    /// Its file's name, without the extension, in both the plan and the Hugo site.
    pub fn slug(&self) -> String {
        format!("{}-trust-{:03}", self.date, self.trust)
    }
}

/// Every update's summary.
pub const UPDATE_SUMMARY: &str = "What moved this quarter.";

/// The whole synthetic region, drawn once from the seed: the plan and the Hugo site are both
/// written from it.
pub struct Region {
    pub actions: Vec<Action>,
    pub updates: Vec<Update>,
    pub trusts: usize,
    /// Action areas in each priority's register.
    pub per_register: usize,
}

impl Region {
    /// Draws the region. The words do not depend on `per_register`, only their grouping.
    pub fn new(actions: usize, per_register: usize, seed: u64) -> Region {
        let mut random = Random(seed);
        let trusts = trust_count(actions);
        let actions: Vec<Action> = (0..actions).map(|n| action(&mut random, n)).collect();
        let updates = updates(&mut random, actions.len(), trusts);
        Region {
            actions,
            updates,
            trusts,
            per_register: per_register.max(1),
        }
    }

    /// Each priority's action areas, in order (one empty priority when there are none).
    pub fn priorities(&self) -> Vec<&[Action]> {
        if self.actions.is_empty() {
            return vec![&[]];
        }
        self.actions.chunks(self.per_register).collect()
    }
}

/// The trust (from 1) whose SRO owns priority `p` (from 0).
pub fn priority_trust(p: usize) -> usize {
    p / PRIORITIES_PER_TRUST + 1
}

/// Priority `p`'s (from 0) theme and work stream.
pub fn priority_theme(p: usize) -> (&'static str, &'static str) {
    PRIORITY_THEMES[p % PRIORITIES_PER_TRUST]
}

/// The national register's recommendation (group, number) and its words.
pub fn recommendations() -> impl Iterator<Item = ((usize, usize), String)> {
    (0..RECOMMENDATIONS).map(|r| {
        let words = format!(
            "Trusts should make sure that {}.",
            OBJECTS[r % OBJECTS.len()]
        );
        ((r / 20 + 1, r % 20 + 1), words)
    })
}

/// The synthetic SROs' titles and summaries, one per trust.
pub fn sro_title(trust: usize) -> String {
    format!("Chief Nurse, Trust {trust}")
}

pub fn sro_summary(trust: usize) -> String {
    format!("Senior responsible owner for the plan of Trust {trust}.")
}

/// Action `n`, drawn in the order the generator always drew it (the plans stay byte for byte).
fn action(random: &mut Random, n: usize) -> Action {
    let status = random.pick(STATUSES);
    let title = format!("{} ({n})", random.pick(TITLES));
    let due = format!("Q{} 2023/24", random.between(1, 4));
    let answers = random.one_in(3).then(|| {
        let r = random.between(0, RECOMMENDATIONS - 1);
        (r / 20 + 1, r % 20 + 1)
    });
    Action {
        n,
        title,
        status,
        due,
        answers,
        achieve: column(random, 2, 3),
        doing: column(random, 2, 4),
        families: column(random, 2, 3),
        notes: notes(random),
    }
}

/// About one update per ten actions: one per trust per quarter, naming the actions it moved.
fn updates(random: &mut Random, actions: usize, trusts: usize) -> Vec<Update> {
    let per_trust = ACTIONS_PER_PRIORITY * PRIORITIES_PER_TRUST;
    let mut updates = Vec::new();
    for t in 0..trusts {
        let first = t * per_trust;
        let last = ((t + 1) * per_trust).min(actions);
        for (q, &(date, quarter)) in QUARTERS.iter().enumerate() {
            // Every tenth action of the trust, each quarter a different tenth.
            let changes: Vec<Change> = (first + q * 10 / QUARTERS.len()..last)
                .step_by(10 * QUARTERS.len())
                .map(|action| Change {
                    action,
                    status: random.pick(&STATUSES[1..]),
                    note: sentence(random),
                })
                .collect();
            if changes.is_empty() {
                continue;
            }
            let text = sentence(random);
            updates.push(Update {
                trust: t + 1,
                date,
                quarter,
                changes,
                text,
            });
        }
    }
    updates
}

/// Every file of a synthetic project with `actions` action areas, as (path under the project,
/// text). Pure, so a test can check it is deterministic. (The tests use it; the example asks
/// for a shape.)
#[allow(dead_code)]
pub fn corpus(actions: usize, seed: u64) -> Vec<(PathBuf, String)> {
    corpus_shaped(actions, ACTIONS_PER_PRIORITY, seed)
}

/// The same corpus with `per_register` action areas in each priority's register. The actions,
/// their words and the updates are the same whatever the shape: only the grouping changes.
pub fn corpus_shaped(actions: usize, per_register: usize, seed: u64) -> Vec<(PathBuf, String)> {
    plan_files(&Region::new(actions, per_register, seed))
}

/// The region as a planpress project.
pub fn plan_files(region: &Region) -> Vec<(PathBuf, String)> {
    let trusts = region.trusts;
    let mut files = vec![
        (
            PathBuf::from("content/plan.toml"),
            plan_file(region.actions.len(), trusts),
        ),
        (PathBuf::from("content/sros.toml"), sros_file(trusts)),
        (
            PathBuf::from("content/registers/national.toml"),
            register_file(),
        ),
        (PathBuf::from("content/glossary.toml"), GLOSSARY.to_string()),
        (PathBuf::from("content/pages/about.md"), ABOUT.to_string()),
    ];
    for (p, actions) in region.priorities().into_iter().enumerate() {
        let path = format!("content/priorities/{:04}.toml", p + 1);
        files.push((PathBuf::from(path), priority_file(p, actions)));
    }
    files.extend(region.updates.iter().map(update_file));
    files
}

pub const ORGANISATION: &str = "Synthetic Region Maternity Network";
pub const TITLE: &str = "Regional Maternity Improvement Plan";
pub const VISION: &str = "Safe, kind and personal care for every family in the region.";
pub const PERIOD: &str = "2023/24";
pub const BASE_URL: &str = "https://example.nhs.uk/region/";

pub fn introduction(trusts: usize) -> String {
    format!("This plan brings together the improvement plans of {trusts} trusts.")
}

/// Its first line still names `planpress synthetic`, as this generator was run until issue 19:
/// the plans stay byte for byte those the README's figures were measured on.
fn plan_file(actions: usize, trusts: usize) -> String {
    format!(
        r#"# A synthetic region of {trusts} trusts and {actions} action areas, made by `planpress synthetic` for the benchmarks.
organisation = "{ORGANISATION}"
title = "{TITLE}"
vision = "{VISION}"
introduction = "{}"
period = "{PERIOD}"
as_of = 2024-06-30
base_url = "{BASE_URL}"
language = "en-GB"
theme = "default"
"#,
        introduction(trusts)
    )
}

fn sros_file(trusts: usize) -> String {
    let mut text = String::new();
    for t in 1..=trusts {
        let _ = write!(
            text,
            "[[sros]]\nid = \"trust-{t}-chief-nurse\"\ntitle = \"{}\"\nsummary = \"{}\"\n\n",
            sro_title(t),
            sro_summary(t)
        );
    }
    text
}

fn register_file() -> String {
    let mut text = String::from(
        "title = \"National Maternity Recommendations\"\nshort_title = \"NMR\"\npublisher = \"NHS England\"\npublished = \"2023\"\nitem_label = \"Recommendation\"\nsummary = \"A synthetic national register.\"\n\n[[audiences]]\nid = \"trusts\"\nlabel = \"Trusts\"\nlocal = true\n\n",
    );
    let groups = RECOMMENDATIONS / 20;
    for g in 1..=groups {
        let _ = write!(
            text,
            "[[groups]]\nid = \"theme-{g}\"\ntitle = \"Theme {g}\"\n\n"
        );
    }
    for ((g, n), words) in recommendations() {
        let _ = write!(
            text,
            "[[items]]\nid = \"{g}.{n}\"\ngroup = \"theme-{g}\"\nfor = [\"trusts\"]\ntext = \"{words}\"\n\n",
        );
    }
    text
}

fn priority_file(p: usize, actions: &[Action]) -> String {
    let trust = priority_trust(p);
    let (theme, workstream) = priority_theme(p);
    let mut text = format!(
        "number = {}\ntitle = \"Trust {trust}: {theme}\"\nworkstream = \"{workstream}\"\ntrust_priority = \"Caring for our patients\"\nsro = \"trust-{trust}-chief-nurse\"\n",
        p + 1
    );
    for action in actions {
        let _ = write!(
            text,
            "\n[[actions]]\nid = \"{}\"\ntitle = \"{}\"\nstatus = \"{}\"\ndue = \"{}\"\n",
            action_id(action.n),
            action.title,
            action.status,
            action.due,
        );
        if let Some((g, n)) = action.answers {
            let _ = writeln!(text, "answers = [\"national/{g}.{n}\"]");
        }
        let _ = writeln!(text, "achieve = {}", toml_column(&action.achieve));
        let _ = writeln!(text, "doing = {}", toml_column(&action.doing));
        let _ = writeln!(text, "families = {}", toml_column(&action.families));
        let _ = writeln!(text, "notes = {}", toml_string(&action.notes));
    }
    text
}

fn update_file(update: &Update) -> (PathBuf, String) {
    let mut text = format!(
        "+++\ndate = {}\ntitle = \"{}\"\nauthor = \"{}\"\nsummary = \"{UPDATE_SUMMARY}\"\n",
        update.date,
        update.title(),
        sro_title(update.trust)
    );
    for change in &update.changes {
        let _ = write!(
            text,
            "\n[[actions]]\nid = \"{}\"\nstatus = \"{}\"\nnote = \"{}\"\n",
            action_id(change.action),
            change.status,
            change.note
        );
    }
    let _ = write!(text, "+++\n{}\n", update.text);
    let path = format!("content/updates/{}.md", update.slug());
    (PathBuf::from(path), text)
}

const GLOSSARY: &str = r#"[[terms]]
term = "CTG"
expansion = "cardiotocography"
meaning = "A check of the baby's heartbeat during labour."

[[terms]]
term = "LMNS"
expansion = "Local Maternity and Neonatal System"

[[terms]]
term = "MDT"
expansion = "multidisciplinary team"

[[terms]]
term = "MNVP"
expansion = "Maternity and Neonatal Voices Partnership"

[[terms]]
term = "NHS"
expansion = "National Health Service"

[[terms]]
term = "NMR"
expansion = "National Maternity Recommendations"

[[terms]]
term = "PMRT"
expansion = "Perinatal Mortality Review Tool"

[[terms]]
term = "SRO"
expansion = "senior responsible owner"
"#;

/// The plan's one page, which its actions link to as `ABOUT_LINK`.
pub const ABOUT: &str = "+++\ntitle = \"About this plan\"\nsummary = \"How the trusts in the region report their progress.\"\norder = 1\n+++\nEach trust reports its progress every quarter.\n";

/// Writes the corpus under `out`, which must not exist yet (a benchmark never overwrites work).
/// (The tests that include this file write the default shape; the example asks for a shape.)
#[allow(dead_code)]
pub fn write_corpus(out: &Path, actions: usize, seed: u64) -> std::io::Result<()> {
    write_corpus_shaped(out, actions, ACTIONS_PER_PRIORITY, seed)
}

/// Writes the corpus with `per_register` action areas in each register.
pub fn write_corpus_shaped(
    out: &Path,
    actions: usize,
    per_register: usize,
    seed: u64,
) -> std::io::Result<()> {
    planpress::write::new_folder(out, &corpus_shaped(actions, per_register, seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
        assert_eq!(corpus(250, 7), corpus(250, 7));
        assert_ne!(corpus(250, 7), corpus(250, 8));
    }

    #[test]
    fn it_holds_the_actions_asked_for_with_about_one_update_per_ten() {
        let files = corpus(1000, 1);
        let count = |folder: &str, needle: &str| {
            files
                .iter()
                .filter(|(p, _)| p.starts_with(folder))
                .map(|(_, t)| t.matches(needle).count())
                .sum::<usize>()
        };
        assert_eq!(count("content/priorities", "[[actions]]"), 1000);
        let updates = count("content/updates", "[[actions]]");
        assert!((90..=110).contains(&updates), "{updates} updates");
    }

    #[test]
    fn actions_have_three_to_six_hundred_words_on_average() {
        let files = corpus(400, 3);
        let words: usize = files
            .iter()
            .filter(|(p, _)| p.starts_with("content/priorities"))
            .map(|(_, t)| t.split_whitespace().count())
            .sum();
        let per_action = words / 400;
        assert!((300..=600).contains(&per_action), "{per_action} words");
    }
}
