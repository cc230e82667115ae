//! Writes a synthetic plan of any size, for the benchmarks (see the README's "Benchmarks"):
//!
//! ```text
//! cargo run --release --example synthetic -- OUT --actions N [--per-register R] --seed S
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
    /// How many action areas each priority's register holds (the same actions, grouped in fewer,
    /// larger registers: 50000 writes one register).
    #[arg(long, default_value_t = corpus::ACTIONS_PER_PRIORITY)]
    per_register: usize,
    /// The same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let Synthetic {
        out,
        actions,
        per_register,
        seed,
    } = Synthetic::parse();
    match corpus::write_corpus_shaped(&out, actions, per_register, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
