//! Several fiscal years (SPEC §4, issue 17 point 9): one file per region and
//! year, `--fiscal-year` on every command that reads sheets, each region's years
//! oldest first, `history` naming the year it follows, and `sheet new --from`.

use serde_json::{json, Value};

use crate::common::Test;
use crate::progress::OFFICIALS_SHEET;

const MK: &str = "regions/minami-kaga.toml";
const MK7: &str = "regions/minami-kaga-r7.toml";

/// The bundled regions (FY2018) and 南加賀's FY2025 sheet, made by
/// `sheet new --from`.
fn two_years() -> Test {
    let t = Test::with_regions();
    let out = t.sheet(&[
        "new",
        "--from",
        MK,
        "--fiscal-year",
        "R7",
        "--slug",
        "minami-kaga-r7",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.path(MK7).is_file());
    t
}

fn years_of(j: &Value, key: &str) -> Vec<(String, i64)> {
    j[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region"].as_str().unwrap().to_string(),
                r["fiscal_year"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn fiscal_year_keeps_one_year_in_any_spelling() {
    let t = two_years();
    for year in ["R7", "2025", "令和7年度", "２０２５年度", "FY2025"] {
        let out = t.sheet(&["progress", "--fiscal-year", year, "--format", "json"]);
        assert_eq!(out.code, 0, "{year}: {}", out.stderr);
        assert_eq!(
            years_of(&out.json(), "regions"),
            [("南加賀".to_string(), 2025)],
            "{year}"
        );
    }
    let out = t.sheet(&["progress", "--fiscal-year", "H30", "--format", "json"]);
    assert_eq!(out.json()["regions"].as_array().map(Vec::len), Some(3));
    let out = t.sheet(&["compare", "--fiscal-year", "2018", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["regions"].as_array().map(Vec::len), Some(3));
    let out = t.sheet(&["render", "--fiscal-year", "R7"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("令和7年度 精神障害"), "{}", out.stdout);
    assert!(!out.stdout.contains("平成30年度"), "{}", out.stdout);
    // validate checks only that year's files.
    let out = t.sheet(&["validate", "--fiscal-year", "R7", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let j = out.json();
    assert_eq!(j["files"], 1);
    assert!(j["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["file"] == MK7));
    // --region and --fiscal-year together.
    let out = t.sheet(&[
        "progress",
        "--region",
        "南加賀",
        "--fiscal-year",
        "2018",
        "--format",
        "json",
    ]);
    assert_eq!(
        years_of(&out.json(), "regions"),
        [("南加賀".to_string(), 2018)]
    );
}

#[test]
fn a_year_with_no_sheet_or_that_cannot_be_read_is_exit_2() {
    let t = two_years();
    let out = t.sheet(&["progress", "--region", "南加賀", "--fiscal-year", "R5"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "圏域「南加賀」の令和5年度 (2023) のシートはありません。ある年度: 平成30年度 (2018)、令和7年度 (2025)"
        ),
        "{}",
        out.stderr
    );
    for command in ["validate", "progress", "compare", "render"] {
        let out = t.sheet(&[command, "--fiscal-year", "2030"]);
        assert_eq!(out.code, 2, "{command}");
        assert!(
            out.stderr
                .contains("令和12年度 (2030) のシートはありません"),
            "{command}: {}",
            out.stderr
        );
        let out = t.sheet(&["--lang", "en", command, "--fiscal-year", "来年"]);
        assert_eq!(out.code, 2, "{command}");
        assert!(
            out.stderr.contains("cannot read --fiscal-year \"来年\""),
            "{command}: {}",
            out.stderr
        );
    }
}

/// `progress` and `render` show a region's years oldest first, though
/// `minami-kaga-r7.toml` sorts before `minami-kaga.toml`; other regions keep
/// their order.
#[test]
fn several_years_of_a_region_show_oldest_first() {
    let t = two_years();
    let out = t.sheet(&["progress", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let order: Vec<(String, i64)> = years_of(&out.json(), "regions");
    let expected = [
        ("石川中央", 2018),
        ("南加賀", 2018),
        ("南加賀", 2025),
        ("能登中部", 2018),
    ];
    assert_eq!(
        order,
        expected.map(|(r, y)| (r.to_string(), y)),
        "{}",
        out.stdout
    );
    // compare takes its sheets in the same order as every report, from loading.
    let out = t.sheet(&["compare", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        years_of(&out.json(), "regions"),
        expected.map(|(r, y)| (r.to_string(), y)),
        "{}",
        out.stdout
    );
    let table = t.sheet(&["progress", "--region", "南加賀"]);
    let first = table.stdout.find("平成30年度 (2018)").unwrap();
    let second = table.stdout.find("令和7年度 (2025)").unwrap();
    assert!(first < second, "{}", table.stdout);
    let render = t.sheet(&["render", "--region", "南加賀"]);
    let first = render.stdout.find("平成30年度 精神障害").unwrap();
    let second = render.stdout.find("令和7年度 精神障害").unwrap();
    assert!(first < second, "{}", render.stdout);
    // compare labels the two sheets of one region with their year.
    let out = t.sheet(&["compare", "--region", "南加賀", "--format", "json"]);
    let labels: Vec<&str> = out.json()["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect::<Vec<_>>()
        .into_iter()
        .map(|l| if l.ends_with("2018") { "2018" } else { "2025" })
        .collect();
    assert_eq!(labels, ["2018", "2025"]);
}

/// Issue 17 point 9: after adding `minami-kaga-r7.toml`, `history --region 南加賀`
/// silently followed the new file and said only "not committed yet". It now names
/// the file and year it follows, the region's other years, and how to follow them.
#[test]
fn history_names_the_year_it_follows_and_suggests_fiscal_year() {
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-20T10:00:00+09:00");
    t.edit(MK, "current  = 11", "current  = 13");
    t.commit("南加賀: 地域移行数", "2018-09-28T10:00:00+09:00");
    let out = t.sheet(&[
        "new",
        "--from",
        MK,
        "--fiscal-year",
        "R7",
        "--slug",
        "minami-kaga-r7",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);

    let out = t.sheet(&["history", "--region", "南加賀"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected = "\
南加賀 令和7年度 (2025) の指標の推移（git の履歴、古い順）: regions/minami-kaga-r7.toml
（ほかの年度: 平成30年度 (2018) は regions/minami-kaga.toml。--fiscal-year 2018 で追えます）
regions/minami-kaga-r7.toml はまだコミットされていません
ほかの年度のシートの履歴は --fiscal-year で選べます（例: --fiscal-year 2018）
";
    assert_eq!(out.stdout, expected);

    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    let j = out.json();
    assert_eq!(j["file"], MK7);
    assert_eq!(j["fiscal_year"], 2025);
    assert_eq!(j["other_years"], json!([{"file": MK, "fiscal_year": 2018}]));
    assert_eq!(j["points"], json!([]));

    let out = t.sheet(&["history", "--region", "南加賀", "--fiscal-year", "H30"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "南加賀 平成30年度 (2018) の指標の推移（git の履歴、古い順）: regions/minami-kaga.toml\n\
             （ほかの年度: 令和7年度 (2025) は regions/minami-kaga-r7.toml。--fiscal-year 2025 で追えます）\n"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("達成、"), "{}", out.stdout);

    // Once committed, the new year's file has its own history.
    t.commit("南加賀: 令和7年度のシート", "2025-05-01T10:00:00+09:00");
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    let j = out.json();
    assert_eq!(j["points"].as_array().map(Vec::len), Some(1));
    assert_eq!(j["points"][0]["baseline"], 13);

    let out = t.sheet(&["history", "--region", "南加賀", "--fiscal-year", "R3"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("ある年度: 平成30年度 (2018)、令和7年度 (2025)"),
        "{}",
        out.stderr
    );
}

/// History points keep a value's written form (`<field>_text`) and say
/// 当初から達成 rather than a percentage.
#[test]
fn history_keeps_values_as_written() {
    let t = Test::new()
        .git_init()
        .file("regions/a.toml", OFFICIALS_SHEET.replace("16人以上", "3人"));
    t.commit("a", "2025-10-01T10:00:00+09:00");
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let p = &out.json()["points"][0];
    assert_eq!(p["current"], 13);
    assert_eq!(p["current_text"], "13人");
    assert_eq!(p["baseline_text"], "11人（H29年度～現時点）");
    assert_eq!(p["target_already_met"], true);
    assert_eq!(p["progress_pct"], Value::Null);
    let out = t.sheet(&["history", "--region", "南加賀", "--width", "120"]);
    for s in [
        "11人（H29年度～現時点）",
        "13人",
        "3人",
        "達成、当初から達成",
    ] {
        assert!(out.stdout.contains(s), "{s}\n{}", out.stdout);
    }
}

// ------------------------------------------------------------ sheet new --from

/// Issue 17 point 9 / SPEC §4: `new --from` carries goals, challenges, strengths
/// and indicators over, each indicator's current value becoming its baseline;
/// progress, hospital collaboration, concerns, questions, `as_of` and `meeting`
/// start empty; the year defaults to the next, the region and prefecture to the
/// file's; the result validates with no errors and has the comments of `new`.
#[test]
fn new_from_starts_next_years_sheet() {
    let t = Test::with_regions();
    let out = t.sheet(&["new", "--from", MK]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // FY2018 → FY2019 (令和元年度); the file goes beside the old one.
    let made = "regions/minami-kaga-r1.toml";
    assert!(out.stdout.contains(made), "{}", out.stdout);
    let text = t.read(made);
    for comment in [
        "#:schema ../sheet.schema.json",
        "# 石川県 南加賀 令和元年度 (2019)「事前課題」シート",
        "# regions/minami-kaga.toml（平成30年度 (2018)）から始めたシートです。",
        "# 達成目標（必須）",
        "# 【１ 令和元年度の達成目標と現時点での進捗状況】",
        "#   [[goals.progress]]",
        "# [[hospital_collaboration]]",
    ] {
        assert!(text.contains(comment), "{comment}\n{text}");
    }
    let validate = t.sheet(&["validate", made, "--format", "json"]);
    assert_eq!(validate.code, 0, "{}", validate.stdout);
    let v = validate.json();
    assert_eq!(v["errors"], 0);
    assert!(v["warnings"].as_u64().unwrap() > 0);

    let old = t.sheet(&[
        "progress",
        "--region",
        "南加賀",
        "--fiscal-year",
        "H30",
        "--format",
        "json",
    ]);
    let new = t.sheet(&[
        "progress",
        "--region",
        "南加賀",
        "--fiscal-year",
        "R1",
        "--format",
        "json",
    ]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let (old, new) = (&old.json()["regions"][0], &new.json()["regions"][0]);
    assert_eq!(new["prefecture"], "石川県");
    assert_eq!(new["fiscal_year"], 2019);
    assert_eq!(new["as_of_source"], "today");
    let texts = |r: &Value| -> Vec<Value> {
        r["goals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["text"].clone())
            .collect()
    };
    assert_eq!(texts(new), texts(old));
    assert!(new["goals"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["progress"] == json!([])));
    assert_eq!(new["goals"][1]["indicator"], "地域移行数");
    let (oi, ni) = (&old["indicators"][0], &new["indicators"][0]);
    assert_eq!(ni["name"], oi["name"]);
    assert_eq!(ni["unit"], oi["unit"]);
    assert_eq!(ni["target"], oi["target"]);
    assert_eq!(ni["baseline"], oi["current"]);
    assert_eq!(ni["current"], "");

    let loaded = t.sheet(&["show", made]);
    let show = loaded.stdout;
    for carried in [
        "他職種間同士の連携ができつつある",
        "退院可能な患者を把握する",
        "視点別の認識 医療側: 制度を周知し、患者や家族の退院意識を高めることが課題",
        "視点別の認識 事業者側: （記載なし）",
        "設定理由: 年間ロードマップの成果目標値を参考",
        "テーマ: 顔の見える関係づくりと退院支援の強化",
    ] {
        assert!(show.contains(carried), "{carried}\n{show}");
    }
    for empty in ["病院との連携", "課題・悩み", "他自治体への質問", "現時点:"]
    {
        assert!(!show.contains(empty), "{empty}\n{show}");
    }
    // The meeting starts empty, and show leaves a blank field out.
    assert!(text.contains("\nmeeting = \"\""), "{text}");
    assert!(!show.contains("会議:"), "{show}");
}

/// Values written as text keep their written form as the new baseline, and the
/// target keeps its form; the result still validates.
#[test]
fn new_from_keeps_values_as_written() {
    let t = Test::new().file("regions/minami-kaga-r7.toml", OFFICIALS_SHEET);
    let out = t.sheet(&["new", "--from", "regions/minami-kaga-r7.toml", "--out", "-"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("fiscal_year = \"令和8年度\""),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("baseline = \"13人\"\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("target = \"16人以上\"\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("current = \"\"\n"), "{}", out.stdout);
    // Written to stdout: nothing in the folder.
    assert!(!t.path("regions/minami-kaga-r8.toml").exists());
    let t = t.file("regions/minami-kaga-r8.toml", &out.stdout);
    let v = t.sheet(&[
        "validate",
        "regions/minami-kaga-r8.toml",
        "--format",
        "json",
    ]);
    assert_eq!(v.json()["errors"], 0, "{}", v.stdout);
    // The default file name replaces the year suffix.
    let out = t.sheet(&["new", "--from", "regions/minami-kaga-r8.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.path("regions/minami-kaga-r9.toml").is_file());
}

#[test]
fn new_from_options_override_the_file_and_nothing_is_overwritten() {
    let t = Test::with_regions();
    let out = t.sheet(&[
        "new",
        "--from",
        MK,
        "--fiscal-year",
        "R7",
        "--region",
        "南加賀北",
        "--slug",
        "kita",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = t.read("regions/kita.toml");
    assert!(text.contains("region = \"南加賀北\""), "{text}");
    assert!(text.contains("fiscal_year = \"令和7年度\""), "{text}");
    // The same again: the file exists.
    let before = t.read("regions/kita.toml");
    let out = t.sheet(&[
        "new",
        "--from",
        MK,
        "--fiscal-year",
        "R7",
        "--region",
        "南加賀北",
        "--slug",
        "kita",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("すでにあります"), "{}", out.stderr);
    assert_eq!(t.read("regions/kita.toml"), before);
    // A sheet of the same region and year under another name.
    let out = t.sheet(&[
        "new",
        "--from",
        MK,
        "--fiscal-year",
        "R7",
        "--region",
        "南加賀北",
        "--slug",
        "kita2",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("同じ都道府県・圏域・年度"),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/kita2.toml").exists());
}

#[test]
fn new_from_a_sheet_with_errors_or_no_file_is_refused() {
    let t = Test::with_regions();
    t.edit(MK, "theme       =", "bogus = 1\ntheme       =");
    let out = t.sheet(&["new", "--from", MK]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown-key"), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "regions/minami-kaga.toml にはエラーがあるため、ここから新しいシートを始められません"
        ),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/minami-kaga-r1.toml").exists());
    let out = t.sheet(&["new", "--from", "regions/none.toml"]);
    assert_eq!(out.code, 2);
    // Without --from, the three names are required.
    let out = t.sheet(&["new", "--region", "x"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--prefecture"), "{}", out.stderr);
}

/// `--fiscal-year` reaches workbooks too: `import` leaves a workbook of another
/// year as it is, and a folder's `.xlsx` is filtered like its `.toml`.
#[test]
fn fiscal_year_applies_to_workbooks() {
    let toml =
        std::fs::read_to_string(crate::common::bundled_regions().join("minami-kaga.toml")).unwrap();
    let t = Test::new().file(
        "in/minami-kaga.xlsx",
        crate::workbook_read::workbook_of(&toml),
    );
    let out = t.sheet(&["import", "in/minami-kaga.xlsx", "--fiscal-year", "R7"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("in/minami-kaga.xlsx は 平成30年度 (2018) のシートなので取り込みません"),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/minami-kaga.toml").exists());
    let out = t.sheet(&["import", "in/minami-kaga.xlsx", "--fiscal-year", "H30"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.path("regions/minami-kaga.toml").is_file());

    let out = t.sheet(&[
        "progress",
        "in",
        "--fiscal-year",
        "2018",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["regions"][0]["file"], "in/minami-kaga.xlsx");
    let out = t.sheet(&["progress", "in", "--fiscal-year", "2025"]);
    assert_eq!(out.code, 2);
}

/// `new --from … --out FILE.xlsx` hands out next year's sheet as a workbook (not a
/// blank one), and `export --fiscal-year` exports that year's sheets only.
#[test]
fn new_from_to_a_workbook_and_export_of_one_year() {
    let t = two_years();
    let out = t.sheet(&["new", "--from", MK7, "--out", "next.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = t.sheet(&["progress", "next.xlsx", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let r = &out.json()["regions"][0];
    assert_eq!(r["fiscal_year"], 2026);
    assert_eq!(
        r["goals"][0]["text"],
        "これまでの取り組みを活かして、当圏域における、地域移行支援を推進する。"
    );
    assert_eq!(r["indicators"][0]["name"], "地域移行数");

    std::fs::create_dir_all(t.path("books")).unwrap();
    let out = t.sheet(&["export", "--fiscal-year", "R7", "--out", "books"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let made: Vec<String> = std::fs::read_dir(t.path("books"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(made, ["minami-kaga-r7.xlsx"]);
}
