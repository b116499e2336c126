//! `diff`: what changed between two sheets, or between the sheets of two git
//! revisions, per section and item.

pub mod semantic;
