//! `sheet new`: a commented blank sheet, ready to fill in, that validates with no
//! errors; with `--from FILE`, next year's sheet started from this year's (SPEC §4).
//! It never replaces a file.
//!
//! The text is built here, with the comments of a blank sheet around the values
//! carried over (`--from`): there is no second TOML writer.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::NewArgs;
use crate::core::check;
use crate::core::fiscal::{self, FiscalYear};
use crate::core::keys::Table;
use crate::core::model::{Challenge, Goal, Indicator, Sheet, Value, View};
use crate::core::text;
use crate::create;
use crate::discover;
use crate::error::Failure;
use crate::i18n::authoring::{self, NewWords, Template};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};
use crate::workspace;

/// The name of the schema file editors read.
pub const SCHEMA_FILE: &str = "sheet.schema.json";

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
            let slug = match (&args.slug, &args.from) {
                (Some(s), _) => {
                    check_slug(s).ok_or_else(|| Failure::Other(NewWords::bad_slug(lang, s)))?
                }
                (None, Some(from)) => {
                    next_slug(&crate::select::stem_of(from), sheet.fiscal_year)
                        .ok_or_else(|| Failure::Other(NewWords::needs_slug(lang, &sheet.region)))?
                }
                (None, None) => slug_from(&sheet.region)
                    .ok_or_else(|| Failure::Other(NewWords::needs_slug(lang, &sheet.region)))?,
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
    let (schema_ref, schema_found) = schema_reference(&dir);
    let text = template(&sheet, lang, &schema_ref, false);
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

/// The folder new sheets go to: `--dir`/`$SHEET_DIR`, else the nearest `regions/`
/// found as other commands find it, else `./regions/` (created).
fn sheets_dir(ctx: &Ctx) -> Result<PathBuf, Failure> {
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

/// A usable file name from `--slug`: ASCII letters (lowered), digits, `-` and `_`;
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
fn schema_reference(dir: &Path) -> (String, bool) {
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

/// A new sheet must not duplicate the region of another sheet of the folder.
fn refuse_same_region(text: &str, dir: &Path, path: &Path, ctx: &Ctx) -> Result<(), Failure> {
    let (_, Some(new)) = workspace::load_text("new", text.as_bytes(), ctx.today) else {
        return Ok(());
    };
    for file in discover::sheets_in(dir)? {
        if file == path {
            continue;
        }
        let Ok(bytes) = workspace::read_sheet(&file) else {
            continue;
        };
        let name = workspace::display_path(&file);
        if let (_, Some(other)) = workspace::load_text(&name, &bytes, ctx.today) {
            if check::same_region(&other, &new) {
                return Err(Failure::Other(NewWords::same_region(ctx.lang, &name)));
            }
        }
    }
    Ok(())
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML value for an indicator value, as the sheet wrote it (`11`, `"13人"`).
fn toml_value(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => toml::Value::Float(*f).to_string(),
        Value::Written(w) => toml_string(&w.text),
        Value::Text(t) => toml_string(t),
    }
}

/// A TOML array of strings, one a line (`[\n]` when empty).
fn toml_array(items: &[String], indent: &str) -> String {
    let mut out = String::from("[\n");
    for item in items {
        out.push_str(&format!("{indent}  {},\n", toml_string(item)));
    }
    out.push_str(indent);
    out.push(']');
    out
}

/// Builds the text of a new sheet. Blocks of keys to copy are commented out unless
/// `active` (used by tests to check that every block is a valid part of a sheet).
/// With a previous sheet (`--from`), its goals, challenges, strengths and
/// indicators are written as live blocks with the same comments, before the blocks
/// to copy.
pub fn template(sheet: &NewSheet, lang: Lang, schema_ref: &str, active: bool) -> String {
    let mut t = Text {
        lines: Vec::new(),
        block: false,
        active,
        lang,
    };
    let previous = sheet.previous.as_ref();
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
    if let Some(p) = previous {
        t.comment("");
        let fy = lang.pick(p.fiscal_year.display_ja(), p.fiscal_year.display_en());
        for line in Template::carried_from(lang, &p.file, &fy) {
            t.comment(&line);
        }
    }
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
    // The prefecture's theme and opening statement usually stay from year to year.
    let carried_text = |s: Option<&String>| s.map_or("\"\"".to_string(), |s| toml_string(s));
    t.key(
        Table::Sheet,
        "theme",
        &carried_text(previous.and_then(|p| p.theme.as_ref())),
        true,
    );
    t.key(
        Table::Sheet,
        "summary",
        &carried_text(previous.and_then(|p| p.summary.as_ref())),
        true,
    );
    let strengths = previous.map(|p| p.strengths.as_slice()).unwrap_or(&[]);
    t.key(Table::Sheet, "strengths", &toml_array(strengths, ""), true);
    for key in ["concerns", "questions"] {
        t.key(Table::Sheet, key, "[\n]", true);
    }

    t.section(&authoring::section1(
        &era,
        sheet.fiscal_year.start_year(),
        lang,
    ));
    for goal in previous.iter().flat_map(|p| &p.goals) {
        t.goal(Some(goal));
        t.progress_block();
        t.blank();
    }
    t.begin_block();
    t.goal(None);
    t.blank();
    t.progress_fields();
    t.end_block();

    t.section(authoring::Label::Section2.get(lang));
    t.comment(&Template::goes_under(
        lang,
        authoring::Label::Strengths.get(lang),
        "strengths",
    ));
    for challenge in previous.iter().flat_map(|p| &p.challenges) {
        t.challenge(Some(challenge));
        t.blank();
    }
    t.begin_block();
    t.challenge(None);
    t.end_block();
    t.blank();
    t.comment(authoring::Label::Indicator.get(lang));
    for indicator in previous.iter().flat_map(|p| &p.indicators) {
        t.indicator(Some(indicator));
        t.blank();
    }
    t.begin_block();
    t.indicator(None);
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

    /// A key carried over with its value, or, when there is none, shown commented
    /// out to fill in (an empty `indicator = ""` or `unit = ""` would mean
    /// something).
    fn carried_key(&mut self, table: Table, key: &str, value: Option<String>, example: &str) {
        match value {
            Some(v) => self.key(table, key, &v, false),
            None => self.optional(table, key, example),
        }
    }

    /// A `[[goals]]` block: a goal carried over, or the blank one to copy.
    fn goal(&mut self, goal: Option<&Goal>) {
        self.raw("[[goals]]".to_string());
        match goal {
            Some(g) => {
                self.key(Table::Goal, "text", &toml_string(&g.text), true);
                let named = g.indicator.as_deref().map(toml_string);
                self.carried_key(Table::Goal, "indicator", named, "\"\"");
                if let Some(id) = &g.id {
                    self.key(Table::Goal, "id", &toml_string(id), false);
                }
            }
            None => {
                self.key(Table::Goal, "text", "\"\"", true);
                self.key(Table::Goal, "indicator", "\"\"", false);
            }
        }
    }

    /// The keys of a `[[goals.progress]]` block.
    fn progress_fields(&mut self) {
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

    /// A `[[goals.progress]]` block to copy under a goal carried over: this year's
    /// progress starts empty.
    fn progress_block(&mut self) {
        self.blank();
        self.begin_block();
        self.progress_fields();
        self.end_block();
    }

    /// A `[[challenges]]` block: a challenge carried over (text, actions, views), or
    /// the blank one to copy.
    fn challenge(&mut self, challenge: Option<&Challenge>) {
        self.raw("[[challenges]]".to_string());
        let text = challenge.map_or("\"\"".to_string(), |c| toml_string(&c.text));
        self.key(Table::Challenge, "text", &text, true);
        let actions = challenge.map(|c| c.actions.as_slice()).unwrap_or(&[]);
        self.key(Table::Challenge, "actions", &toml_array(actions, ""), false);
        if let Some(id) = challenge.and_then(|c| c.id.as_ref()) {
            self.key(Table::Challenge, "id", &toml_string(id), false);
        }
        self.blank();
        self.raw("  [challenges.views]".to_string());
        for view in View::ALL {
            let said = challenge.map(|c| c.views.get(view)).unwrap_or(&[]);
            let value = match said {
                [] => "\"\"".to_string(),
                [one] => toml_string(one),
                many => toml_array(many, "  "),
            };
            self.indented_key(Table::Views, view.key(), &value, false);
        }
    }

    /// An `[[indicators]]` block: an indicator carried over, its current value as
    /// the new baseline and this year's current value to fill in; or the blank one
    /// to copy.
    fn indicator(&mut self, indicator: Option<&Indicator>) {
        self.raw("[[indicators]]".to_string());
        let Some(i) = indicator else {
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
            return;
        };
        self.key(Table::Indicator, "name", &toml_string(&i.name), true);
        let text = |s: &Option<String>| s.as_deref().map(toml_string);
        self.carried_key(Table::Indicator, "reason", text(&i.reason), "\"\"");
        self.carried_key(Table::Indicator, "unit", text(&i.unit), "\"人\"");
        let better = i.better_written.map(|b| toml_string(b.as_str()));
        self.carried_key(Table::Indicator, "better", better, "\"higher\"");
        let baseline = i.current.as_ref().map(toml_value);
        self.carried_key(Table::Indicator, "baseline", baseline, "\"\"");
        self.key(Table::Indicator, "current", "\"\"", false);
        let target = i.target.as_ref().map(toml_value);
        self.carried_key(Table::Indicator, "target", target, "\"\"");
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
