//! README.md's examples stay true.

use crate::common::Test;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_shows_the_real_summary_of_the_bundled_regions() {
    let out = Test::with_regions().args(&["validate"]).run();
    let last = out.stdout.trim_end().lines().last().unwrap().to_string();
    assert!(
        readme().contains(&format!("```text\n{last}\n```")),
        "README.md should show: {last}"
    );
}

#[test]
fn readme_diagnostic_excerpt_is_real_output() {
    let readme = readme();
    let start = readme
        .find("error[unknown-key]: [[hospital_collaboration]]")
        .unwrap();
    let excerpt = &readme[start..];
    let excerpt = &excerpt[..excerpt.find("\n```").unwrap()];
    let out = crate::common::sheet_command()
        .args(["validate", "broken/2-keys-and-types.toml"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(excerpt),
        "README excerpt differs from:\n{stdout}"
    );
}

/// The fenced block of README.md that starts with `first_line`.
fn readme_block(first_line: &str) -> String {
    let readme = readme();
    let start = readme
        .find(first_line)
        .unwrap_or_else(|| panic!("README.md has no block starting {first_line:?}"));
    let block = &readme[start..];
    block[..block.find("\n```").unwrap()].to_string()
}

/// Short commit hashes differ when the bundled sheets change: compare without them.
fn without_hashes(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
            .count();
        let boundary_before = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let boundary_after = chars
            .get(i + run)
            .is_none_or(|c| !c.is_ascii_alphanumeric());
        if run == 7 && boundary_before && boundary_after {
            out.push_str("HASH");
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn readme_review_session_is_real_output() {
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-20T10:00:00+09:00");
    t.edit("regions/minami-kaga.toml", "current  = 11", "current  = 12");
    t.edit(
        "regions/minami-kaga.toml",
        "制度の周知を図る。ピアサポーターの活用を勧める。",
        "制度の周知を図る。ピアサポーターの活用を強く勧める。",
    );
    let out = t.sheet(&["diff", "HEAD"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let shown = readme_block("$ sheet diff HEAD\n");
    let real = format!("$ sheet diff HEAD\n{}", out.stdout.trim_end());
    assert_eq!(without_hashes(&shown), without_hashes(&real));
}

#[test]
fn readme_history_table_is_real_output() {
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-20T10:00:00+09:00");
    t.edit("regions/minami-kaga.toml", "current  = 11", "current  = 13");
    t.commit(
        "南加賀: 地域移行数と病院との連携を更新",
        "2018-09-28T10:00:00+09:00",
    );
    t.edit("regions/minami-kaga.toml", "current  = 13", "current  = 14");
    t.edit(
        "regions/minami-kaga.toml",
        "target   = 3",
        "target   = \"16以上\"",
    );
    t.commit(
        "南加賀: 目標値を見直し（16以上）",
        "2018-10-15T10:00:00+09:00",
    );
    let out = t.sheet(&["history", "--region", "南加賀"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = readme_block("$ sheet history --region 南加賀\n");
    let real = format!("$ sheet history --region 南加賀\n{}", out.stdout.trim_end());
    assert_eq!(without_hashes(&shown), without_hashes(&real));
}

#[test]
fn readme_progress_example_is_real_output() {
    let out = Test::with_regions()
        .args(&["progress", "--region", "南加賀"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = readme_block("$ sheet progress --region 南加賀\n");
    assert_eq!(
        shown,
        format!(
            "$ sheet progress --region 南加賀\n{}",
            out.stdout.trim_end()
        )
    );
}

/// The `$ sheet …` lines of README.md's console blocks, as arguments: what follows a
/// `#` comment, a redirection or a pipe is left out.
fn readme_command_lines() -> Vec<Vec<String>> {
    let readme = readme();
    let mut lines = Vec::new();
    let mut in_console = false;
    for line in readme.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_console = trimmed == "```console";
            continue;
        }
        let Some(command) = trimmed.strip_prefix("$ sheet ").filter(|_| in_console) else {
            continue;
        };
        let command = command.split(" #").next().unwrap_or_default();
        let args: Vec<String> = command
            .split_whitespace()
            .take_while(|w| !matches!(*w, ">" | "|" | "2>"))
            .map(str::to_string)
            .collect();
        lines.push(args);
    }
    lines
}

#[test]
fn readme_commands_are_accepted_by_sheet() {
    let lines = readme_command_lines();
    assert!(lines.len() >= 25, "{lines:?}");
    for args in lines {
        // `--help` last (before a `--`): clap checks every argument before it, and
        // nothing runs.
        let mut with_help: Vec<&str> = args.iter().map(String::as_str).collect();
        let at = with_help
            .iter()
            .position(|a| *a == "--")
            .unwrap_or(with_help.len());
        with_help.insert(at, "--help");
        let out = Test::new().args(&with_help).run();
        assert_eq!(out.code, 0, "sheet {}: {}", args.join(" "), out.stderr);
    }
}

#[test]
fn readme_format_table_matches_the_commands() {
    let readme = readme();
    let start = readme
        .find("| コマンド | human | table | markdown | json | csv | そのほか |")
        .expect("the commands × formats table");
    let formats = ["human", "table", "markdown", "json", "csv"];
    let mut rows = 0;
    for row in readme[start..].lines().skip(2) {
        if !row.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let command = cells[1].trim_matches('`');
        let cells = &cells[2..];
        let mut listed: Vec<(&str, bool)> = formats
            .iter()
            .zip(cells)
            .map(|(format, cell)| (*format, !cell.is_empty()))
            .collect();
        if listed.iter().all(|(_, shown)| !shown) {
            continue; // no --format (show, schema)
        }
        // Formats named in the last column are accepted; those not named are not.
        for extra in ["html", "xlsx"] {
            listed.push((extra, cells[5].contains(&format!("`{extra}`"))));
        }
        for (format, shown) in listed {
            let out = Test::new()
                .args(&[command, "--format", format, "--help"])
                .run();
            let expected = if shown { 0 } else { 2 };
            assert_eq!(
                out.code, expected,
                "{command} --format {format}: {}",
                out.stderr
            );
        }
        rows += 1;
    }
    assert_eq!(rows, 6);
}

/// Relative links `](path#anchor)` of a Markdown file, resolved from its folder.
fn links(markdown_file: &str) -> Vec<(std::path::PathBuf, Option<String>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(markdown_file);
    let text = std::fs::read_to_string(&path).unwrap();
    let dir = path.parent().unwrap().to_path_buf();
    let mut out = Vec::new();
    for (at, _) in text.match_indices("](") {
        let rest = &text[at + 2..];
        let target = &rest[..rest.find(')').unwrap()];
        if target.contains("://") {
            continue;
        }
        let (file, anchor) = match target.split_once('#') {
            Some((file, anchor)) => (file, Some(anchor.to_string())),
            None => (target, None),
        };
        let file = if file.is_empty() {
            path.clone()
        } else {
            dir.join(file)
        };
        out.push((file, anchor));
    }
    out
}

#[test]
fn readme_and_format_links_point_to_files_and_anchors_that_exist() {
    for doc in ["README.md", "docs/format.md", "benches/README.md"] {
        let found = links(doc);
        assert!(!found.is_empty(), "{doc}");
        for (file, anchor) in found {
            assert!(file.exists(), "{doc}: {} does not exist", file.display());
            if let Some(anchor) = anchor {
                let text = std::fs::read_to_string(&file).unwrap();
                assert!(
                    text.contains(&format!("<a id=\"{anchor}\"></a>")),
                    "{doc}: no anchor #{anchor} in {}",
                    file.display()
                );
            }
        }
    }
    assert!(
        !readme().contains("SPEC.md"),
        "SPEC.md is not in this repository"
    );
}

/// Issue 17 point 9: README's own `sheet new` example failed in the repository
/// ("すでにあります"): it named the file of the bundled 南加賀 sheet.
#[test]
fn readme_new_example_works_in_the_repository() {
    let readme = readme();
    let line = readme
        .lines()
        .find(|l| l.starts_with("$ sheet new --region "))
        .expect("README's sheet new example");
    let args: Vec<&str> = line
        .trim_start_matches("$ sheet ")
        .split_whitespace()
        .collect();
    let t = Test::with_regions();
    let out = t.sheet(&args);
    assert_eq!(out.code, 0, "{line}: {}", out.stderr);
    assert!(t.path("regions/minami-kaga-r7.toml").is_file());
    let v = t.sheet(&["validate", "--format", "json"]);
    assert_eq!(v.json()["errors"], 0, "{}", v.stdout);
}

/// The yearly workflow of README.md, run as written on a copy of the repository:
/// every command succeeds, and the history shown is the real output.
#[test]
fn readme_yearly_workflow_is_real() {
    let readme = readme();
    let start = readme
        .find("## 年度ごとの作業 (yearly workflow)")
        .expect("the yearly workflow section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-20T10:00:00+09:00");
    let commands: Vec<Vec<&str>> = section
        .lines()
        .filter_map(|l| l.strip_prefix("$ sheet "))
        .map(|c| {
            c.split(" #")
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .collect()
        })
        .collect();
    assert!(commands.len() >= 7, "{commands:?}");
    for args in &commands {
        let out = t.sheet(args);
        assert_eq!(out.code, 0, "sheet {}: {}", args.join(" "), out.stderr);
    }
    assert!(t.path("regions/minami-kaga-r7.toml").is_file());
    let out = t.sheet(&["history", "--region", "南加賀"]);
    let shown = readme_block("$ sheet history --region 南加賀\n南加賀 令和7年度");
    let real = format!("$ sheet history --region 南加賀\n{}", out.stdout.trim_end());
    assert_eq!(shown, real);
    // The years of 南加賀 are shown oldest first, and compare names them by year.
    let progress = t.sheet(&["progress", "--region", "南加賀"]);
    let h30 = progress.stdout.find("平成30年度").unwrap();
    let r7 = progress.stdout.find("令和7年度").unwrap();
    assert!(h30 < r7, "{}", progress.stdout);
    let compare = t.sheet(&["compare", "--region", "南加賀"]);
    assert!(
        compare.stdout.contains("石川県 南加賀 2018"),
        "{}",
        compare.stdout
    );
    assert!(
        compare.stdout.contains("石川県 南加賀 2025"),
        "{}",
        compare.stdout
    );
}
