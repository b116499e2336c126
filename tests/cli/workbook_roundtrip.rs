//! The round trip of SPEC §6: `sheet import` of `sheet export` of a sheet S has no
//! `sheet diff` difference from S — for the bundled regions, the examples and
//! generated sheets, and also after LibreOffice Calc has opened and saved the
//! workbook again.
//!
//! `workbook_write.rs` also checks the export with an independent reader
//! (openpyxl) through the same sheets and generator.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::common::{bundled_regions, Test};

/// The valid sheets of the repository: the bundled regions and the examples.
pub fn repository_sheets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(bundled_regions())
        .expect("regions/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files.push(root.join("examples/template.toml"));
    files.push(root.join("tests/fixtures/valid/minimal.toml"));
    files
}

/// Whether a program can be run; when it cannot, says so on stderr, and fails
/// where the tools are required (`SHEET_TEST_TOOLS=required`, set by `.ci/run`),
/// so that a test is skipped only where it says it is.
pub fn tool_available(what: &str, probe: &[&str]) -> bool {
    let found = std::process::Command::new(probe[0])
        .args(&probe[1..])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        let required = std::env::var("SHEET_TEST_TOOLS").is_ok_and(|v| v == "required");
        assert!(
            !required,
            "{what} is required (SHEET_TEST_TOOLS=required) but `{}` fails",
            probe.join(" ")
        );
        eprintln!("SKIPPED: {what} not found (`{}` fails)", probe.join(" "));
    }
    found
}

/// LibreOffice Calc, headless.
pub fn soffice_available() -> bool {
    tool_available("LibreOffice (soffice)", &["soffice", "--version"])
}

/// Opens `workbook` in LibreOffice Calc and saves it again as `.xlsx` into `dir`;
/// the path of the saved workbook.
pub fn libreoffice_resave(workbook: &Path, dir: &Path) -> PathBuf {
    libreoffice_convert(workbook, dir, "xlsx")
}

/// Converts `file` with LibreOffice into `dir` (`xlsx`, `pdf`).
pub fn libreoffice_convert(file: &Path, dir: &Path, to: &str) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    // A profile of its own: a second LibreOffice on the same profile (another test
    // running at once) would hand its work to the first and return at once.
    let profile = dir.join(".lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.canonicalize().unwrap_or(profile.clone()).display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("run soffice");
    let stem = file
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let converted = dir.join(format!("{stem}.{to}"));
    assert!(
        out.status.success() && converted.is_file(),
        "soffice --convert-to {to} {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    converted
}

/// `sheet export SHEET --out WORKBOOK`, checked to succeed.
pub fn export(t: &Test, sheet: &Path, workbook: &str) {
    let sheet = sheet.to_string_lossy();
    let out = t.sheet(&["export", &sheet, "--out", workbook]);
    assert_eq!(out.code, 0, "export {sheet}: {}{}", out.stdout, out.stderr);
}

/// `sheet diff OLD NEW` finds no difference.
pub fn assert_no_difference(t: &Test, old: &Path, new: &str, context: &str) {
    let old = old.to_string_lossy();
    let out = t.sheet(&["diff", &old, new]);
    assert_eq!(
        out.code,
        0,
        "{context}: sheet diff {old} {new}:\n{}{}\n--- {new}:\n{}",
        out.stdout,
        out.stderr,
        std::fs::read_to_string(t.path(new)).unwrap_or_default()
    );
}

/// Export, import, diff.
fn round_trip(t: &Test, sheet: &Path, resave: bool) {
    let name = sheet
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    let workbook = format!("{name}.xlsx");
    export(t, sheet, &workbook);
    let workbook = if resave {
        libreoffice_resave(&t.path(&workbook), &t.path("resaved"));
        format!("resaved/{name}.xlsx")
    } else {
        workbook
    };
    // Into a folder of its own: import refuses to put a second sheet of one
    // region beside the first (or beside the workbook itself).
    std::fs::create_dir_all(t.path("back")).expect("mkdir");
    let back = format!("back/{name}.toml");
    let out = t.sheet(&["import", &workbook, "--out", &back]);
    assert_eq!(
        out.code, 0,
        "import {workbook}: {}{}",
        out.stdout, out.stderr
    );
    assert_no_difference(t, sheet, &back, &workbook);
}

#[test]
fn the_repository_sheets_survive_export_and_import() {
    let t = Test::new();
    for sheet in repository_sheets() {
        round_trip(&t, &sheet, false);
    }
}

#[test]
fn the_repository_sheets_survive_a_libreoffice_save() {
    if !soffice_available() {
        return;
    }
    let t = Test::new();
    for sheet in repository_sheets() {
        round_trip(&t, &sheet, true);
    }
}

/// What officials write (SPEC 1.3-1.5) survives the workbook: numbers with units
/// and remarks, status words, dates with a weekday or a precision word, 未定, 年度末.
const AS_OFFICIALS_WRITE: &str = r#"
[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = "令和6年度"
as_of = "2024/9/30(月)"

[[goals]]
text = "地域移行を進める"
indicator = "地域移行数"

  [[goals.progress]]
  text = "第1回地域連絡会"
  date = "10月15日(火)"
  status = "予定"

  [[goals.progress]]
  text = "研修会"
  date = "11月中旬"
  status = "実施予定"

  [[goals.progress]]
  text = "報告書"
  date = "年度末"
  status = "planned"

  [[goals.progress]]
  text = "意見交換会"
  date = "未定"
  status = "調整中"

  [[goals.progress]]
  text = "ピアサポーター養成研修"
  date = "7月"
  status = "実施済み"

[[challenges]]
text = "長期入院者の地域移行が進まない"
actions = ["退院可能な患者を把握する"]

  [challenges.views]
  administration = "制度の周知を図る。"
  medical = ["退院意識を高める", "連携の窓口を決める"]
  providers = "相談支援専門員の確保"
  community = "住民の理解を深める"

[[indicators]]
name = "地域移行数"
reason = "年間ロードマップの成果目標値を参考"
baseline = "11人（H29年度～現時点）"
current = "13人"
target = "16人以上"

[[hospital_collaboration]]
text = "地域移行・地域定着支援会議に参加"
date = "8/3"
status = "開催済み"
"#;

/// List items with line breaks inside: one cell holds `・a⏎b⏎・c`, which reads
/// back as two items, not one string (nor one item lost).
#[test]
fn list_items_with_line_breaks_survive_export_and_import() {
    let sheet = r#"format = 1

[sheet]
prefecture = "石川県"
region = "往復"
fiscal_year = 2018
as_of = 2018-09-30

[[challenges]]
text = "課題"
actions = ["研修を開く\n（年2回）", "会議", "内訳:\n・講演\n・演習"]

  [challenges.views]
  providers = ["事業所を回る\n\n  病院も", "相談を受ける"]
  community = "住民向けの講座"
  medical = ["・病院訪問\n・電話相談"]
  administration = "・一つ目\n・二つ目"
"#;
    let t = Test::new().file("s.toml", sheet);
    round_trip(&t, &t.path("s.toml"), false);
}

#[test]
fn what_officials_write_survives_export_and_import() {
    let t = Test::new().file("s.toml", AS_OFFICIALS_WRITE);
    let out = t.sheet(&["validate", "s.toml"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    round_trip(&t, &t.path("s.toml"), false);
    if soffice_available() {
        let t = Test::new().file("s.toml", AS_OFFICIALS_WRITE);
        round_trip(&t, &t.path("s.toml"), true);
    }
}

/// A sheet of one goal with `items` progress items, item `i` reading `text(i)`.
pub fn one_long_goal(items: usize, text: impl Fn(usize) -> String) -> String {
    let mut s = String::from(
        "format = 1\n[sheet]\nprefecture = \"石川県\"\nregion = \"長文\"\n\
         fiscal_year = 2018\nas_of = 2018-09-30\n[[goals]]\ntext = \"g\"\n",
    );
    for i in 0..items {
        s.push_str(&format!(
            "[[goals.progress]]\ntext = \"{}\"\nstatus = \"done\"\n",
            text(i)
        ));
    }
    s
}

/// A section of the printed copy (`印刷`) longer than a cell holds: 45 items of
/// 800 characters are 36,269 characters as one list, 10,000 short ones 159,000.
/// Each value fits a cell of the data worksheets, so the sheet is exported (the
/// copy lays the section over several rows) and comes back whole.
#[test]
fn sections_longer_than_a_cell_survive_export_and_import() {
    for (name, text) in [
        ("long", one_long_goal(45, |_| "あ".repeat(800))),
        ("many", one_long_goal(10_000, |i| format!("項目{i}"))),
    ] {
        let t = Test::new().file(&format!("{name}.toml"), &text);
        let out = t.sheet(&["validate", &format!("{name}.toml")]);
        assert_eq!(out.code, 0, "{}", out.stdout);
        round_trip(&t, &t.path(&format!("{name}.toml")), false);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_sheets_survive_export_and_import(text in sheet_toml()) {
        let t = Test::new().file("s.toml", &text);
        round_trip(&t, &t.path("s.toml"), false);
    }
}

proptest! {
    // Each case starts LibreOffice: a few.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn generated_sheets_survive_a_libreoffice_save(text in sheet_toml()) {
        if soffice_available() {
            let t = Test::new().file("s.toml", &text);
            round_trip(&t, &t.path("s.toml"), true);
        }
    }
}

// ------------------------------------------------------------ generated sheets

/// A TOML string.
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string")
}

/// Text of one line, some of it what a spreadsheet would take for a formula or a
/// number (`=1+1`, `+1`, `@SUM(A1)`, `0012`), with quotes and backslashes.
fn line() -> impl Strategy<Value = String> {
    let chars = proptest::collection::vec(
        proptest::sample::select(vec![
            '地', '域', '移', '行', '支', '援', '病', '院', 'ア', '１', 'a', 'Z', '7', ' ', '=',
            '+', '-', '@', '\'', '"', '\\', '、', '。', '（', '）', '#', '%', '・', '\t',
        ]),
        1..14,
    )
    .prop_map(|v| v.into_iter().collect::<String>());
    prop_oneof![
        3 => chars,
        1 => proptest::sample::select(vec![
            "=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"x\")", "0012", "1e5", "TRUE",
            "2018/11/2", "11月2日", "未定", " 前後に空白 ",
        ])
        .prop_map(str::to_string),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Text that may span lines.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(line(), 1..3).prop_map(|lines| lines.join("\n"))
}

/// A date in one of the forms of SPEC 1.3, within fiscal year 2018.
fn date() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "2018-11-02",
        "2019-01-15",
        "\"11月2日\"",
        "\"11/2\"",
        "\"11月\"",
        "\"10月中旬\"",
        "\"年度末\"",
        "\"2018-11\"",
        "\"H30.11.2\"",
        "\"平成30年11月2日\"",
        "\"2019/3/1\"",
    ])
    .prop_map(str::to_string)
}

fn status() -> impl Strategy<Value = Option<&'static str>> {
    proptest::option::of(proptest::sample::select(vec![
        "done",
        "planned",
        "in_progress",
        "postponed",
        "cancelled",
        "実施",
        "予定",
        "延期",
        "中止",
        "実施中",
    ]))
}

/// A progress item or a hospital collaboration (with an organizer).
fn event(table: &'static str, organizer: bool) -> impl Strategy<Value = String> {
    (
        text(),
        proptest::option::of(date()),
        status(),
        proptest::option::of(date()),
        proptest::option::of(text()),
        proptest::option::of(line()),
    )
        .prop_map(move |(text, date, status, from, note, org)| {
            let mut s = format!("[[{table}]]\ntext = {}\n", q(&text));
            if let Some(d) = date {
                s.push_str(&format!("date = {d}\n"));
            }
            if let Some(st) = status {
                s.push_str(&format!("status = {}\n", q(st)));
            }
            if let Some(d) = from {
                s.push_str(&format!("rescheduled_from = {d}\n"));
            }
            if let Some(n) = note {
                s.push_str(&format!("note = {}\n", q(&n)));
            }
            if let (true, Some(o)) = (organizer, org) {
                s.push_str(&format!("organizer = {}\n", q(&o)));
            }
            s
        })
}

/// A list of one-line statements, TOML.
fn lines(max: usize) -> impl Strategy<Value = String> {
    // An item may span lines, any of them starting with the list mark `・`
    // (written escaped, docs/format.md).
    proptest::collection::vec(text(), 0..max).prop_map(|v| {
        let items: Vec<String> = v.iter().map(|s| q(s)).collect();
        format!("[{}]", items.join(", "))
    })
}

/// A view: absent, blank, a string or a list.
fn view() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("\"\"".to_string())),
        line().prop_map(|s| Some(q(&s))),
        lines(4).prop_map(Some),
    ]
}

/// An indicator value: a whole number, a decimal, or qualitative text.
fn value() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        (-1000i64..100_000).prop_map(|n| n.to_string()),
        // Decimals as officials write them: a spreadsheet keeps 15 significant
        // digits, so `0.1 + 0.2` written out in full would not come back whole.
        (-1_000_000i64..1_000_000).prop_map(|n| format!("{:.2}", n as f64 / 100.0)),
        proptest::sample::select(vec!["\"未定\"", "\"体制を整える\"", "\"検討中\""])
            .prop_map(str::to_string),
    ])
}

fn indicator(n: usize) -> impl Strategy<Value = String> {
    (
        line(),
        proptest::option::of(text()),
        proptest::option::of(proptest::sample::select(vec!["人", "件", "%", "回"])),
        proptest::option::of(proptest::sample::select(vec!["higher", "lower"])),
        value(),
        value(),
        value(),
    )
        .prop_map(move |(name, reason, unit, better, b, c, t)| {
            let mut s = format!("[[indicators]]\nname = {}\n", q(&format!("指標{n} {name}")));
            if let Some(r) = reason {
                s.push_str(&format!("reason = {}\n", q(&r)));
            }
            if let Some(u) = unit {
                s.push_str(&format!("unit = {}\n", q(u)));
            }
            if let Some(b) = better {
                s.push_str(&format!("better = {}\n", q(b)));
            }
            for (key, v) in [("baseline", b), ("current", c), ("target", t)] {
                if let Some(v) = v {
                    s.push_str(&format!("{key} = {v}\n"));
                }
            }
            s
        })
}

/// A whole valid sheet (errors none; warnings expected), as TOML.
pub fn sheet_toml() -> impl Strategy<Value = String> {
    let head = (
        proptest::sample::select(vec!["2018", "\"平成30年度\"", "\"H30\""]),
        proptest::option::of(line()),
        proptest::sample::select(vec!["", "as_of = 2019-03-31\n", "as_of = \"年度末\"\n"]),
        proptest::option::of(line()),
        proptest::option::of(text()),
        lines(4),
        lines(4),
        lines(4),
    );
    let goals = proptest::collection::vec(
        (
            text(),
            proptest::bool::ANY,
            proptest::bool::ANY,
            proptest::collection::vec(event("goals.progress", false), 0..3),
        ),
        0..3,
    );
    let challenges = proptest::collection::vec(
        (
            text(),
            lines(4),
            proptest::bool::ANY,
            proptest::collection::vec(view(), 4),
        ),
        0..3,
    );
    let indicators = (0usize..3).prop_flat_map(|n| {
        (0..n)
            .map(indicator)
            .collect::<Vec<_>>()
            .prop_map(|v| v.concat())
            .prop_map(move |s| (n, s))
    });
    let hospital = proptest::collection::vec(event("hospital_collaboration", true), 0..3);
    (head, goals, challenges, indicators, hospital).prop_map(
        |(head, goals, challenges, (n_indicators, indicators), hospital)| {
            let (fy, meeting, as_of, theme, summary, strengths, concerns, questions) = head;
            let mut s = format!(
                "format = 1\n\n[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = {fy}\n{as_of}"
            );
            for (key, v) in [("meeting", meeting), ("theme", theme), ("summary", summary)] {
                if let Some(v) = v {
                    s.push_str(&format!("{key} = {}\n", q(&v)));
                }
            }
            s.push_str(&format!(
                "strengths = {strengths}\nconcerns = {concerns}\nquestions = {questions}\n\n"
            ));
            for (i, (text, with_indicator, with_id, progress)) in goals.into_iter().enumerate() {
                s.push_str(&format!("[[goals]]\ntext = {}\n", q(&text)));
                if with_indicator && n_indicators > 0 {
                    // The name of an indicator of the sheet: `指標0 …` is unknown
                    // here, so the goal names the indicator by its whole name below.
                    s.push_str(&format!("#indicator {}\n", i % n_indicators));
                }
                if with_id {
                    s.push_str(&format!("id = \"g{i}\"\n"));
                }
                for p in progress {
                    s.push_str(&p);
                }
            }
            for (i, (text, actions, with_id, views)) in challenges.into_iter().enumerate() {
                s.push_str(&format!("[[challenges]]\ntext = {}\nactions = {actions}\n", q(&text)));
                if with_id {
                    s.push_str(&format!("id = \"c{i}\"\n"));
                }
                s.push_str("[challenges.views]\n");
                for (key, v) in ["administration", "medical", "providers", "community"]
                    .iter()
                    .zip(views)
                {
                    if let Some(v) = v {
                        s.push_str(&format!("{key} = {v}\n"));
                    }
                }
            }
            s.push_str(&indicators);
            for h in hospital {
                s.push_str(&h);
            }
            name_indicators(&s)
        },
    )
}

/// Replaces each `#indicator N` line with `indicator = "<name of indicator N>"`.
fn name_indicators(text: &str) -> String {
    let names: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("name = "))
        .map(str::to_string)
        .collect();
    text.lines()
        .map(|l| match l.strip_prefix("#indicator ") {
            Some(n) => {
                let n: usize = n.parse().unwrap_or(0);
                format!("indicator = {}", names.get(n).cloned().unwrap_or_default())
            }
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The generator makes sheets without errors, so every round trip starts from
    /// a valid sheet.
    #[test]
    fn generated_sheets_are_valid(text in sheet_toml()) {
        let t = Test::new().file("s.toml", &text);
        let out = t.sheet(&["validate", "s.toml"]);
        prop_assert_eq!(out.code, 0, "{}\n{}", out.stdout, text);
    }
}
