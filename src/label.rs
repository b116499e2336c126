//! Labels of sheets in a run (SPEC §4.1): the region name where it is unique,
//! else prefixed by the prefecture, else also followed by the fiscal year.

use std::collections::HashMap;
use std::hash::Hash;

use crate::core::model::SheetId;
use crate::core::text;

/// One label per sheet, in the same order. Names are compared after NFKC and without
/// the suffix 圏域, so `南加賀` and `南加賀圏域` are not told apart by name alone.
pub fn labels(sheets: &[&SheetId]) -> Vec<String> {
    // (NFKC prefecture, region key, year)
    let keys: Vec<(String, String, i32)> = sheets
        .iter()
        .map(|s| {
            (
                text::normalize(&s.prefecture),
                text::region_key(&s.region),
                s.fiscal_year.start_year(),
            )
        })
        .collect();
    let by_region = counts(keys.iter().map(|(_, region, _)| region));
    let by_prefecture = counts(
        keys.iter()
            .map(|(prefecture, region, _)| (prefecture, region)),
    );
    let by_year = counts(keys.iter());
    sheets
        .iter()
        .zip(&keys)
        .map(|(s, key)| {
            let (prefecture, region, year) = key;
            let name = s.region.trim();
            if by_region[region] == 1 {
                name.to_string()
            } else if by_prefecture[&(prefecture, region)] == 1 {
                format!("{} {name}", s.prefecture.trim())
            } else {
                let label = format!("{} {name} {year}", s.prefecture.trim());
                if by_year[key] == 1 {
                    label
                } else {
                    // Only when the same sheet is given twice: tell them apart by file.
                    format!("{label} ({})", s.file_stem())
                }
            }
        })
        .collect()
}

/// How many times each key occurs.
fn counts<K: Eq + Hash>(keys: impl Iterator<Item = K>) -> HashMap<K, usize> {
    let mut map = HashMap::new();
    for k in keys {
        *map.entry(k).or_insert(0) += 1;
    }
    map
}
