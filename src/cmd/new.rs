//! `sheet new`: a commented blank sheet, ready to fill in, that validates with no
//! errors. It never replaces a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::NewArgs;
use crate::core::fiscal::{self, FiscalYear};
use crate::core::keys::Table;
use crate::core::text;
use crate::create;
pub use crate::destination::SCHEMA_FILE;
use crate::destination::{self, check_slug, schema_reference, sheets_dir, slug_from};
use crate::error::Failure;
use crate::i18n::authoring::{self, NewWords, Template};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::workspace;

/// What a new sheet is about.
#[derive(Debug, Clone)]
pub struct NewSheet {
    pub prefecture: String,
    pub region: String,
    pub fiscal_year: FiscalYear,
}

pub fn run(args: &NewArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let lang = ctx.lang;
    let sheet = NewSheet::from_args(args, lang)?;
    let to_stdout = args.out.as_deref() == Some(Path::new("-"));
    let path = match &args.out {
        Some(_) if to_stdout => None,
        Some(out) => Some(out.clone()),
        None => {
            let slug = match &args.slug {
                Some(s) => {
                    check_slug(s).ok_or_else(|| Failure::Other(NewWords::bad_slug(lang, s)))?
                }
                None => slug_from(&sheet.region)
                    .ok_or_else(|| Failure::Other(NewWords::needs_slug(lang, &sheet.region)))?,
            };
            Some(sheets_dir(ctx)?.join(format!("{slug}.toml")))
        }
    };

    let Some(path) = path else {
        let text = template(&sheet, lang, &format!("../{SCHEMA_FILE}"), false);
        let mut out = ctx.stdout();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(Exit::Ok);
    };
    create::refuse_control_characters("", &path.to_string_lossy())?;

    let shown = workspace::display_path(&path);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Failure::Other(NewWords::exists(lang, &shown)).into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(
            Failure::Other(NewWords::no_folder(lang, &workspace::display_path(&dir))).into(),
        );
    }
    if crate::render::xlsx::is_xlsx(&path) {
        // A blank workbook to hand out (SPEC §6): no schema, no sheet of the folder.
        let book = crate::render::xlsx::sheet::blank(
            &sheet.prefecture,
            &sheet.region,
            sheet.fiscal_year,
            lang,
        )
        .map_err(|e| e.failure(lang, &shown))?;
        super::create_file(&path, &book, ctx)?;
        return Ok(Exit::Ok);
    }
    let (schema_ref, schema_found) = schema_reference(&dir);
    let text = template(&sheet, lang, &schema_ref, false);
    {
        // Two runs at once for one region and year must not both find the folder
        // without it and both write: the check and the write are one step.
        let _lock = create::FolderLock::acquire(&dir)?;
        if let (_, Some(new)) = workspace::load_text("new", text.as_bytes(), ctx.today) {
            if let Some(other) = destination::same_region(&new, &dir, &path, ctx.today)? {
                return Err(Failure::Other(NewWords::same_region(lang, &other)).into());
            }
        }
        create::create_new(&path, text.as_bytes()).map_err(|e| match e {
            Failure::Exists { .. } => Failure::Other(NewWords::exists(lang, &shown)),
            other => other,
        })?;
    }
    // The sheet is made: a stdout that cannot be written (a full disk) does not
    // undo it, and the failure says that the file is there.
    let mut out = ctx.stdout();
    writeln!(out, "{}", NewWords::created(lang, &shown))
        .and_then(|()| out.flush())
        .map_err(|source| Failure::CreatedNotTold {
            path: path.clone(),
            source,
        })?;
    if !schema_found {
        ctx.eprintln(&NewWords::no_schema(lang, &schema_ref));
    }
    Ok(Exit::Ok)
}

impl NewSheet {
    fn from_args(args: &NewArgs, lang: Lang) -> Result<NewSheet, Failure> {
        let nonblank = |value: &str, option: &str| {
            let v = value.trim();
            if text::is_blank(v) {
                Err(Failure::Other(NewWords::blank(lang, option)))
            } else {
                Ok(v.to_string())
            }
        };
        create::refuse_control_characters("--prefecture", &args.prefecture)?;
        create::refuse_control_characters("--region", &args.region)?;
        let prefecture = nonblank(&args.prefecture, "--prefecture")?;
        let region = nonblank(&args.region, "--region")?;
        let written = args.fiscal_year.trim();
        let fiscal_year = fiscal::parse_fiscal_year(written)
            .map(|p| p.year)
            .map_err(|_| Failure::Other(NewWords::bad_fiscal_year(lang, written)))?;
        Ok(NewSheet {
            prefecture,
            region,
            fiscal_year,
        })
    }
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Builds the text of a new sheet. Blocks of keys to copy are commented out unless
/// `active` (used by tests to check that every block is a valid part of a sheet).
pub fn template(sheet: &NewSheet, lang: Lang, schema_ref: &str, active: bool) -> String {
    let mut t = Text {
        lines: Vec::new(),
        block: false,
        active,
        lang,
    };
    let era = sheet.fiscal_year.era_ja();
    t.raw(format!("#:schema {schema_ref}"));
    t.comment(&Template::title(
        lang,
        &sheet.prefecture,
        &sheet.region,
        &lang.pick(
            sheet.fiscal_year.display_ja(),
            sheet.fiscal_year.display_en(),
        ),
    ));
    t.comment(authoring::Label::Programme.get(lang));
    t.comment("");
    for line in Template::howto(lang) {
        t.comment(line);
    }
    t.blank();
    t.key(Table::Top, "format", "1", true);
    t.blank();
    t.raw("[sheet]".to_string());
    t.key(
        Table::Sheet,
        "prefecture",
        &toml_string(&sheet.prefecture),
        true,
    );
    t.key(Table::Sheet, "region", &toml_string(&sheet.region), true);
    t.key(Table::Sheet, "fiscal_year", &toml_string(&era), true);
    t.key(Table::Sheet, "meeting", "\"\"", true);
    let as_of_example = format!("{}-09-30", sheet.fiscal_year.start_year());
    t.optional(Table::Sheet, "as_of", &as_of_example);
    t.key(Table::Sheet, "theme", "\"\"", true);
    t.key(Table::Sheet, "summary", "\"\"", true);
    for key in ["strengths", "concerns", "questions"] {
        t.key(Table::Sheet, key, "[\n]", true);
    }

    t.section(&authoring::section1(
        &era,
        sheet.fiscal_year.start_year(),
        lang,
    ));
    t.begin_block();
    t.raw("[[goals]]".to_string());
    t.key(Table::Goal, "text", "\"\"", true);
    t.key(Table::Goal, "indicator", "\"\"", false);
    t.blank();
    t.raw("  [[goals.progress]]".to_string());
    for (key, value, required) in [
        ("text", "\"\"", true),
        ("date", "\"\"", false),
        ("status", "\"\"", false),
        ("rescheduled_from", "\"\"", false),
        ("note", "\"\"", false),
    ] {
        t.indented_key(Table::Progress, key, value, required);
    }
    t.end_block();

    t.section(authoring::Label::Section2.get(lang));
    t.comment(&Template::goes_under(
        lang,
        authoring::Label::Strengths.get(lang),
        "strengths",
    ));
    t.begin_block();
    t.raw("[[challenges]]".to_string());
    t.key(Table::Challenge, "text", "\"\"", true);
    t.key(Table::Challenge, "actions", "[\n]", false);
    t.blank();
    t.raw("  [challenges.views]".to_string());
    for key in Table::Views.keys() {
        t.indented_key(Table::Views, key, "\"\"", false);
    }
    t.end_block();
    t.blank();
    t.comment(authoring::Label::Indicator.get(lang));
    t.begin_block();
    t.raw("[[indicators]]".to_string());
    for (key, value, required) in [
        ("name", "\"\"", true),
        ("reason", "\"\"", false),
        ("unit", "\"\"", false),
        ("better", "\"higher\"", false),
        ("baseline", "\"\"", false),
        ("current", "\"\"", false),
        ("target", "\"\"", false),
    ] {
        t.key(Table::Indicator, key, value, required);
    }
    t.end_block();

    t.section(authoring::Label::Section3.get(lang));
    t.begin_block();
    t.raw("[[hospital_collaboration]]".to_string());
    for (key, value, required) in [
        ("text", "\"\"", true),
        ("date", "\"\"", false),
        ("organizer", "\"\"", false),
        ("status", "\"\"", false),
        ("rescheduled_from", "\"\"", false),
        ("note", "\"\"", false),
    ] {
        t.key(Table::Hospital, key, value, required);
    }
    t.end_block();

    t.section(authoring::Label::Section4.get(lang));
    t.comment(&Template::goes_under(
        lang,
        authoring::Label::Concerns.get(lang),
        "concerns",
    ));
    t.comment(&Template::goes_under(
        lang,
        authoring::Label::Questions.get(lang),
        "questions",
    ));
    let mut text = t.lines.join("\n");
    text.push('\n');
    text
}

/// Lines of a new sheet being built.
struct Text {
    lines: Vec<String>,
    /// Inside a block that is commented out as a whole.
    block: bool,
    /// Write blocks as live TOML (tests).
    active: bool,
    lang: Lang,
}

impl Text {
    fn raw(&mut self, line: String) {
        for l in line.split('\n') {
            if self.block && !self.active {
                self.lines.push(format!("# {l}").trim_end().to_string());
            } else {
                self.lines.push(l.to_string());
            }
        }
    }

    fn comment(&mut self, text: &str) {
        if text.is_empty() {
            self.raw("#".to_string());
        } else {
            self.raw(format!("# {text}"));
        }
    }

    fn blank(&mut self) {
        self.raw(String::new());
    }

    /// A key with its meaning on the line above.
    fn key(&mut self, table: Table, key: &str, value: &str, required: bool) {
        self.key_at("", table, key, value, required);
    }

    fn indented_key(&mut self, table: Table, key: &str, value: &str, required: bool) {
        self.key_at("  ", table, key, value, required);
    }

    fn key_at(&mut self, indent: &str, table: Table, key: &str, value: &str, required: bool) {
        let doc = authoring::key_doc(table, key, self.lang).unwrap_or_default();
        let marker = if required || !self.block {
            ""
        } else {
            self.lang.pick("（任意）", "(optional) ")
        };
        self.raw(format!("{indent}# {marker}{doc}"));
        self.raw(format!("{indent}{key} = {value}"));
    }

    /// An optional key left commented out, with an example value.
    fn optional(&mut self, table: Table, key: &str, example: &str) {
        let doc = authoring::key_doc(table, key, self.lang).unwrap_or_default();
        self.raw(format!("# {doc}{}", Template::optional(self.lang)));
        self.raw(format!("# {key} = {example}"));
    }

    /// A section marker: `# 【１ 平成30年度の達成目標と現時点での進捗状況】`.
    fn section(&mut self, title: &str) {
        self.blank();
        self.comment(&self.lang.pick(format!("【{title}】"), format!("[{title}]")));
    }

    fn begin_block(&mut self) {
        self.comment(Template::use_block(self.lang));
        self.comment("");
        self.block = true;
    }

    fn end_block(&mut self) {
        self.block = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diag::{Code, Severity};

    fn sheet() -> NewSheet {
        NewSheet {
            prefecture: "石川県".into(),
            region: "南加賀".into(),
            fiscal_year: FiscalYear::new(2018).unwrap(),
        }
    }

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2018, 9, 30).unwrap()
    }

    fn codes(text: &str) -> Vec<(Severity, Code, usize)> {
        let (report, _) = workspace::load_text("new.toml", text.as_bytes(), today());
        report
            .diagnostics
            .iter()
            .map(|d| {
                let line = match report.position(d) {
                    crate::core::place::Position::Line { line, .. } => line,
                    crate::core::place::Position::Cell(_) => 0,
                };
                (d.severity(), d.code(), line)
            })
            .collect()
    }

    #[test]
    fn blank_sheet_has_no_errors() {
        for lang in [Lang::Ja, Lang::En] {
            let text = template(&sheet(), lang, "../sheet.schema.json", false);
            let found = codes(&text);
            assert!(
                found.iter().all(|(s, _, _)| *s == Severity::Warning),
                "{found:?}\n{text}"
            );
            assert!(text.starts_with("#:schema ../sheet.schema.json\n"));
        }
    }

    /// Every block, once uncommented, is made of keys the loader knows; blanks left
    /// unfilled are reported only as things to fill in.
    #[test]
    fn uncommented_blocks_hold_only_known_keys() {
        let text = template(&sheet(), Lang::Ja, "../sheet.schema.json", true);
        for (severity, code, line) in codes(&text) {
            if severity == Severity::Error {
                assert!(
                    matches!(
                        code,
                        Code::Empty | Code::BadDate | Code::BadStatus | Code::UnknownIndicator
                    ),
                    "{code:?} on line {line}\n{text}"
                );
            }
        }
    }

    #[test]
    fn filled_blocks_validate() {
        let text = template(&sheet(), Lang::Ja, "../sheet.schema.json", true)
            .replace("date = \"\"", "date = \"11月2日\"")
            .replace("rescheduled_from = \"\"", "rescheduled_from = \"9/4\"")
            .replace("status = \"\"", "status = \"予定\"")
            .replace("\"\"", "\"記入例\"");
        let found = codes(&text);
        assert!(
            found.iter().all(|(s, _, _)| *s == Severity::Warning),
            "{found:?}\n{text}"
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug_from("Minami Kaga"), Some("minami-kaga".into()));
        assert_eq!(slug_from("Ｎｏｔｏ　Ｃｈｕｂｕ"), Some("noto-chubu".into()));
        assert_eq!(slug_from("南加賀"), None);
        assert_eq!(slug_from("A圏域"), None);
        assert_eq!(slug_from("--"), None);
        assert_eq!(check_slug("Minami-Kaga.toml"), Some("minami-kaga".into()));
        assert_eq!(check_slug("noto--chubu-"), Some("noto-chubu".into()));
        assert_eq!(check_slug("../etc/passwd"), None);
        assert_eq!(check_slug("南加賀"), None);
        assert_eq!(check_slug("a b"), None);
        assert_eq!(check_slug("con"), None);
        assert_eq!(check_slug("com1"), None);
        assert_eq!(check_slug("themes"), None);
        assert_eq!(check_slug(""), None);
    }

    #[test]
    fn names_are_quoted_as_toml() {
        let mut s = sheet();
        s.region = "南\"加賀\\".into();
        let text = template(&s, Lang::Ja, "../sheet.schema.json", false);
        let (_, loaded) = workspace::load_text("new.toml", text.as_bytes(), today());
        assert_eq!(loaded.unwrap().region, "南\"加賀\\");
    }
}
