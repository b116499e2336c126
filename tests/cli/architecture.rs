//! The format core (`src/core/`) imports nothing above it: not the command line,
//! output, tables, reports, themes or wording. A file that does fails here.

use std::path::{Path, PathBuf};

/// Crates that only the layers above the core use (command line, output, wording).
const ABOVE_THE_CORE: &[&str] = &[
    "annotate_snippets",
    "clap",
    "clap_complete",
    "clap_mangen",
    "comfy_table",
    "csv",
    "maud",
    "rust_xlsxwriter",
    "serde_json",
    "strsim",
    "terminal_size",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/core") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every path a line names that leaves the core: `crate::x` where x is not `core`,
/// `super::` out of `src/core/mod.rs`, or a crate of the layers above.
fn escapes(line: &str, is_core_root: bool) -> Option<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if !after.starts_with("core::") && !after.starts_with("core;") {
            return Some(format!(
                "crate::{}",
                after.split_whitespace().next().unwrap_or("")
            ));
        }
        rest = after;
    }
    if is_core_root && code.contains("super::") {
        return Some("super::".to_string());
    }
    let words = code.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'));
    words
        .filter_map(|w| w.split("::").next())
        .find(|head| ABOVE_THE_CORE.contains(head) && code.contains(&format!("{head}::")))
        .map(str::to_string)
}

#[test]
fn the_format_core_imports_nothing_above_it() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() > 5, "the core's files: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let is_root =
            file.file_name().is_some_and(|n| n == "mod.rs") && file.parent() == Some(&core);
        // A file's unit tests (`#[cfg(test)]` to its end) are not the core's code:
        // they may build workbooks with the writer that the layers above use.
        let product = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in product.lines().enumerate() {
            if let Some(what) = escapes(line, is_root) {
                found.push(format!("{}:{}: {what}", file.display(), i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the core reaches above itself:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_sees_an_import_from_above() {
    assert_eq!(
        escapes("use crate::i18n::Lang;", false).as_deref(),
        Some("crate::i18n::Lang;")
    );
    assert!(escapes("use crate::core::model::Sheet;", false).is_none());
    assert!(escapes("    let x = crate::core::text::normalize(s);", false).is_none());
    assert_eq!(escapes("use super::cli;", true).as_deref(), Some("super::"));
    assert!(escapes("use super::text;", false).is_none());
    assert_eq!(
        escapes("    let t = comfy_table::Table::new();", false).as_deref(),
        Some("comfy_table")
    );
    assert!(escapes("// a comment naming crate::cli", false).is_none());
}
