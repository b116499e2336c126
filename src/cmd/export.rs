//! `sheet export`: sheets as workbooks in the layout of SPEC §6 — one file, or one
//! workbook per region in a folder, named by the sheet's file name. Files are only
//! created, never replaced, and nothing is written unless every workbook could be
//! made and none of their names is taken.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::ExportArgs;
use crate::error::Failure;
use crate::i18n::workbook::WorkbookWords;
use crate::output::{Ctx, Exit};
use crate::render::terminal::clean;
use crate::render::xlsx::{self, WriteError};
use crate::{create, discover, workspace};

/// A sheet made into a workbook (on the worker thread that loaded it).
struct Made {
    prefecture: String,
    region: String,
    file: String,
    stem: String,
    book: Result<Vec<u8>, WriteError>,
}

pub fn run(args: &ExportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let lang = ctx.lang;
    let inputs = discover::resolve(&args.paths, ctx.dir.as_deref())?;
    let selection = crate::select::Selection::new(&args.region, args.year.fiscal_year.as_deref())?;
    let loaded = workspace::load_for_report(&inputs, &selection, ctx, |sheet| Made {
        prefecture: sheet.prefecture.clone(),
        region: sheet.region.clone(),
        file: sheet.file.clone(),
        stem: sheet.file_stem(),
        book: xlsx::sheet::workbook(&sheet, lang),
    })?;
    let made: Vec<Made> = loaded.sheets.into_iter().map(|(_, m)| m).collect();
    if made.is_empty() {
        return Err(Failure::Other(WorkbookWords::nothing(lang).to_string()).into());
    }
    // Nothing is written for a sheet whose prefecture or region holds a control
    // character, nor to a name that holds one (a sheet's file name gives the
    // name in a folder): all refused before the first file, or the folder, is made.
    for m in &made {
        create::refuse_sheet_names(
            &m.file,
            [("prefecture", &m.prefecture), ("region", &m.region)],
        )?;
    }
    let (targets, folder) = targets(&args.out, &made, ctx)?;
    for target in &targets {
        create::refuse_control_characters("", &target.to_string_lossy())?;
    }
    // Every workbook made and every name free before the first file is written.
    let mut books = Vec::with_capacity(made.len());
    for m in &made {
        match &m.book {
            Ok(book) => books.push(book),
            Err(e) => return Err(e.failure(lang, &m.file).into()),
        }
    }
    if let Some(taken) = targets
        .iter()
        .find(|t| std::fs::symlink_metadata(t).is_ok())
    {
        return Err(Failure::Exists {
            path: taken.clone(),
        }
        .into());
    }
    if folder && !args.out.exists() {
        std::fs::create_dir_all(&args.out).map_err(|source| Failure::Io {
            path: args.out.clone(),
            source,
        })?;
    }
    let mut out = std::io::stdout().lock();
    for ((m, book), path) in made.iter().zip(books).zip(&targets) {
        create::create_new(path, book)?;
        let said = WorkbookWords::written(lang, &m.region, &workspace::display_path(path));
        writeln!(out, "{}", clean(&said))?;
    }
    out.flush()?;
    Ok(if loaded.skipped {
        Exit::Trouble
    } else {
        Exit::Ok
    })
}

/// Where each workbook goes: `--out FILE.xlsx` for one sheet; in a folder (one
/// given, or `--out` that is not an `.xlsx` file), `<file name>.xlsx` each; and
/// whether `--out` is that folder (made when missing).
fn targets(out: &Path, made: &[Made], ctx: &Ctx) -> Result<(Vec<PathBuf>, bool), Failure> {
    let lang = ctx.lang;
    let shown = workspace::display_path(out);
    if !out.is_dir() && xlsx::is_xlsx(out) {
        return match made {
            [_] => Ok((vec![out.to_path_buf()], false)),
            _ => Err(Failure::Other(WorkbookWords::needs_folder(
                lang,
                &shown,
                made.len(),
            ))),
        };
    }
    if out.exists() && !out.is_dir() {
        return Err(Failure::Other(WorkbookWords::not_a_folder(lang, &shown)));
    }
    let mut seen: HashMap<PathBuf, &str> = HashMap::new();
    let mut paths = Vec::with_capacity(made.len());
    for m in made {
        let path = out.join(format!("{}.xlsx", m.stem));
        if let Some(first) = seen.insert(path.clone(), &m.file) {
            return Err(Failure::Other(WorkbookWords::same_name(
                lang,
                &workspace::display_path(&path),
                first,
                &m.file,
            )));
        }
        paths.push(path);
    }
    Ok((paths, true))
}
