//! Integration tests: the real `sheet` binary on real files.

mod common;
mod diff;
mod history;
mod validate;
