//! `sheet progress`: JSON pinned against SPEC §4.1 and §3, formats, options.

use serde_json::{json, Value};

use crate::common::Test;

/// A small valid sheet: `[sheet]` plus whatever TOML follows.
pub fn sheet(prefecture: &str, region: &str, fiscal_year: &str, rest: &str) -> String {
    format!(
        "[sheet]\nprefecture = \"{prefecture}\"\nregion = \"{region}\"\nfiscal_year = \"{fiscal_year}\"\nas_of = 2018-09-30\n{rest}"
    )
}

/// An indicator block.
pub fn indicator(name: &str, fields: &str) -> String {
    format!("\n[[indicators]]\nname = \"{name}\"\n{fields}\n")
}

fn progress_json(rest: &str) -> Value {
    let out = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "テスト", "平成30年度", rest),
        )
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

/// The indicators of the only region, by name.
fn indicators(rest: &str) -> Vec<Value> {
    let j = progress_json(rest);
    j["regions"][0]["indicators"]
        .as_array()
        .expect("indicators")
        .clone()
}

fn one(fields: &str) -> Value {
    indicators(&indicator("x", fields))[0].clone()
}

#[test]
fn json_of_minami_kaga_matches_the_spec_example() {
    let out = Test::with_regions()
        .args(&["progress", "--region", "南加賀", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    assert_eq!(j["as_of"], Value::Null);
    let regions = j["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 1);
    let r = &regions[0];
    assert_eq!(r["prefecture"], "石川県");
    assert_eq!(r["region"], "南加賀");
    assert_eq!(r["fiscal_year"], 2018);
    assert_eq!(r["as_of"], "2018-09-30");
    let item = &r["goals"][0]["progress"][0];
    assert_eq!(item["text"], "第1回地域連絡会実施予定");
    assert_eq!(item["date"], "2018-11-02");
    assert_eq!(item["status"], "planned");
    assert_eq!(item["overdue"], false);
    assert_eq!(r["goals"][1]["progress"][0]["status"], Value::Null);
    let ind = &r["indicators"][0];
    for (k, v) in [
        ("name", json!("地域移行数")),
        ("unit", json!("人")),
        ("better", json!("higher")),
        ("baseline", json!(11)),
        ("current", json!(11)),
        ("target", json!(3)),
        ("achieved", json!(true)),
        ("target_already_met", json!(true)),
    ] {
        assert_eq!(ind[k], v, "{k}");
    }
    // SPEC §3's example: the baseline already meets the target, so null.
    assert_eq!(ind["progress_pct"], Value::Null);
}

#[test]
fn every_region_one_after_another_without_region() {
    let out = Test::with_regions()
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(out.code, 0);
    let names: Vec<String> = out.json()["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["石川中央", "南加賀", "能登中部"]);
    let table = Test::with_regions().args(&["progress"]).run();
    let first = table.stdout.find("石川県 石川中央").unwrap();
    let second = table.stdout.find("石川県 南加賀").unwrap();
    let third = table.stdout.find("石川県 能登中部").unwrap();
    assert!(first < second && second < third, "{}", table.stdout);
}

#[test]
fn as_of_option_overrides_the_sheet_and_is_echoed() {
    let out = Test::with_regions()
        .args(&[
            "progress",
            "--region",
            "南加賀",
            "--as-of",
            "2018-11-03",
            "--format",
            "json",
        ])
        .run();
    let j = out.json();
    assert_eq!(j["as_of"], "2018-11-03");
    assert_eq!(j["regions"][0]["as_of"], "2018-11-03");
    assert_eq!(j["regions"][0]["as_of_source"], "option");
    assert_eq!(j["regions"][0]["goals"][0]["progress"][0]["overdue"], true);
    // A done item is never overdue, nor a note.
    assert_eq!(j["regions"][0]["goals"][0]["progress"][1]["overdue"], false);
    assert_eq!(j["regions"][0]["goals"][1]["progress"][0]["overdue"], false);

    let table = Test::with_regions()
        .args(&["progress", "--region", "南加賀", "--as-of", "2018-11-03"])
        .run();
    assert!(table.stdout.contains("期限超過"), "{}", table.stdout);
    assert!(
        table.stdout.contains("2018年11月3日時点（--as-of）"),
        "{}",
        table.stdout
    );
}

#[test]
fn month_precision_is_overdue_only_after_the_month_ends() {
    let overdue = |as_of: &str| {
        let j = Test::with_regions()
            .args(&[
                "progress",
                "--region",
                "能登中部",
                "--as-of",
                as_of,
                "--format",
                "json",
            ])
            .run()
            .json();
        let item = j["regions"][0]["goals"][0]["progress"][1].clone();
        assert_eq!(item["date"], "2018-10");
        (
            j["as_of"].clone(),
            j["regions"][0]["as_of"].clone(),
            item["overdue"].clone(),
        )
    };
    assert_eq!(
        overdue("2018-10-31"),
        (json!("2018-10-31"), json!("2018-10-31"), json!(false))
    );
    assert_eq!(
        overdue("2018-11-01"),
        (json!("2018-11-01"), json!("2018-11-01"), json!(true))
    );
    // A month given to --as-of means its last day.
    assert_eq!(
        overdue("2018-10"),
        (json!("2018-10"), json!("2018-10-31"), json!(false))
    );
    assert_eq!(
        overdue("H30.11.1"),
        (json!("2018-11-01"), json!("2018-11-01"), json!(true))
    );
}

#[test]
fn without_as_of_the_sheet_date_is_used_else_today() {
    let out = Test::new()
        .file(
            "regions/a.toml",
            "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト\"\nfiscal_year = 2018\n\n[[goals]]\ntext = \"g\"\n[[goals.progress]]\ntext = \"p\"\ndate = \"2018-05-01\"\nstatus = \"planned\"\n",
        )
        .args(&["progress", "--format", "json"])
        .run();
    let j = out.json();
    assert_eq!(j["as_of"], Value::Null);
    assert_eq!(j["regions"][0]["as_of_source"], "today");
    // Today is after May 2018.
    assert_eq!(j["regions"][0]["goals"][0]["progress"][0]["overdue"], true);
}

#[test]
fn a_bad_as_of_is_exit_2() {
    for bad in ["2018-02-30", "yesterday", "11/2", ""] {
        let out = Test::with_regions()
            .args(&["progress", "--as-of", bad])
            .run();
        assert_eq!(out.code, 2, "{bad}: {}", out.stdout);
        assert!(out.stderr.contains("日付"), "{bad}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn region_names_match_as_the_spec_says() {
    for name in ["南加賀", "南加賀圏域", "minami-kaga", " 南加賀 "] {
        let out = Test::with_regions()
            .args(&["progress", "--region", name, "--format", "json"])
            .run();
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert_eq!(out.json()["regions"][0]["region"], "南加賀", "{name}");
    }
    // Full-width and half-width alike.
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "ｶﾅｻﾞﾜ", "2018", ""))
        .args(&["progress", "--region", "カナザワ圏域", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["regions"][0]["region"], "ｶﾅｻﾞﾜ");
    // Several names, in input order.
    let out = Test::with_regions()
        .args(&[
            "progress",
            "--region",
            "能登中部",
            "--region",
            "南加賀",
            "--format",
            "json",
        ])
        .run();
    let j = out.json();
    assert_eq!(j["regions"][0]["region"], "南加賀");
    assert_eq!(j["regions"][1]["region"], "能登中部");
}

#[test]
fn an_unknown_region_is_exit_2_listing_the_known() {
    let out = Test::with_regions()
        .args(&["progress", "--region", "金沢"])
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    for known in [
        "南加賀 (minami-kaga)",
        "石川中央 (ishikawa-chuo)",
        "能登中部 (noto-chubu)",
    ] {
        assert!(out.stderr.contains(known), "{}", out.stderr);
    }
    let en = Test::with_regions()
        .args(&["--lang", "en", "compare", "--region", "金沢"])
        .run();
    assert_eq!(en.code, 2);
    assert!(
        en.stderr.contains("unknown region \"金沢\""),
        "{}",
        en.stderr
    );
}

#[test]
fn a_sheet_with_errors_is_skipped_and_ends_with_exit_2() {
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "よい", "2018", ""))
        .file("regions/b.toml", "[sheet]\nregion = \"わるい\"\n")
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(out.code, 2);
    let j = out.json();
    assert_eq!(j["regions"].as_array().unwrap().len(), 1);
    assert!(out.stderr.contains("b.toml"), "{}", out.stderr);
}

#[test]
fn asking_for_a_region_whose_sheet_has_errors_says_so() {
    // Regression: this used to say the region did not exist.
    let t = || {
        Test::new()
            .file("regions/a.toml", sheet("石川県", "よい", "2018", ""))
            .file(
                "regions/warui.toml",
                sheet("石川県", "わるい", "2018", "").replace("[sheet]", "[sheet]\ncolour = 1"),
            )
    };
    for (cmd, wanted) in [
        ("progress", "わるい"),
        ("compare", "warui"),
        ("render", "わるい"),
    ] {
        let out = t().args(&[cmd, "--region", wanted]).run();
        assert_eq!(out.code, 2, "{cmd}");
        assert!(out.stdout.is_empty(), "{cmd}: {}", out.stdout);
        assert!(out.stderr.contains("unknown-key"), "{cmd}: {}", out.stderr);
        assert!(
            out.stderr.contains("圏域「")
                && out.stderr.contains("regions/warui.toml にはエラーがある"),
            "{cmd}: {}",
            out.stderr
        );
    }
    // A name that is nowhere still lists the regions there are.
    let out = t().args(&["progress", "--region", "どこにもない"]).run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("よい (a)"), "{}", out.stderr);
}

// SPEC §3 through the JSON output.

#[test]
fn lower_is_better() {
    let i = one("better = \"lower\"\nbaseline = 100\ncurrent = 80\ntarget = 60");
    assert_eq!(i["better"], "lower");
    assert_eq!(i["achieved"], false);
    assert_eq!(i["progress_pct"], 50.0);
    assert_eq!(i["target_already_met"], false);
    let i = one("better = \"lower\"\nbaseline = 100\ncurrent = 55\ntarget = 60");
    assert_eq!(i["achieved"], true);
    assert_eq!(i["progress_pct"], 112.5);
    let i = one("better = \"lower\"\nbaseline = 50\ncurrent = 55\ntarget = 60");
    assert_eq!(i["target_already_met"], true);
    assert_eq!(i["achieved"], true);
}

#[test]
fn bounds_in_the_target_give_number_and_direction() {
    let i = one("baseline = 300\ncurrent = 320\ntarget = \"316以上\"");
    assert_eq!(i["better"], "higher");
    assert_eq!(i["achieved"], true);
    assert_eq!(i["progress_pct"], 125.0);
    // The number of a value written as text (SPEC §4.1); its text is the report's.
    assert_eq!(i["target"], 316);
    assert_eq!(i["numeric"], true);
    let i = one("baseline = 400\ncurrent = 350\ntarget = \"３１６以下\"");
    assert_eq!(i["better"], "lower");
    assert_eq!(i["achieved"], false);
    let pct = i["progress_pct"].as_f64().unwrap();
    assert!((pct - 100.0 * 50.0 / 84.0).abs() < 1e-9, "{pct}");
    let i = one("baseline = 400\ncurrent = 300\ntarget = \"316以下\"");
    assert_eq!(i["achieved"], true);
}

#[test]
fn direction_only_targets() {
    let i = one("baseline = 5\ncurrent = 7\ntarget = \"増加\"");
    assert_eq!(i["achieved"], true);
    assert_eq!(i["progress_pct"], Value::Null);
    assert_eq!(i["better"], "higher");
    let i = one("baseline = 5\ncurrent = 7\ntarget = \"減少\"");
    assert_eq!(i["achieved"], false);
    assert_eq!(i["better"], "lower");
    let i = one("baseline = 5\ncurrent = 4\ntarget = \"減少\"");
    assert_eq!(i["achieved"], true);
    let i = one("current = 4\ntarget = \"減少\"");
    assert_eq!(i["achieved"], Value::Null);
}

#[test]
fn qualitative_values_stay_text() {
    let i = one("baseline = \"未実施\"\ncurrent = \"検討中\"\ntarget = \"協議の場を設置\"");
    assert_eq!(i["baseline"], "未実施");
    assert_eq!(i["current"], "検討中");
    assert_eq!(i["target"], "協議の場を設置");
    assert_eq!(i["achieved"], Value::Null);
    assert_eq!(i["progress_pct"], Value::Null);
    assert_eq!(i["numeric"], false);
    assert_eq!(i["undetermined"], false);
}

#[test]
fn undetermined_values() {
    let i = one("baseline = 3\ncurrent = 4\ntarget = \"未定\"");
    assert_eq!(i["target"], "未定");
    assert_eq!(i["achieved"], Value::Null);
    assert_eq!(i["progress_pct"], Value::Null);
    assert_eq!(i["undetermined"], true);
    let i = one("baseline = 3\ncurrent = 4");
    assert_eq!(i["target"], Value::Null);
    assert_eq!(i["unit"], Value::Null);
    assert_eq!(i["undetermined"], true);
    let i = one("baseline = \"未定\"\ncurrent = 4\ntarget = 5");
    assert_eq!(i["undetermined"], true);
    assert_eq!(i["achieved"], false);
    assert_eq!(i["progress_pct"], Value::Null);
}

#[test]
fn progress_pct_is_never_negative_zero() {
    let rest = indicator(
        "x",
        "better = \"lower\"\nbaseline = 10\ncurrent = 10\ntarget = 5",
    ) + &indicator("y", "baseline = 0.0\ncurrent = -0.0\ntarget = 5");
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "テスト", "2018", &rest))
        .args(&["progress", "--format", "json"])
        .run();
    assert!(
        !out.stdout.contains("\"progress_pct\": -0.0"),
        "{}",
        out.stdout
    );
    let j = out.json();
    for i in j["regions"][0]["indicators"].as_array().unwrap() {
        assert_eq!(i["progress_pct"], 0.0);
    }
}

#[test]
fn negative_and_above_100_percent_and_decimals() {
    let i = one("baseline = 10\ncurrent = 5\ntarget = 20");
    assert_eq!(i["progress_pct"], -50.0);
    assert_eq!(i["achieved"], false);
    let i = one("baseline = 1.5\ncurrent = 2.25\ntarget = 3");
    assert_eq!(i["baseline"], 1.5);
    assert_eq!(i["progress_pct"], 50.0);
    let i = one("baseline = 3\ncurrent = 3\ntarget = 3");
    assert_eq!(i["progress_pct"], Value::Null);
    assert_eq!(i["achieved"], true);
}

#[test]
fn tables_show_direction_undetermined_and_flags() {
    let rest = indicator(
        "入院患者数",
        "unit = \"人\"\nbetter = \"lower\"\nbaseline = 100\ncurrent = 80\ntarget = 60",
    ) + &indicator(
        "協議の場",
        "baseline = \"なし\"\ncurrent = \"検討中\"\ntarget = \"設置\"",
    ) + &indicator("研修回数", "baseline = 2\ncurrent = 3\ntarget = \"未定\"")
        + &indicator("地域移行数", "baseline = 11\ncurrent = 11\ntarget = 3");
    let t = Test::new().file("regions/a.toml", sheet("石川県", "テスト", "2018", &rest));
    let ja = t.args(&["progress", "--width", "100"]).run();
    for s in [
        "|   60 |",
        "（低いほど良い）",
        "未達成",
        "50%",
        "検討中",
        "定性的な目標",
        "未定",
        "当初から達成",
        "11 [3の367%]",
    ] {
        assert!(ja.stdout.contains(s), "{s}:\n{}", ja.stdout);
    }
    // SPEC §3: a target is shown as written, with no 以上 / 以下 added.
    for s in ["60以下", "3以上"] {
        assert!(!ja.stdout.contains(s), "{s}:\n{}", ja.stdout);
    }
    let t = Test::new().file("regions/a.toml", sheet("石川県", "テスト", "2018", &rest));
    let en = t
        .args(&["--lang", "en", "progress", "--width", "100"])
        .run();
    for s in [
        "(lower is better)",
        "not achieved",
        "qualitative",
        "undetermined",
        "met at baseline",
        "11 [367% of 3]",
    ] {
        assert!(en.stdout.contains(s), "{s}:\n{}", en.stdout);
    }
}

#[test]
fn csv_is_tidy_with_an_optional_bom() {
    let out = Test::with_regions()
        .args(&["progress", "--region", "南加賀", "--format", "csv"])
        .run();
    assert_eq!(out.code, 0);
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("label,prefecture,region,fiscal_year,as_of,section,goal,item,field,value")
    );
    assert!(out
        .stdout
        .contains("南加賀,石川県,南加賀,2018,2018-09-30,indicator,,地域移行数,current,11\n"));
    assert!(out
        .stdout
        .contains("南加賀,石川県,南加賀,2018,2018-09-30,progress,1,1,status,planned\n"));
    assert!(!out.stdout.contains('\r'));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_bytes());
    for rec in rdr.records() {
        assert_eq!(rec.unwrap().len(), 10);
    }

    let bom = Test::with_regions()
        .args(&["progress", "--region", "南加賀", "--format", "csv", "--bom"])
        .run();
    assert!(bom.stdout.starts_with("\u{feff}label,"), "{}", bom.stdout);
    assert!(bom.stdout.contains("value\r\n"));
}

#[test]
fn no_colour_unless_asked() {
    let plain = Test::with_regions().args(&["progress"]).run();
    assert!(!plain.stdout.contains('\u{1b}'));
    let forced = Test::with_regions()
        .args(&["--color", "always", "progress"])
        .run();
    assert!(forced.stdout.contains('\u{1b}'), "{}", forced.stdout);
}

#[test]
fn width_is_honoured() {
    let long = "とても長い進捗の説明です。".repeat(12);
    let rest = format!("\n[[goals]]\ntext = \"{long}\"\n[[goals.progress]]\ntext = \"{long}\"\nstatus = \"done\"\n");
    let t = || Test::new().file("regions/a.toml", sheet("石川県", "テスト", "2018", &rest));
    for width in [40usize, 80, 120] {
        let out = t().args(&["progress", "--width", &width.to_string()]).run();
        let widest = out
            .stdout
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap();
        assert!(widest <= width, "{width}: {widest}\n{}", out.stdout);
        assert!(widest >= width - 4, "{width}: {widest}\n{}", out.stdout);
    }
    // 0: no wrapping at all; and the default when piped is 80.
    let out = t().args(&["progress", "--width", "0"]).run();
    assert!(out
        .stdout
        .lines()
        .any(|l| unicode_width::UnicodeWidthStr::width(l) > 200));
    let out = t().args(&["progress"]).run();
    let widest = out
        .stdout
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert_eq!(widest, 80);
    let out = t().args(&["progress"]).env("COLUMNS", "100").run();
    let widest = out
        .stdout
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert_eq!(widest, 100);
}

/// At 60 columns `progress` drew 当初から達成 as `当初か` / `ら達成`: a verdict
/// or progress word breaks only between its words (`当初から` / `達成`).
/// `compare` keeps it whole.
#[test]
fn a_verdict_word_never_breaks_mid_word_at_60_columns() {
    let t = Test::with_regions();
    let out = t.sheet(&["progress", "--width", "60", "--region", "南加賀"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let row = out
        .stdout
        .lines()
        .find(|l| l.contains("地域") && l.contains("| 達成 |"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(row.trim_end().ends_with("| 当初から |"), "{}", out.stdout);
    assert!(!out.stdout.contains("ら達成"), "{}", out.stdout);
    for line in out.stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    let compare = t.sheet(&["compare", "--width", "60"]);
    assert!(
        compare.stdout.contains("| 当初から達成 | 達成 |"),
        "{}",
        compare.stdout
    );
}

/// Issue 17 point 10, in `progress`: at 60 columns the old tables broke dates
/// (`2018年6月28 / 日`), targets (`3以 / 上`), `11 [3 / の367% / ]` and words
/// (`ピア / サポーター`).
#[test]
fn a_narrow_table_keeps_numbers_dates_and_words_whole() {
    let out = Test::with_regions()
        .args(&["progress", "--width", "60"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in out.stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    for whole in [
        "2018年6月28日",
        "2018年11月2日",
        "|    3 |",
        "[3の367%]",
        "| 第1回 |",
        "| 進捗率 |",
        "ピアサポーター2名に",
    ] {
        assert!(out.stdout.contains(whole), "{whole}:\n{}", out.stdout);
    }
    // No line of a cell starts with closing punctuation.
    for line in out.stdout.lines() {
        for cell in line.split('|').skip(1) {
            assert!(
                !cell.trim_start().starts_with(['、', '。', '）', '」']),
                "{line}"
            );
        }
    }
    // Narrower still, the headers give way before the dates.
    let out = Test::with_regions()
        .args(&["progress", "--width", "40"])
        .run();
    for whole in ["2018年6月28日", "2018年11月2日"] {
        assert!(out.stdout.contains(whole), "{whole}:\n{}", out.stdout);
    }
}

#[test]
fn terminal_text_is_cleaned_and_kept_aligned() {
    let rest = "\n[[goals]]\ntext = \"目標①※\\u001b[31m\"\n[[goals.progress]]\ntext = \"進捗○…\\u001b]0;x\\u0007\"\nstatus = \"done\"\n";
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "テスト", "2018", rest))
        .args(&["progress"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains('\u{1b}'));
    assert!(!out.stdout.contains('\u{7}'));
    assert!(out.stdout.contains("目標(1)＊"), "{}", out.stdout);
    assert!(out.stdout.contains("進捗〇..."), "{}", out.stdout);
    // JSON keeps the text as written.
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "テスト", "2018", rest))
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(
        out.json()["regions"][0]["goals"][0]["text"],
        "目標①※\u{1b}[31m"
    );
}

#[test]
fn snapshot_table_ja() {
    let out = Test::with_regions()
        .args(&["progress", "--region", "南加賀"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_table_en() {
    let out = Test::with_regions()
        .args(&["--lang", "en", "progress"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_table_all_regions_ja() {
    let out = Test::with_regions().args(&["progress"]).run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_markdown() {
    let out = Test::with_regions()
        .args(&["progress", "--format", "markdown"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_csv() {
    let out = Test::with_regions()
        .args(&["progress", "--format", "csv"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_json() {
    let out = Test::with_regions()
        .args(&["progress", "--format", "json"])
        .run();
    insta::assert_json_snapshot!(out.json());
}

#[test]
fn works_from_a_subdirectory_and_on_given_files() {
    let out = Test::with_regions()
        .cwd("meeting/notes")
        .args(&["progress", "--region", "南加賀", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.json()["regions"][0]["file"],
        "../../regions/minami-kaga.toml"
    );

    let t = Test::with_regions();
    let file = t.path("regions/noto-chubu.toml");
    let out = t
        .args(&["progress", &file.to_string_lossy(), "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let regions = out.json()["regions"].as_array().unwrap().clone();
    assert_eq!(regions.len(), 1);
    assert_eq!(regions[0]["region"], "能登中部");
}

/// A sheet written the way officials write it (issue 17): a weekday, a precision
/// word, `未定`, `年度末`, numbers with units and a remark, a target with 以上.
pub const OFFICIALS_SHEET: &str = r#"[sheet]
prefecture = "石川県"
region = "南加賀"
fiscal_year = "R7"
as_of = 2025-10-31

[[goals]]
text = "地域移行支援を推進する"
indicator = "地域移行数"

  [[goals.progress]]
  text = "第1回地域連絡会"
  date = "10月15日(水)"
  status = "実施済み"

  [[goals.progress]]
  text = "第2回地域連絡会"
  date = "11月中旬"
  status = "予定"
  rescheduled_from = "10月末"

  [[goals.progress]]
  text = "ピアサポーター研修"
  date = "未定"
  status = "予定"

  [[goals.progress]]
  text = "事例検討会"
  date = "年度末"
  status = "予定"

  [[goals.progress]]
  text = "病院訪問"
  date = 2025-09-01
  status = "done"

  [[goals.progress]]
  text = "日付のない記録"

[[indicators]]
name = "地域移行数"
unit = "人"
baseline = "11人（H29年度～現時点）"
current = "13人"
target = "16人以上"
"#;

/// SPEC §4.1, last paragraph: a date with a precision word or a weekday adds
/// `date_text` as written; `未定` has a null `date` and `"date_text": "未定"`; an
/// undated item has a null `date`; a value read by §1.5 keeps its number and adds
/// `<field>_text`.
#[test]
fn json_keeps_dates_and_values_as_written() {
    let out = Test::new()
        .file("regions/a.toml", OFFICIALS_SHEET)
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let j = out.json();
    let items = j["regions"][0]["goals"][0]["progress"].as_array().unwrap();
    let shape: Vec<(Value, Option<Value>)> = items
        .iter()
        .map(|i| (i["date"].clone(), i.get("date_text").cloned()))
        .collect();
    assert_eq!(
        shape,
        [
            (json!("2025-10-15"), Some(json!("10月15日(水)"))),
            (json!("2025-11"), Some(json!("11月中旬"))),
            (Value::Null, Some(json!("未定"))),
            (json!("2026-03-31"), Some(json!("年度末"))),
            (json!("2025-09-01"), None),
            (Value::Null, None),
        ]
    );
    assert_eq!(items[0]["status"], "done");
    assert_eq!(items[1]["rescheduled_from"], "2025-10");
    assert_eq!(items[1]["rescheduled_from_text"], "10月末");
    assert!(items[0].get("rescheduled_from_text").is_none());
    // 未定 is not overdue.
    assert_eq!(items[2]["overdue"], false);
    let ind = &j["regions"][0]["indicators"][0];
    for (k, v) in [
        ("baseline", json!(11)),
        ("baseline_text", json!("11人（H29年度～現時点）")),
        ("current", json!(13)),
        ("current_text", json!("13人")),
        ("target", json!(16)),
        ("target_text", json!("16人以上")),
        ("progress_pct", json!(40.0)),
        ("achieved", json!(false)),
    ] {
        assert_eq!(ind[k], v, "{k}");
    }
    // A bare number has no `_text`.
    let bare = one("baseline = 11\ncurrent = 11\ntarget = 3");
    for k in ["baseline_text", "current_text", "target_text"] {
        assert!(bare.get(k).is_none(), "{k}: {bare}");
    }
    // compare's indicator rows carry the same keys.
    let out = Test::new()
        .file("regions/a.toml", OFFICIALS_SHEET)
        .args(&["compare", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let row = &out.json()["indicators"][0]["regions"]["南加賀"];
    assert_eq!(row["current"], 13);
    assert_eq!(row["current_text"], "13人");
    assert_eq!(row["target_text"], "16人以上");
}

/// Issue 17 points 2 and 4: people see what was written — dates with their
/// precision word (never the bare month, never a blank for 未定), values with
/// their unit and remark, the target as written.
#[test]
fn tables_show_dates_and_values_as_written() {
    let t = Test::new().file("regions/a.toml", OFFICIALS_SHEET);
    let table = t.sheet(&["progress", "--width", "120"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let md = t.sheet(&["progress", "--format", "markdown"]);
    for out in [&table.stdout, &md.stdout] {
        for s in [
            "2025年10月15日",
            "2025年11月中旬",
            "元の予定：2025年10月末",
            "| 未定 ",
            "2025年度末",
            "11人（H29年度～現時点）",
            "13人 ",
            "16の81%",
            "16人以上",
            "40%",
        ] {
            assert!(out.contains(s), "{s}:\n{out}");
        }
        assert!(!out.contains("| 2025年11月 "), "{out}");
    }
    let en = t.sheet(&["--lang", "en", "progress", "--width", "120"]);
    for s in ["2025-11 (mid)", "not fixed (未定)", "end of FY2025"] {
        assert!(en.stdout.contains(s), "{s}:\n{}", en.stdout);
    }
}

/// Issue 17 point 10: with `--region` naming a sheet that has errors, `progress`
/// said twice that it was left out (once per file, once as the failure).
#[test]
fn a_named_region_with_errors_is_said_to_be_left_out_once() {
    let t = Test::with_regions();
    t.edit(
        "regions/minami-kaga.toml",
        "theme       =",
        "bogus = 1\ntheme       =",
    );
    let out = t.sheet(&["progress", "--region", "南加賀"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("unknown-key"), "{}", out.stderr);
    assert_eq!(
        out.stderr.matches("minami-kaga.toml にはエラー").count(),
        1,
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("除外しました"), "{}", out.stderr);
    // Without --region the run goes on and says once which file was left out.
    let out = t.sheet(&["progress"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.matches("除外しました").count(),
        1,
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("能登中部"));
}

/// A sheet just started with `new --from`: the baseline meets the target and the
/// current value is blank. The table said 判定できず and 当初から達成 side by side.
#[test]
fn a_blank_current_value_is_not_called_met_at_baseline() {
    let rest = indicator("地域移行数", "unit = \"人\"\nbaseline = 11\ntarget = 3");
    let out = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "テスト", "平成30年度", &rest),
        )
        .args(&["progress", "--width", "100"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let row = out
        .stdout
        .lines()
        .find(|l| l.contains("地域移行数"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(row.contains("判定できず"), "{row}");
    assert!(!row.contains("当初から達成"), "{row}");
    // With a current value, it is said again.
    let rest = indicator(
        "地域移行数",
        "unit = \"人\"\nbaseline = 11\ncurrent = 12\ntarget = 3",
    );
    let out = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "テスト", "平成30年度", &rest),
        )
        .args(&["progress", "--width", "100"])
        .run();
    assert!(out.stdout.contains("当初から達成"), "{}", out.stdout);
}

/// `--out` into a folder that does not exist names the folder, not the OS error
/// about the hidden temporary file made there.
#[test]
fn out_into_a_missing_folder_names_the_folder() {
    let t = Test::with_regions();
    for args in [
        &["progress", "--format", "markdown", "--out", "nodir/p.md"][..],
        &[
            "render",
            "--region",
            "南加賀",
            "--format",
            "html",
            "--out",
            "nodir/x.html",
        ],
    ] {
        let out = t.sheet(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(
            out.stderr
                .contains("nodir: ファイルまたはフォルダがありません"),
            "{args:?}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains(".sheet-"), "{}", out.stderr);
    }
}

/// An unknown region where no sheet could be read says so, rather than ending in
/// an empty list of the regions there are.
#[test]
fn an_unknown_region_among_no_readable_sheet_says_so() {
    let t = Test::new().file("s/bad.toml", "format = 1\n[sheet]\nx =\n");
    for (lang, said) in [
        (
            "ja",
            "圏域「nope」はありません（読み込めたシートがありません）",
        ),
        ("en", "unknown region \"nope\": no sheet could be read"),
    ] {
        let out = t.sheet(&["--lang", lang, "progress", "--region", "nope", "s/bad.toml"]);
        assert_eq!(out.code, 2);
        assert!(out.stderr.contains(said), "{}", out.stderr);
    }
}
