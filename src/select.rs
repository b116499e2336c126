//! `--region NAME`: which sheets a command is about (SPEC §4).

use crate::core::model::SheetId;
use crate::core::text;

/// True when `wanted` names this sheet: its region name, the name with or without
/// the suffix 圏域, or the file stem; full-width and half-width alike.
pub fn matches(sheet: &SheetId, wanted: &str) -> bool {
    let key = text::region_key(wanted);
    if key.is_empty() {
        return false;
    }
    text::region_key(&sheet.region) == key || stem_matches(&sheet.file_stem(), wanted)
}

/// True when `wanted` is the file stem, full-width and half-width alike, ignoring
/// ASCII case (for a sheet that cannot be loaded, the stem is all there is).
pub fn stem_matches(stem: &str, wanted: &str) -> bool {
    text::normalize(stem).eq_ignore_ascii_case(&text::normalize(wanted))
}

/// The file name of a path without its extension.
pub fn stem_of(path: &std::path::Path) -> String {
    crate::core::model::file_stem(&path.to_string_lossy())
}

/// How a region is listed when a name is unknown: `南加賀 (minami-kaga)`.
pub fn known_label(region: &str, stem: &str) -> String {
    format!("{region} ({stem})")
}

/// The region names (with their file stems) to list when a name is unknown.
pub fn known_regions<'a>(sheets: impl IntoIterator<Item = &'a SheetId>) -> Vec<String> {
    sheets
        .into_iter()
        .map(|s| known_label(&s.region, &s.file_stem()))
        .collect()
}
