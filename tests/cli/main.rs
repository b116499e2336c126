//! Integration tests: the real `sheet` binary on real files.

mod common;
mod examples;
mod fuzz_corpus;
mod readme;
mod validate;
