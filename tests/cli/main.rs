//! Integration tests: the real `sheet` binary on real files.

mod architecture;
mod authoring;
mod briefing;
mod common;
mod compare;
mod diff;
mod examples;
mod fuzz_corpus;
mod git_safety;
mod help;
mod history;
mod hostile;
mod officials;
mod progress;
mod readme;
mod safety;
mod terminal;
mod validate;
mod workbook_read;
mod workbook_roundtrip;
mod workbook_write;
mod years;
