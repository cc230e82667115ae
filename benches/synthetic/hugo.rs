//! The synthetic region as a Hugo site, so the benchmarks can time Hugo building the same words
//! planpress builds (`synthetic OUT --hugo`; see the README's "Benchmarks").
//!
//! Both are written from one `Region`, so every title, column, note, update and recommendation
//! reads the same. The site is an ordinary Hugo site: one Markdown page per action area, in a
//! section per priority (so a priority's page lists its actions, as planpress's does), with its
//! owner, status and the recommendations it answers as taxonomies (a page per owner, status and
//! recommendation, each listing its actions); the updates as pages and a feed; a home page. Its
//! layouts (`hugo/layouts/`) are plain semantic HTML with one stylesheet and no JavaScript, and
//! Markdown is rendered by Hugo's own Goldmark, code fences highlighted as Hugo does by default.
//! planpress also makes pages this site has no counterpart for (the A to Z, the dashboard, the
//! print edition, the search index, open data): those are planpress's extra work, not Hugo's.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::corpus::{self, Action, Region, Update};

/// The statuses the synthetic plan uses, with planpress's words for them.
const STATUSES: [(&str, &str, &str); 4] = [
    (
        "not-yet-reported",
        "Not yet reported",
        "We have not yet published an update on this. The plan sets out what we will do.",
    ),
    (
        "on-track",
        "On track",
        "Work is going to plan and should finish on time.",
    ),
    (
        "at-risk",
        "At risk",
        "Work has started, but it may be late or may not do all we planned.",
    ),
    ("complete", "Complete", "The work is done."),
];

/// Where the about page is on the Hugo site (Hugo leaves a link to a Markdown file as written).
const ABOUT_URL: &str = "/region/about/";

const LAYOUTS: [(&str, &str); 13] = [
    (
        "_default/baseof.html",
        include_str!("hugo/layouts/_default/baseof.html"),
    ),
    (
        "_default/single.html",
        include_str!("hugo/layouts/_default/single.html"),
    ),
    (
        "_default/list.html",
        include_str!("hugo/layouts/_default/list.html"),
    ),
    (
        "_default/taxonomy.html",
        include_str!("hugo/layouts/_default/taxonomy.html"),
    ),
    (
        "_default/term.html",
        include_str!("hugo/layouts/_default/term.html"),
    ),
    ("index.html", include_str!("hugo/layouts/index.html")),
    ("404.html", include_str!("hugo/layouts/404.html")),
    (
        "priorities/list.html",
        include_str!("hugo/layouts/priorities/list.html"),
    ),
    (
        "priorities/single.html",
        include_str!("hugo/layouts/priorities/single.html"),
    ),
    (
        "updates/list.html",
        include_str!("hugo/layouts/updates/list.html"),
    ),
    (
        "updates/single.html",
        include_str!("hugo/layouts/updates/single.html"),
    ),
    (
        "partials/actions.html",
        include_str!("hugo/layouts/partials/actions.html"),
    ),
    (
        "partials/changes.html",
        include_str!("hugo/layouts/partials/changes.html"),
    ),
];
const STATUS_PARTIAL: &str = include_str!("hugo/layouts/partials/status.html");
const STYLE: &str = include_str!("hugo/style.css");

/// Every file of the Hugo site, as (path under the site, text).
pub fn site(region: &Region) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = LAYOUTS
        .iter()
        .map(|(path, text)| (PathBuf::from("layouts").join(path), text.to_string()))
        .collect();
    files.push(("layouts/partials/status.html".into(), STATUS_PARTIAL.into()));
    files.push(("static/style.css".into(), STYLE.into()));
    files.push(("hugo.toml".into(), config()));
    files.push(("content/_index.md".into(), home(region)));
    files.push(("content/about.md".into(), corpus::ABOUT.into()));
    files.extend(terms(region));
    files.extend(priorities(region));
    files.extend(updates(region));
    files
}

fn config() -> String {
    let mut text = format!(
        "baseURL = \"{}\"\nlanguageCode = \"en-GB\"\ntitle = \"{}\"\n\n\
         [taxonomies]\nowner = \"owners\"\nstatus = \"statuses\"\nrecommendation = \"recommendations\"\n\n\
         [outputs]\nhome = [\"HTML\"]\nsection = [\"HTML\"]\ntaxonomy = [\"HTML\"]\nterm = [\"HTML\"]\n\n\
         [params]\norganisation = \"{}\"\nperiod = \"{}\"\n\n[params.statuses]\n",
        corpus::BASE_URL,
        corpus::TITLE,
        corpus::ORGANISATION,
        corpus::PERIOD
    );
    for (slug, label, _) in STATUSES {
        let _ = writeln!(text, "{slug} = \"{label}\"");
    }
    let menu = [
        ("Home", "/"),
        ("Priorities", "/priorities/"),
        ("Who is accountable", "/owners/"),
        ("Statuses", "/statuses/"),
        ("National recommendations", "/recommendations/"),
        ("Updates", "/updates/"),
        ("About the plan", "/about/"),
    ];
    for (weight, (name, url)) in menu.iter().enumerate() {
        let _ = write!(
            text,
            "\n[[menu.main]]\nname = \"{name}\"\nurl = \"{url}\"\nweight = {weight}\n"
        );
    }
    text
}

fn home(region: &Region) -> String {
    format!(
        "+++\ntitle = \"{}\"\nvision = \"{}\"\n+++\n{}\n",
        corpus::TITLE,
        corpus::VISION,
        corpus::introduction(region.trusts)
    )
}

/// A front matter string, quoted as TOML quotes it.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The term pages with words of their own: each owner, status and recommendation.
fn terms(region: &Region) -> Vec<(PathBuf, String)> {
    let term = |taxonomy: &str, slug: &str, title: &str, summary: &str| {
        let path = format!("content/{taxonomy}/{slug}/_index.md");
        let text = format!(
            "+++\ntitle = {}\nsummary = {}\n+++\n",
            quoted(title),
            quoted(summary)
        );
        (PathBuf::from(path), text)
    };
    let mut files = Vec::new();
    for t in 1..=region.trusts {
        let (title, summary) = (corpus::sro_title(t), corpus::sro_summary(t));
        files.push(term("owners", &owner(t), &title, &summary));
    }
    for (slug, label, meaning) in STATUSES {
        files.push(term("statuses", slug, label, meaning));
    }
    for ((g, n), words) in corpus::recommendations() {
        let title = format!("Recommendation NMR {g}.{n}");
        files.push(term(
            "recommendations",
            &recommendation(g, n),
            &title,
            &words,
        ));
    }
    files
}

fn owner(trust: usize) -> String {
    format!("trust-{trust}-chief-nurse")
}

fn recommendation(group: usize, number: usize) -> String {
    format!("national-{group}-{number}")
}

/// Where action `n` is on the site, relative to its base URL, given its priority (from 0).
fn action_url(priority: usize, n: usize) -> String {
    format!("priorities/{:04}/{}/", priority + 1, corpus::action_id(n))
}

/// What the site needs to know of each action to link to it: its priority and reference.
struct Place {
    priority: usize,
    reference: String,
}

fn places(region: &Region) -> Vec<Place> {
    let mut places = Vec::with_capacity(region.actions.len());
    for (p, actions) in region.priorities().into_iter().enumerate() {
        for k in 0..actions.len() {
            places.push(Place {
                priority: p,
                reference: format!("{}.{}", p + 1, k + 1),
            });
        }
    }
    places
}

/// An action's status before and after an update moved it on.
type Move = (&'static str, &'static str);

/// What the updates did: each action's status after the last, and each update's moves, one for
/// each of its changes, in the order they were published.
struct Moves {
    now: Vec<&'static str>,
    by_update: Vec<Vec<Move>>,
}

fn moves(region: &Region) -> Moves {
    let mut now: Vec<&'static str> = region.actions.iter().map(|a| a.status).collect();
    // An action is named only by its own trust's updates, which come in date order.
    let by_update = region
        .updates
        .iter()
        .map(|update| {
            let changes = update.changes.iter();
            changes
                .map(|c| (std::mem::replace(&mut now[c.action], c.status), c.status))
                .collect()
        })
        .collect();
    Moves { now, by_update }
}

fn priorities(region: &Region) -> Vec<(PathBuf, String)> {
    let places = places(region);
    let now = moves(region).now;
    // Each action's history, newest first: (update, its status after, the note).
    let mut history: Vec<Vec<(&Update, &str, &str)>> = vec![Vec::new(); region.actions.len()];
    for update in region.updates.iter().rev() {
        for change in &update.changes {
            history[change.action].push((update, change.status, &change.note));
        }
    }
    let mut files = vec![(
        PathBuf::from("content/priorities/_index.md"),
        "+++\ntitle = \"Priorities\"\n+++\n".to_string(),
    )];
    for (p, actions) in region.priorities().into_iter().enumerate() {
        let folder = format!("content/priorities/{:04}", p + 1);
        let (theme, workstream) = corpus::priority_theme(p);
        let trust = corpus::priority_trust(p);
        let index = format!(
            "+++\ntitle = \"Trust {trust}: {theme}\"\nnumber = {}\nweight = {}\nworkstream = \"{workstream}\"\ntrust_priority = \"Caring for our patients\"\nsro = \"{}\"\n+++\n",
            p + 1,
            p + 1,
            owner(trust)
        );
        files.push((PathBuf::from(format!("{folder}/_index.md")), index));
        for (k, action) in actions.iter().enumerate() {
            let path = format!("{folder}/{}.md", corpus::action_id(action.n));
            let page = action_page(
                action,
                &places[action.n].reference,
                k + 1,
                trust,
                now[action.n],
                &history[action.n],
            );
            files.push((PathBuf::from(path), page));
        }
    }
    files
}

/// One action area's page: its facts and taxonomies in front matter, its words in Markdown.
fn action_page(
    action: &Action,
    reference: &str,
    weight: usize,
    trust: usize,
    status: &str,
    history: &[(&Update, &str, &str)],
) -> String {
    let mut text = format!(
        "+++\ntitle = \"{}\"\nref = \"{reference}\"\nweight = {weight}\ndue = \"{}\"\nowners = [\"{}\"]\nstatuses = [\"{status}\"]\n",
        action.title,
        action.due,
        owner(trust)
    );
    if let Some((g, n)) = action.answers {
        let _ = writeln!(text, "recommendations = [\"{}\"]", recommendation(g, n));
    }
    for (update, status, note) in history {
        let _ = write!(
            text,
            "\n[[history]]\ndate = \"{}\"\nupdate = \"updates/{}/\"\nstatus = \"{status}\"\nnote = {}\n",
            update.date,
            update.slug(),
            quoted(note)
        );
    }
    text.push_str("+++\n");
    for (heading, bullets) in [
        ("What do we expect to achieve", &action.achieve),
        ("What actions are we taking", &action.doing),
        ("What will this mean for our families", &action.families),
    ] {
        let _ = writeln!(text, "## {heading}\n");
        for bullet in bullets {
            let _ = writeln!(text, "- {}", bullet.replace(corpus::ABOUT_LINK, ABOUT_URL));
        }
        text.push('\n');
    }
    let _ = write!(text, "## Notes\n\n{}", action.notes);
    text
}

fn updates(region: &Region) -> Vec<(PathBuf, String)> {
    let places = places(region);
    let moves = moves(region).by_update;
    let mut files = vec![(
        PathBuf::from("content/updates/_index.md"),
        "+++\ntitle = \"Updates\"\noutputs = [\"HTML\", \"RSS\"]\n+++\n".to_string(),
    )];
    for (update, moved) in region.updates.iter().zip(&moves) {
        let mut text = format!(
            "+++\ndate = {}\ntitle = \"{}\"\nauthor = \"{}\"\nsummary = \"{}\"\n",
            update.date,
            update.title(),
            corpus::sro_title(update.trust),
            corpus::UPDATE_SUMMARY
        );
        for (change, (from, to)) in update.changes.iter().zip(moved) {
            let place = &places[change.action];
            let action = &region.actions[change.action];
            let _ = write!(
                text,
                "\n[[changes]]\nurl = \"{}\"\nref = \"{}\"\ntitle = \"{}\"\nfrom = \"{from}\"\nto = \"{to}\"\nnote = {}\n",
                action_url(place.priority, change.action),
                place.reference,
                action.title,
                quoted(&change.note)
            );
        }
        let _ = write!(text, "+++\n{}\n", update.text);
        let path = format!("content/updates/{}.md", update.slug());
        files.push((PathBuf::from(path), text));
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The Hugo site's pages by path, and the plan's files parsed, for one region.
    fn both(
        actions: usize,
        per_register: usize,
    ) -> (HashMap<PathBuf, String>, Vec<(PathBuf, String)>) {
        let region = Region::new(actions, per_register, 5);
        (
            site(&region).into_iter().collect(),
            corpus::plan_files(&region),
        )
    }

    #[test]
    fn each_action_of_the_plan_has_one_hugo_page_with_the_same_words() {
        let (site, plan) = both(600, 250);
        let registers = plan
            .iter()
            .filter(|(p, _)| p.starts_with("content/priorities"));
        let mut seen = 0;
        for (p, (_, text)) in registers.enumerate() {
            let register: toml::Table = text.parse().unwrap();
            for action in register["actions"].as_array().unwrap() {
                let id = action["id"].as_str().unwrap();
                let path = PathBuf::from(format!("content/priorities/{:04}/{id}.md", p + 1));
                let page = &site[&path];
                assert!(
                    page.contains(action["title"].as_str().unwrap()),
                    "{id}'s title"
                );
                for column in ["achieve", "doing", "families"] {
                    for bullet in action[column].as_array().unwrap() {
                        let words = bullet
                            .as_str()
                            .unwrap()
                            .replace(corpus::ABOUT_LINK, ABOUT_URL);
                        assert!(page.contains(&format!("- {words}\n")), "{id}'s {column}");
                    }
                }
                assert!(
                    page.ends_with(action["notes"].as_str().unwrap()),
                    "{id}'s notes"
                );
                seen += 1;
            }
        }
        assert_eq!(seen, 600);
        let pages = site
            .keys()
            .filter(|p| p.to_string_lossy().contains("/action-"));
        assert_eq!(pages.count(), 600, "no action has a second page");
    }

    #[test]
    fn an_action_s_status_is_its_last_update_s_as_in_the_plan() {
        let (site, plan) = both(800, 100);
        let mut last: HashMap<String, String> = HashMap::new();
        let updates = plan
            .iter()
            .filter(|(p, _)| p.starts_with("content/updates"));
        // The plan's update files sort by date within a trust, and name only its own actions.
        let mut updates: Vec<_> = updates.collect();
        updates.sort_by_key(|(p, _)| p.clone());
        for (_, text) in updates {
            let front: toml::Table = text.split("+++").nth(1).unwrap().parse().unwrap();
            for action in front["actions"].as_array().unwrap() {
                let id = action["id"].as_str().unwrap().to_string();
                last.insert(id, action["status"].as_str().unwrap().to_string());
            }
        }
        assert!(last.len() > 50, "{} actions updated", last.len());
        for (path, page) in &site {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if let Some(status) = last.get(id) {
                assert!(page.contains(&format!("statuses = [\"{status}\"]")), "{id}");
            }
        }
    }
}
