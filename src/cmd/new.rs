//! `sheet new`: a commented blank sheet, ready to fill in, that validates with no
//! errors; with `--from FILE`, next year's sheet started from this year's (SPEC §4),
//! written by the sheet writer of `sheet import` ([`doc::write`]) with the comments
//! of a blank sheet. It never replaces a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::NewArgs;
use crate::core::fiscal::{self, FiscalYear};
use crate::core::keys::Table;
use crate::core::model::Sheet;
use crate::core::text;
use crate::core::workbook::doc::{self, Comments, Doc, Section, Value, ValueKind};
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
    /// `--from`: the sheet whose goals, challenges, strengths and indicators are
    /// carried over, each indicator's current value becoming the new baseline.
    pub previous: Option<Sheet>,
}

pub fn run(args: &NewArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let lang = ctx.lang;
    let previous = match &args.from {
        Some(from) => Some(load_previous(from, ctx)?),
        None => None,
    };
    let sheet = NewSheet::from_args(args, previous, lang)?;
    let to_stdout = args.out.as_deref() == Some(Path::new("-"));
    let path = match &args.out {
        Some(_) if to_stdout => None,
        Some(out) => Some(out.clone()),
        None => {
            let needs_slug = || Failure::Other(NewWords::needs_slug(lang, &sheet.region));
            let slug = match (&args.slug, &args.from) {
                (Some(s), _) => {
                    check_slug(s).ok_or_else(|| Failure::Other(NewWords::bad_slug(lang, s)))?
                }
                (None, Some(from)) => next_slug(&crate::select::stem_of(from), sheet.fiscal_year)
                    .ok_or_else(needs_slug)?,
                (None, None) => slug_from(&sheet.region).ok_or_else(needs_slug)?,
            };
            let dir = match (&args.from, &ctx.dir) {
                // Next year's sheet goes beside this year's.
                (Some(from), None) => folder_of(from),
                _ => sheets_dir(ctx)?,
            };
            Some(dir.join(format!("{slug}.toml")))
        }
    };

    let Some(path) = path else {
        let text = sheet_text(&sheet, lang, &format!("../{SCHEMA_FILE}"));
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
        // A workbook to hand out (SPEC §6): blank, or next year's sheet started from
        // this year's; no schema, no sheet of the folder.
        let next = sheet.previous.as_ref().and_then(|_| {
            let text = sheet_text(&sheet, lang, SCHEMA_FILE);
            // The text is ours and always loads (tests/cli/years.rs).
            workspace::load_text("new.toml", text.as_bytes(), ctx.today).1
        });
        let book = match &next {
            Some(next) => crate::render::xlsx::sheet::workbook(next, lang),
            None => crate::render::xlsx::sheet::blank(
                &sheet.prefecture,
                &sheet.region,
                sheet.fiscal_year,
                lang,
            ),
        }
        .map_err(|e| e.failure(lang, &shown))?;
        // A workbook in a folder of sheets is read as a sheet too: like a TOML
        // sheet, it is not made beside another of the same region and year.
        let _lock = create::FolderLock::acquire(&dir)?;
        refuse_same_region(&sheet_text(&sheet, lang, SCHEMA_FILE), &dir, &path, ctx)?;
        super::create_file(&path, &book, ctx)?;
        return Ok(Exit::Ok);
    }
    let (schema_ref, schema_found) = schema_reference(&dir);
    let text = sheet_text(&sheet, lang, &schema_ref);
    {
        // Two runs at once for one region and year must not both find the folder
        // without it and both write: the check and the write are one step.
        let _lock = create::FolderLock::acquire(&dir)?;
        refuse_same_region(&text, &dir, &path, ctx)?;
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

/// Refuses to make `path` in `dir` when a sheet of the same region and year is
/// there already (the caller holds the folder's lock). `text`: the new sheet.
fn refuse_same_region(text: &str, dir: &Path, path: &Path, ctx: &Ctx) -> Result<(), Failure> {
    if let (_, Some(new)) = workspace::load_text("new", text.as_bytes(), ctx.today) {
        if let Some(other) = destination::same_region(&new, dir, path, ctx.today)? {
            return Err(Failure::Other(NewWords::same_region(ctx.lang, &other)));
        }
    }
    Ok(())
}

impl NewSheet {
    /// The options, each defaulting to what `previous` (`--from`) says: its
    /// prefecture and region, and the year after its own.
    fn from_args(args: &NewArgs, previous: Option<Sheet>, lang: Lang) -> Result<NewSheet, Failure> {
        let nonblank = |value: Option<&str>, option: &str| {
            let value = value.unwrap_or_default();
            create::refuse_control_characters(option, value)?;
            let v = value.trim();
            if text::is_blank(v) {
                Err(Failure::Other(NewWords::blank(lang, option)))
            } else {
                Ok(v.to_string())
            }
        };
        let given_or_previous = |given: &Option<String>, of: fn(&Sheet) -> &str| {
            given
                .as_deref()
                .or_else(|| previous.as_ref().map(of))
                .map(str::to_string)
        };
        let prefecture = given_or_previous(&args.prefecture, |s| &s.prefecture);
        let region = given_or_previous(&args.region, |s| &s.region);
        let prefecture = nonblank(prefecture.as_deref(), "--prefecture")?;
        let region = nonblank(region.as_deref(), "--region")?;
        let fiscal_year = match (&args.fiscal_year, &previous) {
            (Some(written), _) => {
                let written = written.trim();
                fiscal::parse_fiscal_year(written)
                    .map(|p| p.year)
                    .map_err(|_| Failure::Other(NewWords::bad_fiscal_year(lang, written)))?
            }
            (None, Some(p)) => {
                FiscalYear::new(p.fiscal_year.start_year() + 1).ok_or_else(|| {
                    Failure::Other(NewWords::bad_fiscal_year(lang, &p.fiscal_year.era_ja()))
                })?
            }
            (None, None) => return Err(Failure::Other(NewWords::blank(lang, "--fiscal-year"))),
        };
        Ok(NewSheet {
            prefecture,
            region,
            fiscal_year,
            previous,
        })
    }
}

/// The sheet `--from` names, read and checked: one with errors is refused (its
/// errors shown), as a report command would skip it.
fn load_previous(path: &Path, ctx: &Ctx) -> Result<Sheet, Failure> {
    let bytes = workspace::read_sheet(path)?;
    let name = workspace::display_path(path);
    let (report, sheet) = workspace::load_text(&name, &bytes, ctx.today);
    match sheet {
        Some(sheet) if !report.has_errors() => Ok(sheet),
        _ => {
            let text = crate::render::diag::render_errors(&report, ctx.lang, ctx.color_stderr);
            let mut err = ctx.stderr();
            // The failure below says what to do; the errors are its reason.
            let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
            Err(Failure::Other(NewWords::from_has_errors(ctx.lang, &name)))
        }
    }
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file name of next year's sheet from this year's: the stem without a year
/// suffix (`-r6`, `-h30`, `-2024`), then the new year's short era
/// (`minami-kaga` → `minami-kaga-r7`, `minami-kaga-r6` → `minami-kaga-r7`).
pub fn next_slug(stem: &str, fy: FiscalYear) -> Option<String> {
    let base = stem
        .rsplit_once('-')
        .filter(|(_, suffix)| is_year_suffix(suffix))
        .map_or(stem, |(base, _)| base);
    check_slug(&format!("{base}-{}", fy.era_short().to_ascii_lowercase()))
}

/// `r7`, `h30`, `2024`: a year written at the end of a file name.
fn is_year_suffix(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    let digits = s.strip_prefix(['r', 'h']).unwrap_or(&s);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.len() <= 2 || (digits.len() == 4 && s.len() == 4))
}

/// The text of the new sheet: blank, or started from the previous one.
fn sheet_text(sheet: &NewSheet, lang: Lang, schema_ref: &str) -> String {
    match &sheet.previous {
        None => template(sheet, lang, schema_ref, false),
        Some(previous) => {
            let comments = FromComments {
                lang,
                sheet,
                previous,
                schema_ref,
            };
            doc::write(&next_year(sheet, previous), Some(&comments)).text
        }
    }
}

/// Next year's sheet as a tree (SPEC §4 `new --from`): goals (without their
/// progress), challenges, strengths and indicators carried over, the prefecture's
/// theme and summary too; each indicator's current value, as written, becomes its
/// baseline and its current value is left to fill (`""`); progress, hospital
/// collaboration, concerns, questions, `as_of` and `meeting` start empty. `[sheet]`
/// holds the keys of a blank sheet, in its order.
fn next_year(sheet: &NewSheet, previous: &Sheet) -> Doc {
    let mut doc = doc::doc_of(previous);
    let list = |items: &[String]| {
        Value::new(
            ValueKind::List(items.iter().map(Value::str).collect()),
            None,
        )
    };
    let mut top = doc::Table::default();
    top.push("prefecture", Value::str(&sheet.prefecture));
    top.push("region", Value::str(&sheet.region));
    top.push("fiscal_year", Value::str(sheet.fiscal_year.era_ja()));
    top.push("meeting", Value::str(""));
    top.push(
        "theme",
        Value::str(previous.theme.clone().unwrap_or_default()),
    );
    top.push(
        "summary",
        Value::str(previous.summary.clone().unwrap_or_default()),
    );
    top.push("strengths", list(&previous.strengths));
    top.push("concerns", list(&[]));
    top.push("questions", list(&[]));
    doc.sheet = Some(top);
    for goal in &mut doc.goals {
        goal.progress.clear();
    }
    for table in &mut doc.indicators {
        let current = table.get("current").cloned();
        table
            .entries
            .retain(|e| !matches!(e.key, "baseline" | "current"));
        // baseline and current go before target, as in a blank sheet.
        let at = table
            .entries
            .iter()
            .position(|e| e.key == "target")
            .unwrap_or(table.entries.len());
        let mut values = Vec::new();
        if let Some(current) = current {
            values.push(doc::Entry {
                key: "baseline",
                value: current,
            });
        }
        values.push(doc::Entry {
            key: "current",
            value: Value::str(""),
        });
        table.entries.splice(at..at, values);
    }
    doc.hospital_collaboration.clear();
    doc
}

/// The comments of a blank sheet, for next year's sheet written from a tree: the
/// same head, key meanings, section markers and blocks to copy.
struct FromComments<'a> {
    lang: Lang,
    sheet: &'a NewSheet,
    previous: &'a Sheet,
    schema_ref: &'a str,
}

impl Comments for FromComments<'_> {
    fn schema(&self) -> Option<String> {
        Some(self.schema_ref.to_string())
    }

    fn head(&self, _: &Doc) -> Vec<String> {
        let (lang, s, p) = (self.lang, self.sheet, self.previous);
        let fy = |y: FiscalYear| lang.pick(y.display_ja(), y.display_en());
        let mut lines = vec![
            Template::title(lang, &s.prefecture, &s.region, &fy(s.fiscal_year)),
            authoring::Label::Programme.get(lang).to_string(),
            String::new(),
        ];
        lines.extend(Template::carried_from(lang, &p.file, &fy(p.fiscal_year)));
        lines.push(String::new());
        lines.extend(Template::howto(lang).iter().map(|l| l.to_string()));
        lines
    }

    fn key(&self, table: Table, key: &str) -> Option<String> {
        let lang = self.lang;
        let meaning = authoring::key_doc(table, key, lang)?;
        if (table, key) == (Table::Sheet, "theme") {
            // `as_of` starts empty: shown commented out before the next key, as a
            // blank sheet shows it.
            let doc = authoring::key_doc(Table::Sheet, "as_of", lang).unwrap_or_default();
            let example = format!("{}-09-30", self.sheet.fiscal_year.start_year());
            return Some(format!(
                "{doc}{}\nas_of = {example}\n{meaning}",
                Template::optional(lang)
            ));
        }
        Some(meaning.to_string())
    }

    fn before(&self, part: Section, _: &Doc) -> Vec<String> {
        let lang = self.lang;
        let fy = self.sheet.fiscal_year;
        let title = |t: &str| lang.pick(format!("【{t}】"), format!("[{t}]"));
        let block = |build: fn(&mut Text)| {
            let mut lines = vec![Template::use_block(lang).to_string(), String::new()];
            lines.extend(block_lines(lang, build));
            lines
        };
        let mut lines = Vec::new();
        match part {
            Section::Goals => {
                lines.push(title(&authoring::section1(
                    &fy.era_ja(),
                    fy.start_year(),
                    lang,
                )));
                lines.push(Template::progress_under_goals(lang).to_string());
                lines.extend(block(Text::goal_block));
            }
            Section::Challenges => {
                lines.push(title(authoring::Label::Section2.get(lang)));
                lines.push(Template::goes_under(
                    lang,
                    authoring::Label::Strengths.get(lang),
                    "strengths",
                ));
                lines.extend(block(Text::challenge_block));
            }
            Section::Indicators => {
                lines.push(authoring::Label::Indicator.get(lang).to_string());
                lines.extend(block(Text::indicator_block));
            }
            Section::Hospital => {
                lines.push(title(authoring::Label::Section3.get(lang)));
                lines.extend(block(Text::hospital_block));
            }
            Section::End => {
                lines.push(title(authoring::Label::Section4.get(lang)));
                for (label, key) in [
                    (authoring::Label::Concerns, "concerns"),
                    (authoring::Label::Questions, "questions"),
                ] {
                    lines.push(Template::goes_under(lang, label.get(lang), key));
                }
            }
        }
        lines
    }
}

/// The lines of a block to copy, as TOML (the writer comments them out).
fn block_lines(lang: Lang, build: fn(&mut Text)) -> Vec<String> {
    let mut t = Text {
        lines: Vec::new(),
        block: true,
        active: true,
        lang,
    };
    build(&mut t);
    t.lines
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
    t.goal_block();
    t.end_block();

    t.section(authoring::Label::Section2.get(lang));
    t.comment(&Template::goes_under(
        lang,
        authoring::Label::Strengths.get(lang),
        "strengths",
    ));
    t.begin_block();
    t.challenge_block();
    t.end_block();
    t.blank();
    t.comment(authoring::Label::Indicator.get(lang));
    t.begin_block();
    t.indicator_block();
    t.end_block();

    t.section(authoring::Label::Section3.get(lang));
    t.begin_block();
    t.hospital_block();
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
        if required || !self.block {
            self.raw(format!("{indent}# {doc}"));
            self.raw(format!("{indent}{key} = {value}"));
        } else {
            // An optional key of a block stays commented out once the block is
            // taken into use: left blank (`date = ""`) it would be an error.
            let marker = self.lang.pick("（任意）", "(optional) ");
            let uncomment = Template::optional_below(self.lang);
            self.raw(format!("{indent}# {marker}{doc}{uncomment}"));
            let line = format!("{key} = {value}");
            for l in line.split('\n') {
                self.raw(format!("{indent}# {l}"));
            }
        }
    }

    /// An optional key left commented out, with an example value.
    fn optional(&mut self, table: Table, key: &str, example: &str) {
        let doc = authoring::key_doc(table, key, self.lang).unwrap_or_default();
        self.raw(format!("# {doc}{}", Template::optional(self.lang)));
        self.raw(format!("# {key} = {example}"));
    }

    /// The block of a goal and a progress item, to copy.
    fn goal_block(&mut self) {
        self.raw("[[goals]]".to_string());
        self.key(Table::Goal, "text", "\"\"", true);
        self.key(Table::Goal, "indicator", "\"\"", false);
        self.blank();
        self.raw("  [[goals.progress]]".to_string());
        for (key, value, required) in [
            ("text", "\"\"", true),
            ("date", "\"\"", false),
            ("status", "\"\"", false),
            ("rescheduled_from", "\"\"", false),
            ("note", "\"\"", false),
        ] {
            self.indented_key(Table::Progress, key, value, required);
        }
    }

    /// The block of a challenge with its views, to copy.
    fn challenge_block(&mut self) {
        self.raw("[[challenges]]".to_string());
        self.key(Table::Challenge, "text", "\"\"", true);
        self.key(Table::Challenge, "actions", "[\n]", false);
        self.blank();
        self.raw("  [challenges.views]".to_string());
        for key in Table::Views.keys() {
            self.indented_key(Table::Views, key, "\"\"", false);
        }
    }

    /// The block of an indicator, to copy.
    fn indicator_block(&mut self) {
        self.raw("[[indicators]]".to_string());
        for (key, value, required) in [
            ("name", "\"\"", true),
            ("reason", "\"\"", false),
            ("unit", "\"\"", false),
            ("better", "\"higher\"", false),
            ("baseline", "\"\"", false),
            ("current", "\"\"", false),
            ("target", "\"\"", false),
        ] {
            self.key(Table::Indicator, key, value, required);
        }
    }

    /// The block of a collaboration with hospitals, to copy.
    fn hospital_block(&mut self) {
        self.raw("[[hospital_collaboration]]".to_string());
        for (key, value, required) in [
            ("text", "\"\"", true),
            ("date", "\"\"", false),
            ("organizer", "\"\"", false),
            ("status", "\"\"", false),
            ("rescheduled_from", "\"\"", false),
            ("note", "\"\"", false),
        ] {
            self.key(Table::Hospital, key, value, required);
        }
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
            previous: None,
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
                    crate::core::place::Position::Cell(_) | crate::core::place::Position::File => 0,
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

    /// Every block, once uncommented, is made of keys the loader knows; the only
    /// errors are the required texts left blank (optional keys stay commented out,
    /// so a blank date or status is no error).
    #[test]
    fn uncommented_blocks_hold_only_known_keys() {
        let text = template(&sheet(), Lang::Ja, "../sheet.schema.json", true);
        for (severity, code, line) in codes(&text) {
            if severity == Severity::Error {
                assert!(
                    matches!(code, Code::Empty),
                    "{code:?} on line {line}\n{text}"
                );
            }
        }
        // Filling the required texts alone leaves no error.
        let filled = text
            .replace("text = \"\"", "text = \"記入例\"")
            .replace("name = \"\"", "name = \"指標\"");
        let found = codes(&filled);
        assert!(
            found.iter().all(|(s, _, _)| *s == Severity::Warning),
            "{found:?}\n{filled}"
        );
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
