//! `sheet completions SHELL` and `sheet man`: generated from the command line's
//! definition, in the output language.

use std::io::Write;

use clap_mangen::roff::{bold, italic, roman, Roff};

use crate::cli::{escape_controls, CompletionsArgs, ManArgs};
use crate::create;
use crate::error::Failure;
use crate::i18n::help::{self, ManSection};
use crate::i18n::Lang;
use crate::output::{Ctx, Exit};

pub fn run(args: &CompletionsArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let mut cmd = crate::cli::command(ctx.lang);
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "sheet", &mut buf);
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(Exit::Ok)
}

/// `sheet man`: `sheet.1` on stdout, or with `--out DIR` one page per command
/// (`sheet.1`, `sheet-validate.1`, …) written into DIR, never over a file.
pub fn man(args: &ManArgs, ctx: &Ctx) -> anyhow::Result<Exit> {
    let cmd = crate::cli::command(ctx.lang);
    let Some(dir) = &args.out else {
        let mut out = std::io::stdout().lock();
        out.write_all(page(&cmd, None, ctx.lang).as_bytes())?;
        out.flush()?;
        return Ok(Exit::Ok);
    };
    let mut pages = vec![(dir.join("sheet.1"), page(&cmd, None, ctx.lang))];
    for sub in documented(&cmd) {
        let file = dir.join(format!("sheet-{}.1", sub.get_name()));
        pages.push((file, page(sub, Some(&cmd), ctx.lang)));
    }
    // All or nothing where it can be known beforehand: one page in the way means
    // none is written.
    if let Some((path, _)) = pages
        .iter()
        .find(|(p, _)| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(Failure::Exists { path: path.clone() }.into());
    }
    std::fs::create_dir_all(dir).map_err(|source| Failure::Io {
        path: dir.clone(),
        source,
    })?;
    let mut out = std::io::stdout().lock();
    for (path, text) in &pages {
        create::create_new(path, text.as_bytes())?;
        let shown = escape_controls(&path.display().to_string()).into_owned();
        writeln!(out, "{}", help::man_written(ctx.lang, &shown))?;
    }
    out.flush()?;
    Ok(Exit::Ok)
}

/// The subcommands that get a page of their own (`help` is the help itself).
fn documented(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// The file name of a page, without the section: `sheet`, `sheet-compare`.
fn page_name(cmd: &clap::Command, parent: Option<&clap::Command>) -> String {
    match parent {
        None => "sheet".to_string(),
        Some(_) => format!("sheet-{}", cmd.get_name()),
    }
}

/// The man page of `cmd` (of `sheet` itself when `parent` is `None`) in roff.
fn page(cmd: &clap::Command, parent: Option<&clap::Command>, lang: Lang) -> String {
    let name = page_name(cmd, parent);
    let command = parent.map_or("", |_| cmd.get_name());
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let version = format!("sheet {}", env!("CARGO_PKG_VERSION"));
    let mut roff = Roff::new();
    roff.control(
        "TH",
        [
            name.to_uppercase().as_str(),
            "1",
            // No date: an empty argument, which roff only reads when quoted.
            "\"\"",
            version.as_str(),
            ManSection::Manual.get(lang),
        ],
    );

    if lang == Lang::Ja {
        // groff's rules for breaking Japanese lines, which have no spaces to break at.
        roff.control("mso", ["ja.tmac"]);
    }
    // Left-aligned and unhyphenated: justification spreads the few spaces of a
    // Japanese line wide, and a command name is no word to hyphenate.
    roff.control("ad", ["l"]);
    roff.control("nh", []);

    section(&mut roff, ManSection::Name, lang);
    roff.text([roman(format!("{name} - {about}"))]);

    section(&mut roff, ManSection::Synopsis, lang);
    let mut cmd_for_usage = cmd.clone();
    let usage = cmd_for_usage.render_usage().to_string();
    let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
    // The command's own name is the words before its arguments; it is set in bold.
    let words: Vec<&str> = usage.split(' ').collect();
    let name_words = words
        .iter()
        .take_while(|w| !w.is_empty() && !w.starts_with(['[', '<', '-']))
        .count();
    let rest = words[name_words..].join(" ");
    let rest = if rest.is_empty() {
        rest
    } else {
        format!(" {rest}")
    };
    roff.text([bold(words[..name_words].join(" ")), roman(rest)]);

    section(&mut roff, ManSection::Description, lang);
    roff.text([roman(about)]);

    let args: Vec<&clap::Arg> = cmd.get_arguments().filter(|a| !a.is_hide_set()).collect();
    let positionals: Vec<&&clap::Arg> = args.iter().filter(|a| a.is_positional()).collect();
    if !positionals.is_empty() {
        section(&mut roff, ManSection::Arguments, lang);
        for arg in positionals {
            let value = arg
                .get_value_names()
                .map(|v| v.join(" "))
                .unwrap_or_else(|| arg.get_id().to_string());
            let (open, close) = if arg.is_required_set() {
                ("<", ">")
            } else {
                ("[", "]")
            };
            let more = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
            let more = if more { "..." } else { "" };
            roff.control("TP", []);
            roff.text([italic(format!("{open}{value}{close}{more}"))]);
            help_text(&mut roff, arg);
        }
    }
    let mut options: Vec<&&clap::Arg> = args.iter().filter(|a| !a.is_positional()).collect();
    options.sort_by_key(|a| a.get_display_order());
    if !options.is_empty() {
        section(&mut roff, ManSection::Options, lang);
        for arg in options {
            let mut header = Vec::new();
            if let Some(short) = arg.get_short() {
                header.push(bold(format!("-{short}")));
                header.push(roman(", "));
            }
            if let Some(long) = arg.get_long() {
                header.push(bold(format!("--{long}")));
            }
            if arg.get_action().takes_values() {
                if let Some(names) = arg.get_value_names() {
                    header.push(roman(" "));
                    header.push(italic(format!("<{}>", names.join(" "))));
                }
            }
            roff.control("TP", []);
            roff.text(header);
            help_text(&mut roff, arg);
        }
    }

    if parent.is_none() {
        section(&mut roff, ManSection::Commands, lang);
        for sub in documented(cmd) {
            roff.control("TP", []);
            roff.text([bold(format!("sheet {}", sub.get_name()))]);
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            roff.text([roman(format!("{about} ({}(1))", page_name(sub, Some(cmd))))]);
        }
    }
    if command == "diff" {
        section(&mut roff, ManSection::Examples, lang);
        for line in help::diff_examples(lang).lines() {
            roff.text([roman(line)]);
            roff.control("br", []);
        }
    }

    section(&mut roff, ManSection::Environment, lang);
    let has_tables = cmd.get_arguments().any(|a| a.get_id() == "width");
    for (var, text) in help::environment(lang) {
        let table_only = matches!(var, "SHEET_WIDTH" | "SHEET_BORDER" | "COLUMNS");
        if table_only && !has_tables && parent.is_some() {
            continue;
        }
        roff.control("TP", []);
        roff.text([bold(var)]);
        roff.text([roman(text)]);
    }
    roff.control("PP", []);
    roff.text([roman(help::environment_note(lang))]);

    section(&mut roff, ManSection::ExitStatus, lang);
    for (code, text) in help::exit_status(command, lang) {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(text)]);
    }

    section(&mut roff, ManSection::SeeAlso, lang);
    let related: Vec<String> = match parent {
        Some(root) => std::iter::once("sheet".to_string())
            .chain(
                documented(root)
                    .filter(|s| s.get_name() != cmd.get_name())
                    .map(|s| page_name(s, Some(root))),
            )
            .collect(),
        None => documented(cmd).map(|s| page_name(s, Some(cmd))).collect(),
    };
    let related: Vec<String> = related.iter().map(|p| format!("{p}(1)")).collect();
    roff.text([roman(related.join(", "))]);
    roff.render()
}

fn section(roff: &mut Roff, heading: ManSection, lang: Lang) {
    roff.control("SH", [heading.get(lang)]);
}

/// An argument's long help, one roff line per line of the help.
fn help_text(roff: &mut Roff, arg: &clap::Arg) {
    let help = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    // Each line of the help stays a line; a blank line is a blank line.
    let mut after_text = false;
    for line in help.lines() {
        if line.trim().is_empty() {
            roff.control("sp", []);
            after_text = false;
            continue;
        }
        if after_text {
            roff.control("br", []);
        }
        after_text = true;
        roff.text([roman(line)]);
    }
}
