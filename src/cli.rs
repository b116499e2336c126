//! The command line: the clap definitions, and the parsing that shows help and usage
//! errors in the output language; the work lives in `cmd/`.
//!
//! The derive below holds no words: [`command`] takes it and sets every about,
//! help, heading and value description from `i18n::help` for the language, which
//! [`parse`] finds before clap runs (help and errors are printed during parsing).

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, StyledStr, TypedValueParser};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::help::{self, Similar, UsageError, H};
use crate::i18n::Lang;

/// The command line of `sheet`.
#[derive(Debug, Parser)]
#[command(name = "sheet", version, max_term_width = 100)]
pub struct Cli {
    #[arg(long, global = true, env = "SHEET_DIR", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[arg(long, global = true, env = "SHEET_LANG", value_enum, default_value_t = Lang::Ja)]
    pub lang: Lang,
    #[arg(long, global = true, env = "SHEET_COLOR", value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Validate(ValidateArgs),
    Progress(ProgressArgs),
    Compare(CompareArgs),
    Diff(DiffArgs),
    History(HistoryArgs),
    New(NewArgs),
    Export(ExportArgs),
    Import(ImportArgs),
    Render(RenderArgs),
    Schema,
    Show(ShowArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// `sheet validate`
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
    #[command(flatten)]
    pub year: YearArgs,
}

/// `--fiscal-year FY`, shared by every command that reads sheets: keep only the
/// sheets of that year (SPEC §4, several fiscal years).
#[derive(Debug, Clone, Default, Args)]
pub struct YearArgs {
    // Any spelling of SPEC §1.2 (`R7`, `2025`, `令和7年度`), read by
    // `select::Selection`.
    #[arg(long, value_name = "FY")]
    pub fiscal_year: Option<String>,
}

/// `sheet diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(value_name = "OLD|REV")]
    pub args: Vec<String>,
    #[arg(last = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = DiagFormat::Human)]
    pub format: DiagFormat,
}

/// `sheet history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(long, value_name = "NAME")]
    pub region: String,
    #[arg(long, value_name = "NAME")]
    pub indicator: Option<String>,
    #[arg(long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,
    #[command(flatten)]
    pub year: YearArgs,
    #[command(flatten)]
    pub table: TableArgs,
}

/// Output of `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    Table,
    Json,
    Csv,
    /// A line chart of baseline, current and target over the commits.
    Svg,
}

/// `sheet show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long)]
    pub canonical: bool,
    #[arg(long)]
    pub raw_on_error: bool,
}

/// `sheet new`
#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    #[arg(long, value_name = "NAME", required_unless_present = "from")]
    pub region: Option<String>,
    #[arg(long, value_name = "NAME", required_unless_present = "from")]
    pub prefecture: Option<String>,
    #[arg(long, value_name = "FY", required_unless_present = "from")]
    pub fiscal_year: Option<String>,
    #[arg(long, value_name = "SLUG")]
    pub slug: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// `sheet export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    #[arg(long, value_name = "FILE.xlsx|DIR")]
    pub out: PathBuf,
    #[command(flatten)]
    pub year: YearArgs,
}

/// `sheet import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "WORKBOOK", required = true)]
    pub workbooks: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub year: YearArgs,
}

/// `sheet render`
#[derive(Debug, Args)]
pub struct RenderArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    #[arg(long, value_enum, default_value_t = RenderFormat::Markdown)]
    pub format: RenderFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub year: YearArgs,
}

/// Output of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Markdown,
    Html,
}

/// `sheet completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `sheet man`
#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Output of `validate` and `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagFormat {
    Human,
    Json,
}

/// `sheet progress`
#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// `sheet compare`
#[derive(Debug, Args)]
pub struct CompareArgs {
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Options shared by the reports (`progress`, `compare`).
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    #[arg(long, value_name = "NAME")]
    pub region: Vec<String>,
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
    /// Where to write the report (created, never replaced); `-` or none for
    /// standard output. A workbook (`xlsx`) needs one, as it is never written to
    /// a terminal.
    #[arg(long, value_name = "FILE", required_if_eq("format", "xlsx"))]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub year: YearArgs,
    #[command(flatten)]
    pub table: TableArgs,
}

impl ReportArgs {
    /// The sheets `--region` and `--fiscal-year` name.
    pub fn selection(&self) -> Result<crate::select::Selection, crate::error::Failure> {
        crate::select::Selection::new(&self.region, self.year.fiscal_year.as_deref())
    }
}

/// How terminal tables and CSV are written (`progress`, `compare`, `history`).
#[derive(Debug, Clone, Copy, Args)]
pub struct TableArgs {
    #[arg(long, value_name = "N", env = "SHEET_WIDTH")]
    pub width: Option<u16>,
    #[arg(long, value_enum, default_value_t = Border::Ascii, env = "SHEET_BORDER")]
    pub border: Border,
    #[arg(long)]
    pub bom: bool,
}

/// Output of `progress` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Markdown,
    Json,
    Csv,
    Xlsx,
    /// The briefing of `compare` (SPEC §5); `progress` does not offer it.
    Html,
}

impl ReportFormat {
    /// The formats a command offers: every one for `compare`, all but `html` for
    /// `progress`.
    fn offered_by(self, command: &str) -> bool {
        self != ReportFormat::Html || command == "compare"
    }
}

/// Border characters of terminal tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Border {
    Ascii,
    Unicode,
}

// ------------------------------------------------------------ help and parsing

/// Parses the command line. Help, the version and usage errors are printed here in
/// the output language; the run then ends with the returned exit status.
pub fn parse(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let lang = lang_before_parsing(&args, std::env::var_os("SHEET_LANG"));
    let mut cmd = command_in(lang, color_before_parsing(&args));
    let matches = match cmd.try_get_matches_from_mut(&args) {
        Ok(matches) => matches,
        Err(err) => return Err(print_error(&err, lang)),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        let shown = match sub.get_one::<String>("command") {
            None => cmd.print_long_help(),
            Some(name) => match cmd.find_subcommand_mut(name) {
                Some(sub) => sub.print_long_help(),
                None => {
                    let message = UsageError::unknown_command(lang, name);
                    let message = format!("sheet: {}: {message}\n", H::Error.get(lang));
                    eprint!("{}", escape_controls(&message));
                    return Err(ExitCode::from(2));
                }
            },
        };
        // Help on a closed pipe (`sheet help | head -1`) is not a failure.
        drop(shown);
        return Err(ExitCode::SUCCESS);
    }
    Cli::from_arg_matches(&matches).map_err(|err| print_error(&err, lang))
}

/// The output language as far as it can be known before clap parses: the last
/// `--lang X` / `--lang=X` before any `--`, else `SHEET_LANG` when set and not
/// empty (SPEC §7), else Japanese. A value clap will refuse counts as not given.
pub fn lang_before_parsing(args: &[OsString], env: Option<OsString>) -> Lang {
    before_parsing(args, "--lang", env).unwrap_or_default()
}

/// Whether clap colours help and errors, from `--color` / `SHEET_COLOR` found as
/// the language is (clap would otherwise follow only the terminal and `NO_COLOR`).
fn color_before_parsing(args: &[OsString]) -> clap::ColorChoice {
    match before_parsing(args, "--color", std::env::var_os("SHEET_COLOR")) {
        Some(ColorWhen::Always) => clap::ColorChoice::Always,
        Some(ColorWhen::Never) => clap::ColorChoice::Never,
        Some(ColorWhen::Auto) | None => clap::ColorChoice::Auto,
    }
}

/// The value of option `flag` read from the arguments, else from `env` when set and
/// not empty; `None` when neither gives a valid value.
fn before_parsing<T: ValueEnum>(args: &[OsString], flag: &str, env: Option<OsString>) -> Option<T> {
    let known = |v: &str| T::from_str(v, false).ok();
    let mut given = None;
    let mut rest = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = rest.next() {
        match arg {
            Some("--") => break,
            Some(a) if a == flag => given = rest.next().flatten().map(known),
            Some(a) => {
                let value = a.strip_prefix(flag).and_then(|v| v.strip_prefix('='));
                if let Some(value) = value {
                    given = Some(known(value));
                }
            }
            None => {}
        }
    }
    given
        .flatten()
        .or_else(|| env.as_deref().and_then(|v| v.to_str()).and_then(known))
}

/// The clap command of `sheet` with every word in `lang`: the derive's arguments,
/// with clap's own headings, `-h`, `-V` and `help` replaced by ours.
pub fn command(lang: Lang) -> clap::Command {
    command_in(lang, clap::ColorChoice::Auto)
}

/// [`command`], colouring its help and errors as `color` says.
fn command_in(lang: Lang, color: clap::ColorChoice) -> clap::Command {
    let help_command =
        clap::Command::new("help").arg(Arg::new("command").value_name(H::CommandValue.get(lang)));
    let mut cmd = Cli::command()
        .color(color)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .subcommand(help_command)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .global(true)
                .display_order(200)
                .help(H::HelpShort.get(lang))
                .long_help(H::HelpLong.get(lang)),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(201)
                .help(H::Version.get(lang)),
        );
    cmd = localize(cmd, "", lang);
    cmd.build();
    translate_usage(cmd, lang)
}

/// Sets the words of `cmd` (named `name`, `""` for `sheet`) and its subcommands.
fn localize(cmd: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let styles = cmd.get_styles().clone();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        H::Usage.get(lang)
    );
    let mut cmd = cmd
        .about(help::about(name).map(|a| a.get(lang)))
        .long_about(None)
        .after_help(None::<&str>)
        .after_long_help(None::<&str>)
        .help_template(StyledStr::from(template))
        .subcommand_help_heading(H::Commands.get(lang))
        .subcommand_value_name(H::CommandValue.get(lang))
        .mut_args(|arg| localize_arg(arg, name, lang));
    if name == "diff" {
        let examples = help::diff_examples(lang).replace('\n', "\n  ");
        let text = format!("{header}{}:{header:#}\n  {examples}", H::Examples.get(lang));
        cmd = cmd.after_help(StyledStr::from(text));
    }
    cmd.mut_subcommands(|sub| {
        let sub_name = sub.get_name().to_string();
        localize(sub, &sub_name, lang)
    })
}

/// Sets the help of an argument: the sentence from `i18n::help`, then its values,
/// environment variable and default in the language (clap would print its own
/// English labels for these, so they are hidden from clap and written here).
fn localize_arg(arg: Arg, command: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_string();
    if matches!(id.as_str(), "help" | "version") {
        return arg.help_heading(H::Options.get(lang));
    }
    let arg = with_value_help(arg, command, &id, lang);
    let heading = if arg.is_positional() {
        H::Arguments
    } else {
        H::Options
    };
    let Some(sentence) = help::arg(command, &id).map(|h| h.get(lang)) else {
        return arg.help_heading(heading.get(lang));
    };
    let takes_values = arg.get_action().takes_values();
    let values: Vec<PossibleValue> = match arg.get_value_parser().possible_values() {
        Some(values) if takes_values => values.filter(|v| !v.is_hide_set()).collect(),
        _ => Vec::new(),
    };
    let env = arg.get_env().map(|e| e.to_string_lossy().into_owned());
    let default: Vec<String> = if takes_values {
        arg.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    } else {
        Vec::new()
    };

    let mut short = sentence.to_string();
    let mut long = sentence.to_string();
    let mut notes = Vec::new();
    if let Some(env) = &env {
        notes.push(format!("[{}: {env}]", H::Env.get(lang)));
    }
    if !default.is_empty() {
        notes.push(format!(
            "[{}: {}]",
            H::Default.get(lang),
            default.join(", ")
        ));
    }
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        short.push_str(&format!(
            " {}",
            UsageError::possible_values(lang, &names.join(", "))
        ));
        long.push_str(&format!("\n\n{}:", H::Values.get(lang)));
        if values.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
            for value in &values {
                let help = value.get_help().map(|h| h.to_string()).unwrap_or_default();
                let name = format!("{}:", value.get_name());
                long.push_str(&format!("\n- {name:width$} {help}", width = width + 1));
            }
        } else {
            long.push_str(&format!(" {}", names.join(", ")));
        }
    }
    for note in &notes {
        short.push_str(&format!(" {note}"));
    }
    if !notes.is_empty() {
        long.push_str("\n\n");
        long.push_str(&notes.join("\n"));
    }

    // SPEC §7: a variable set but empty counts as unset (clap would take "" as the
    // value and refuse it).
    let unset_if_empty = env
        .as_deref()
        .is_some_and(|name| std::env::var_os(name).is_some_and(|v| v.is_empty()));
    let arg = if unset_if_empty {
        arg.env(None::<&'static str>)
    } else {
        arg
    };

    let display_order = match id.as_str() {
        // The options every command shares come after a command's own.
        "dir" => Some(100),
        "lang" => Some(101),
        "color" => Some(102),
        _ => None,
    };
    let arg = match display_order {
        Some(order) => arg.display_order(order),
        None => arg,
    };
    arg.help(short)
        .long_help(long)
        .help_heading(heading.get(lang))
        .hide_env(true)
        .hide_default_value(takes_values)
        .hide_possible_values(takes_values)
}

/// Gives each possible value of a value-enum argument its help in `lang`. The
/// derive's parser is replaced by one with the same values that makes the same
/// type, so completions and errors show these values too.
fn with_value_help(arg: Arg, command: &str, id: &str, lang: Lang) -> Arg {
    match (command, id) {
        (_, "lang") => typed_values::<Lang>(arg, command, id, lang),
        (_, "color") => typed_values::<ColorWhen>(arg, command, id, lang),
        (_, "border") => typed_values::<Border>(arg, command, id, lang),
        ("validate" | "diff", "format") => typed_values::<DiagFormat>(arg, command, id, lang),
        ("progress" | "compare", "format") => {
            typed_values_where::<ReportFormat>(arg, command, id, lang, |f| f.offered_by(command))
        }
        ("history", "format") => typed_values::<HistoryFormat>(arg, command, id, lang),
        ("render", "format") => typed_values::<RenderFormat>(arg, command, id, lang),
        _ => arg,
    }
}

fn typed_values<T: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    command: &str,
    id: &str,
    lang: Lang,
) -> Arg {
    typed_values_where::<T>(arg, command, id, lang, |_| true)
}

/// [`typed_values`] with only the values `offered` keeps: the others are refused
/// as any unknown value is.
fn typed_values_where<T: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    command: &str,
    id: &str,
    lang: Lang,
    offered: impl Fn(&T) -> bool,
) -> Arg {
    let values = T::value_variants()
        .iter()
        .filter(|v| offered(v))
        .filter_map(|v| {
            let value = v.to_possible_value()?;
            let help = help::value(command, id, value.get_name()).map(|h| h.get(lang));
            Some(value.help(help))
        });
    arg.value_parser(PossibleValuesParser::new(values).try_map(|s| T::from_str(&s, false)))
}

/// Replaces clap's `[OPTIONS]` in the usage line of every command, after
/// [`clap::Command::build`] has made the usage known.
fn translate_usage(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    if lang != Lang::En {
        let usage = cmd.render_usage().ansi().to_string();
        // The usage starts with clap's styled title, `Usage: `; the title holds no
        // other space, and the rest is the usage proper.
        let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
        let usage = usage.replacen("[OPTIONS]", H::OptionsTag.get(lang), 1);
        cmd = cmd.override_usage(StyledStr::from(usage));
    }
    cmd.mut_subcommands(|sub| translate_usage(sub, lang))
}

/// Prints a clap error (or the help and version clap reports as one) and gives the
/// exit status: 0 for help and version, else 2 (SPEC §2).
fn print_error(err: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help on a closed pipe (`sheet --help | head -1`) is not a failure.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", usage_error(err, lang));
            ExitCode::from(2)
        }
    }
}

/// A usage error in the output language: clap's error rebuilt from its context,
/// or, for the kinds not rebuilt, a first line in the language followed by clap's
/// own text. Whatever the user typed is shown with control characters escaped.
pub fn usage_error(err: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let text = |kind| match err.get(kind) {
        Some(V::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let list = |kind| match err.get(kind) {
        Some(V::String(s)) => vec![s.clone()],
        Some(V::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let quoted = |names: Vec<String>| {
        names
            .iter()
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arg = text(K::InvalidArg);
    let value = text(K::InvalidValue);
    let mut body: Vec<String> = Vec::new();
    let first = match (err.kind(), arg, value) {
        (ErrorKind::UnknownArgument, Some(a), _) => Some(UsageError::unknown_argument(lang, a)),
        (ErrorKind::InvalidValue, Some(a), Some("")) => Some(UsageError::missing_value(lang, a)),
        (ErrorKind::InvalidValue, Some(a), Some(v)) => Some(UsageError::invalid_value(lang, a, v)),
        (ErrorKind::ValueValidation, Some(a), Some(v)) => {
            let source = std::error::Error::source(err);
            let reason = match source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>()) {
                Some(e) => UsageError::not_a_number(lang, e.kind()).to_string(),
                None => source.map(|s| s.to_string()).unwrap_or_default(),
            };
            Some(UsageError::invalid_value_because(lang, a, v, &reason))
        }
        (ErrorKind::InvalidSubcommand, _, _) => {
            text(K::InvalidSubcommand).map(|s| UsageError::unknown_command(lang, s))
        }
        (ErrorKind::MissingRequiredArgument, _, _) => {
            body.extend(list(K::InvalidArg).into_iter().map(|a| format!("  {a}")));
            Some(UsageError::missing_arguments(lang).to_string())
        }
        (ErrorKind::ArgumentConflict, Some(a), _) => match err.get(K::PriorArg) {
            Some(V::String(prior)) if prior == a => Some(UsageError::used_twice(lang, a)),
            Some(_) => Some(UsageError::conflict(
                lang,
                a,
                &list(K::PriorArg).join("', '"),
            )),
            None => None,
        },
        (ErrorKind::TooManyValues, Some(a), Some(v)) => Some(UsageError::extra_value(lang, a, v)),
        (ErrorKind::InvalidUtf8, _, _) => Some(UsageError::not_utf8(lang).to_string()),
        _ => None,
    };
    let label = H::Error.get(lang);
    let Some(first) = first else {
        // Rare kinds keep clap's words, below a first line in the language.
        let clap_text = err.render().to_string();
        let clap_text = clap_text.strip_prefix("error: ").unwrap_or(&clap_text);
        let message = format!("sheet: {label}: {}\n{clap_text}", UsageError::other(lang));
        return escape_controls(&message).into_owned();
    };

    let valid = list(K::ValidValue);
    if !valid.is_empty() && err.kind() == ErrorKind::InvalidValue {
        body.push(format!(
            "  {}",
            UsageError::possible_values(lang, &valid.join(", "))
        ));
    }
    let tip = H::Tip.get(lang);
    for (kind, what) in [
        (K::SuggestedArg, Similar::Argument),
        (K::SuggestedSubcommand, Similar::Command),
        (K::SuggestedValue, Similar::Value),
    ] {
        let names = list(kind);
        if !names.is_empty() {
            body.push(format!(
                "  {tip}: {}",
                UsageError::similar(lang, what, &quoted(names))
            ));
        }
    }
    if let Some(V::StyledStrs(suggestions)) = err.get(K::Suggested) {
        for suggestion in suggestions {
            let suggestion = suggestion.to_string();
            let line = match arg {
                Some(a) if suggestion.starts_with("to pass ") => UsageError::pass_as_value(lang, a),
                _ => suggestion,
            };
            body.push(format!("  {tip}: {line}"));
        }
    }

    let mut message = format!("sheet: {label}: {first}\n");
    for line in &body {
        message.push_str(line);
        message.push('\n');
    }
    if let Some(V::StyledStr(usage)) = err.get(K::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
        message.push_str(&format!("\n{}: {usage}\n", H::Usage.get(lang)));
        // The command's own name is the words of the usage before its arguments.
        let path: Vec<&str> = usage
            .split(' ')
            .take_while(|w| !w.is_empty() && !w.starts_with(['[', '<', '-']))
            .collect();
        let help = format!("{} --help", path.join(" "));
        message.push_str(&format!(
            "\n{}\n",
            UsageError::more(lang, help.trim_start())
        ));
    }
    escape_controls(&message).into_owned()
}

/// Text echoed back from the command line, with every character that could drive a
/// terminal written visibly (`\u{1b}`): C0 controls but newline and tab, DEL, C1
/// controls and the bidirectional overrides (SPEC §7).
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let cases: [(&[&str], Option<&str>, Lang); 11] = [
            (&["sheet", "--help"], None, Lang::Ja),
            (&["sheet", "--lang", "en", "--help"], None, Lang::En),
            (&["sheet", "--lang=en"], None, Lang::En),
            (
                &["sheet", "compare", "--help", "--lang", "en"],
                None,
                Lang::En,
            ),
            (&["sheet", "--help"], Some("en"), Lang::En),
            (&["sheet", "--lang", "ja"], Some("en"), Lang::Ja),
            (&["sheet", "--help"], Some(""), Lang::Ja),
            (&["sheet", "--lang", "xx"], Some("en"), Lang::En),
            (&["sheet", "diff", "--", "--lang", "en"], None, Lang::Ja),
            (&["sheet", "--lang"], None, Lang::Ja),
            (&["sheet", "--lang", "en", "--lang", "ja"], None, Lang::Ja),
        ];
        for (args, env, lang) in cases {
            assert_eq!(
                lang_before_parsing(&os(args), env.map(OsString::from)),
                lang,
                "{args:?} SHEET_LANG={env:?}"
            );
        }
    }

    /// Every command, argument and value has its words in `i18n::help`: none is
    /// left with the derive's (there are none) or clap's.
    #[test]
    fn every_command_argument_and_value_has_words() {
        fn check(cmd: &clap::Command, name: &str) {
            assert!(help::about(name).is_some(), "about of {name:?}");
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if !matches!(id, "help" | "version") {
                    assert!(help::arg(name, id).is_some(), "help of {name} {id}");
                }
                assert!(arg.get_help().is_some(), "{name} {id}");
                if id == "shell" || !arg.get_action().takes_values() {
                    continue;
                }
                for value in arg.get_possible_values() {
                    assert!(
                        value.get_help().is_some(),
                        "{name} {id} {}",
                        value.get_name()
                    );
                }
            }
            for sub in cmd.get_subcommands() {
                check(sub, sub.get_name());
            }
        }
        for lang in [Lang::Ja, Lang::En] {
            check(&command(lang), "");
        }
    }

    /// The value parsers with translated help make the types the derive reads.
    #[test]
    fn every_value_of_every_option_parses() {
        let cmd = command(Lang::Ja);
        // `help` is handled before the derive sees the matches.
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name();
            let base: Vec<&str> = match name {
                "history" => vec!["sheet", name, "--region", "a"],
                "new" => vec![
                    "sheet",
                    name,
                    "--region",
                    "a",
                    "--prefecture",
                    "b",
                    "--fiscal-year",
                    "R7",
                ],
                "show" => vec!["sheet", name, "f.toml"],
                "export" => vec!["sheet", name, "--out", "out.xlsx"],
                "progress" | "compare" => vec!["sheet", name, "--out", "report.xlsx"],
                "import" => vec!["sheet", name, "a.xlsx"],
                "completions" => vec!["sheet", name, "bash"],
                _ => vec!["sheet", name],
            };
            for arg in sub.get_arguments() {
                let Some(long) = arg.get_long() else { continue };
                for value in arg.get_possible_values() {
                    if !arg.get_action().takes_values() {
                        continue;
                    }
                    let flag = format!("--{long}");
                    let mut args = base.clone();
                    args.extend([flag.as_str(), value.get_name()]);
                    let matches = command(Lang::Ja)
                        .try_get_matches_from(&args)
                        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
                    if let Err(e) = Cli::from_arg_matches(&matches) {
                        panic!("{args:?}: {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn escape_controls_shows_what_could_drive_a_terminal() {
        assert_eq!(escape_controls("南加賀\ttab\nline"), "南加賀\ttab\nline");
        assert!(matches!(escape_controls("plain"), Cow::Borrowed(_)));
        assert_eq!(
            escape_controls("a\u{1b}[2J\r\u{7f}\u{85}\u{9b}\u{202e}\u{2066}b"),
            "a\\u{1b}[2J\\u{d}\\u{7f}\\u{85}\\u{9b}\\u{202e}\\u{2066}b"
        );
    }
}
