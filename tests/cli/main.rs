//! Integration tests: the real `sheet` binary on real files.

mod common;
mod compare;
mod progress;
mod terminal;
mod validate;
