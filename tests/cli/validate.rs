//! `sheet validate`: one fixture per diagnostic code, output shapes, encodings.

use std::path::{Path, PathBuf};

use crate::common::{sheet_command, Output, Test};

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

/// Every diagnostic code of SPEC §2 (and `bad-format`) that a committed fixture
/// can draw (`too-large` needs a 4 MiB file: tests/cli/safety.rs makes one).
const CODES: [&str; 34] = [
    "syntax",
    "encoding",
    "unknown-key",
    "type",
    "missing",
    "empty",
    "bad-format",
    "bad-fiscal-year",
    "bad-date",
    "bad-status",
    "bad-number",
    "unknown-indicator",
    "duplicate-indicator",
    "duplicate-region",
    "done-in-future",
    "era-overflow",
    "overdue",
    "outside-fiscal-year",
    "empty-view",
    "no-progress",
    "no-indicators",
    "undetermined",
    "target-already-met",
    "fullwidth-number",
    "no-as-of",
    "number-as-text",
    "unit-mismatch",
    "qualitative-number",
    "weekday-mismatch",
    "no-goals",
    "no-challenges",
    "as-of-outside-fiscal-year",
    "symlink",
    "control-character",
];

const WARNINGS: [&str; 18] = [
    "era-overflow",
    "overdue",
    "outside-fiscal-year",
    "empty-view",
    "no-progress",
    "no-indicators",
    "undetermined",
    "target-already-met",
    "fullwidth-number",
    "no-as-of",
    "number-as-text",
    "qualitative-number",
    "weekday-mismatch",
    "no-goals",
    "no-challenges",
    "as-of-outside-fiscal-year",
    "symlink",
    "control-character",
];

/// The `# expect: CODE LINE:COL` line of a fixture; `# expect: CODE file` for a
/// finding about the whole file (no line or column).
fn expectation(path: &Path) -> (String, serde_json::Value, serde_json::Value) {
    let bytes = std::fs::read(path).unwrap();
    let first = String::from_utf8_lossy(&bytes);
    let first = first.lines().next().unwrap();
    let rest = first
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("{} has no expect line", path.display()));
    let (code, pos) = rest.split_once(' ').unwrap();
    if pos == "file" {
        return (
            code.to_string(),
            serde_json::Value::Null,
            serde_json::Value::Null,
        );
    }
    let (line, col) = pos.split_once(':').unwrap();
    let number = |s: &str| serde_json::Value::from(s.parse::<u64>().unwrap());
    (code.to_string(), number(line), number(col))
}

fn validate_json(args: &[&str]) -> Output {
    let mut all = vec!["validate", "--format", "json"];
    all.extend_from_slice(args);
    Test::new().args(&all).run()
}

#[test]
fn each_code_has_a_fixture_that_draws_it_at_its_position() {
    let mut seen = Vec::new();
    let dir = fixtures("invalid");
    let mut cases: Vec<(PathBuf, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // A folder case: the file holding the expect line, run over the folder.
            for f in std::fs::read_dir(&path).unwrap() {
                let f = f.unwrap().path();
                if std::fs::read_to_string(&f)
                    .unwrap()
                    .starts_with("# expect:")
                {
                    cases.push((f, path.clone()));
                }
            }
        } else {
            cases.push((path.clone(), path));
        }
    }
    for (file, run_on) in cases {
        let (code, line, col) = expectation(&file);
        let out = validate_json(&[run_on.to_str().unwrap()]);
        let json = out.json();
        let diags = json["diagnostics"].as_array().unwrap();
        let hit = diags.iter().any(|d| {
            d["code"] == code.as_str()
                && d["line"] == line
                && d["column"] == col
                && d["file"]
                    .as_str()
                    .unwrap()
                    .ends_with(file.file_name().unwrap().to_str().unwrap())
        });
        assert!(
            hit,
            "{code}: expected at {line}:{col} in {}:\n{json:#}",
            file.display()
        );
        let is_warning = WARNINGS.contains(&code.as_str());
        let expected_severity = if is_warning { "warning" } else { "error" };
        let d = diags.iter().find(|d| d["code"] == code.as_str()).unwrap();
        assert_eq!(d["severity"], expected_severity, "{code}");
        assert!(!d["message"].as_str().unwrap().is_empty());
        if is_warning {
            assert_eq!(
                json["errors"], 0,
                "{code} fixture should have no error: {json:#}"
            );
            assert_eq!(out.code, 0, "{code}");
        } else {
            assert_eq!(out.code, 1, "{code}");
        }
        seen.push(code);
    }
    for code in CODES {
        assert!(seen.iter().any(|c| c == code), "no fixture for {code}");
    }
}

#[test]
fn a_clean_sheet_has_no_finding() {
    let out = validate_json(&[fixtures("valid/minimal.toml").to_str().unwrap()]);
    assert_eq!(out.code, 0);
    let json = out.json();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 0, "{json:#}");
}

#[test]
fn json_shape_matches_the_spec() {
    let out = Test::with_regions()
        .args(&["validate", "--format", "json"])
        .run();
    assert_eq!(out.code, 0);
    let json = out.json();
    assert_eq!(json["files"], 3);
    assert_eq!(json["errors"], 0);
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(json["warnings"].as_u64().unwrap() as usize, diags.len());
    for d in diags {
        for key in ["file", "line", "column", "severity", "code", "message"] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
        assert!(d["line"].as_u64().unwrap() >= 1);
        assert!(d["column"].as_u64().unwrap() >= 1);
        assert!(d["file"].as_str().unwrap().starts_with("regions/"));
    }
    // The worked example of SPEC §3.
    assert!(diags
        .iter()
        .any(|d| d["code"] == "target-already-met" && d["file"] == "regions/minami-kaga.toml"));
}

#[test]
fn human_output_puts_the_caret_under_full_width_text() {
    let t = Test::new().file(
        "regions/a.toml",
        "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = \"平成30年度\"\nas_of = 2018-09-30\n\n[[goals]]\ntext = \"目標\"\n  [[goals.progress]]\n  text = \"北海道と連携①\" ; status = \"完了\"\n",
    );
    let out = t.args(&["validate"]).run();
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("human_fullwidth_syntax", out.stdout);

    let t = Test::new().file(
        "regions/a.toml",
        "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = \"平成30年度\"\nas_of = 2018-09-30\n\n[[goals]]\ntext = \"目標\"\n  [[goals.progress]]\n  text = \"北海道と連携\"\tstatus = \"完了\"\n",
    );
    let out = t.args(&["validate"]).run();
    insta::assert_snapshot!("human_fullwidth_tab", out.stdout);
}

#[test]
fn human_output_of_the_bundled_regions() {
    let out = Test::with_regions().args(&["validate"]).run();
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("human_regions_ja", out.stdout);
    let out = Test::with_regions()
        .args(&["--lang", "en", "validate"])
        .run();
    insta::assert_snapshot!("human_regions_en", out.stdout);
}

#[test]
fn strict_fails_on_warnings() {
    let out = Test::with_regions().args(&["validate", "--strict"]).run();
    assert_eq!(out.code, 1);
}

/// Issue 17: `validate --strict` printed 問題なし and exited 1; English gave no
/// verdict. The summary now says what the exit status says.
#[test]
fn the_summary_states_the_verdict_of_the_exit_status() {
    let last = |out: &crate::common::Output| {
        out.stdout
            .trim_end()
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    let out = Test::with_regions().args(&["validate", "--strict"]).run();
    assert_eq!(out.code, 1);
    let line = last(&out);
    assert!(
        line.ends_with("（--strict のため注意があると不合格）"),
        "{line}"
    );
    assert!(!line.contains("問題なし"), "{line}");
    let out = Test::with_regions()
        .args(&["--lang", "en", "validate", "--strict"])
        .run();
    assert_eq!(out.code, 1);
    assert!(
        last(&out).ends_with("(failed: --strict counts warnings)"),
        "{}",
        last(&out)
    );

    let out = Test::with_regions().args(&["validate"]).run();
    assert_eq!(out.code, 0);
    assert!(last(&out).ends_with("（問題なし）"), "{}", last(&out));
    let out = Test::with_regions()
        .args(&["--lang", "en", "validate"])
        .run();
    assert_eq!(out.code, 0);
    assert!(
        last(&out).ends_with("11 warnings (passed)"),
        "{}",
        last(&out)
    );

    let broken = std::fs::read(fixtures("invalid/unit-mismatch.toml")).unwrap();
    for strict in [false, true] {
        let mut args = vec!["--lang", "en", "validate", "s.toml"];
        if strict {
            args.push("--strict");
        }
        let out = Test::new().file("s.toml", broken.clone()).args(&args).run();
        assert_eq!(out.code, 1);
        assert!(last(&out).ends_with("(failed)"), "{}", last(&out));
    }
    // --strict without a warning passes.
    let clean = std::fs::read(fixtures("valid/minimal.toml")).unwrap();
    let out = Test::new()
        .file("s.toml", clean)
        .args(&["validate", "--strict", "s.toml"])
        .run();
    assert_eq!(out.code, 0);
    assert!(last(&out).ends_with("（問題なし）"), "{}", last(&out));
}

#[test]
fn unknown_key_explains_toml_scoping() {
    let t = Test::new().file(
        "s.toml",
        "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 2018\nas_of = 2018-09-30\n\n[[hospital_collaboration]]\ntext = \"会議に参加\"\nconcerns = [\"格差\"]\n",
    );
    let out = t.args(&["validate", "--format", "json", "s.toml"]).run();
    let json = out.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .unwrap()
        .clone();
    assert_eq!(d["line"], 9);
    assert_eq!(d["column"], 1);
    let help = d["help"].as_str().unwrap();
    assert!(
        help.contains("[sheet]") && help.contains("[[hospital_collaboration]]"),
        "{help}"
    );
}

#[test]
fn unknown_key_suggests_the_close_one() {
    let out = validate_json(&[fixtures("invalid/unknown-key.toml").to_str().unwrap()]);
    let json = out.json();
    let unknown = |json: &serde_json::Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "unknown-key")
            .unwrap()
            .clone()
    };
    let help = unknown(&json)["help"].as_str().unwrap().to_string();
    assert!(help.contains("`text`"), "{help}");
    let out = Test::new()
        .args(&[
            "--lang",
            "en",
            "validate",
            "--format",
            "json",
            fixtures("invalid/unknown-key.toml").to_str().unwrap(),
        ])
        .run();
    assert_eq!(unknown(&out.json())["help"], "did you mean `text`?");
}

#[test]
fn every_problem_of_a_file_is_reported_and_other_files_still_checked() {
    let t = Test::new()
        .file(
            "regions/a.toml",
            "[sheet]\nprefecture = \"\"\nregion = \"A\"\nfiscal_year = \"来年度\"\nas_of = true\nfoo = 1\n\n[[goals]]\nstatus = 3\n",
        )
        .file("regions/b.toml", "not toml at all = = =\n")
        .file(
            "regions/c.toml",
            std::fs::read(fixtures("valid/minimal.toml")).unwrap(),
        );
    let out = t.args(&["validate", "--format", "json"]).run();
    assert_eq!(out.code, 1);
    let json = out.json();
    assert_eq!(json["files"], 3);
    let codes: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for code in ["empty", "bad-fiscal-year", "unknown-key", "missing", "type"] {
        assert!(
            codes
                .iter()
                .any(|(f, c)| f == "regions/a.toml" && c == code),
            "{code} missing: {codes:?}"
        );
    }
    assert!(codes
        .iter()
        .any(|(f, c)| f == "regions/b.toml" && c == "syntax"));
    assert!(!codes.iter().any(|(f, _)| f == "regions/c.toml"));
}

#[test]
fn encodings_bom_and_crlf_are_accepted_others_named() {
    for ok in ["bom.toml", "crlf.toml"] {
        let out = validate_json(&[fixtures("encoding").join(ok).to_str().unwrap()]);
        assert_eq!(out.code, 0, "{ok}: {}", out.stdout);
        assert_eq!(out.json()["warnings"], 0, "{ok}");
    }
    // The iconv command of the hint converts from the encoding found.
    for (bad, name, iconv) in [
        ("shift_jis.toml", "Shift_JIS", "iconv -f CP932 -t UTF-8"),
        ("utf16le.toml", "UTF-16LE", "iconv -f UTF-16LE -t UTF-8"),
        ("utf16be.toml", "UTF-16BE", "iconv -f UTF-16BE -t UTF-8"),
        ("euc_jp.toml", "EUC-JP", "iconv -f EUC-JP -t UTF-8"),
    ] {
        let out = validate_json(&[fixtures("encoding").join(bad).to_str().unwrap()]);
        assert_eq!(out.code, 1, "{bad}");
        let json = out.json();
        let d = &json["diagnostics"][0];
        assert_eq!(d["code"], "encoding", "{bad}");
        assert!(d["message"].as_str().unwrap().contains(name), "{bad}: {d}");
        assert!(d["help"].as_str().unwrap().contains(iconv), "{bad}: {d}");
    }
}

#[test]
fn hostile_input_never_panics() {
    let deep = format!("x = {}", "[".repeat(100_000));
    let mut random = Vec::new();
    let mut state: u32 = 12345;
    for _ in 0..4096 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        random.push((state >> 16) as u8);
    }
    let t = Test::new()
        .file("regions/deep.toml", deep)
        .file("regions/random.toml", random)
        .file("regions/empty.toml", "")
        .file("regions/nul.toml", "a = \"\0\"\n")
        .file(
            "regions/huge-int.toml",
            "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 99999999999999999999\n[[indicators]]\nname = \"x\"\ntarget = 99999999999999999999\ncurrent = inf\n",
        );
    let out = t.args(&["validate", "--format", "json"]).run();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let json = out.json();
    assert_eq!(json["files"], 5);
}

#[test]
fn reading_modifies_nothing() {
    let t = Test::with_regions().file(
        "regions/broken.toml",
        std::fs::read(fixtures("invalid/syntax.toml")).unwrap(),
    );
    let snapshot = |dir: &Path| -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), m)
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot(&t.path("regions"));
    for args in [
        vec!["validate"],
        vec!["validate", "--format", "json"],
        vec!["validate", "--strict"],
    ] {
        t_run(&t, &args);
    }
    assert_eq!(before, snapshot(&t.path("regions")));
}

fn t_run(t: &Test, args: &[&str]) {
    let out = sheet_command()
        .args(args)
        .current_dir(t.dir.path())
        .output()
        .unwrap();
    assert!(out.status.code().is_some());
}

#[test]
fn sheets_are_found_from_a_subdirectory_and_by_env() {
    let out = Test::with_regions()
        .cwd("deep/er")
        .args(&["validate", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json = out.json();
    assert_eq!(json["files"], 3);
    assert!(json["diagnostics"][0]["file"]
        .as_str()
        .unwrap()
        .starts_with("../../regions/"));

    let t = Test::with_regions();
    let dir = t.path("regions");
    let out = Test::new()
        .env("SHEET_DIR", dir.to_str().unwrap())
        .args(&["validate", "--format", "json"])
        .run();
    assert_eq!(out.json()["files"], 3);
}

#[test]
fn no_sheets_folder_is_exit_2_saying_where_it_looked() {
    let out = Test::new().args(&["validate"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("regions"), "{}", out.stderr);
    let out = Test::new().args(&["validate", "nope.toml"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("nope.toml"));
}

#[test]
fn themes_toml_is_not_a_sheet() {
    let out = Test::with_regions()
        .file("regions/themes.toml", "[themes]\nx = [\"y\"]\n")
        .args(&["validate", "--format", "json"])
        .run();
    assert_eq!(out.json()["files"], 3);
}

#[test]
fn a_japanese_key_is_named_with_the_key_to_use() {
    let t = Test::new().file(
        "s.toml",
        "[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 2018\n\n[[challenges]]\ntext = \"課題\"\n  [challenges.views]\n  行政側 = \"制度の周知\"\n",
    );
    let out = t.args(&["validate", "--format", "json", "s.toml"]).run();
    let json = out.json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "syntax");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9), Some(3))
    );
    assert!(d["message"].as_str().unwrap().contains("行政側"), "{d}");
    assert!(
        d["help"].as_str().unwrap().contains("`administration`"),
        "{d}"
    );
}

/// `done-in-future` said 実施済み while every output names the status 実施 (the
/// one table of status words): the message names it so, in both languages.
#[test]
fn done_in_future_names_the_status_as_every_output_does() {
    let t = Test::new().file(
        "s.toml",
        std::fs::read(fixtures("invalid/done-in-future.toml")).unwrap(),
    );
    let ja = t.sheet(&["validate", "s.toml"]);
    assert_eq!(ja.code, 1, "{}", ja.stdout);
    assert!(
        ja.stdout
            .contains("error[done-in-future]: 実施（done）なのに日付"),
        "{}",
        ja.stdout
    );
    assert!(!ja.stdout.contains("実施済"), "{}", ja.stdout);
    let en = t.sheet(&["--lang", "en", "validate", "s.toml"]);
    assert!(
        en.stdout
            .contains("error[done-in-future]: marked done but dated"),
        "{}",
        en.stdout
    );
}

/// A finding about a whole file (`too-large`, `symlink`, `bad-workbook`) was shown
/// at `file:1:1` (JSON line 1, column 1), a place it is not about: it is shown as
/// `--> file`, with no line, column or cell in JSON. `encoding` keeps its place,
/// the byte where the text stops being UTF-8.
#[test]
fn a_finding_about_the_whole_file_has_no_line_or_column() {
    let t = Test::new()
        .file("regions/big.toml", vec![b'#'; 4 * 1024 * 1024 + 1])
        .file("regions/bad.xlsx", "a,b\n1,2\n");
    let link = fixtures("invalid/symlink");
    for (run_on, file, code) in [
        (t.path("regions/big.toml"), "big.toml", "too-large"),
        (t.path("regions/bad.xlsx"), "bad.xlsx", "bad-workbook"),
        (link.clone(), "outside.toml", "symlink"),
    ] {
        let run_on = run_on.to_str().unwrap();
        let out = t.sheet(&["validate", "--format", "json", run_on]);
        let json = out.json();
        let d = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code}: {json:#}"))
            .clone();
        for key in ["line", "column", "cell"] {
            assert!(d[key].is_null(), "{code}: {key} in {d:#}");
        }
        let human = t.sheet(&["validate", run_on]).stdout;
        let arrow = human
            .lines()
            .find(|l| l.starts_with("--> ") && l.ends_with(file))
            .unwrap_or_else(|| panic!("{code}: no --> line for {file}:\n{human}"));
        assert!(!arrow.contains(":1:1"), "{arrow}");
    }
    let out = validate_json(&[fixtures("invalid/encoding.toml").to_str().unwrap()]);
    let d = &out.json()["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["line"].as_u64()),
        (Some("encoding"), Some(4))
    );
}

/// `undetermined` is shown at the value written `未定` and names it, in a sheet and
/// at the cell of its workbook (it was shown at the target whichever value it was).
#[test]
fn undetermined_is_shown_at_the_value_written_mitei() {
    let sheet = r#"format = 1

[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = 2018
as_of = 2018-09-30

[[indicators]]
name = "訪問件数"
unit = "件"
baseline = 2
current = "未定"
target = 6
"#;
    let t = Test::new().file("regions/a.toml", sheet);
    let find = |out: &Output| {
        out.json()["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "undetermined")
            .cloned()
            .unwrap_or_else(|| panic!("no undetermined in {}", out.stdout))
    };
    let d = find(&t.sheet(&["validate", "--format", "json"]));
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(13), Some(11))
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains(r#"current = "未定""#),
        "{d}"
    );
    let out = t.sheet(&["export", "--out", "a.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d = find(&t.sheet(&["validate", "--format", "json", "a.xlsx"]));
    assert_eq!(d["cell"], "指標!F2");
    assert!(
        d["message"].as_str().unwrap().contains("現状値（今回）"),
        "{d}"
    );
}
