//! Where a new sheet file goes, and what must hold before it is written: for
//! `sheet new` and `sheet import`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::core::check;
use crate::core::model::Sheet;
use crate::core::text;
use crate::discover;
use crate::error::Failure;
use crate::output::Ctx;
use crate::workspace;

/// The name of the schema file editors read.
pub const SCHEMA_FILE: &str = "sheet.schema.json";

/// The folder new sheets go to: `--dir`/`$SHEET_DIR`, else the nearest `regions/`
/// found as other commands find it, else `./regions/` (created).
pub fn sheets_dir(ctx: &Ctx) -> Result<PathBuf, Failure> {
    if let Some(d) = &ctx.dir {
        if d.is_dir() {
            return Ok(d.clone());
        }
        return Err(Failure::NotFound { path: d.clone() });
    }
    if let Ok(found) = discover::find_regions_dir() {
        return Ok(found);
    }
    let dir = PathBuf::from(discover::REGIONS_DIR);
    std::fs::create_dir_all(&dir).map_err(|source| Failure::Io {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

/// A file name from a region name written in ASCII letters (full-width letters
/// count): lower case, other characters become hyphens. `None` for a name with
/// anything else (kanji, kana), which needs `--slug`: a transliteration would be a
/// guess an officer could not predict.
pub fn slug_from(name: &str) -> Option<String> {
    let n = text::normalize(name);
    if !n.is_ascii() {
        return None;
    }
    check_slug(&n.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}

/// A usable file name from `--slug` (or a workbook's name): ASCII letters (lowered), digits, `-` and `_`;
/// an ending `.toml` is dropped; runs of hyphens are merged.
pub fn check_slug(slug: &str) -> Option<String> {
    let s = slug.trim();
    let s = s.strip_suffix(".toml").unwrap_or(s).to_ascii_lowercase();
    if !s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end_matches('-').to_string();
    const RESERVED: &[&str] = &["con", "prn", "aux", "nul", "themes"];
    let reserved = RESERVED.contains(&out.as_str())
        || ((out.starts_with("com") || out.starts_with("lpt"))
            && out.len() == 4
            && out.as_bytes()[3].is_ascii_digit());
    (!out.is_empty() && out.len() <= 100 && !reserved).then_some(out)
}

/// The `#:schema` path from a sheet in `dir` to the nearest `sheet.schema.json` in it
/// or above, and whether one was found (else `../sheet.schema.json`, where
/// `sheet schema > sheet.schema.json` beside `regions/` would put it).
pub fn schema_reference(dir: &Path) -> (String, bool) {
    if let Ok(abs) = dir.canonicalize() {
        for (up, ancestor) in abs.ancestors().enumerate() {
            if ancestor.join(SCHEMA_FILE).is_file() {
                let prefix = if up == 0 {
                    "./".to_string()
                } else {
                    "../".repeat(up)
                };
                return (format!("{prefix}{SCHEMA_FILE}"), true);
            }
        }
    }
    (format!("../{SCHEMA_FILE}"), false)
}

/// The sheet of the folder `dir` (other than `path`) that is the same region and
/// fiscal year as `new`, if any: a new sheet must not duplicate it.
pub fn same_region(
    new: &Sheet,
    dir: &Path,
    path: &Path,
    today: NaiveDate,
) -> Result<Option<String>, Failure> {
    for file in discover::sheets_in(dir)? {
        if file == path {
            continue;
        }
        let Ok(bytes) = workspace::read_sheet(&file) else {
            continue;
        };
        let name = workspace::display_path(&file);
        if let (_, Some(other)) = workspace::load_text(&name, &bytes, today) {
            if check::same_region(&other, new) {
                return Ok(Some(name));
            }
        }
    }
    Ok(None)
}
