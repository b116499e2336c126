//! `--region NAME`: which sheets a command is about (SPEC §4).

use crate::error::Failure;
use crate::model::Sheet;
use crate::text;

/// True when `wanted` names this sheet: its region name, the name with or without
/// the suffix 圏域, or the file stem; full-width and half-width alike.
pub fn matches(sheet: &Sheet, wanted: &str) -> bool {
    let key = text::region_key(wanted);
    if key.is_empty() {
        return false;
    }
    if text::region_key(&sheet.region) == key {
        return true;
    }
    let stem = std::path::Path::new(&sheet.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    text::normalize(&stem).eq_ignore_ascii_case(&text::normalize(wanted))
}

/// Keeps the sheets named by `wanted` (all when it is empty), in input order.
/// A name that matches no sheet is an error listing the known regions.
pub fn select<'a>(sheets: &'a [Sheet], wanted: &[String]) -> Result<Vec<&'a Sheet>, Failure> {
    if wanted.is_empty() {
        return Ok(sheets.iter().collect());
    }
    for w in wanted {
        if !sheets.iter().any(|s| matches(s, w)) {
            return Err(Failure::UnknownRegion {
                name: w.clone(),
                known: known_regions(sheets),
            });
        }
    }
    Ok(sheets
        .iter()
        .filter(|s| wanted.iter().any(|w| matches(s, w)))
        .collect())
}

/// The region names (with their file stems) to list when a name is unknown.
pub fn known_regions(sheets: &[Sheet]) -> Vec<String> {
    sheets
        .iter()
        .map(|s| {
            let stem = std::path::Path::new(&s.file)
                .file_stem()
                .map(|x| x.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{} ({stem})", s.region)
        })
        .collect()
}
