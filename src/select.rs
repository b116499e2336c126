//! `--region NAME` and `--fiscal-year FY`: which sheets a command is about
//! (SPEC §4).

use crate::core::fiscal::{self, FiscalYear};
use crate::core::model::SheetId;
use crate::core::text;
use crate::error::Failure;

/// The sheets a command is about: those `--region` names (all when it is not
/// given), of the year `--fiscal-year` names (every year when it is not given).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub regions: Vec<String>,
    pub fiscal_year: Option<FiscalYear>,
}

impl Selection {
    /// Reads `--fiscal-year` (any spelling of SPEC §1.2).
    pub fn new(regions: &[String], fiscal_year: Option<&str>) -> Result<Selection, Failure> {
        Ok(Selection {
            regions: regions.to_vec(),
            fiscal_year: fiscal_year.map(read_fiscal_year).transpose()?,
        })
    }

    /// Whether the sheet is of the year asked for (any year when none was).
    pub fn has_year(&self, fy: FiscalYear) -> bool {
        self.fiscal_year.is_none_or(|wanted| wanted == fy)
    }

    /// Whether the sheet is one the command is about.
    pub fn includes(&self, id: &SheetId) -> bool {
        self.has_year(id.fiscal_year)
            && (self.regions.is_empty() || self.regions.iter().any(|w| matches(id, w)))
    }
}

/// A fiscal year written on the command line, in any spelling of SPEC §1.2.
pub fn read_fiscal_year(written: &str) -> Result<FiscalYear, Failure> {
    let written = written.trim();
    fiscal::parse_fiscal_year(written)
        .map(|p| p.year)
        .map_err(|_| Failure::BadFiscalYear(written.to_string()))
}

/// Puts the sheets of one region together, oldest first (SPEC §4, several fiscal
/// years), regions keeping the order in which they first appear: files sort by
/// name, and `minami-kaga-r7.toml` comes before `minami-kaga.toml`.
pub fn oldest_first<T>(sheets: Vec<(SheetId, T)>) -> Vec<(SheetId, T)> {
    let mut firsts: std::collections::HashMap<(String, String), usize> = Default::default();
    let mut keyed: Vec<((usize, FiscalYear), (SheetId, T))> = sheets
        .into_iter()
        .enumerate()
        .map(|(i, sheet)| {
            let region = (
                text::normalize(&sheet.0.prefecture),
                text::region_key(&sheet.0.region),
            );
            let first = *firsts.entry(region).or_insert(i);
            ((first, sheet.0.fiscal_year), sheet)
        })
        .collect();
    // Stable: sheets of one region and year keep their order.
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, sheet)| sheet).collect()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn id(file: &str, region: &str, year: i32) -> SheetId {
        SheetId {
            file: file.to_string(),
            prefecture: "石川県".to_string(),
            region: region.to_string(),
            fiscal_year: FiscalYear::new(year).unwrap(),
        }
    }

    #[test]
    fn several_years_of_a_region_come_together_oldest_first() {
        let sheets = vec![
            (id("a-r7.toml", "南加賀", 2025), 1),
            (id("a.toml", "南加賀", 2018), 2),
            (id("b.toml", "石川中央", 2018), 3),
            (id("a-r6.toml", "南加賀圏域", 2024), 4),
        ];
        let order: Vec<i32> = oldest_first(sheets).into_iter().map(|(_, n)| n).collect();
        assert_eq!(order, [2, 4, 1, 3]);
    }

    #[test]
    fn a_selection_reads_any_spelling_of_a_fiscal_year() {
        for written in ["R7", "2025", "令和7年度", " ２０２５年度 "] {
            let s = Selection::new(&[], Some(written)).unwrap();
            assert_eq!(s.fiscal_year, FiscalYear::new(2025), "{written}");
            assert!(s.includes(&id("a.toml", "南加賀", 2025)));
            assert!(!s.includes(&id("a.toml", "南加賀", 2018)));
        }
        assert!(matches!(
            Selection::new(&[], Some("来年")),
            Err(Failure::BadFiscalYear(_))
        ));
        let s = Selection::new(&["南加賀".to_string()], None).unwrap();
        assert!(s.includes(&id("a.toml", "南加賀", 2018)));
        assert!(!s.includes(&id("b.toml", "石川中央", 2018)));
    }
}
