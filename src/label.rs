//! Labels of sheets in a run (SPEC §4.1): the region name where it is unique,
//! else prefixed by the prefecture, else also followed by the fiscal year.

use std::collections::HashMap;
use std::hash::Hash;

use crate::model::Sheet;
use crate::text;

/// One label per sheet, in the same order. Names are compared after NFKC and without
/// the suffix 圏域, so `南加賀` and `南加賀圏域` are not told apart by name alone.
pub fn labels(sheets: &[&Sheet]) -> Vec<String> {
    let region = |s: &Sheet| text::region_key(&s.region);
    let prefecture = |s: &Sheet| text::normalize(&s.prefecture);
    let by_region = counts(sheets, |s| region(s));
    let by_prefecture = counts(sheets, |s| (prefecture(s), region(s)));
    let by_year = counts(sheets, |s| {
        (prefecture(s), region(s), s.fiscal_year.start_year())
    });
    sheets
        .iter()
        .map(|s| {
            let name = s.region.trim();
            if by_region[&region(s)] == 1 {
                name.to_string()
            } else if by_prefecture[&(prefecture(s), region(s))] == 1 {
                format!("{} {name}", s.prefecture.trim())
            } else {
                let year = s.fiscal_year.start_year();
                let label = format!("{} {name} {year}", s.prefecture.trim());
                if by_year[&(prefecture(s), region(s), year)] == 1 {
                    label
                } else {
                    // Only when the same sheet is given twice: tell them apart by file.
                    format!("{label} ({})", s.file_stem())
                }
            }
        })
        .collect()
}

fn counts<K: Eq + Hash>(sheets: &[&Sheet], key: impl Fn(&Sheet) -> K) -> HashMap<K, usize> {
    let mut map = HashMap::new();
    for s in sheets {
        *map.entry(key(s)).or_insert(0) += 1;
    }
    map
}
