//! Labels of sheets in a run (SPEC §4.1): the region name where it is unique,
//! else prefixed by the prefecture, else also followed by the fiscal year.

use std::hash::Hash;

use crate::core::fiscal::FiscalYear;
use crate::core::model::SheetId;
use crate::core::text;

/// One label per sheet, in the same order. Names are compared after NFKC and without
/// the suffix 圏域, so `南加賀` and `南加賀圏域` are not told apart by name alone.
pub fn labels(sheets: &[&SheetId]) -> Vec<String> {
    use rayon::prelude::*;
    let keys: Vec<Key> = sheets.par_iter().map(|s| Key::of(s)).collect();
    labels_by_key(sheets, &keys.iter().collect::<Vec<_>>())
}

/// A sheet's names as labels compare them, made once per sheet (on the thread
/// that loaded it, when a command keeps a digest of each sheet).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// NFKC.
    prefecture: String,
    /// [`text::region_key`].
    region: String,
    year: i32,
}

impl Key {
    pub fn new(prefecture: &str, region: &str, fiscal_year: FiscalYear) -> Key {
        Key {
            prefecture: text::normalize(prefecture),
            region: text::region_key(region),
            year: fiscal_year.start_year(),
        }
    }

    pub fn of(id: &SheetId) -> Key {
        Key::new(&id.prefecture, &id.region, id.fiscal_year)
    }
}

/// [`labels`] of sheets whose [`Key`]s are known (`keys[i]` is the key of
/// `sheets[i]`).
pub fn labels_by_key(sheets: &[&SheetId], keys: &[&Key]) -> Vec<String> {
    use rayon::prelude::*;
    assert_eq!(sheets.len(), keys.len(), "one key per sheet");
    let by_region = counts(keys.iter().map(|k| &k.region));
    let by_prefecture = counts(keys.iter().map(|k| (&k.prefecture, &k.region)));
    let by_year = counts(keys.iter().copied());
    sheets
        .par_iter()
        .zip(keys)
        .map(|(s, key)| {
            let name = s.region.trim();
            if by_region[&key.region] == 1 {
                name.to_string()
            } else if by_prefecture[&(&key.prefecture, &key.region)] == 1 {
                format!("{} {name}", s.prefecture.trim())
            } else {
                let label = format!("{} {name} {}", s.prefecture.trim(), key.year);
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

/// How many times each key occurs. foldhash rather than the standard SipHash, and
/// sized at once: counting the names of 23,500 sheets three times took 13-32 ms
/// with the standard map, 3-8 ms so.
fn counts<K: Eq + Hash>(keys: impl ExactSizeIterator<Item = K>) -> foldhash::HashMap<K, usize> {
    let mut map = foldhash::HashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for k in keys {
        *map.entry(k).or_insert(0) += 1;
    }
    map
}
