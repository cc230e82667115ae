//! `planpress new`: a page, update or action area to fill in, made from what the plan already
//! says (its first status, the ids in use); a new update is dated today. It never overwrites a
//! file.

use std::path::{Path, PathBuf};

use planpress::model::Date;
use planpress::placeholders;

use super::flags::parse_date;
use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct New {
    #[command(subcommand)]
    what: Entry,
    /// The project folder: the one that holds content/.
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(clap::Subcommand)]
enum Entry {
    /// A Markdown page in content/pages/.
    Page {
        /// Its address: lower-case words joined by hyphens ("visiting-the-unit").
        slug: String,
        #[arg(long, default_value = placeholders::PAGE_TITLE.text)]
        title: String,
    },
    /// A dated progress update in content/updates/.
    Update {
        /// A short name for its file ("april-2024").
        slug: String,
        #[arg(long, default_value = placeholders::UPDATE_TITLE.text)]
        title: String,
        /// Its date, e.g. 2024-04-10 [default: today]. `publish
        /// --as-of` moves the report date on to it when it is ready for readers.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
    },
    /// An action area at the end of a priority's register.
    Action {
        /// The priority's id: its file name in content/priorities/ without .toml.
        priority: String,
        /// The new action area's id, unique in the plan ("birth-centre").
        id: String,
        #[arg(long, default_value = placeholders::ACTION_TITLE.text)]
        title: String,
    },
}

impl New {
    pub fn run(self) -> Result<(), CommandError> {
        let created = create(self.what, &self.root)?;
        say!(
            "Created a new {} in {}.",
            created.what,
            created.path.display()
        );
        say!("Fill in the fields it asks for, then run `planpress check` to see that all is well.");
        Ok(())
    }
}

/// Writes the new entry's file. What it needs from the plan: the first status, the ids in use.
fn create(what: Entry, root: &Path) -> Result<planpress::scaffold::Created, CommandError> {
    let fresh = &planpress::pipeline::Fresh;
    let sources = planpress::load::read(root, fresh).sources;
    let (content, _) = planpress::load::parse(sources, false, fresh);
    let plan = content.plan.as_ref().map(|p| &p.value);
    let first_status = plan
        .and_then(|p| p.statuses.first().map(|s| s.id.get_ref().clone()))
        .unwrap_or_else(|| "not-yet-reported".into());
    let created = match what {
        Entry::Page { slug, title } => planpress::scaffold::page(root, &slug, &title),
        Entry::Update { slug, title, date } => {
            let date = date.unwrap_or_else(super::flags::today);
            planpress::scaffold::update(root, &slug, &title, date, &first_status)
        }
        Entry::Action {
            priority,
            id,
            title,
        } => {
            let taken: Vec<String> = content
                .priorities
                .iter()
                .flat_map(|p| p.value.actions.iter().map(|a| a.id.get_ref().clone()))
                .collect();
            planpress::scaffold::action(root, &priority, &id, &title, &first_status, &taken)
        }
    };
    created.map_err(CommandError::NotCreated)
}
