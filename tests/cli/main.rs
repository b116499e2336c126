//! Integration tests: the real `sheet` binary on real files.

mod authoring;
mod common;
mod validate;
