//! Writes a synthetic plan of any size, for the benchmarks (see the README's "Benchmarks"):
//!
//! ```text
//! cargo run --release --example synthetic -- OUT --actions N [--per-register R] --seed S [--hugo]
//! ```
//!
//! `--hugo` writes the same region as a Hugo site instead (`hugo.rs`), for the benchmark that
//! times Hugo building the same words.

mod corpus;
mod hugo;

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
    /// Write the same actions, updates and recommendations as a Hugo site, not a plan.
    #[arg(long)]
    hugo: bool,
}

fn main() -> ExitCode {
    let Synthetic {
        out,
        actions,
        per_register,
        seed,
        hugo,
    } = Synthetic::parse();
    let written = if hugo {
        let region = corpus::Region::new(actions, per_register, seed);
        planpress::write::new_folder(&out, &hugo::site(&region))
    } else {
        corpus::write_corpus_shaped(&out, actions, per_register, seed)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
