//! `sheet import`: workbooks (`.xlsx`, SPEC §6) as TOML sheets, laid out and
//! commented as `sheet new` does, values filled. A workbook with errors gives no
//! file; no file is ever replaced.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::ImportArgs;
use crate::core::diag::Severity;
use crate::core::keys::Table;
use crate::core::model::Sheet;
use crate::core::workbook;
use crate::core::workbook::doc::{self, Comments, Doc, Section, Value, ValueKind};
use crate::create;
use crate::destination::{self, schema_reference, sheets_dir, slug_from, SCHEMA_FILE};
use crate::error::Failure;
use crate::i18n::authoring::{self, ImportWords, Label, Template};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::render::diag::render_human;
use crate::workspace;

pub fn run(args: &ImportArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let lang = ctx.lang;
    let year = crate::select::Selection::new(&[], args.year.fiscal_year.as_deref())?;
    if args.out.is_some() && args.workbooks.len() > 1 {
        return Err(Failure::Other(ImportWords::one_out(lang).to_string()).into());
    }
    let mut exit = Exit::Ok;
    for path in &args.workbooks {
        match import(path, args.out.as_deref(), &year, ctx) {
            Ok(true) => {}
            Ok(false) => {
                if exit == Exit::Ok {
                    exit = Exit::Findings;
                }
            }
            Err(failure) => {
                let label = lang.pick("エラー", "error");
                ctx.eprintln(&format!("sheet: {label}: {}", failure.message(lang)));
                exit = Exit::Trouble;
            }
        }
    }
    Ok(exit)
}

/// Imports one workbook: `Ok(false)` when it has errors (shown, nothing written).
fn import(
    path: &Path,
    out: Option<&Path>,
    year: &crate::select::Selection,
    ctx: &Ctx,
) -> Result<bool, Failure> {
    let lang = ctx.lang;
    let bytes = workspace::read_sheet(path)?;
    let name = workspace::display_path(path);
    let loaded = workbook::read_workbook(&name, &bytes, ctx.today);
    let (Some(sheet), Some(mut doc)) = (loaded.sheet, loaded.doc) else {
        show_errors(&loaded.report, &name, ctx);
        return Ok(false);
    };
    if loaded.report.has_errors() {
        show_errors(&loaded.report, &name, ctx);
        return Ok(false);
    }
    // A prefecture or region holding a control character is refused whatever the
    // destination (SPEC §7): it would go into the new sheet's text, and its head
    // comment would carry a bidi override raw, to a file or to stdout. Named by
    // the label of its cell, which is where the officer fixes it.
    let label = |key: &'static str| workbook::layout::sheet_field(key).map_or(key, |c| c.label);
    create::refuse_sheet_names(
        &name,
        [
            (label("prefecture"), &sheet.prefecture),
            (label("region"), &sheet.region),
        ],
    )?;
    // `--fiscal-year`: a workbook of another year is left as it is.
    if !year.has_year(sheet.fiscal_year) {
        let fy = crate::i18n::report::fiscal_year(lang, sheet.fiscal_year);
        ctx.eprintln(&ImportWords::other_year(lang, &name, &fy));
        return Ok(true);
    }
    if doc.format.is_none() {
        doc.format = Some(Value::new(ValueKind::Int(1), None));
    }
    let warnings = loaded
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Warning)
        .count();

    if out == Some(Path::new("-")) {
        let text = text(&doc, &sheet, &name, &format!("../{SCHEMA_FILE}"), lang);
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|source| Failure::Io {
                path: PathBuf::from("-"),
                source,
            })?;
        return Ok(true);
    }
    let dest = match out {
        Some(p) => p.to_path_buf(),
        None => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // The name the new file takes after: refused, not quietly cleaned (SPEC §7).
            create::refuse_control_characters("", &stem)?;
            let slug = slug_from(&stem)
                .ok_or_else(|| Failure::Other(ImportWords::needs_out(lang, &name)))?;
            sheets_dir(ctx)?.join(format!("{slug}.toml"))
        }
    };
    create::refuse_control_characters("", &dest.to_string_lossy())?;
    let shown = workspace::display_path(&dest);
    let exists = || Failure::Other(ImportWords::exists(lang, &shown));
    if std::fs::symlink_metadata(&dest).is_ok() {
        return Err(exists());
    }
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Failure::NotFound { path: dir });
    }
    let (schema_ref, _) = schema_reference(&dir);
    let text = text(&doc, &sheet, &name, &schema_ref, lang);
    {
        // The check and the write are one step: two imports of one region at once
        // leave one sheet.
        let _lock = create::FolderLock::acquire(&dir)?;
        if let Some(other) = destination::same_region(&sheet, &dir, &dest, ctx.today)? {
            let same_file = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            };
            return Err(Failure::Other(if same_file(Path::new(&other), path) {
                ImportWords::workbook_in_folder(lang, &name)
            } else {
                ImportWords::same_region(lang, &other)
            }));
        }
        create::create_new(&dest, text.as_bytes()).map_err(|e| match e {
            Failure::Exists { .. } => exists(),
            other => other,
        })?;
    }
    let mut stdout = ctx.stdout();
    writeln!(
        stdout,
        "{}",
        ImportWords::created(lang, &shown, &name, warnings)
    )
    .and_then(|()| stdout.flush())
    .map_err(|source| Failure::CreatedNotTold {
        path: dest.clone(),
        source,
    })?;
    Ok(true)
}

/// A workbook's findings on stderr, and that nothing was written.
fn show_errors(report: &crate::core::diag::FileReport, name: &str, ctx: &Ctx) {
    let mut err = ctx.stderr();
    let text = render_human(report, ctx.lang, ctx.color_stderr);
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|()| writeln!(err, "{}", ImportWords::not_written(ctx.lang, name)))
        .and_then(|()| err.flush());
}

/// The sheet's text: the tree written with the comments of `sheet new`.
fn text(doc: &Doc, sheet: &Sheet, workbook: &str, schema_ref: &str, lang: Lang) -> String {
    let comments = ImportComments {
        lang,
        sheet,
        workbook,
        schema_ref,
    };
    doc::write(doc, Some(&comments)).text
}

/// The comments of `sheet new`, for a sheet made from a workbook.
struct ImportComments<'a> {
    lang: Lang,
    sheet: &'a Sheet,
    workbook: &'a str,
    schema_ref: &'a str,
}

impl Comments for ImportComments<'_> {
    fn schema(&self) -> Option<String> {
        Some(self.schema_ref.to_string())
    }

    fn head(&self, _: &Doc) -> Vec<String> {
        let (lang, s) = (self.lang, self.sheet);
        let fy = lang.pick(s.fiscal_year.display_ja(), s.fiscal_year.display_en());
        vec![
            Template::title(lang, &s.prefecture, &s.region, &fy),
            Label::Programme.get(lang).to_string(),
            ImportWords::imported_from(lang, self.workbook),
        ]
    }

    fn key(&self, table: Table, key: &str) -> Option<String> {
        authoring::key_doc(table, key, self.lang).map(str::to_string)
    }

    fn before(&self, part: Section, _: &Doc) -> Vec<String> {
        let lang = self.lang;
        let fy = self.sheet.fiscal_year;
        let title = |t: &str| lang.pick(format!("【{t}】"), format!("[{t}]"));
        match part {
            Section::Goals => vec![title(&authoring::section1(
                &fy.era_ja(),
                fy.start_year(),
                lang,
            ))],
            Section::Challenges => vec![
                title(Label::Section2.get(lang)),
                Template::goes_under(lang, Label::Strengths.get(lang), "strengths"),
            ],
            Section::Indicators => vec![Label::Indicator.get(lang).to_string()],
            Section::Hospital => vec![title(Label::Section3.get(lang))],
            Section::End => vec![
                title(Label::Section4.get(lang)),
                Template::goes_under(lang, Label::Concerns.get(lang), "concerns"),
                Template::goes_under(lang, Label::Questions.get(lang), "questions"),
            ],
        }
    }
}
