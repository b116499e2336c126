//! Writing workbooks (SPEC §4, §6): `sheet export`, `sheet new --out FILE.xlsx` and
//! `progress` / `compare --format xlsx`, read back by real clients — openpyxl for
//! the cells, LibreOffice Calc for a save and for the printed pages.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value as Json;
use unicode_width::UnicodeWidthStr;

use crate::common::Test;
use crate::workbook_roundtrip::{
    assert_no_difference, export, libreoffice_convert, libreoffice_resave, one_long_goal,
    repository_sheets, sheet_toml, soffice_available, tool_available,
};

/// The worksheets of an exported sheet, in order (SPEC §6, and 記入方法 first).
const WORKSHEETS: [&str; 11] = [
    "記入方法",
    "シート",
    "達成目標",
    "進捗",
    "強み",
    "課題",
    "指標",
    "病院との連携",
    "課題・悩み",
    "他自治体への質問",
    "印刷",
];

/// A sheet with what a spreadsheet would misread: formulas, dates of every
/// precision, lists, a decimal, a qualitative value.
const TRICKY: &str = r#"format = 1

[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = "平成30年度"
as_of = 2018-09-30
theme = "=1+1"
summary = "一行目\n二行目"
strengths = ["+1", "@SUM(A1)"]
concerns = ["-1"]
questions = ["0012"]

[[goals]]
text = "=HYPERLINK(\"http://example.org\")"
indicator = "地域移行数"

  [[goals.progress]]
  text = "日付のある進捗"
  date = "11月2日"
  status = "予定"
  rescheduled_from = "9/4"

  [[goals.progress]]
  text = "月だけ"
  date = "11月"

  [[goals.progress]]
  text = "中旬"
  date = "10月中旬"
  status = "planned"

  [[goals.progress]]
  text = "年度末まで"
  date = "年度末"
  status = "in_progress"

[[challenges]]
text = "課題"
actions = ["方針A", "方針B"]

  [challenges.views]
  administration = "行政の声"
  community = ["声A", "声B"]

[[indicators]]
name = "地域移行数"
unit = "人"
better = "lower"
baseline = 11
current = 12.5
target = "未定"

[[hospital_collaboration]]
text = "会議"
date = 2018-08-03
organizer = "白山市"
rescheduled_from = "7月"
"#;

fn python_available() -> bool {
    tool_available(
        "python3 with openpyxl",
        &["python3", "-c", "import openpyxl"],
    )
}

fn script() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/workbook/xlsx_to_toml.py"
    )
    .to_string()
}

/// What openpyxl reads of a workbook (see `xlsx_to_toml.py --dump`).
fn dump(path: &Path) -> Json {
    let out = std::process::Command::new("python3")
        .arg(script())
        .arg("--dump")
        .arg(path)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "openpyxl cannot read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The workbook read by openpyxl and written as a TOML sheet to `toml`.
fn openpyxl_to_toml(t: &Test, workbook: &Path, toml: &str) {
    let out = std::process::Command::new("python3")
        .arg(script())
        .arg(workbook)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "{}: {}",
        workbook.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(t.path(toml), &out.stdout).expect("write");
}

fn worksheet<'a>(dump: &'a Json, name: &str) -> &'a Json {
    dump["sheets"]
        .as_array()
        .and_then(|s| s.iter().find(|w| w["name"] == name))
        .unwrap_or_else(|| panic!("no worksheet {name}"))
}

fn cell<'a>(ws: &'a Json, at: &str) -> &'a Json {
    ws["cells"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["cell"] == at))
        .unwrap_or_else(|| panic!("no cell {at} in {}", ws["name"]))
}

fn names(dump: &Json) -> Vec<&str> {
    dump["sheets"]
        .as_array()
        .expect("sheets")
        .iter()
        .filter_map(|w| w["name"].as_str())
        .collect()
}

fn is_zip(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"PK\x03\x04"))
}

// ------------------------------------------------------------ sheet export

#[test]
fn export_writes_one_workbook_per_region_named_by_its_file() {
    let t = Test::with_regions();
    let out = t.sheet(&["export", "--out", "books"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for (region, stem) in [
        ("石川中央", "ishikawa-chuo"),
        ("南加賀", "minami-kaga"),
        ("能登中部", "noto-chubu"),
    ] {
        assert!(
            out.stdout
                .contains(&format!("{region} → books/{stem}.xlsx に書き出しました")),
            "{}",
            out.stdout
        );
        assert!(is_zip(&t.path(&format!("books/{stem}.xlsx"))));
    }
    let en = t.sheet(&[
        "--lang",
        "en",
        "export",
        "--region",
        "南加賀",
        "--out",
        "en",
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert_eq!(en.stdout, "wrote 南加賀 to en/minami-kaga.xlsx\n");
}

#[test]
fn export_to_a_file_takes_one_region() {
    let t = Test::with_regions();
    let out = t.sheet(&["export", "--out", "all.xlsx"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("フォルダを指定するか"),
        "{}",
        out.stderr
    );
    assert!(!t.path("all.xlsx").exists());
    let out = t.sheet(&["export", "--region", "南加賀", "--out", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(is_zip(&t.path("南加賀.xlsx")));
    // Any case of the extension names a file.
    let out = t.sheet(&["export", "--region", "能登中部", "--out", "NOTO.XLSX"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.path("NOTO.XLSX").is_file());
}

#[test]
fn export_never_overwrites_and_then_writes_nothing() {
    let t = Test::with_regions().file("books/noto-chubu.xlsx", "mine");
    let out = t.sheet(&["export", "--out", "books"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("上書きはしません"), "{}", out.stderr);
    assert_eq!(t.read("books/noto-chubu.xlsx"), "mine");
    // Not the other regions either: all or nothing.
    let written: Vec<_> = std::fs::read_dir(t.path("books")).unwrap().collect();
    assert_eq!(written.len(), 1);

    let t = Test::with_regions().file("one.xlsx", "mine");
    let out = t.sheet(&["export", "--region", "南加賀", "--out", "one.xlsx"]);
    assert_eq!(out.code, 2);
    assert_eq!(t.read("one.xlsx"), "mine");
}

#[test]
fn export_writes_nothing_when_there_is_nothing_to_write() {
    let t = Test::new().file("regions/broken.toml", "[sheet]\nregion = \"南加賀\"\n");
    let out = t.sheet(&["export", "--out", "books"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("書き出すシートがありません"),
        "{}",
        out.stderr
    );
    assert!(!t.path("books").exists());
    assert!(out.stdout.is_empty(), "{}", out.stdout);
}

#[test]
fn export_skips_a_sheet_with_errors_and_exits_2() {
    let t = Test::with_regions().file("regions/broken.toml", "[sheet]\nregion = \"x\"\n");
    let out = t.sheet(&["export", "--out", "books"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);
    assert!(t.path("books/minami-kaga.xlsx").is_file());
    assert!(!t.path("books/broken.xlsx").exists());
}

#[test]
fn export_refuses_two_sheets_of_one_file_name() {
    let t = Test::with_regions();
    std::fs::create_dir_all(t.path("other")).unwrap();
    let text = t
        .read("regions/minami-kaga.toml")
        .replace("region      = \"南加賀\"", "region      = \"南加賀二\"");
    std::fs::write(t.path("other/minami-kaga.toml"), text).unwrap();
    let out = t.sheet(&[
        "export",
        "regions/minami-kaga.toml",
        "other/minami-kaga.toml",
        "--out",
        "books",
    ]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("books/minami-kaga.xlsx"),
        "{}",
        out.stderr
    );
    assert!(!t.path("books").exists());
}

#[test]
fn export_to_a_path_that_is_a_file_but_not_a_workbook_is_refused() {
    let t = Test::with_regions().file("notes.txt", "mine");
    let out = t.sheet(&["export", "--out", "notes.txt"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("フォルダではありません"),
        "{}",
        out.stderr
    );
    assert_eq!(t.read("notes.txt"), "mine");
}

/// Excel holds 32,767 characters in a cell: a longer text is refused at its cell
/// rather than cut, and nothing is written.
#[test]
fn export_refuses_a_text_longer_than_a_cell_holds() {
    let summary = "あ".repeat(40_000);
    let t = Test::new().file(
        "long.toml",
        format!(
            "[sheet]\nprefecture = \"石川県\"\nregion = \"長文\"\nfiscal_year = 2018\nsummary = \"{summary}\"\n"
        ),
    );
    let out = t.sheet(&["export", "long.toml", "--out", "long.xlsx"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .contains("long.toml: シート!B9 の文が 40000 文字あり"),
        "{}",
        out.stderr
    );
    assert!(!t.path("long.xlsx").exists());
}

#[test]
fn export_needs_out() {
    let out = Test::with_regions().args(&["export"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--out"), "{}", out.stderr);
}

// ------------------------------------------------------------ sheet new

#[test]
fn new_out_xlsx_writes_a_blank_workbook_and_never_overwrites() {
    let t = Test::new();
    let args = [
        "new",
        "--region",
        "南加賀",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "R7",
        "--out",
        "南加賀.xlsx",
    ];
    let out = t.sheet(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(is_zip(&t.path("南加賀.xlsx")));
    let before = std::fs::read(t.path("南加賀.xlsx")).unwrap();
    let again = t.sheet(&args);
    assert_eq!(again.code, 2);
    assert_eq!(std::fs::read(t.path("南加賀.xlsx")).unwrap(), before);
    if !python_available() {
        return;
    }
    let d = dump(&t.path("南加賀.xlsx"));
    assert_eq!(
        names(&d),
        WORKSHEETS[..10].to_vec(),
        "a blank has no 印刷 worksheet"
    );
    let sheet = worksheet(&d, "シート");
    assert_eq!(cell(sheet, "B3")["value"], "石川県");
    assert_eq!(cell(sheet, "B4")["value"], "南加賀");
    assert_eq!(cell(sheet, "B5")["value"], "令和7年度");
    assert_eq!(cell(sheet, "B2")["value"], 1);
    // Drop-downs reach rows added by hand; a form has room to write.
    let progress = worksheet(&d, "進捗");
    assert_eq!(progress["validations"][0]["range"], "C2:C501");
    assert!(
        progress["widths"]["D"].as_f64().unwrap() >= 40.0,
        "{progress}"
    );
    assert!(
        progress["widths"]["B"].as_f64().unwrap() >= 12.0,
        "{progress}"
    );
    let howto = worksheet(&d, "記入方法");
    assert_eq!(cell(howto, "A1")["value"], "記入方法");
}

// ------------------------------------------------------------ reports

#[test]
fn report_xlsx_needs_out_and_is_never_written_to_the_terminal() {
    for command in ["progress", "compare"] {
        let out = Test::with_regions()
            .args(&[command, "--format", "xlsx"])
            .run();
        assert_eq!(out.code, 2, "{command}");
        assert!(out.stdout.is_empty());
        assert!(out.stderr.contains("--out <FILE>"), "{}", out.stderr);
        let en = Test::with_regions()
            .args(&["--lang", "en", command, "--format", "xlsx"])
            .run();
        assert_eq!(en.code, 2);
        assert!(en.stderr.contains("--out <FILE>"), "{}", en.stderr);
    }
}

#[test]
fn report_xlsx_is_written_once() {
    let t = Test::with_regions();
    for command in ["progress", "compare"] {
        let file = format!("{command}.xlsx");
        let out = t.sheet(&[command, "--format", "xlsx", "--out", &file]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stdout, format!("{file} に書き出しました\n"));
        assert!(is_zip(&t.path(&file)));
        let again = t.sheet(&[command, "--format", "xlsx", "--out", &file]);
        assert_eq!(again.code, 2);
        assert!(
            again.stderr.contains("上書きはしません"),
            "{}",
            again.stderr
        );
    }
    // `--out -` writes the bytes to a pipe (a test's stdout is not a terminal).
    let out = t.sheet(&["compare", "--format", "xlsx", "--out", "-"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("PK"));
}

/// `--out -` on a terminal: refused, no binary data shown (a pseudo-terminal made
/// by util-linux `script`).
#[test]
fn a_workbook_is_never_written_to_a_terminal() {
    if !tool_available("script (util-linux)", &["script", "--version"]) {
        return;
    }
    let t = Test::with_regions();
    let command = format!(
        "{} compare --format xlsx --out -",
        env!("CARGO_BIN_EXE_sheet")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(t.path(""))
        .env_remove("SHEET_LANG")
        .env_remove("SHEET_DIR")
        .output()
        .expect("run script");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("端末には出力しません"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}

#[test]
fn report_out_writes_a_text_format_to_a_new_file() {
    let t = Test::with_regions();
    let shown = t.sheet(&["progress", "--format", "json"]);
    let out = t.sheet(&["progress", "--format", "json", "--out", "p.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(t.read("p.json"), shown.stdout);
    let again = t.sheet(&["progress", "--format", "json", "--out", "p.json"]);
    assert_eq!(again.code, 2);
}

#[test]
fn a_report_with_a_skipped_sheet_is_still_written_and_exits_2() {
    let t = Test::with_regions().file("regions/broken.toml", "[sheet]\nregion = \"x\"\n");
    let out = t.sheet(&["compare", "--format", "xlsx", "--out", "c.xlsx"]);
    assert_eq!(out.code, 2);
    assert!(is_zip(&t.path("c.xlsx")));
}

// ------------------------------------------------------------ openpyxl

/// Every cell of a table worksheet is as wide as its text (full-width counted as
/// two) or wraps in a row high enough for its lines.
fn assert_text_fits(ws: &Json) {
    let widths = &ws["widths"];
    let heights = &ws["heights"];
    for c in ws["cells"].as_array().unwrap() {
        let Some(text) = c["value"].as_str() else {
            continue;
        };
        if c["type"] != "s" {
            continue;
        }
        let at = c["cell"].as_str().unwrap();
        let column: String = at.chars().take_while(|c| c.is_ascii_uppercase()).collect();
        let row: String = at.chars().skip_while(|c| c.is_ascii_uppercase()).collect();
        let width = widths[&column].as_f64().unwrap_or(8.43);
        let widest = text.lines().map(|l| l.width_cjk()).max().unwrap_or(0) as f64;
        if c["wrap"] == true {
            let lines: f64 = text
                .split('\n')
                .map(|l| (l.width_cjk() as f64 / (width - 1.0)).ceil().max(1.0))
                .sum();
            if lines > 1.0 {
                let height = heights[&row].as_f64().unwrap_or(0.0);
                assert!(
                    height >= lines * 15.0,
                    "{}!{at}: {lines} lines in a row {height} pt high",
                    ws["name"]
                );
            }
        } else {
            assert!(
                width >= widest,
                "{}!{at}: {text:?} ({widest} wide) in a column {width} wide",
                ws["name"]
            );
        }
    }
}

#[test]
fn openpyxl_reads_typed_cells_strings_and_set_up_of_an_export() {
    if !python_available() {
        return;
    }
    let t = Test::new().file("s.toml", TRICKY);
    export(&t, &t.path("s.toml"), "s.xlsx");
    let d = dump(&t.path("s.xlsx"));
    assert_eq!(names(&d), WORKSHEETS.to_vec());
    for ws in d["sheets"].as_array().unwrap() {
        let name = ws["name"].as_str().unwrap();
        for c in ws["cells"].as_array().unwrap() {
            assert_eq!(c["font"], "游ゴシック", "{name}!{}", c["cell"]);
        }
        if !matches!(name, "記入方法" | "印刷") {
            assert_eq!(ws["freeze"], "A2", "{name}");
            assert_eq!(ws["paper"], 9, "{name}");
            assert_text_fits(ws);
        }
    }
    // Text that looks like a formula or a number stays text.
    let sheet = worksheet(&d, "シート");
    assert_eq!(cell(sheet, "B8")["value"], "=1+1");
    assert_eq!(cell(sheet, "B8")["type"], "s");
    assert_eq!(cell(sheet, "B7")["type"], "d", "時点 is a date cell");
    assert_eq!(cell(sheet, "B7")["format"], "yyyy/m/d");
    for (ws, at, text) in [
        ("強み", "A2", "+1"),
        ("強み", "A3", "@SUM(A1)"),
        ("課題・悩み", "A2", "-1"),
        ("他自治体への質問", "A2", "0012"),
        ("達成目標", "B2", "=HYPERLINK(\"http://example.org\")"),
    ] {
        let c = cell(worksheet(&d, ws), at);
        assert_eq!(
            (c["value"].as_str(), c["type"].as_str()),
            (Some(text), Some("s"))
        );
    }
    // Days as date cells; a month, a part of a month or of the year as written.
    let progress = worksheet(&d, "進捗");
    assert_eq!(cell(progress, "B2")["value"], "2018-11-02T00:00:00");
    assert_eq!(cell(progress, "B2")["type"], "d");
    assert_eq!(cell(progress, "E2")["value"], "2018-09-04T00:00:00");
    for (at, text) in [("B3", "11月"), ("B4", "10月中旬"), ("B5", "年度末")] {
        let c = cell(progress, at);
        assert_eq!(
            (c["value"].as_str(), c["type"].as_str()),
            (Some(text), Some("s"))
        );
    }
    assert_eq!(cell(progress, "C2")["value"], "予定");
    assert_eq!(cell(progress, "C5")["value"], "実施中");
    assert_eq!(
        progress["validations"][0]["list"],
        "\"実施済,予定,実施中,延期,中止\""
    );
    assert_eq!(progress["validations"][0]["error_style"], "warning");
    // Numbers as numbers, qualitative values as text; 向き as its word.
    let indicators = worksheet(&d, "指標");
    assert_eq!(cell(indicators, "D2")["value"], "低いほど良い");
    assert_eq!(cell(indicators, "E2")["value"], 11);
    assert_eq!(cell(indicators, "F2")["value"], 12.5);
    assert_eq!(cell(indicators, "F2")["type"], "n");
    assert_eq!(cell(indicators, "G2")["value"], "未定");
    assert_eq!(
        indicators["validations"][0]["list"],
        "\"高いほど良い,低いほど良い\""
    );
    // Lists as `・` lines in one wrapped cell; a one-item list as its text.
    let challenges = worksheet(&d, "課題");
    assert_eq!(cell(challenges, "C2")["value"], "・方針A\n・方針B");
    assert_eq!(cell(challenges, "C2")["wrap"], true);
    assert_eq!(cell(challenges, "D2")["value"], "行政の声");
    assert_eq!(cell(challenges, "G2")["value"], "・声A\n・声B");
    // A hospital collaboration's original date gets a column of its own.
    let hospital = worksheet(&d, "病院との連携");
    assert_eq!(cell(hospital, "F1")["value"], "元の予定");
    assert_eq!(cell(hospital, "F2")["value"], "7月");
    assert_eq!(cell(hospital, "A2")["type"], "d");
    // The printed form: A4, a page wide, the four sections of the paper sheet.
    let print = worksheet(&d, "印刷");
    assert_eq!(print["paper"], 9);
    assert_eq!(print["orientation"], "portrait");
    assert_eq!(print["fit_to_page"], true);
    // One page wide (1 is the default, left out of the file), as tall as it takes.
    assert!(
        matches!(print["fit_width"].as_i64(), None | Some(1)),
        "{print}"
    );
    assert_eq!(print["fit_height"], 0);
    assert!(!print["merged"].as_array().unwrap().is_empty());
    let texts: Vec<&str> = print["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    let at = |s: &str| {
        texts
            .iter()
            .position(|t| t.starts_with(s))
            .unwrap_or_else(|| panic!("{s} not on the form: {texts:?}"))
    };
    let sections = [
        at("１ 平成30年度の達成目標と現時点での進捗状況"),
        at("２ 圏域の取組における強みと課題"),
        at("３ 病院（医療機関）との連携状況"),
        at("４ 現時点での課題・悩み"),
    ];
    assert!(sections.windows(2).all(|w| w[0] < w[1]), "{sections:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("・11月2日 ［予定］日付のある進捗（当初：9/4）\n")),
        "{texts:?}"
    );
    assert!(texts.contains(&"①地域移行数"));
    assert!(texts.contains(&"12.5人"));
}

/// A section of the printed copy longer than a row shows (21 lines, 409 points)
/// or a cell holds (32,767 characters) goes on over the rows below, in the goal's
/// box: every cell and row within Excel's limits, every item there, whole and in
/// order.
#[test]
fn the_printed_copy_lays_a_long_section_over_rows() {
    if !python_available() {
        return;
    }
    let long = |_| "あ".repeat(800);
    let many = |i| format!("項目{i}");
    for (name, items) in [
        ("long", (0..45).map(long).collect::<Vec<_>>()),
        ("many", (0..10_000).map(many).collect()),
    ] {
        let t = Test::new().file("s.toml", one_long_goal(items.len(), |i| items[i].clone()));
        export(&t, &t.path("s.toml"), "s.xlsx");
        let d = dump(&t.path("s.xlsx"));
        let print = worksheet(&d, "印刷");
        for (row, height) in print["heights"].as_object().unwrap() {
            let height = height.as_f64().unwrap();
            assert!(height <= 409.0, "{name}: row {row} is {height} high");
        }
        let row_of = |c: &Json| -> u32 {
            let at = c["cell"].as_str().unwrap();
            at.trim_start_matches(char::is_alphabetic).parse().unwrap()
        };
        let cells = print["cells"].as_array().unwrap();
        for c in cells {
            let text = c["value"].as_str().unwrap_or_default();
            assert!(
                text.encode_utf16().count() <= 32_767,
                "{name}: {}",
                c["cell"]
            );
        }
        // The progress: column C from the goal's row down to section 2.
        let section2 = cells
            .iter()
            .find(|c| c["value"] == "２ 圏域の取組における強みと課題")
            .map(row_of)
            .unwrap();
        let goal = cells.iter().find(|c| c["value"] == "１．g").unwrap();
        let (first, at) = (row_of(goal), goal["cell"].as_str().unwrap());
        let progress: Vec<&Json> = cells
            .iter()
            .filter(|c| c["cell"].as_str().unwrap().starts_with('C'))
            .filter(|c| (first..section2).contains(&row_of(c)))
            .collect();
        assert!(progress.len() > 1, "{name}: one cell");
        let last = progress.iter().map(|c| row_of(c)).max().unwrap();
        assert!(
            print["merged"]
                .as_array()
                .unwrap()
                .contains(&Json::from(format!("{at}:B{last}"))),
            "{name}: the goal spans its progress: {}",
            print["merged"]
        );
        let printed: String = progress
            .iter()
            .map(|c| c["value"].as_str().unwrap().replace('\n', ""))
            .collect();
        let written: String = items.iter().map(|i| format!("・［実施］{i}")).collect();
        assert!(printed == written, "{name}: the items are not all printed");
    }
}

#[test]
fn openpyxl_reads_the_report_workbooks() {
    if !python_available() {
        return;
    }
    let t = Test::with_regions();
    let out = t.sheet(&["compare", "--format", "xlsx", "--out", "c.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d = dump(&t.path("c.xlsx"));
    assert_eq!(
        names(&d),
        [
            "概要",
            "視点別の空欄",
            "指標の比較",
            "テーマ",
            "他自治体への質問",
            "本文",
            "予定と実施"
        ]
    );
    for ws in d["sheets"].as_array().unwrap() {
        assert_eq!(ws["freeze"], "A2");
        assert!(ws["filter"].as_str().is_some_and(|f| f.starts_with("A1:")));
        assert_text_fits(ws);
    }
    let overview = worksheet(&d, "概要");
    assert_eq!(cell(overview, "A1")["value"], "圏域");
    assert_eq!(cell(overview, "D2")["value"], 2018);
    assert_eq!(cell(overview, "E2")["type"], "d");
    assert_eq!(overview["filter"], "A1:V4");
    // The status named as every output names it (compare's table says 進捗: 実施).
    assert_eq!(cell(overview, "G1")["value"], "進捗: 実施");
    // The briefing's texts, a row each, and its timeline (SPEC §5).
    let texts = worksheet(&d, "本文");
    assert_eq!(cell(texts, "A1")["value"], "圏域");
    assert_eq!(cell(texts, "B2")["value"], "達成目標");
    assert_eq!(cell(texts, "C2")["value"], 1);
    assert_eq!(cell(texts, "D2")["value"], "多機関との連携強化を図る");
    let timeline = worksheet(&d, "予定と実施");
    assert_eq!(cell(timeline, "A2")["type"], "d");
    // The row of the first cell of a column holding a value.
    let row_of = |letter: &str, value: &str| -> u32 {
        timeline["cells"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["value"] == value)
            .find_map(|c| c["cell"].as_str()?.strip_prefix(letter)?.parse().ok())
            .unwrap_or_else(|| panic!("no {value} in column {letter}"))
    };
    // A month stays as written, placed at its last day: 10月 before 11月2日.
    let october = row_of("A", "10月");
    assert_eq!(cell(timeline, &format!("A{october}"))["type"], "s");
    assert!(october < row_of("G", "第1回地域連絡会実施予定"));
    let across = worksheet(&d, "指標の比較");
    let pct = across["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["format"] == "0.0%")
        .expect("a percentage");
    assert_eq!(pct["type"], "n");
    assert_eq!(
        across["validations"][0]["list"],
        "\"高いほど良い,低いほど良い\""
    );

    let out = t.sheet(&[
        "--lang", "en", "progress", "--format", "xlsx", "--out", "p.xlsx",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d = dump(&t.path("p.xlsx"));
    assert_eq!(names(&d), ["Goals and progress", "Indicators"]);
    let goals = worksheet(&d, "Goals and progress");
    assert_eq!(
        goals["validations"][0]["list"],
        "\"done,planned,in_progress,postponed,cancelled\""
    );
    assert_eq!(cell(goals, "A1")["value"], "Region");
    let statuses: Vec<&str> = goals["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["cell"].as_str().is_some_and(|a| a.starts_with('I')))
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert!(statuses.contains(&"done"), "{statuses:?}");
}

/// 南加賀 with its values written as officials write them (SPEC §1.5).
fn written_as_officials_write(t: &Test) {
    t.edit(
        "regions/minami-kaga.toml",
        "baseline = 11 ",
        "baseline = \"11人（H29年度～現時点）\" ",
    );
    t.edit(
        "regions/minami-kaga.toml",
        "current  = 11 ",
        "current = \"１４人\" ",
    );
    t.edit(
        "regions/minami-kaga.toml",
        "target   = 3 ",
        "target = \"18人以上\" ",
    );
}

/// The row of a report's indicator worksheet holding `name`, by column header.
fn indicator_row<'a>(ws: &'a Json, name: &str) -> std::collections::HashMap<String, &'a Json> {
    let cells = ws["cells"].as_array().expect("cells");
    let split = |at: &str| {
        let i = at.find(|c: char| c.is_ascii_digit()).expect("a row");
        (at[..i].to_string(), at[i..].to_string())
    };
    let row = cells
        .iter()
        .find(|c| c["value"] == name)
        .map(|c| split(c["cell"].as_str().unwrap()).1)
        .unwrap_or_else(|| panic!("no {name} in {}", ws["name"]));
    let header = |column: &str| {
        cells
            .iter()
            .find(|c| c["cell"] == format!("{column}1"))
            .and_then(|c| c["value"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    cells
        .iter()
        .filter_map(|c| {
            let (column, r) = split(c["cell"].as_str()?);
            (r == row).then(|| (header(&column), c))
        })
        .collect()
}

/// In the report workbooks a value written with its unit (`１４人`), with a remark
/// (`11人（H29年度～現時点）`) or as a bound (`18人以上`) is a number cell: the unit
/// is in 単位, the bound shown by the number format, the remark in 値の注記.
/// The sheet's own workbook (`export`) keeps them as written, for the round trip.
#[test]
fn report_workbooks_write_numbers_written_as_text_as_numbers() {
    if !python_available() {
        return;
    }
    let t = Test::with_regions();
    written_as_officials_write(&t);
    for (args, name) in [
        (
            &["compare", "--format", "xlsx", "--out", "c.xlsx"][..],
            "指標の比較",
        ),
        (
            &["progress", "--format", "xlsx", "--out", "p.xlsx"][..],
            "指標",
        ),
    ] {
        let out = t.sheet(args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let d = dump(&t.path(args[4]));
        let row = indicator_row(worksheet(&d, name), "地域移行数");
        let at = |h: &str| *row.get(h).unwrap_or_else(|| panic!("no {h}: {row:?}"));
        assert_eq!(at("単位")["value"], "人");
        for (header, number) in [
            ("現状値（第1回会議時）", 11),
            ("現状値（今回）", 14),
            ("目標値", 18),
        ] {
            assert_eq!(
                (&at(header)["value"], at(header)["type"].as_str()),
                (&number.into(), Some("n")),
                "{name} {header}"
            );
        }
        assert_eq!(at("目標値")["format"], "General\"以上\"");
        assert_eq!(at("現状値（今回）")["format"], "General");
        assert_eq!(
            at("値の注記")["value"],
            "現状値（第1回会議時）: 11人（H29年度～現時点）"
        );
        assert_eq!(at("進捗率")["type"], "n");
    }
    let out = t.sheet(&[
        "--lang", "en", "progress", "--format", "xlsx", "--out", "en.xlsx",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d = dump(&t.path("en.xlsx"));
    let row = indicator_row(worksheet(&d, "Indicators"), "地域移行数");
    assert_eq!(row["Target"]["value"], 18);
    assert_eq!(
        row["Notes on values"]["value"],
        "Baseline: 11人（H29年度～現時点）"
    );
    // The sheet's workbook keeps the values as written.
    export(&t, &t.path("regions/minami-kaga.toml"), "s.xlsx");
    let d = dump(&t.path("s.xlsx"));
    let indicators = worksheet(&d, "指標");
    for (at, text) in [
        ("E2", "11人（H29年度～現時点）"),
        ("F2", "１４人"),
        ("G2", "18人以上"),
    ] {
        let c = cell(indicators, at);
        assert_eq!(
            (c["value"].as_str(), c["type"].as_str()),
            (Some(text), Some("s"))
        );
    }
}

/// The writing half of the round trip, read back by openpyxl: every value is
/// where SPEC §6 puts it, in a form that gives the sheet back.
#[test]
fn openpyxl_reads_back_the_repository_sheets_without_a_difference() {
    if !python_available() {
        return;
    }
    let t = Test::new().file("tricky.toml", TRICKY);
    let mut sheets = repository_sheets();
    sheets.push(t.path("tricky.toml"));
    for (i, sheet) in sheets.iter().enumerate() {
        let workbook = format!("{i}.xlsx");
        export(&t, sheet, &workbook);
        let back = format!("{i}.back.toml");
        openpyxl_to_toml(&t, &t.path(&workbook), &back);
        assert_no_difference(&t, sheet, &back, &workbook);
    }
}

proptest! {
    // Each case starts python: a few dozen.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn openpyxl_reads_back_generated_sheets_without_a_difference(text in sheet_toml()) {
        if python_available() {
            let t = Test::new().file("s.toml", &text);
            export(&t, &t.path("s.toml"), "s.xlsx");
            openpyxl_to_toml(&t, &t.path("s.xlsx"), "back.toml");
            assert_no_difference(&t, &t.path("s.toml"), "back.toml", "generated");
        }
    }
}

// ------------------------------------------------------------ LibreOffice

/// LibreOffice opens an export and saves it again; what it saved still gives the
/// sheet back (read by openpyxl: `sheet import` checks the same in
/// `workbook_roundtrip.rs`).
#[test]
fn a_libreoffice_save_keeps_every_value() {
    if !soffice_available() || !python_available() {
        return;
    }
    let t = Test::new().file("tricky.toml", TRICKY);
    let mut sheets = repository_sheets();
    sheets.push(t.path("tricky.toml"));
    for (i, sheet) in sheets.iter().enumerate() {
        let workbook = format!("{i}.xlsx");
        export(&t, sheet, &workbook);
        let saved = libreoffice_resave(&t.path(&workbook), &t.path("saved"));
        let back = format!("{i}.back.toml");
        openpyxl_to_toml(&t, &saved, &back);
        assert_no_difference(&t, sheet, &back, "saved by LibreOffice");
        // Drop-downs, merges and the print set-up survive; freeze panes do not.
        let d = dump(&saved);
        assert_eq!(worksheet(&d, "進捗")["validations"][0]["type"], "list");
        assert_eq!(worksheet(&d, "印刷")["paper"], 9);
    }
}

proptest! {
    // Each case starts LibreOffice: a few.
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn a_libreoffice_save_keeps_every_value_of_generated_sheets(text in sheet_toml()) {
        if soffice_available() && python_available() {
            let t = Test::new().file("s.toml", &text);
            export(&t, &t.path("s.toml"), "s.xlsx");
            let saved = libreoffice_resave(&t.path("s.xlsx"), &t.path("saved"));
            openpyxl_to_toml(&t, &saved, "back.toml");
            assert_no_difference(&t, &t.path("s.toml"), "back.toml", "saved by LibreOffice");
        }
    }
}

/// A section taller than a row is printed whole (a row of Excel is at most 409
/// points high; a cell of 60 lines showed 21 of them).
#[test]
fn libreoffice_prints_every_line_of_a_long_section() {
    if !soffice_available() || !tool_available("pdftotext (poppler-utils)", &["pdftotext", "-v"]) {
        return;
    }
    // 60 items of a line each, and a concern of 55 lines.
    let text = one_long_goal(60, |i| format!("項目{i}")).replacen(
        "as_of = 2018-09-30\n",
        &format!(
            "as_of = 2018-09-30\nconcerns = [\"{}終わり\"]\n",
            "あ".repeat(3000)
        ),
        1,
    );
    let t = Test::new().file("s.toml", &text);
    export(&t, &t.path("s.toml"), "s.xlsx");
    let pdf = libreoffice_convert(&t.path("s.xlsx"), &t.path("pdf"), "pdf");
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let printed = String::from_utf8_lossy(&out.stdout);
    // The printed copy is the last worksheet: from its first section on.
    let form = &printed[printed
        .find("１ 平成30年度の達成目標と現時点での進捗状況")
        .expect("the form is printed")..];
    for i in 0..60 {
        assert!(
            form.contains(&format!("項目{i}")),
            "項目{i} not printed:\n{form}"
        );
    }
    let concerns = &form[form.find("４ 現時点での課題・悩み").expect("section 4")..];
    assert_eq!(concerns.matches('あ').count(), 3000, "{concerns}");
    assert!(concerns.contains("終わり"), "{concerns}");
}

/// The printed pages: A4, the form's sections in order, no `###` for a date too
/// wide for its column.
#[test]
fn libreoffice_prints_the_form_and_the_reports() {
    if !soffice_available() || !tool_available("pdftotext (poppler-utils)", &["pdftotext", "-v"]) {
        return;
    }
    let t = Test::with_regions().file("tricky.toml", TRICKY);
    export(&t, &t.path("tricky.toml"), "tricky.xlsx");
    let out = t.sheet(&["export", "--region", "南加賀", "--out", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for (command, file) in [("compare", "c.xlsx"), ("progress", "p.xlsx")] {
        let out = t.sheet(&[command, "--format", "xlsx", "--out", file]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    for file in ["tricky.xlsx", "南加賀.xlsx", "c.xlsx", "p.xlsx"] {
        let pdf = libreoffice_convert(&t.path(file), &t.path("pdf"), "pdf");
        let text = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(!text.contains("###"), "{file}: a cell too narrow:\n{text}");
        assert!(!text.trim().is_empty(), "{file}: no text");
        if file != "c.xlsx" && file != "p.xlsx" {
            let at = |s: &str| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{file}: {s} not printed:\n{text}"))
            };
            let order = [
                at("１ 平成30年度の達成目標と現時点での進捗状況"),
                at("２ 圏域の取組における強みと課題"),
                at("３ 病院（医療機関）との連携状況"),
                at("４ 現時点での課題・悩み"),
            ];
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{file}: {order:?}");
        }
    }
    let pdf = t.path("pdf/南加賀.pdf");
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !info.is_empty() {
        assert!(info.contains("(A4)"), "{info}");
    }
}
