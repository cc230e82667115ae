//! `planpress init [DIR]`: a new plan to fill in, in an empty or new folder.

use std::path::PathBuf;

use super::print::say;
use super::CommandError;

#[derive(clap::Args)]
pub struct Init {
    /// The folder to start the plan in: empty, or not there yet.
    #[arg(default_value = ".")]
    dir: PathBuf,
}

impl Init {
    pub fn run(self) -> Result<(), CommandError> {
        let written = planpress::init::write(&self.dir).map_err(CommandError::NotCreated)?;
        say!("Started a plan in {}:", self.dir.display());
        for path in written {
            say!("  {}", path.display());
        }
        say!("Fill in the placeholders (`planpress check` points at each one left), then `planpress build`.");
        say!("`planpress reference` lists every file and field a plan may have.");
        Ok(())
    }
}
