//! `sheet compare`: JSON pinned against SPEC §4.1, labels, themes, questions, formats.

use serde_json::{json, Value};

use crate::common::Test;
use crate::progress::{indicator, sheet};

fn compare_json(t: Test) -> Value {
    let out = t.args(&["compare", "--format", "json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

#[test]
fn json_of_the_bundled_regions() {
    let j = compare_json(Test::with_regions());
    assert_eq!(j["as_of"], Value::Null);
    let regions = j["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 3);
    let mk = &regions[1];
    assert_eq!(mk["label"], "南加賀");
    assert_eq!(mk["prefecture"], "石川県");
    assert_eq!(mk["region"], "南加賀");
    assert_eq!(mk["goals"], 2);
    assert_eq!(
        mk["progress"],
        json!({"done": 1, "planned": 1, "in_progress": 0, "postponed": 0,
               "cancelled": 0, "note": 1, "overdue": 0})
    );
    assert_eq!(mk["challenges"], 2);
    assert_eq!(
        mk["views"],
        json!({"administration": {"filled": 1, "empty": 1},
               "medical": {"filled": 2, "empty": 0},
               "providers": {"filled": 1, "empty": 1},
               "community": {"filled": 2, "empty": 0}})
    );
    assert_eq!(
        mk["indicators"],
        json!({"total": 1, "numeric": 1, "achieved": 1, "undetermined": 0})
    );
    assert_eq!(mk["concerns"], 3);
    assert_eq!(mk["questions"], 3);

    let chuo = &regions[0];
    assert_eq!(chuo["label"], "石川中央");
    assert_eq!(
        chuo["progress"],
        json!({"done": 2, "planned": 1, "in_progress": 1, "postponed": 0,
               "cancelled": 0, "note": 0, "overdue": 0})
    );
    assert_eq!(
        chuo["indicators"],
        json!({"total": 1, "numeric": 0, "achieved": 0, "undetermined": 1})
    );
    assert_eq!(chuo["questions"], 0);
    let noto = &regions[2];
    assert_eq!(
        noto["views"]["administration"],
        json!({"filled": 0, "empty": 2})
    );
    assert_eq!(noto["views"]["community"], json!({"filled": 0, "empty": 2}));
    assert_eq!(noto["indicators"]["total"], 0);
}

#[test]
fn peer_support_shows_in_all_three_regions() {
    let j = compare_json(Test::with_regions());
    let themes = j["themes"].as_array().unwrap();
    let names: Vec<&str> = themes
        .iter()
        .map(|t| t["theme"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "ピアサポート",
            "病院連携",
            "人材不足",
            "制度周知",
            "地域格差",
            "介護連携",
            "協議の場",
            "普及啓発"
        ]
    );
    let peer = &themes[0]["regions"];
    for label in ["南加賀", "石川中央", "能登中部"] {
        assert!(peer[label].as_u64().unwrap() > 0, "{label}: {peer}");
    }
    // Map keys in the order of the sheets.
    let out = Test::with_regions()
        .args(&["compare", "--format", "json"])
        .run();
    let block = &out.stdout[out.stdout.find("\"ピアサポート\"").unwrap()..];
    let (a, b, c) = (
        block.find("\"石川中央\"").unwrap(),
        block.find("\"南加賀\"").unwrap(),
        block.find("\"能登中部\"").unwrap(),
    );
    assert!(a < b && b < c);
}

#[test]
fn questions_ask_the_regions_that_mention_their_themes() {
    let j = compare_json(Test::with_regions());
    let q = j["questions"].as_array().unwrap();
    assert_eq!(q.len(), 3);
    assert_eq!(q[0]["region"], "南加賀");
    assert_eq!(q[0]["label"], "南加賀");
    assert_eq!(q[0]["question"], "病院側との連携について");
    assert_eq!(q[0]["themes"], json!(["病院連携"]));
    assert_eq!(q[0]["ask"], json!(["石川中央", "能登中部"]));
    assert_eq!(q[1]["themes"], json!(["介護連携"]));
    assert_eq!(q[2]["themes"], json!(["協議の場"]));
}

#[test]
fn at_most_five_to_ask_most_mentions_first_ties_by_label() {
    let mut t = Test::new().file(
        "regions/0.toml",
        sheet(
            "石川県",
            "質問する",
            "2018",
            "questions = [\"病院との連携について\", \"天気\"]\n",
        ),
    );
    // Region i mentions hospitals in i strengths.
    let mentions = [
        ("か", 1),
        ("あ", 1),
        ("い", 3),
        ("う", 2),
        ("え", 4),
        ("お", 1),
        ("き", 0),
    ];
    for (i, (name, n)) in mentions.iter().enumerate() {
        let strengths: Vec<String> = (0..*n).map(|k| format!("\"病院 {k}\"")).collect();
        let rest = format!("strengths = [{}]\n", strengths.join(", "));
        t = t.file(
            &format!("regions/{}.toml", i + 1),
            sheet("石川県", name, "2018", &rest),
        );
    }
    let j = compare_json(t);
    let q = &j["questions"];
    assert_eq!(q[0]["ask"], json!(["え", "い", "う", "あ", "お"]));
    assert_eq!(
        q[0]["mentions"],
        json!({"え": 4, "い": 3, "う": 2, "あ": 1, "お": 1})
    );
    assert_eq!(q[1]["themes"], json!([]));
    assert_eq!(q[1]["ask"], json!([]));
}

/// A region's sheets of other years are not sent to answer its question, even
/// when they mention the theme most; five other regions still fill `ask`.
#[test]
fn a_region_is_not_asked_to_ask_its_own_other_years() {
    let names = ["あ", "い", "う", "え", "お", "か"];
    let mut t = Test::new().file(
        "regions/q.toml",
        sheet(
            "石川県",
            "南加賀",
            "2018",
            "questions = [\"病院との連携について\"]\n",
        ),
    );
    // Three later years of the asking region, mentioning hospitals most.
    for year in ["2019", "2020", "2021"] {
        t = t.file(
            &format!("regions/q{year}.toml"),
            sheet(
                "石川県",
                "南加賀",
                year,
                "strengths = [\"病院 1\", \"病院 2\", \"病院 3\"]\n",
            ),
        );
    }
    for (i, name) in names.iter().enumerate() {
        t = t.file(
            &format!("regions/{i}.toml"),
            sheet("石川県", name, "2018", "strengths = [\"病院\"]\n"),
        );
    }
    let j = compare_json(t);
    let q = &j["questions"][0];
    assert_eq!(q["ask"], json!(["あ", "い", "う", "え", "お"]), "{q}");
}

#[test]
fn a_region_asking_is_not_among_those_to_ask_and_the_next_one_takes_its_place() {
    // Every region asks about hospitals; region i mentions them in 6 - i strengths.
    let names = ["あ", "い", "う", "え", "お", "か", "き"];
    let mut t = Test::new();
    for (i, name) in names.iter().enumerate() {
        let strengths: Vec<String> = (0..6 - i).map(|k| format!("\"病院 {k}\"")).collect();
        let rest = format!(
            "strengths = [{}]\nquestions = [\"病院との連携について\"]\n",
            strengths.join(", ")
        );
        t = t.file(
            &format!("regions/{i}.toml"),
            sheet("石川県", name, "2018", &rest),
        );
    }
    let j = compare_json(t);
    let q = j["questions"].as_array().unwrap();
    assert_eq!(q.len(), names.len());
    let expected = |asker: usize| -> Vec<&str> {
        (0..6)
            .filter(|&i| i != asker)
            .take(5)
            .map(|i| names[i])
            .collect()
    };
    for (i, row) in q.iter().enumerate() {
        assert_eq!(row["label"], names[i]);
        assert_eq!(row["ask"], json!(expected(i)), "asked by {}", names[i]);
        // The order is `ask`'s; here each count.
        let mentions = row["mentions"].as_object().unwrap();
        assert_eq!(mentions.len(), 5);
        for label in expected(i) {
            let n = 6 - names.iter().position(|n| *n == label).unwrap();
            assert_eq!(mentions[label], n, "{label} asked by {}", names[i]);
        }
    }
}

#[test]
fn labels_are_prefixed_only_when_needed_and_mixing_is_said() {
    let t = Test::new()
        .file("regions/a.toml", sheet("石川県", "南加賀", "2018", ""))
        .file("regions/b.toml", sheet("富山県", "南加賀圏域", "2018", ""))
        .file("regions/c.toml", sheet("石川県", "能登中部", "2018", ""));
    let j = compare_json(t);
    let labels: Vec<&str> = j["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["石川県 南加賀", "富山県 南加賀圏域", "能登中部"]);
    assert_eq!(j["prefectures"], json!(["石川県", "富山県"]));
    assert_eq!(j["fiscal_years"], json!([2018]));
    assert_eq!(j["themes"][0]["regions"]["富山県 南加賀圏域"], 0);

    let t = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "南加賀", "平成30年度", ""),
        )
        .file(
            "regions/b.toml",
            sheet("石川県", "南加賀", "令和元年度", ""),
        );
    let j = compare_json(t);
    assert_eq!(j["regions"][0]["label"], "石川県 南加賀 2018");
    assert_eq!(j["regions"][1]["label"], "石川県 南加賀 2019");
    assert_eq!(j["fiscal_years"], json!([2018, 2019]));

    let table = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "南加賀", "平成30年度", ""),
        )
        .file(
            "regions/b.toml",
            sheet("富山県", "南加賀", "令和元年度", ""),
        )
        .args(&["compare"])
        .run();
    assert!(table.stdout.contains("異なる都道府県"), "{}", table.stdout);
    assert!(table.stdout.contains("異なる年度"), "{}", table.stdout);
    assert!(table.stdout.contains("令和元年度"), "{}", table.stdout);
    assert!(table.stdout.contains("(2019)）。"), "{}", table.stdout);
    let en = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "南加賀", "平成30年度", ""),
        )
        .file(
            "regions/b.toml",
            sheet("富山県", "南加賀", "令和元年度", ""),
        )
        .args(&["--lang", "en", "compare"])
        .run();
    assert!(en.stdout.contains("different prefectures"), "{}", en.stdout);
    assert!(
        en.stdout.contains("different fiscal years"),
        "{}",
        en.stdout
    );
}

#[test]
fn indicators_of_the_same_name_share_a_row() {
    let t = Test::new()
        .file(
            "regions/a.toml",
            sheet(
                "石川県",
                "あ",
                "2018",
                &indicator("地域移行数", "baseline = 1\ncurrent = 2\ntarget = 3"),
            ),
        )
        .file(
            "regions/b.toml",
            sheet(
                "石川県",
                "い",
                "2018",
                &indicator("地域 移行数", "baseline = 5\ncurrent = 5\ntarget = 5"),
            ),
        )
        .file(
            "regions/c.toml",
            sheet(
                "石川県",
                "う",
                "2018",
                &indicator("ピア登録数", "current = 2\ntarget = \"未定\""),
            ),
        );
    let j = compare_json(t);
    let rows = j["indicators"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["name"], "地域移行数");
    assert_eq!(rows[0]["regions"]["あ"]["progress_pct"], 50.0);
    assert_eq!(rows[0]["regions"]["い"]["achieved"], true);
    assert_eq!(rows[1]["name"], "ピア登録数");
    assert_eq!(rows[1]["regions"]["う"]["undetermined"], true);
    assert_eq!(j["regions"][2]["indicators"]["undetermined"], 1);
}

#[test]
fn overdue_is_counted_at_as_of() {
    let out = Test::with_regions()
        .args(&["compare", "--as-of", "2018-11-03", "--format", "json"])
        .run();
    let j = out.json();
    assert_eq!(j["as_of"], "2018-11-03");
    assert_eq!(j["regions"][1]["progress"]["overdue"], 1);
    assert_eq!(j["regions"][2]["progress"]["overdue"], 1);
    assert_eq!(j["regions"][0]["progress"]["overdue"], 0);
    assert_eq!(j["regions"][0]["as_of"], "2018-11-03");
}

#[test]
fn themes_toml_beside_the_sheets_replaces_the_glossary() {
    let t = Test::with_regions().file(
        "regions/themes.toml",
        "[themes]\n\"ピア\" = [\"ピアサポーター\"]\nhospital = [\"病院\"]\n",
    );
    let j = compare_json(t);
    let themes = j["themes"].as_array().unwrap();
    assert_eq!(themes.len(), 2);
    assert_eq!(themes[0]["theme"], "ピア");
    assert_eq!(themes[1]["theme"], "hospital");
    assert_eq!(j["themes_file"], "regions/themes.toml");
    assert_eq!(j["questions"][0]["themes"], json!(["hospital"]));
    // themes.toml is not a sheet.
    assert_eq!(j["regions"].as_array().unwrap().len(), 3);
}

#[test]
fn a_broken_themes_toml_is_exit_2_with_a_clear_message() {
    let cases = [
        (
            "[themes]\nピアサポート = [\"ピアサポ\"]\n",
            "引用符で囲んでください",
        ),
        ("[themes]\n\"a\" = \"b\"\n", "文字列）の配列"),
        ("[thmes]\n\"a\" = [\"b\"]\n", "知らないキー \"thmes\""),
        ("[themes]\n\"a\" = []\n", "キーワードがありません"),
    ];
    for (text, said) in cases {
        let out = Test::with_regions()
            .file("regions/themes.toml", text)
            .args(&["compare"])
            .run();
        assert_eq!(out.code, 2, "{text}");
        assert!(out.stdout.is_empty(), "{text}");
        assert!(out.stderr.contains("themes.toml"), "{}", out.stderr);
        assert!(out.stderr.contains(said), "{said}: {}", out.stderr);
    }
    let out = Test::with_regions()
        .file("regions/themes.toml", "[themes]\nピア = [\"ピア\"]\n")
        .args(&["--lang", "en", "compare"])
        .run();
    assert!(out.stderr.contains("line 2, column 1"), "{}", out.stderr);
    assert!(out.stderr.contains("in quotes"), "{}", out.stderr);
}

#[test]
fn theme_matching_is_nfkc() {
    let t = Test::new().file(
        "regions/a.toml",
        sheet(
            "石川県",
            "あ",
            "2018",
            "strengths = [\"ﾋﾟｱｻﾎﾟｰﾀｰが多い\", \"ﾏﾝﾊﾟﾜｰ不足\"]\n",
        ),
    );
    let j = compare_json(t);
    assert_eq!(j["themes"][0]["regions"]["あ"], 1);
    assert_eq!(j["themes"][2]["regions"]["あ"], 1);
}

#[test]
fn every_csv_record_of_a_region_opens_with_its_fields_made_safe() {
    // A region whose name a spreadsheet would take for a formula.
    let rest = "strengths = [\"病院と連携\"]\nquestions = [\"病院との連携について\"]\n\
                [[indicators]]\nname = \"地域移行数\"\nbaseline = 1\ncurrent = 2\ntarget = 3\n";
    let t = Test::new()
        .file("regions/a.toml", sheet("石川県", "+加賀", "2018", rest))
        .file("regions/b.toml", sheet("石川県", "能登", "2018", rest));
    let out = t.args(&["compare", "--format", "csv"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records: Vec<&str> = out.stdout.lines().filter(|l| l.contains("加賀")).collect();
    for section in ["overview", "indicator", "theme", "question"] {
        assert!(
            records.iter().any(|r| r.contains(&format!(",{section},"))),
            "no {section} record:\n{}",
            out.stdout
        );
    }
    for record in &records {
        if record.contains(",ask,") {
            // Asked by the other region: the value names 加賀, the record is 能登's.
            continue;
        }
        assert!(record.starts_with("'+加賀,石川県,'+加賀,2018,"), "{record}");
    }
}

#[test]
fn csv_is_tidy() {
    let out = Test::with_regions()
        .args(&["compare", "--format", "csv"])
        .run();
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("label,prefecture,region,fiscal_year,section,item,field,value")
    );
    for row in [
        "南加賀,石川県,南加賀,2018,views,providers,empty,1",
        "能登中部,石川県,能登中部,2018,theme,ピアサポート,mentions,1",
        "南加賀,石川県,南加賀,2018,question,病院側との連携について,ask,石川中央",
        // SPEC §3 (revision 2): the baseline already meets the target, no ratio.
        "南加賀,石川県,南加賀,2018,indicator,地域移行数,progress_pct,",
    ] {
        assert!(
            out.stdout.contains(&format!("{row}\n")),
            "{row}\n{}",
            out.stdout
        );
    }
}

#[test]
fn the_table_fits_80_columns_and_names_the_gaps() {
    let out = Test::with_regions().args(&["compare"]).run();
    assert_eq!(out.code, 0);
    for line in out.stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    for s in [
        "視点別の空欄",
        "関係機関・住民等",
        "ピアサポート",
        "石川中央（6）",
    ] {
        assert!(out.stdout.contains(s), "{s}\n{}", out.stdout);
    }
}

#[test]
fn many_regions_continue_below() {
    let mut t = Test::new();
    for i in 0..9 {
        t = t.file(
            &format!("regions/{i}.toml"),
            sheet("石川県", &format!("圏域その{i}"), "2018", ""),
        );
    }
    let out = t.args(&["compare"]).run();
    for line in out.stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    // The overview is split into several tables, each with every figure.
    assert!(
        out.stdout.matches("進捗: 期限超過").count() >= 2,
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("圏域その8"));
}

/// With more regions than fit side by side, the indicators show every region's
/// cells (a version of the renderer that split the regions into groups looked the
/// later groups' regions up from the first entry and showed none).
#[test]
fn indicators_continue_below_with_every_region() {
    let mut t = Test::new();
    for i in 0..9 {
        let target = format!("baseline = 1\ncurrent = 2\ntarget = {}", 10 + i);
        t = t.file(
            &format!("regions/{i}.toml"),
            sheet(
                "石川県",
                &format!("圏域その{i}"),
                "2018",
                &indicator("地域移行数", &target),
            ),
        );
    }
    let out = t.args(&["compare"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let section = out
        .stdout
        .split("【指標の比較】")
        .nth(1)
        .unwrap_or_default();
    let section = section.split("【テーマ】").next().unwrap_or_default();
    for i in 0..9 {
        let row = section
            .lines()
            .find(|l| l.contains(&format!("圏域その{i} ")))
            .unwrap_or_else(|| panic!("圏域その{i}:\n{section}"));
        // The target as written (SPEC §3): `10`, not `10以上`.
        assert!(row.contains(&format!(" {} |", 10 + i)), "{row}");
    }
}

#[test]
fn generated_text_has_no_ambiguous_width_characters() {
    for args in [
        vec!["compare"],
        vec!["--lang", "en", "compare"],
        vec!["progress"],
        vec!["--lang", "en", "progress"],
        vec!["compare", "--format", "markdown"],
    ] {
        let out = Test::with_regions().args(&args).run();
        // An empty or failed run must not pass for a clean one.
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        for region in ["南加賀", "石川中央", "能登中部"] {
            assert!(out.stdout.contains(region), "{args:?}: {}", out.stdout);
        }
        let bad: Vec<char> = out
            .stdout
            .chars()
            .filter(|c| {
                use unicode_width::UnicodeWidthChar;
                c.width() != c.width_cjk()
            })
            .collect();
        assert!(bad.is_empty(), "{args:?}: {bad:?}");
    }
}

#[test]
fn snapshot_table_ja() {
    let out = Test::with_regions().args(&["compare"]).run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_table_en() {
    let out = Test::with_regions()
        .args(&["--lang", "en", "compare"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_table_unicode_borders() {
    let out = Test::with_regions()
        .args(&["compare", "--border", "unicode", "--width", "100"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_markdown() {
    let out = Test::with_regions()
        .args(&["compare", "--format", "markdown"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_csv() {
    let out = Test::with_regions()
        .args(&["compare", "--format", "csv"])
        .run();
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn snapshot_json() {
    let out = Test::with_regions()
        .args(&["compare", "--format", "json"])
        .run();
    insta::assert_json_snapshot!(out.json());
}

/// Where regions count an indicator in different units, each value shows its unit
/// once: a bare number gets the indicator's, one written with its unit keeps it
/// (`13件`, not `13件件`).
#[test]
fn values_in_different_units_show_their_unit_once() {
    let a = indicator(
        "地域移行数",
        "unit = \"人\"\nbaseline = 11\ncurrent = 12\ntarget = 3",
    );
    let b = indicator(
        "地域移行数",
        "unit = \"件\"\nbaseline = 11\ncurrent = \"13件\"\ntarget = \"16件以上\"",
    );
    let out = Test::new()
        .file("regions/a.toml", sheet("石川県", "甲", "2018", &a))
        .file("regions/b.toml", sheet("石川県", "乙", "2018", &b))
        .args(&["compare", "--width", "120"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let block = &out.stdout[out.stdout.find("＜地域移行数＞").expect("the indicator")..];
    let row = |name: &str| {
        block
            .lines()
            .find(|l| l.starts_with(&format!("| {name}")))
            .unwrap_or_else(|| panic!("{}", out.stdout))
            .to_string()
    };
    let (a, b) = (row("甲"), row("乙"));
    assert!(a.contains("12人") && a.contains("3人"), "{a}");
    assert!(b.contains("13件") && !b.contains("件件"), "{b}");
    assert!(b.contains("16件以上"), "{b}");
}
