//! `sheet new`, `sheet schema`, `sheet render`, `sheet completions`, `sheet man`.

use std::path::{Path, PathBuf};

use crate::common::{bundled_regions, Output, Test};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `sheet` again in the folder of `t` (which keeps its files).
fn run_in(t: &Test, args: &[&str]) -> Output {
    let out = crate::common::sheet_command()
        .args(args)
        .current_dir(t.dir.path())
        .env_remove("SHEET_DIR")
        .env_remove("SHEET_LANG")
        .env_remove("SHEET_COLOR")
        .env_remove("SHEET_FORMAT")
        .env("NO_COLOR", "1")
        .output()
        .expect("run sheet");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn validate_json(t: &Test, path: &str) -> serde_json::Value {
    run_in(t, &["validate", "--format", "json", path]).json()
}

// ---------------------------------------------------------------- sheet new

#[test]
fn new_writes_a_sheet_that_validates_without_errors() {
    let t = Test::new().file("regions/.keep", "").args(&[
        "new",
        "--region",
        "南加賀",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "H30",
        "--slug",
        "minami-kaga",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("regions/minami-kaga.toml"),
        "{}",
        out.stdout
    );
    let text = std::fs::read_to_string(t.path("regions/minami-kaga.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ../sheet.schema.json\n"),
        "{text}"
    );
    for word in [
        "行政側",
        "医療側",
        "事業者側",
        "関係機関・住民等",
        "[[goals]]",
        "[[indicators]]",
    ] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    assert!(text.contains("fiscal_year = \"平成30年度\""), "{text}");
    let report = validate_json(&t, "regions/minami-kaga.toml");
    assert_eq!(report["errors"], 0, "{report}");
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"no-indicators"), "{codes:?}");
    assert!(codes.contains(&"no-as-of"), "{codes:?}");
}

#[test]
fn new_in_english_also_validates() {
    let t = Test::new().args(&[
        "--lang",
        "en",
        "new",
        "--region",
        "Noto Chubu",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "2024",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    // No regions/ anywhere: ./regions/ is created; the slug comes from the ASCII name.
    let text = std::fs::read_to_string(t.path("regions/noto-chubu.toml")).unwrap();
    assert!(text.contains("fiscal_year = \"令和6年度\""), "{text}");
    assert!(text.contains("How to fill it in"), "{text}");
    assert!(
        out.stderr.contains("sheet schema > sheet.schema.json"),
        "{}",
        out.stderr
    );
    assert_eq!(validate_json(&t, "regions/noto-chubu.toml")["errors"], 0);
}

#[test]
fn new_finds_the_regions_folder_from_a_subfolder() {
    let t = Test::with_regions()
        .file("sheet.schema.json", "{}")
        .cwd("regions/sub/deeper")
        .args(&[
            "new",
            "--region",
            "加賀",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "令和7年度",
            "--slug",
            "Kaga",
        ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(t.path("regions/kaga.toml")).unwrap();
    // The schema was found beside regions/, so no note about it.
    assert!(text.starts_with("#:schema ../sheet.schema.json\n"));
    assert!(!out.stderr.contains("sheet schema"), "{}", out.stderr);
    let all = run_in(&t, &["validate", "--format", "json"]);
    assert_eq!(all.json()["files"], 4);
    assert_eq!(all.json()["errors"], 0, "{}", all.stdout);
}

#[test]
fn new_never_overwrites() {
    let t = Test::new()
        .file("regions/minami-kaga.toml", "# mine\n")
        .args(&[
            "new",
            "--region",
            "南加賀",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "2018",
            "--slug",
            "minami-kaga",
        ]);
    let out = t.run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("すでにあります"), "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(t.path("regions/minami-kaga.toml")).unwrap(),
        "# mine\n"
    );
    let names: Vec<PathBuf> = std::fs::read_dir(t.path("regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    // --out too.
    let t = Test::new().file("mine.toml", "x").args(&[
        "new",
        "--region",
        "a",
        "--prefecture",
        "b",
        "--fiscal-year",
        "R6",
        "--out",
        "mine.toml",
    ]);
    assert_eq!(t.run().code, 2);
    assert_eq!(std::fs::read_to_string(t.path("mine.toml")).unwrap(), "x");
}

#[test]
fn new_refuses_a_second_sheet_of_the_same_region() {
    let t = Test::with_regions().args(&[
        "new",
        "--region",
        "南加賀圏域",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "平成30年度",
        "--slug",
        "minami-kaga-2",
    ]);
    let out = t.run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("regions/minami-kaga.toml"),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/minami-kaga-2.toml").exists());
}

/// A workbook made by `new --out FILE.xlsx` in a folder is read as a sheet of it:
/// two for one region and year, or one beside its TOML sheet, are refused too.
#[test]
fn new_refuses_a_second_workbook_of_the_same_region() {
    let t = Test::with_regions();
    let args = |out: &'static str| {
        [
            "new",
            "--region",
            "南加賀",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "R7",
            "--out",
            out,
        ]
    };
    assert_eq!(t.sheet(&args("regions/a.xlsx")).code, 0);
    for (out, beside) in [
        ("regions/b.xlsx", "regions/a.xlsx"),
        ("regions/c.XLSX", "regions/a.xlsx"),
    ] {
        let run = t.sheet(&args(out));
        assert_eq!(run.code, 2, "{out}");
        assert!(run.stderr.contains(beside), "{}", run.stderr);
        assert!(!t.path(out).exists(), "{out}");
    }
    // Beside the TOML sheet of the same year.
    let run = t.sheet(&[
        "new",
        "--region",
        "南加賀",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "H30",
        "--out",
        "regions/d.xlsx",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("regions/minami-kaga.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_asks_for_a_slug_when_the_name_is_japanese() {
    let t = Test::new().args(&[
        "new",
        "--region",
        "南加賀",
        "--prefecture",
        "石川県",
        "--fiscal-year",
        "H30",
    ]);
    let out = t.run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--slug"), "{}", out.stderr);
    assert!(!t.path("regions").exists());
    let bad = Test::new()
        .args(&[
            "new",
            "--region",
            "南加賀",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "H30",
            "--slug",
            "../x",
        ])
        .run();
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("--slug"), "{}", bad.stderr);
}

#[test]
fn new_rejects_a_bad_fiscal_year_and_blank_names() {
    let out = Test::new()
        .args(&[
            "new",
            "--region",
            "x",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "平成99年",
        ])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("年度"), "{}", out.stderr);
    let out = Test::new()
        .args(&[
            "new",
            "--region",
            "　",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "H30",
            "--out",
            "-",
        ])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--region"), "{}", out.stderr);
}

#[test]
fn new_to_stdout() {
    let out = Test::new()
        .args(&[
            "new",
            "--region",
            "南加賀",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "H30",
            "--out",
            "-",
        ])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("#:schema ../sheet.schema.json\n"));
    assert!(out.stdout.contains("region = \"南加賀\""));
}

// ---------------------------------------------------------------- sheet schema

#[test]
fn committed_schema_is_up_to_date() {
    let out = Test::new().args(&["schema"]).run();
    assert_eq!(out.code, 0);
    let committed = std::fs::read_to_string(repo().join("sheet.schema.json")).unwrap_or_default();
    assert!(
        committed == out.stdout,
        "sheet.schema.json is stale: regenerate it with\n\n    cargo run -- schema > sheet.schema.json\n\nand commit it"
    );
}

fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        // Editors (taplo) see dates as strings too.
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn sheet_json(text: &str) -> serde_json::Value {
    toml_to_json(toml::from_str::<toml::Value>(text).expect("TOML"))
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join("sheet.schema.json")).unwrap())
            .unwrap();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, instance: &serde_json::Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Sheets that ship with the repository: `regions/*.toml` and `examples/*.toml`
/// (not `examples/broken/`, which are broken on purpose).
fn bundled_sheets() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [bundled_regions(), repo().join("examples")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml")
                && p.file_name().is_some_and(|n| n != "themes.toml")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    files
}

#[test]
fn every_bundled_sheet_matches_the_schema_and_references_it() {
    let v = validator();
    for file in bundled_sheets() {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("#:schema ../sheet.schema.json\n"),
            "{} must start with `#:schema ../sheet.schema.json`",
            file.display()
        );
        let errs = errors(&v, &sheet_json(&text));
        assert!(errs.is_empty(), "{}: {errs:#?}", file.display());
    }
}

#[test]
fn a_new_sheet_matches_the_schema() {
    let v = validator();
    for lang in ["ja", "en"] {
        let out = Test::new()
            .args(&[
                "--lang",
                lang,
                "new",
                "--region",
                "南加賀",
                "--prefecture",
                "石川県",
                "--fiscal-year",
                "H30",
                "--out",
                "-",
            ])
            .run();
        let errs = errors(&v, &sheet_json(&out.stdout));
        assert!(errs.is_empty(), "{errs:#?}");
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let v = validator();
    let base = std::fs::read_to_string(bundled_regions().join("minami-kaga.toml")).unwrap();
    let rejected = [
        (
            "unknown key in [sheet]",
            base.replace("theme       =", "themes ="),
        ),
        ("unknown key at the top", format!("colour = 1\n{base}")),
        (
            "unknown key in a view",
            base.replace("medical        =", "doctors ="),
        ),
        (
            "bad status",
            base.replace("status = \"planned\"", "status = \"maybe\""),
        ),
        (
            "bad better",
            base.replace("unit     = \"人\"", "unit = \"人\"\nbetter = \"more\""),
        ),
        ("format 2", base.replace("format = 1", "format = 2")),
        (
            "blank region",
            base.replace("region      = \"南加賀\"", "region = \"　\""),
        ),
        (
            "missing region",
            base.replace("region      = \"南加賀\"", ""),
        ),
        (
            "view as a number",
            base.replace("providers      = \"\"", "providers = 3"),
        ),
    ];
    for (what, text) in rejected {
        assert_ne!(text, base, "{what}: the replacement did not apply");
        assert!(
            !errors(&v, &sheet_json(&text)).is_empty(),
            "schema accepts {what}"
        );
        // …and the loader refuses it too.
        let out = Test::new()
            .file("regions/x.toml", &text)
            .args(&["validate", "--format", "json"])
            .run();
        assert_ne!(out.json()["errors"], 0, "loader accepts {what}");
    }
    let accepted = [
        (
            "Japanese status",
            base.replace("status = \"planned\"", "status = \"予定\""),
        ),
        (
            "integer fiscal year",
            base.replace("\"平成30年度\"", "2018"),
        ),
        (
            "views as lists",
            base.replace(
                "community      = \"福祉サービスに縛られないプランや支援が必要\"",
                "community = [\"福祉サービスに縛られないプランや支援が必要\", \"b\"]",
            ),
        ),
        (
            "qualitative target",
            base.replace("target   = 3", "target = \"未定\""),
        ),
    ];
    for (what, text) in accepted {
        assert_ne!(text, base, "{what}: the replacement did not apply");
        let errs = errors(&v, &sheet_json(&text));
        assert!(errs.is_empty(), "schema refuses {what}: {errs:#?}");
    }
}

// ---------------------------------------------------------------- sheet render

/// Issue 17 point 10: section 4 is headed as the paper form heads it
/// (`４ 現時点での課題・悩み`, then `〇課題・悩み` and `〇他自治体への質問`), with no
/// ASCII comma, and a status reads the same in `render` as in `progress` (実施).
#[test]
fn render_section_4_heading_and_status_words_read_like_the_paper_form() {
    let t = Test::with_regions();
    let md = t.sheet(&["render", "--region", "南加賀"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains("## ４ 現時点での課題・悩み\n"),
        "{}",
        md.stdout
    );
    assert!(!md.stdout.contains("悩み, "), "{}", md.stdout);
    assert!(md.stdout.contains("［実施］"), "{}", md.stdout);
    let html = t.sheet(&["render", "--region", "南加賀", "--format", "html"]);
    assert!(!html.stdout.contains("悩み, "));
    let progress = t.sheet(&["progress", "--region", "南加賀"]);
    assert!(progress.stdout.contains("| 実施 |"), "{}", progress.stdout);
    for out in [&md.stdout, &html.stdout, &progress.stdout] {
        assert!(!out.contains("実施済"), "{out}");
    }
    let en = t.sheet(&["--lang", "en", "render", "--region", "南加賀"]);
    assert!(
        en.stdout.contains("## 4 Current challenges and concerns\n"),
        "{}",
        en.stdout
    );
}

#[test]
fn render_markdown_lays_out_the_four_sections() {
    let out = Test::with_regions()
        .args(&["render", "--region", "南加賀", "--format", "markdown"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for heading in [
        "## １ 平成30年度の達成目標と現時点での進捗状況",
        "## ２ 圏域の取組における強みと課題",
        "## ３ 病院（医療機関）との連携状況",
        "## ４ 現時点での課題・悩み\n",
        "**〇他自治体への質問**",
        "| 課題 | 課題解決に向けた取組方針 | 行政側 | 医療側 | 事業者側 | 関係機関・住民等 |",
        "| 課題解決の達成度を測る指標 | 指標の設定理由 | 現状値（第1回会議時） | 現状値（今回） | 目標値 |",
        "| １．地域移行数 | 年間ロードマップの成果目標値を参考 | 11人 | 11人 | 3人 |",
    ] {
        assert!(out.stdout.contains(heading), "{heading} missing:\n{}", out.stdout);
    }
    // 事業者側 of the first challenge and 行政側 of the second are blank on the sheet.
    assert_eq!(out.stdout.matches("（空欄）").count(), 2, "{}", out.stdout);
    insta::assert_snapshot!("render_minami_kaga_markdown", out.stdout);
}

#[test]
fn render_html_is_one_printable_file() {
    let out = Test::with_regions()
        .args(&["render", "--region", "minami-kaga", "--format", "html"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = &out.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "@page { size: A4;",
        "@media print",
        "<meta charset=\"utf-8\">",
        "１ 平成30年度の達成目標と現時点での進捗状況",
        "２ 圏域の取組における強みと課題",
        "３ 病院（医療機関）との連携状況",
        "４ 現時点での課題・悩み<",
        "〇他自治体への質問",
        "現状値（第1回会議時）",
        "現状値（今回）",
        "目標値",
    ] {
        assert!(html.contains(needle), "{needle} missing");
    }
    // Self-contained: nothing to fetch, nothing to run.
    for forbidden in [
        "http://", "https://", "<script", "<link", "src=", "@import", "url(",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} found");
    }
    assert_eq!(html.matches("<td class=\"blank\"").count(), 2);
    assert_well_formed(html);
    insta::assert_snapshot!("render_minami_kaga_html", html);
}

#[test]
fn render_escapes_sheet_text() {
    let hostile = r#"#:schema ../sheet.schema.json
[sheet]
prefecture = "A&B県"
region = "<script>alert('x')</script>"
fiscal_year = 2018
as_of = 2018-09-30
theme = "</style><b>bold</b> & more"
strengths = ["1. | pipe * star _under_ [link](http://x) `code`", "- dash"]
concerns = ["a\nb"]

[[goals]]
text = "<img src=x onerror=alert(1)>"
  [[goals.progress]]
  text = "R&D \"quoted\""
  status = "done"
  date = "2018-08-01"

[[indicators]]
name = "<i>数</i>"
target = "<b>316以上</b>"
"#;
    let t = Test::new().file("regions/hostile.toml", hostile);
    let html = run_in(&t, &["render", "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let h = &html.stdout;
    for raw in ["<script", "<img", "<b>", "<i>", "</style><b>"] {
        assert!(!h.contains(raw), "unescaped {raw}");
    }
    for escaped in [
        "&lt;script&gt;alert('x')&lt;/script&gt;",
        "A&amp;B県",
        "&lt;img src=x onerror=alert(1)&gt;",
        "R&amp;D &quot;quoted&quot;",
        "&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more",
    ] {
        assert!(h.contains(escaped), "{escaped} missing");
    }
    assert_well_formed(h);

    let md = run_in(&t, &["render", "--format", "markdown"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let m = &md.stdout;
    assert!(m.contains("\\<script\\>alert('x')\\</script\\>"), "{m}");
    assert!(m.contains("A\\&B県"), "{m}");
    assert!(
        m.contains("1\\. \\| pipe \\* star \\_under\\_ \\[link\\](http://x) \\`code\\`"),
        "{m}"
    );
    assert!(m.contains("2. \\- dash"), "{m}");
    assert!(m.contains("- a<br>b"), "{m}");
    // The only `<` left unescaped are the line breaks the renderer writes itself.
    assert!(
        !m.replace("\\<", "").replace("<br>", "").contains('<'),
        "{m}"
    );
}

#[test]
fn render_in_english() {
    let out = Test::with_regions()
        .args(&[
            "--lang",
            "en",
            "render",
            "--region",
            "能登中部",
            "--format",
            "markdown",
        ])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("## 1 Goals for FY2018 (平成30年度) and progress to date"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("| Administration | Medical |"),
        "{}",
        out.stdout
    );
}

#[test]
fn render_all_sheets_one_page_each() {
    let out = Test::with_regions()
        .args(&["render", "--format", "html"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches("<article class=\"sheet\">").count(), 3);
    assert!(out
        .stdout
        .contains(".sheet + .sheet { break-before: page; }"));
    assert_well_formed(&out.stdout);
}

#[test]
fn render_to_a_file_never_overwrites() {
    let t = Test::with_regions().args(&[
        "render",
        "--region",
        "南加賀",
        "--format",
        "html",
        "--out",
        "out.html",
    ]);
    let first = t.run();
    assert_eq!(first.code, 0, "{}", first.stderr);
    let written = std::fs::read_to_string(t.path("out.html")).unwrap();
    assert!(written.contains("南加賀"));
    std::fs::write(t.path("out.html"), "mine").unwrap();
    let second = t.run();
    assert_eq!(second.code, 2);
    assert!(second.stderr.contains("out.html"), "{}", second.stderr);
    assert_eq!(std::fs::read_to_string(t.path("out.html")).unwrap(), "mine");
}

#[test]
fn render_refuses_a_sheet_with_errors() {
    let broken = std::fs::read_to_string(bundled_regions().join("noto-chubu.toml"))
        .unwrap()
        .replace("[sheet]", "[sheet]\ncolour = \"red\"");
    let t = Test::with_regions().file("regions/noto-chubu.toml", broken);
    let out = run_in(&t, &["render", "--region", "能登中部", "--format", "html"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("unknown-key"), "{}", out.stderr);
    assert!(out.stderr.contains("能登中部"), "{}", out.stderr);
    // Another region still renders, and the run still ends with 2.
    let other = run_in(&t, &["render", "--region", "南加賀"]);
    assert_eq!(other.code, 2);
    assert!(other.stdout.contains("南加賀"));
}

#[test]
fn render_unknown_region_lists_the_known_ones() {
    let out = Test::with_regions()
        .args(&["render", "--region", "北加賀"])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("南加賀"), "{}", out.stderr);
}

/// Every element opened is closed in order (void elements aside), attributes are
/// quoted, and nothing but tags uses `<`.
fn assert_well_formed(html: &str) {
    const VOID: &[&str] = &["meta", "col", "br", "hr", "img", "input", "link"];
    let body = html.strip_prefix("<!DOCTYPE html>").expect("doctype");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').expect("unclosed tag");
        let tag = &after[..end];
        assert!(!tag.contains('<'), "stray < in {tag}");
        let in_style = stack.last().is_some_and(|t| t == "style");
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
        } else if !in_style {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(!name.is_empty(), "bad tag <{tag}>");
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "unbalanced quotes in <{tag}>"
            );
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        } else {
            panic!("tag inside <style>: <{tag}>");
        }
        rest = &after[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

// ------------------------------------------------------- completions and man

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Test::new().args(&["completions", shell]).run();
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        for word in ["validate", "render", "schema", "region", "fiscal-year"] {
            assert!(out.stdout.contains(word), "{shell} completions lack {word}");
        }
    }
    assert_eq!(Test::new().args(&["completions", "tcsh"]).run().code, 2);
}

#[test]
fn man_page() {
    let out = Test::new().args(&["man"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(".ie \\n(.g .ds Aq") || out.stdout.contains(".TH sheet 1"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
    assert!(out.stdout.contains("render"));
}

#[test]
fn new_writes_into_sheet_dir() {
    let t = Test::new()
        .file("sheets/.keep", "")
        .env("SHEET_DIR", "sheets")
        .args(&[
            "new",
            "--region",
            "Kaga",
            "--prefecture",
            "石川県",
            "--fiscal-year",
            "R7",
        ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.path("sheets/kaga.toml").is_file());
    assert!(!t.path("regions").exists());
}

/// Issue 17 point 4: `render` shows every date with its precision word (as the
/// official wrote it in Japanese, in meaning in English), `未定` rather than no
/// date, and values as written.
#[test]
fn render_shows_dates_and_values_as_written() {
    let t = Test::new().file("regions/a.toml", crate::progress::OFFICIALS_SHEET);
    let md = t.sheet(&["render"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    for s in [
        "10月15日(水) ［実施］第1回地域連絡会",
        "11月中旬 ［予定］第2回地域連絡会（当初：10月末）",
        "未定 ［予定］ピアサポーター研修",
        "年度末 ［予定］事例検討会",
        "2025年9月1日 ［実施］病院訪問",
        "| 11人（H29年度～現時点） | 13人 | 16人以上 |",
    ] {
        assert!(md.stdout.contains(s), "{s}\n{}", md.stdout);
    }
    let html = t.sheet(&["render", "--format", "html"]);
    assert!(
        html.stdout.contains("<span class=\"date\">未定</span>"),
        "{}",
        html.stdout
    );
    let en = t.sheet(&["--lang", "en", "render"]);
    for s in [
        "2025-11 (mid) \\[planned\\] 第2回地域連絡会 (originally: 2025-10 (end))",
        "not fixed (未定) \\[planned\\]",
        "end of FY2025 \\[planned\\]",
    ] {
        assert!(en.stdout.contains(s), "{s}\n{}", en.stdout);
    }
}
