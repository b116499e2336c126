//! Issue 17, "Sheets as officials really write them": values, dates, statuses and
//! syntax as officials type them are read, never silently misread, and every
//! rejection says what to type instead (SPEC revision 2 §1.3–1.5, §2, §3).

use serde_json::{json, Value};

use crate::common::{Output, Test};

/// A clean sheet (no finding) whose indicator table is replaced by `indicator`.
fn sheet_with_indicator(indicator: &str) -> String {
    format!(
        "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト圏域\"\nfiscal_year = \"平成30年度\"\nas_of = 2018-09-30\n\n\
         [[goals]]\ntext = \"地域移行支援を推進する。\"\n\n  [[goals.progress]]\n  text = \"第1回地域連絡会\"\n  date = \"8/9\"\n  status = \"done\"\n\n\
         [[challenges]]\ntext = \"課題\"\n\n  [challenges.views]\n  administration = \"a\"\n  medical = \"b\"\n  providers = \"c\"\n  community = \"d\"\n\n\
         [[indicators]]\nname = \"地域移行数\"\n{indicator}\n"
    )
}

/// The line (1-based) of the sheet's text holding `needle`, and its column.
fn position_of(text: &str, needle: &str) -> (u64, u64) {
    for (i, line) in text.lines().enumerate() {
        if let Some(at) = line.find(needle) {
            return (i as u64 + 1, line[..at].chars().count() as u64 + 1);
        }
    }
    panic!("{needle:?} not in the sheet");
}

fn validate(text: &str, lang: &str) -> Output {
    Test::new()
        .file("regions/s.toml", text)
        .args(&["--lang", lang, "validate", "--format", "json"])
        .run()
}

fn diagnostics(out: &Output) -> Vec<Value> {
    out.json()["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The codes found, with their positions.
fn codes(out: &Output) -> Vec<(String, u64, u64)> {
    diagnostics(out)
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn progress_indicator(text: &str) -> Value {
    let out = Test::new()
        .file("regions/s.toml", text)
        .args(&["progress", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()["regions"][0]["indicators"][0].clone()
}

// ------------------------------------------------------------------ §1.5 values

#[test]
fn numbers_written_as_text_are_numbers_with_a_warning() {
    for (field, written, number, unit) in [
        ("current", "13人", json!(13), "人"),
        ("current", "１１人", json!(11), "人"),
        ("target", "16人以上", json!(16), "人"),
        ("current", "20%", json!(20), "%"),
        ("current", "1,234件", json!(1234), "件"),
        ("current", "約15人", json!(15), "人"),
        ("baseline", "11人（H29年度～現時点）", json!(11), "人"),
        ("current", "2.5％", json!(2.5), "%"),
    ] {
        let mut values = [
            ("baseline", "1".to_string()),
            ("current", "2".to_string()),
            ("target", "5000".to_string()),
        ];
        for v in values.iter_mut().filter(|(k, _)| *k == field) {
            v.1 = format!("\"{written}\"");
        }
        let body: Vec<String> = values.iter().map(|(k, v)| format!("{k} = {v}")).collect();
        let text = sheet_with_indicator(&body.join("\n"));
        let out = validate(&text, "ja");
        assert_eq!(out.code, 0, "{written}: {}", out.stdout);
        let (line, col) = position_of(&text, &format!("\"{written}\""));
        assert_eq!(
            codes(&out),
            vec![("number-as-text".to_string(), line, col)],
            "{written}"
        );
        let d = &diagnostics(&out)[0];
        let help = d["help"].as_str().unwrap_or("");
        assert!(
            help.contains(&format!("unit = \"{unit}\"")),
            "{written}: {help}"
        );
        let i = progress_indicator(&text);
        assert_eq!(i[field], number, "{written}: {i:#}");
        assert_eq!(
            i["unit"], unit,
            "{written}: the value's unit becomes the indicator's"
        );
        assert_eq!(i["numeric"], true, "{written}");
        assert_eq!(i["achieved"], false, "{written}");
    }
}

#[test]
fn the_written_form_says_how_to_write_it() {
    let text =
        sheet_with_indicator("baseline = 10\ncurrent = \"11人（H29年度～現時点）\"\ntarget = 16");
    let out = validate(&text, "ja");
    let d = &diagnostics(&out)[0];
    assert_eq!(
        d["message"],
        "current = \"11人（H29年度～現時点）\" を数値 11（単位 人、注記「H29年度～現時点」）として読みました"
    );
    assert_eq!(
        d["help"],
        "current = 11 と書きます。単位は指標に unit = \"人\" と書きます。「約」や括弧内の注記は reason に書きます"
    );
    let out = validate(&text, "en");
    let d = &diagnostics(&out)[0];
    assert_eq!(
        d["message"],
        "read current = \"11人（H29年度～現時点）\" as the number 11 (unit 人, remark \"H29年度～現時点\")"
    );
}

#[test]
fn a_unit_that_differs_is_an_error() {
    // From the indicator's unit.
    let text = sheet_with_indicator("unit = \"人\"\nbaseline = 1\ncurrent = \"20%\"\ntarget = 5");
    let out = validate(&text, "ja");
    assert_eq!(out.code, 1);
    let (line, col) = position_of(&text, "\"20%\"");
    assert_eq!(codes(&out), vec![("unit-mismatch".to_string(), line, col)]);
    // Between two values, when the indicator has none.
    let text = sheet_with_indicator("baseline = \"10人\"\ncurrent = \"12件\"\ntarget = 5");
    let out = validate(&text, "ja");
    assert_eq!(out.code, 1);
    let (line, col) = position_of(&text, "\"12件\"");
    assert!(
        codes(&out).contains(&("unit-mismatch".to_string(), line, col)),
        "{:?}",
        codes(&out)
    );
    let d = diagnostics(&out)
        .into_iter()
        .find(|d| d["code"] == "unit-mismatch")
        .unwrap_or_default();
    assert!(
        d["message"]
            .as_str()
            .unwrap_or("")
            .contains("baseline = \"10人\""),
        "{d}"
    );
    // The same unit written both ways is no error.
    let text = sheet_with_indicator("unit = \"％\"\nbaseline = 1\ncurrent = \"2%\"\ntarget = 5");
    assert_eq!(validate(&text, "ja").code, 0);
}

#[test]
fn digits_that_are_not_a_number_are_flagged_as_not_computed() {
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = \"年3回開催\"");
    let out = validate(&text, "ja");
    assert_eq!(out.code, 0);
    let (line, col) = position_of(&text, "\"年3回開催\"");
    assert_eq!(
        codes(&out),
        vec![("qualitative-number".to_string(), line, col)]
    );
    assert!(diagnostics(&out)[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("計算しません"));
    let out = validate(&text, "en");
    assert!(diagnostics(&out)[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("not computed"));
    // Text without digits: no warning; the target is qualitative.
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = \"協議の場の設置\"");
    assert!(codes(&validate(&text, "ja")).is_empty());
}

#[test]
fn undetermined_words_are_undetermined() {
    for w in ["未定", "未設定", "-", "－", "―"] {
        let text = sheet_with_indicator(&format!("baseline = 1\ncurrent = 2\ntarget = \"{w}\""));
        let out = validate(&text, "ja");
        let found: Vec<String> = codes(&out).into_iter().map(|(c, _, _)| c).collect();
        assert_eq!(found, ["undetermined"], "{w}");
        assert_eq!(progress_indicator(&text)["undetermined"], true, "{w}");
    }
}

/// One value never draws two warnings for how it is written.
#[test]
fn fullwidth_number_and_number_as_text_never_both() {
    for (written, code) in [
        ("１１", "fullwidth-number"),
        ("１１人", "number-as-text"),
        ("11", "number-as-text"),
    ] {
        let text = sheet_with_indicator(&format!(
            "unit = \"人\"\nbaseline = 1\ncurrent = \"{written}\"\ntarget = 50"
        ));
        let found: Vec<String> = codes(&validate(&text, "ja"))
            .into_iter()
            .map(|(c, _, _)| c)
            .collect();
        assert_eq!(found, [code], "{written}");
        assert_eq!(progress_indicator(&text)["current"], 11, "{written}");
    }
    // SPEC §3's bound form draws nothing.
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = \"316以上\"");
    assert!(codes(&validate(&text, "ja")).is_empty());
}

#[test]
fn the_bundled_regions_read_exactly_as_before() {
    let out = Test::with_regions()
        .args(&["validate", "--format", "json"])
        .run();
    assert_eq!(out.code, 0);
    let json = out.json();
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 11);
    for d in diagnostics(&out) {
        for code in [
            "number-as-text",
            "qualitative-number",
            "unit-mismatch",
            "no-goals",
            "no-challenges",
        ] {
            assert_ne!(d["code"], code, "{d}");
        }
    }
    let out = Test::with_regions()
        .args(&["progress", "--format", "json"])
        .run();
    let regions = out.json()["regions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mk = regions
        .iter()
        .find(|r| r["region"] == "南加賀")
        .cloned()
        .unwrap_or_default();
    let i = &mk["indicators"][0];
    assert_eq!(
        (&i["baseline"], &i["current"], &i["target"]),
        (&json!(11), &json!(11), &json!(3))
    );
}

// ------------------------------------------------------------------ §3

/// Issue 17: 11 → 13 against a target of 3 showed "進捗 -25%".
#[test]
fn progress_is_null_when_the_baseline_already_meets_the_target() {
    let text = sheet_with_indicator("unit = \"人\"\nbaseline = 11\ncurrent = 13\ntarget = 3");
    let i = progress_indicator(&text);
    assert_eq!(i["progress_pct"], Value::Null);
    assert_eq!(i["target_already_met"], true);
    assert_eq!(i["achieved"], true);
    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["progress"])
        .run();
    assert!(!out.stdout.contains("-25%"), "{}", out.stdout);
    assert!(out.stdout.contains("当初から達成"), "{}", out.stdout);
}

// ------------------------------------------------------------------ §1.4 statuses

#[test]
fn every_status_word_of_the_table_is_accepted() {
    let table = [
        (
            "done",
            &[
                "done",
                "Done",
                "ＤＯＮＥ",
                " 完了 ",
                "実施",
                "実施済",
                "実施済み",
                "済",
                "済み",
                "完了",
                "終了",
                "開催",
                "開催済",
                "開催済み",
            ][..],
        ),
        (
            "planned",
            &[
                "planned",
                "Planned",
                "予定",
                "実施予定",
                "開催予定",
                "未実施",
            ][..],
        ),
        (
            "in_progress",
            &[
                "in_progress",
                "IN_PROGRESS",
                "実施中",
                "進行中",
                "準備中",
                "調整中",
                "検討中",
                "継続",
                "継続中",
            ][..],
        ),
        ("postponed", &["postponed", "延期"][..]),
        (
            "cancelled",
            &["cancelled", "中止", "取りやめ", "取り止め", "取止め"][..],
        ),
    ];
    let mut items = String::new();
    let mut expected = Vec::new();
    for (status, words) in table {
        for w in words {
            items.push_str(&format!(
                "\n  [[goals.progress]]\n  text = \"{w}\"\n  date = \"4/1\"\n  status = \"{w}\"\n"
            ));
            expected.push(status);
        }
    }
    let text = format!(
        "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト\"\nfiscal_year = 2018\nas_of = 2018-06-30\n\n[[goals]]\ntext = \"目標\"\n{items}"
    );
    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["validate", "--format", "json"])
        .run();
    assert!(
        !codes(&out).iter().any(|(c, _, _)| c == "bad-status"),
        "{:?}",
        codes(&out)
    );
    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["progress", "--format", "json"])
        .run();
    let got: Vec<String> = out.json()["regions"][0]["goals"][0]["progress"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| p["status"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_word_not_in_the_table_lists_the_accepted_ones() {
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = 5")
        .replace("status = \"done\"", "status = \"保留\"");
    let out = validate(&text, "ja");
    let d = &diagnostics(&out)[0];
    assert_eq!(d["code"], "bad-status");
    let help = d["help"].as_str().unwrap_or("");
    for w in [
        "実施済み",
        "完了",
        "済み",
        "終了",
        "開催済み",
        "未実施",
        "調整中",
        "検討中",
        "継続",
        "取りやめ",
    ] {
        assert!(help.contains(w), "{w}: {help}");
    }
}

// ------------------------------------------------------------------ §1.3 dates

fn sheet_with_dates(dates: &[(&str, &str)]) -> String {
    let mut items = String::new();
    for (date, status) in dates {
        items.push_str(&format!(
            "\n  [[goals.progress]]\n  text = \"{date}\"\n  date = \"{date}\"\n  status = \"{status}\"\n"
        ));
    }
    let indicator = "[[indicators]]\nname = \"x\"\nbaseline = 1\ncurrent = 2\ntarget = 3\n";
    let challenge = "[[challenges]]\ntext = \"課題\"\n  [challenges.views]\n  administration = \"a\"\n  medical = \"b\"\n  providers = \"c\"\n  community = \"d\"\n";
    format!(
        "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト\"\nfiscal_year = 2018\nas_of = 2018-12-31\n\n{indicator}\n{challenge}\n[[goals]]\ntext = \"目標\"\n{items}"
    )
}

#[test]
fn dates_officials_write_are_read_with_their_precision_word() {
    let dates = [
        ("10月15日(火)", "done"),
        ("10/15（月）", "done"),
        ("2018/10/15(月)", "done"),
        ("10月末", "done"),
        ("10月頃", "planned"),
        ("10月ごろ", "planned"),
        ("11月中旬", "planned"),
        ("上半期", "done"),
        ("下半期", "planned"),
        ("年度内", "planned"),
        ("未定", "planned"),
    ];
    let text = sheet_with_dates(&dates);
    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["validate", "--format", "json"])
        .run();
    // 15 October 2018 was a Monday: only the (火) is wrong; 未定 is no error.
    let (line, col) = position_of(&text, "date = \"10月15日(火)\"");
    assert_eq!(
        codes(&out),
        vec![
            ("weekday-mismatch".to_string(), line, col + 7),
            // Planned for October, judged at 31 December.
            (
                "overdue".to_string(),
                position_of(&text, "date = \"10月頃\"").0,
                col + 7
            ),
            (
                "overdue".to_string(),
                position_of(&text, "date = \"10月ごろ\"").0,
                col + 7
            ),
            (
                "overdue".to_string(),
                position_of(&text, "date = \"11月中旬\"").0,
                col + 7
            ),
        ],
        "{}",
        out.stdout
    );
    let d = &diagnostics(&out)[0];
    assert_eq!(
        d["message"],
        "\"10月15日(火)\" の曜日（火）が違います: 2018年10月15日 は月曜日です"
    );
    // Messages keep the precision word.
    assert_eq!(
        diagnostics(&out)[3]["message"],
        "予定（planned）の日付 2018年11月中旬 が時点 2018-12-31 を過ぎています"
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap_or("")
            .contains("\"10月15日(月)\""),
        "{d}"
    );

    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["progress", "--format", "json"])
        .run();
    let items = out.json()["regions"][0]["goals"][0]["progress"].clone();
    let dates_read: Vec<Value> = items
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| p["date"].clone())
        .collect();
    assert_eq!(
        dates_read,
        [
            json!("2018-10-15"),
            json!("2018-10-15"),
            json!("2018-10-15"),
            json!("2018-10"),
            json!("2018-10"),
            json!("2018-10"),
            json!("2018-11"),
            json!("2018-09"),
            json!("2019-03"),
            json!("2019-03"),
            Value::Null,
        ]
    );
    // 未定 is not overdue.
    assert_eq!(items[10]["overdue"], false);
    // The precision word is kept in what people read.
    let out = Test::new()
        .file("regions/s.toml", &text)
        .args(&["progress"])
        .run();
    for shown in [
        "2018年11月中旬",
        "2018年10月末",
        "2018年10月頃",
        "2018年度上半期",
        "2018年度下半期",
        "2018年度内",
    ] {
        assert!(out.stdout.contains(shown), "{shown}:\n{}", out.stdout);
    }
}

// ------------------------------------------------------------------ §2 syntax

/// Each typing mistake: its hint, at the offending character, in the output
/// language, never the parser's English alone.
#[test]
fn syntax_errors_from_typing_in_japanese_have_a_hint_at_their_place() {
    let head = "[sheet]\nprefecture = \"石川県\"\n";
    let cases: [(&str, &str, &str, &str); 9] = [
        (
            "region ＝ \"南加賀\"\n",
            "＝",
            "半角の = に直してください",
            "type the ASCII = instead",
        ),
        (
            "strengths = [\"a\"，\"b\"]\n",
            "，",
            "半角の , に直してください",
            "type the ASCII , instead",
        ),
        (
            "region = ＂南加賀＂\n",
            "＂",
            "半角の \" に直してください",
            "type the ASCII \" instead",
        ),
        (
            "[[goals］］\n",
            "］",
            "半角の ] に直してください",
            "type the ASCII ] instead",
        ),
        (
            "region = “南加賀”\n",
            "“",
            "region = \"南加賀\"",
            "region = \"南加賀\"",
        ),
        (
            "region = 「南加賀」\n",
            "「",
            "region = \"南加賀\"",
            "region = \"南加賀\"",
        ),
        (
            "fiscal_year = 平成30年度\n",
            "平成",
            "fiscal_year = \"平成30年度\"",
            "fiscal_year = \"平成30年度\"",
        ),
        (
            "\u{3000}region = \"南加賀\"\n",
            "\u{3000}",
            "全角スペースを消す",
            "delete the full-width space",
        ),
        (
            "region = \"南加賀\"\nregion = \"能登中部\"\n",
            "region = \"能登",
            "一つの見出しの下に同じキーは一度しか書けません",
            "a key can be set once per table",
        ),
    ];
    for (body, at, help_ja, help_en) in cases {
        let text = format!("{head}{body}");
        let (line, col) = position_of(&text, at);
        for (lang, help) in [("ja", help_ja), ("en", help_en)] {
            let out = validate(&text, lang);
            assert_eq!(out.code, 1, "{body}");
            assert_eq!(
                codes(&out),
                vec![("syntax".to_string(), line, col)],
                "{lang} {body:?}"
            );
            let d = &diagnostics(&out)[0];
            let message = d["message"].as_str().unwrap_or("");
            assert!(!message.contains("expected"), "{lang} {body:?}: {message}");
            assert!(
                d["help"].as_str().unwrap_or("").contains(help),
                "{lang} {body:?}: {d}"
            );
        }
    }
    // The first line of a repeated key is named.
    let out = validate(
        &format!("{head}region = \"南加賀\"\nregion = \"能登中部\"\n"),
        "ja",
    );
    assert_eq!(
        diagnostics(&out)[0]["message"],
        "キー `region` が二度書かれています（最初は 3 行目）"
    );
    let out = validate(
        "[sheet]\nregion = \"a\"\n\n[sheet]\nprefecture = \"b\"\n",
        "en",
    );
    assert_eq!(
        diagnostics(&out)[0]["message"],
        "the header [sheet] is written twice (first on line 1)"
    );
    assert_eq!((diagnostics(&out)[0]["line"].as_u64()), Some(4));
}

#[test]
fn other_syntax_errors_read_in_the_output_language() {
    for (text, ja, en) in [
        (
            "region = \"南加賀\n",
            "文字列を閉じる \" がありません",
            "the string has no closing \"",
        ),
        (
            "strengths = [\"a\" \"b\"]\n",
            "配列の要素の間にカンマ（,）がありません",
            "two items of the array have no comma between them",
        ),
        (
            "region = \"a\" \"b\"\n",
            "値の後に読めない文字があります",
            "unexpected text after the value",
        ),
        (
            "region = \n",
            "`region` の = の後に値がありません",
            "`region` has no value after =",
        ),
    ] {
        assert_eq!(
            diagnostics(&validate(text, "ja"))[0]["message"],
            ja,
            "{text:?}"
        );
        assert_eq!(
            diagnostics(&validate(text, "en"))[0]["message"],
            en,
            "{text:?}"
        );
    }
}

// ------------------------------------------------------------------ §2 checks

/// Issue 17: one misplaced `administration =` gave 1 error and 4 blank views.
#[test]
fn a_misplaced_view_key_is_one_error_not_also_four_blank_views() {
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = 5").replace(
        "text = \"課題\"\n\n  [challenges.views]\n  administration = \"a\"\n  medical = \"b\"\n  providers = \"c\"\n  community = \"d\"\n",
        "text = \"課題\"\nadministration = \"制度の周知を図る。\"\n",
    );
    let out = validate(&text, "ja");
    let (line, col) = position_of(&text, "administration");
    assert_eq!(codes(&out), vec![("unknown-key".to_string(), line, col)]);
    // A view of the wrong type: the type error only.
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = 5")
        .replace("medical = \"b\"", "medical = 3");
    let found: Vec<String> = codes(&validate(&text, "ja"))
        .into_iter()
        .map(|(c, _, _)| c)
        .collect();
    assert_eq!(found, ["type"]);
}

#[test]
fn a_sheet_with_no_goals_or_challenges_is_flagged() {
    let text = "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト\"\nfiscal_year = \"R6\"\nas_of = 2024-09-30\n\n[[indicators]]\nname = \"x\"\nbaseline = 1\ncurrent = 2\ntarget = 3\n";
    let found = codes(&validate(text, "ja"));
    assert_eq!(
        found,
        [
            ("no-goals".to_string(), 1, 1),
            ("no-challenges".to_string(), 1, 1)
        ]
    );
}

#[test]
fn hints_take_their_dates_from_the_sheets_fiscal_year() {
    // An R6 sheet: the no-as-of hint suggests a date of FY2024, not 2018.
    let text = "[sheet]\nprefecture = \"石川県\"\nregion = \"テスト\"\nfiscal_year = \"R6\"\n\n[[goals]]\ntext = \"目標\"\n  [[goals.progress]]\n  text = \"会議\"\n  date = \"11月32日\"\n";
    let out = validate(text, "ja");
    let help = |code: &str| {
        diagnostics(&out)
            .into_iter()
            .find(|d| d["code"] == code)
            .map(|d| d["help"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    assert!(
        help("no-as-of").contains("as_of = 2024-09-30"),
        "{}",
        help("no-as-of")
    );
    let bad_date = help("bad-date");
    assert!(
        bad_date.contains("2024-11-02") && bad_date.contains("\"R6.11.2\""),
        "{bad_date}"
    );
    // 15 October 2024 is a Tuesday: the example's weekday is right.
    assert!(bad_date.contains("\"10月15日(火)\""), "{bad_date}");
    assert!(bad_date.contains("\"未定\""), "{bad_date}");

    let text = text.replace(
        "fiscal_year = \"R6\"\n",
        "fiscal_year = \"R6\"\nas_of = 2018-09-30\n",
    );
    let out = validate(&text, "ja");
    let (line, col) = position_of(&text, "2018-09-30");
    assert!(
        codes(&out).contains(&("as-of-outside-fiscal-year".to_string(), line, col)),
        "{:?}",
        codes(&out)
    );
}

// ------------------------------------------------------------------ wording

#[test]
fn an_unknown_top_level_key_has_no_stray_space() {
    let out = validate(
        "foo = 1\n[sheet]\nprefecture = \"a\"\nregion = \"b\"\nfiscal_year = 2018\n",
        "ja",
    );
    let d = diagnostics(&out)
        .into_iter()
        .find(|d| d["code"] == "unknown-key")
        .unwrap_or_default();
    assert_eq!(
        d["message"],
        "ファイルの先頭（見出しの外）に `foo` というキーはありません"
    );
}

#[test]
fn a_bound_against_better_says_what_to_write() {
    let text = sheet_with_indicator(
        "better = \"lower\"\nbaseline = 400\ncurrent = 350\ntarget = \"316以上\"",
    );
    let out = validate(&text, "ja");
    let d = &diagnostics(&out)[0];
    assert_eq!(d["code"], "type");
    assert_eq!(
        d["help"],
        "目標値に合わせて better = \"higher\" にするか、better のとおりなら target = \"316以下\" と書いてください"
    );
}

/// An `as_of` that cannot be read is its error, not also "there is no as_of";
/// the hint shows the date without its time.
#[test]
fn an_unreadable_as_of_is_one_finding() {
    let text = sheet_with_indicator("baseline = 1\ncurrent = 2\ntarget = 5")
        .replace("as_of = 2018-09-30", "as_of = 2018-09-30T10:00:00");
    let out = validate(&text, "ja");
    let (line, col) = position_of(&text, "2018-09-30T");
    assert_eq!(codes(&out), vec![("type".to_string(), line, col)]);
    assert_eq!(
        diagnostics(&out)[0]["help"],
        "時刻を消して 2018-09-30 と書いてください"
    );
}

/// An unquoted word in an array: only the word gets quotes in the hint.
#[test]
fn an_unquoted_array_item_is_quoted_alone() {
    let text = "[sheet]\nstrengths = [\"連携\", 強み]\n";
    let out = validate(text, "ja");
    let (line, col) = position_of(text, "強み");
    assert_eq!(codes(&out), vec![("syntax".to_string(), line, col)]);
    assert_eq!(
        diagnostics(&out)[0]["help"],
        "文字列は半角の \" で囲みます: \"強み\""
    );
}
