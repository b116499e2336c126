//! Integration tests: the real `sheet` binary on real files.

mod common;
mod examples;
mod readme;
mod validate;
