//! Workbooks (`.xlsx`, SPEC §6) as a second input of format 1.

pub mod cells;
