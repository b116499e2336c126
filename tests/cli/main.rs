//! Integration tests: the real `sheet` binary on real files.

mod common;
mod examples;
mod fuzz_corpus;
mod hostile;
mod readme;
mod validate;
