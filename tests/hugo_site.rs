//! The Hugo site the benchmarks time planpress against (`synthetic --hugo`) holds the same words
//! as the plan: each action's page, its columns and notes, and its status after the updates.

#[path = "../benches/synthetic/corpus.rs"]
mod corpus;
#[path = "../benches/synthetic/hugo.rs"]
mod hugo;
