//! `--help`, usage errors and `sheet man` in the output language.

use crate::common::Test;

/// Every subcommand, as `sheet --help` must list them.
const COMMANDS: [&str; 14] = [
    "validate",
    "progress",
    "compare",
    "diff",
    "history",
    "new",
    "export",
    "import",
    "render",
    "schema",
    "show",
    "completions",
    "man",
    "help",
];

/// clap's English words, which Japanese help must not show.
const CLAP_ENGLISH: [&str; 14] = [
    "Usage",
    "Commands:",
    "Options:",
    "Arguments:",
    "Possible values",
    "possible values",
    "Print help",
    "Print version",
    "[default:",
    "[env:",
    "[OPTIONS]",
    "<COMMAND>",
    "Examples",
    "subcommand",
];

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

fn assert_japanese_help(what: &str, text: &str) {
    for word in CLAP_ENGLISH {
        assert!(!text.contains(word), "{what}: {word:?} in\n{text}");
    }
    assert!(text.contains("使い方: sheet"), "{what}:\n{text}");
    assert!(text.contains("オプション:"), "{what}:\n{text}");
}

fn assert_english_help(what: &str, text: &str) {
    let japanese: String = text.chars().filter(|&c| is_japanese(c)).collect();
    assert!(japanese.is_empty(), "{what}: {japanese:?} in\n{text}");
    assert!(text.contains("Usage: sheet"), "{what}:\n{text}");
    assert!(text.contains("Options:"), "{what}:\n{text}");
}

fn help(args: &[&str]) -> String {
    let out = Test::new().args(args).run();
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
    out.stdout
}

#[test]
fn top_level_help_is_japanese_by_default_and_lists_every_command() {
    for flag in ["--help", "-h"] {
        let text = help(&[flag]);
        assert_japanese_help(flag, &text);
        assert!(text.contains("コマンド:"), "{text}");
        assert!(text.contains("ヘルプを表示する"), "{text}");
        assert!(text.contains("版を表示する"), "{text}");
        for command in COMMANDS {
            assert!(
                text.lines().any(|l| l.trim_start().starts_with(command)),
                "{flag} does not list {command}:\n{text}"
            );
        }
    }
    let long = help(&["--help"]);
    assert!(long.contains("値:\n"), "{long}");
    assert!(long.contains("[既定: ja]"), "{long}");
    assert!(long.contains("[環境変数: SHEET_LANG]"), "{long}");
}

#[test]
fn top_level_help_is_english_with_lang_en_in_every_spelling() {
    let texts = [
        ("--lang en --help", help(&["--lang", "en", "--help"])),
        ("--lang=en --help", help(&["--lang=en", "--help"])),
        ("--help --lang en", help(&["--help", "--lang", "en"])),
        ("-h --lang en", help(&["-h", "--lang", "en"])),
        ("SHEET_LANG=en --help", {
            let out = Test::new().env("SHEET_LANG", "en").args(&["--help"]).run();
            assert_eq!(out.code, 0, "{}", out.stderr);
            out.stdout
        }),
    ];
    for (what, text) in &texts {
        assert_english_help(what, text);
        assert!(text.contains("Commands:"), "{what}:\n{text}");
        for command in COMMANDS {
            assert!(text.contains(command), "{what} does not list {command}");
        }
    }
    assert!(texts[0].1.contains("Possible values:"), "{}", texts[0].1);
    assert!(texts[0].1.contains("- ja: Japanese"), "{}", texts[0].1);
}

#[test]
fn every_command_has_help_in_both_languages() {
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let ja = help(&[command, flag]);
            assert_japanese_help(&format!("{command} {flag}"), &ja);
            // `--lang en` is global: it works after the subcommand too.
            let en = help(&[command, "--lang", "en", flag]);
            assert_english_help(&format!("{command} --lang en {flag}"), &en);
            let en_first = help(&["--lang", "en", command, flag]);
            assert_eq!(en, en_first, "{command}");
            let out = Test::new()
                .env("SHEET_LANG", "en")
                .args(&[command, flag])
                .run();
            assert_eq!(out.stdout, en, "SHEET_LANG=en {command} {flag}");
        }
    }
}

#[test]
fn compare_help_in_both_languages() {
    let ja = help(&["compare", "--help"]);
    for expected in [
        "事前資料: 圏域を並べて比較（本文、予定、",
        "使い方: sheet compare [オプション] [PATH]...",
        "引数:",
        "--format <FORMAT>",
        "- markdown: Markdown（会議メモに貼る）",
        "[既定: table]",
        "[環境変数: SHEET_WIDTH]",
        "ヘルプを表示する（-h で要約）",
    ] {
        assert!(ja.contains(expected), "{expected:?} not in\n{ja}");
    }
    let en = help(&["compare", "--lang", "en", "--help"]);
    for expected in [
        "regions side by side with texts, timeline",
        "Usage: sheet compare [OPTIONS] [PATH]...",
        "Arguments:",
        "- markdown: Markdown, to paste into meeting notes",
        "[default: table]",
        "[env: SHEET_WIDTH]",
        "Print help (see a summary with '-h')",
    ] {
        assert!(en.contains(expected), "{expected:?} not in\n{en}");
    }
}

#[test]
fn help_command_shows_the_long_help_of_a_command() {
    assert_eq!(help(&["help", "compare"]), help(&["compare", "--help"]));
    assert_eq!(help(&["help"]), help(&["--help"]));
    assert_eq!(
        help(&["--lang", "en", "help", "diff"]),
        help(&["--lang", "en", "diff", "--help"])
    );
    let out = Test::new().args(&["help", "nope"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("sheet: エラー: 'nope'"),
        "{}",
        out.stderr
    );
}

#[test]
fn version_is_printed() {
    let out = Test::new().args(&["--version"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, format!("sheet {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_command_shows_the_help_on_stderr_with_exit_2() {
    let out = Test::new().run();
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert_japanese_help("sheet", &out.stderr);
}

/// Runs `sheet` expecting a usage error; gives stderr.
fn usage_error(t: Test) -> String {
    let out = t.run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    out.stderr
}

#[test]
fn usage_errors_are_in_the_output_language() {
    let ja = usage_error(Test::new().args(&["validate", "--bogus"]));
    assert!(
        ja.starts_with("sheet: エラー: '--bogus' という引数はありません\n"),
        "{ja}"
    );
    assert!(ja.contains("使い方: sheet validate [オプション]"), "{ja}");
    assert!(ja.contains("詳しくは 'sheet validate --help'"), "{ja}");
    let en = usage_error(Test::new().args(&["validate", "--bogus", "--lang", "en"]));
    assert!(
        en.starts_with("sheet: error: unexpected argument '--bogus' found\n"),
        "{en}"
    );
    assert!(en.contains("Usage: sheet validate"), "{en}");

    let ja = usage_error(Test::new().args(&["compare", "--format", "xml"]));
    assert!(
        ja.starts_with("sheet: エラー: '--format <FORMAT>' に 'xml' は使えません\n"),
        "{ja}"
    );
    assert!(
        ja.contains("[値: table, markdown, json, csv, xlsx, html]"),
        "{ja}"
    );
    let en = usage_error(
        Test::new()
            .env("SHEET_LANG", "en")
            .args(&["compare", "--format", "xml"]),
    );
    assert!(
        en.starts_with("sheet: error: invalid value 'xml' for '--format <FORMAT>'\n"),
        "{en}"
    );
    assert!(
        en.contains("[possible values: table, markdown, json, csv, xlsx, html]"),
        "{en}"
    );

    let ja = usage_error(Test::new().args(&["progress", "--width"]));
    assert!(
        ja.starts_with("sheet: エラー: '--width <N>' に値がありません"),
        "{ja}"
    );
    let ja = usage_error(Test::new().args(&["progress", "--width", "wide"]));
    assert!(
        ja.starts_with("sheet: エラー: '--width <N>' に 'wide' は使えません"),
        "{ja}"
    );
    let ja = usage_error(Test::new().args(&["history"]));
    assert!(
        ja.starts_with("sheet: エラー: 次の引数が必要です:\n  --region <NAME>"),
        "{ja}"
    );
    let ja = usage_error(Test::new().args(&["valdate"]));
    assert!(
        ja.starts_with("sheet: エラー: 'valdate' というコマンドはありません"),
        "{ja}"
    );
    assert!(ja.contains("ヒント: 似たコマンド: 'validate'"), "{ja}");
    let en = usage_error(Test::new().args(&["--lang=en", "valdate"]));
    assert!(
        en.starts_with("sheet: error: unrecognized subcommand 'valdate'"),
        "{en}"
    );
    assert!(
        en.contains("tip: a similar subcommand exists: 'validate'"),
        "{en}"
    );
}

#[test]
fn control_characters_in_a_bad_argument_come_back_escaped() {
    for bad in [
        "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J",
        "x\u{9b}31m",
        "\u{202e}txt.exe",
        "a\rb\u{7f}",
    ] {
        for args in [
            vec!["compare", "--format", bad],
            vec!["validate", bad, "--bogus"],
            vec!["--lang", "en", bad],
        ] {
            let err = usage_error(Test::new().args(&args));
            let raw: Vec<char> = err
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n')
                        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                })
                .collect();
            assert!(raw.is_empty(), "{args:?}: raw {raw:?} in {err:?}");
        }
    }
    let err = usage_error(Test::new().args(&["compare", "--format", "\u{1b}[31mred"]));
    assert!(err.contains("'\\u{1b}[31mred'"), "{err}");
}

#[test]
fn empty_sheet_lang_and_sheet_dir_count_as_unset() {
    let out = Test::with_regions()
        .env("SHEET_LANG", "")
        .env("SHEET_DIR", "")
        .env("SHEET_WIDTH", "")
        .args(&["validate"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("3 ファイルを検査"), "{}", out.stdout);
    let out = Test::new().env("SHEET_LANG", "").args(&["--help"]).run();
    assert_japanese_help("SHEET_LANG= --help", &out.stdout);
}

// ------------------------------------------------------------------- man pages

/// The page names a man page refers to (`sheet-validate(1)` → `sheet-validate`).
fn references(page: &str) -> Vec<String> {
    let page = page.replace("\\-", "-");
    let mut names = Vec::new();
    for (at, _) in page.match_indices("(1)") {
        let name: String = page[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if name.starts_with("sheet") {
            names.push(name);
        }
    }
    names
}

#[test]
fn man_out_writes_a_page_per_command_with_environment_and_exit_status() {
    for (lang, sections) in [
        (
            "ja",
            [
                "名前",
                "書式",
                "説明",
                "オプション",
                "環境変数",
                "終了ステータス",
                "関連項目",
            ],
        ),
        (
            "en",
            [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "ENVIRONMENT",
                "EXIT STATUS",
                "SEE ALSO",
            ],
        ),
    ] {
        let t = Test::new().args(&["--lang", lang, "man", "--out", "man1"]);
        let out = t.run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let mut pages = vec!["sheet".to_string()];
        pages.extend(
            COMMANDS
                .iter()
                .filter(|c| **c != "help")
                .map(|c| format!("sheet-{c}")),
        );
        let written: Vec<String> = std::fs::read_dir(t.path("man1"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(written.len(), pages.len(), "{written:?}");
        for name in &pages {
            let path = t.path(&format!("man1/{name}.1"));
            let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                page.contains(&format!(".TH {} 1", name.to_uppercase())),
                "{page}"
            );
            for section in sections {
                let quoted = format!(".SH \"{section}\"\n");
                assert!(
                    page.contains(&format!(".SH {section}\n")) || page.contains(&quoted),
                    "{name}.1 ({lang}) lacks {section}"
                );
            }
            for var in ["SHEET_DIR", "SHEET_LANG", "SHEET_COLOR", "NO_COLOR"] {
                assert!(page.contains(var), "{name}.1 lacks {var}");
            }
            for code in ["0", "2"] {
                assert!(
                    page.contains(&format!(".TP\n\\fB{code}\\fR\n")),
                    "{name}.1: exit {code}"
                );
            }
            for reference in references(&page) {
                assert!(
                    t.path(&format!("man1/{reference}.1")).is_file(),
                    "{name}.1 refers to {reference}(1), which was not written"
                );
            }
            if lang == "ja" {
                assert!(out.stdout.contains(&format!("{name}.1 を書き出しました")));
            }
        }
        for (name, table_env) in [("sheet-compare", true), ("sheet-validate", false)] {
            let page = t.read(&format!("man1/{name}.1"));
            assert_eq!(page.contains("SHEET_WIDTH"), table_env, "{name}");
        }
        let validate = t.read("man1/sheet-validate.1");
        assert!(validate.contains(".TP\n\\fB1\\fR\n"), "validate: exit 1");
        let top = t.read("man1/sheet.1");
        assert_eq!(references(&top).len(), pages.len() * 2 - 2, "{top}");
    }
}

#[test]
fn man_pages_render_with_man() {
    let Ok(probe) = std::process::Command::new("man").arg("--version").output() else {
        eprintln!("man is not installed: rendering not checked");
        return;
    };
    assert!(probe.status.success());
    let t = Test::new().args(&["man", "--out", "man1"]);
    assert_eq!(t.run().code, 0);
    for (page, expected) in [
        ("sheet.1", "終了ステータス"),
        ("sheet-compare.1", "環境変数"),
        ("sheet-diff.1", "sheet diff OLD.toml NEW.toml"),
    ] {
        let out = std::process::Command::new("man")
            .args(["-l", "-P", "cat"])
            .arg(t.path(&format!("man1/{page}")))
            .env("MANWIDTH", "80")
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{page}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains(expected), "{page}:\n{text}");
        assert!(!text.contains(".SH"), "{page}: roff left unread:\n{text}");
    }
}

#[test]
fn man_without_out_prints_the_page_of_sheet() {
    let out = Test::new().args(&["--lang", "en", "man"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(".TH SHEET 1"), "{}", out.stdout);
    assert!(out.stdout.contains(".SH ENVIRONMENT"));
    assert!(out.stdout.contains("sheet\\-compare(1)"));
}

#[test]
fn man_out_never_overwrites_and_writes_nothing_when_a_page_is_in_the_way() {
    let t = Test::new()
        .file("man1/sheet-diff.1", "mine")
        .args(&["man", "--out", "man1"]);
    let out = t.run();
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("sheet-diff.1"), "{}", out.stderr);
    assert_eq!(t.read("man1/sheet-diff.1"), "mine");
    assert!(!t.path("man1/sheet.1").exists());
    assert_eq!(std::fs::read_dir(t.path("man1")).unwrap().count(), 1);
}

#[test]
fn completions_are_in_the_output_language() {
    let ja = Test::new().args(&["completions", "fish"]).run();
    assert!(ja.stdout.contains("端末のときだけ"), "{}", ja.stdout);
    let en = Test::new()
        .args(&["--lang", "en", "completions", "fish"])
        .run();
    assert_eq!(en.code, 0);
    assert!(en.stdout.contains("only on a terminal"), "{}", en.stdout);
    let japanese: String = en.stdout.chars().filter(|&c| is_japanese(c)).collect();
    assert!(japanese.is_empty(), "{japanese}");
}

#[test]
fn help_is_coloured_as_color_says() {
    let plain = help(&["compare", "--help"]);
    assert!(!plain.contains('\u{1b}'), "{plain}");
    for args in [
        vec!["--color", "always", "compare", "--help"],
        vec!["compare", "--help", "--color=always"],
    ] {
        let coloured = help(&args);
        assert!(coloured.contains("\u{1b}["), "{args:?}: {coloured}");
        assert!(coloured.contains("使い方:"), "{coloured}");
    }
    let out = Test::new()
        .env("SHEET_COLOR", "always")
        .args(&["--color", "never", "--help"])
        .run();
    assert!(!out.stdout.contains('\u{1b}'), "{}", out.stdout);
}
