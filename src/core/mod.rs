//! The format core: what defines and checks a sheet, from bytes to diagnostics.
//!
//! Reading bytes, the TOML loader with places, the model, the checks, dates and
//! fiscal years, indicator arithmetic and diagnostics as data. It imports nothing of
//! the command line, output, tables, reports, themes or wording (a test in
//! `tests/cli/architecture.rs` holds it to that), so a second input (workbooks) and
//! every command build on the same ground.

pub mod check;
pub mod date;
pub mod diag;
pub mod fiscal;
pub mod indicator;
pub mod keys;
pub mod load;
pub mod model;
pub mod place;
pub mod read;
pub mod source;
pub mod syntax;
pub mod text;
pub(crate) mod tokens;
pub mod value;
pub mod workbook;
