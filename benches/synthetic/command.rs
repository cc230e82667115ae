//! Writes a synthetic plan of any size, for the benchmarks (see the README's "Benchmarks"):
//!
//! ```text
//! cargo run --release --example synthetic -- OUT --actions N --seed S
//! ```

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Write a synthetic plan of any size, for the benchmarks.
#[derive(Parser)]
#[command(name = "synthetic")]
struct Synthetic {
    /// The project folder to create; it must not exist.
    out: PathBuf,
    /// How many action areas.
    #[arg(long, default_value_t = 1000)]
    actions: usize,
    /// The same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let Synthetic { out, actions, seed } = Synthetic::parse();
    match corpus::write_corpus(&out, actions, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
