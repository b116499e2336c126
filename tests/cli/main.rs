//! Integration tests: the real `sheet` binary on real files.

mod common;
mod diff;
mod examples;
mod fuzz_corpus;
mod history;
mod hostile;
mod readme;
mod validate;
