//! `planpress reference`: prints the content-format reference (every file, every field, whether it
//! is required, an example), made from the fields the loader reads. `content/FORMAT.md` is its
//! committed copy.

#[derive(clap::Args)]
pub struct Reference {}

impl Reference {
    pub fn run(self) -> Result<(), super::CommandError> {
        let schema = planpress::reference::Schema::read();
        print!("{}", planpress::reference::markdown(&schema));
        Ok(())
    }
}
