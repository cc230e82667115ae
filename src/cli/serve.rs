//! `planpress serve`: the draft site on this computer, rebuilt and reloaded on every save.

use std::net::{IpAddr, SocketAddr};

use super::flags::Project;
use super::print::{say, tell};
use super::CommandError;

#[derive(clap::Args)]
pub struct Serve {
    #[command(flatten)]
    project: Project,
    /// The port to serve on (0 picks a free one).
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on. Anything but 127.0.0.1 lets other computers read the draft.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
}

impl Serve {
    pub fn run(self) -> Result<(), CommandError> {
        let address = SocketAddr::new(self.bind, self.port);
        if !self.bind.is_loopback() {
            tell!("warning: serving on {}, so other computers that can reach it can read this draft site; the default, 127.0.0.1, keeps it to this computer", self.bind);
        }
        let ready = |bound: SocketAddr| {
            say!(
                "Serving on http://{bound}/ (only this computer can see it). Press Ctrl+C to stop."
            );
        };
        // The draft site: updates still marked `draft = true` are shown, labelled as drafts.
        let options = planpress::Options {
            drafts: true,
            ..self.project.options()
        };
        planpress::serve::serve(&self.project.root, address, options, ready)
            .map_err(|error| CommandError::CannotServe { address, error })
    }
}
