//! The advisor's briefing (SPEC §5, issue 19): `compare`'s texts, timeline and
//! `shared`; its HTML page with charts; `history --format svg`; and the findings
//! of issue 19, each with a regression test named after it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::Test;
use crate::progress::{indicator, sheet};

fn compare_json(t: Test) -> Value {
    let out = t.args(&["compare", "--format", "json"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

fn theme_count(j: &Value, theme: &str, label: &str) -> u64 {
    let t = j["themes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["theme"] == theme)
        .unwrap_or_else(|| panic!("no theme {theme}"));
    t["regions"][label].as_u64().unwrap()
}

// ------------------------------------------------------------ findings of issue 19

/// The prefecture's `summary`, the same in every file, added 1 to 病院連携 for
/// every region (南加賀 showed 3; its own texts mention it twice).
#[test]
fn prefecture_level_fields_never_count_for_themes() {
    let j = compare_json(Test::with_regions());
    assert_eq!(theme_count(&j, "病院連携", "南加賀"), 2);

    let shared = "meeting = \"介護の会議\"\ntheme = \"介護の連携\"\nsummary = \"介護と病院\"\n";
    let t = Test::new()
        .file("regions/a.toml", sheet("石川県", "甲", "2018", shared))
        .file(
            "regions/b.toml",
            sheet(
                "石川県",
                "乙",
                "2018",
                &format!("{shared}concerns = [\"介護が足りない\"]\n"),
            ),
        );
    let j = compare_json(t);
    assert_eq!(theme_count(&j, "介護連携", "甲"), 0);
    assert_eq!(theme_count(&j, "介護連携", "乙"), 1);
    assert_eq!(theme_count(&j, "病院連携", "甲"), 0);
}

/// Indicators named `未定` in two regions were put on one row as if they were the
/// same indicator.
#[test]
fn placeholder_indicator_names_are_never_matched_across_regions() {
    let undetermined = "current = \"未定\"\ntarget = \"未定\"";
    let mut t = Test::new();
    for (i, name) in ["未定", "未定", "-", "未設定", "地域移行数", "地域移行数"]
        .iter()
        .enumerate()
    {
        t = t.file(
            &format!("regions/{i}.toml"),
            sheet(
                "石川県",
                &format!("圏域{i}"),
                "2018",
                &indicator(name, undetermined),
            ),
        );
    }
    let j = compare_json(t);
    let rows = j["indicators"].as_array().unwrap();
    // 地域移行数 is one row of two regions; each placeholder its own row.
    assert_eq!(rows.len(), 5, "{rows:#?}");
    assert_eq!(rows[0]["name"], "地域移行数");
    assert_eq!(rows[0]["regions"].as_object().unwrap().len(), 2);
    for row in &rows[1..] {
        assert_eq!(row["regions"].as_object().unwrap().len(), 1, "{row}");
    }
}

/// With four regions at 80 columns the indicator table was split in two, so one
/// indicator could not be read across.
#[test]
fn indicator_rows_stay_whole_with_many_regions_at_80_columns() {
    for n in [4, 10] {
        let mut t = Test::new();
        for i in 0..n {
            let body = format!(
                "unit = \"人\"\nbaseline = 1\ncurrent = {i}\ntarget = {}",
                20 + i
            );
            t = t.file(
                &format!("regions/{i:02}.toml"),
                sheet(
                    "石川県",
                    &format!("圏域その{i}"),
                    "2018",
                    &indicator("地域移行数", &body),
                ),
            );
        }
        let out = t.args(&["compare", "--width", "80"]).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let section = out.stdout.split("【指標の比較】").nth(1).unwrap();
        let section = section.split("【テーマ】").next().unwrap();
        // One table: one header rule.
        let rules = section.lines().filter(|l| l.starts_with("+=")).count();
        assert_eq!(rules, 1, "{section}");
        for i in 0..n {
            // Each region's figures on its own line, next to its name.
            let line = section
                .lines()
                .find(|l| l.contains(&format!("圏域その{i} ")))
                .unwrap_or_else(|| panic!("圏域その{i}:\n{section}"));
            // The target as written (SPEC §3): `20`, not `20以上`.
            assert!(line.contains(&format!(" {} |", 20 + i)), "{line}");
        }
        for line in out.stdout.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
        }
    }
}

/// Markdown from `progress` and `compare` did not escape `&`: a region named
/// `…&amp;` rendered as `…&`.
#[test]
fn markdown_of_progress_and_compare_escapes_ampersands() {
    let t = Test::new().file(
        "regions/a.toml",
        sheet(
            "石川県",
            "南&amp;北<b>|`x`",
            "2018",
            "concerns = [\"A&B\"]\n",
        ),
    );
    for command in ["progress", "compare"] {
        let out = t.sheet(&[command, "--format", "markdown"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stdout.contains("南\\&amp;北\\<b\\>\\|\\`x\\`"),
            "{command}:\n{}",
            out.stdout
        );
        assert!(!out.stdout.contains("南&amp;"), "{command}");
    }
}

// ------------------------------------------------------------ JSON of §5

/// Sheets nobody has seen: no goals, undated and month-precision items, several
/// fiscal years of one region, many regions, hospital items.
fn odd_sheets() -> Test {
    let mut t = Test::new()
        .file("regions/empty.toml", sheet("石川県", "空", "2018", ""))
        .file(
            "regions/b-2019.toml",
            sheet(
                "石川県",
                "乙",
                "R1",
                "concerns = [\"介護との連携\"]\n\
                 [[goals]]\ntext = \"新しい目標\"\n\
                 [[goals.progress]]\ntext = \"来年の会\"\ndate = \"2019/11/1\"\nstatus = \"planned\"\n",
            ),
        )
        .file(
            "regions/b-2018.toml",
            sheet(
                "石川県",
                "乙",
                "2018",
                "questions = [\"介護保険との連携は\"]\n\
                 [[goals]]\ntext = \"目標A\"\n\
                 [[goals.progress]]\ntext = \"月だけの会\"\ndate = \"11月\"\nstatus = \"planned\"\n\
                 [[goals.progress]]\ntext = \"日付のない予定\"\nstatus = \"planned\"\n\
                 [[goals.progress]]\ntext = \"日の決まらない会\"\ndate = \"未定\"\n\
                 [[goals.progress]]\ntext = \"中旬の会\"\ndate = \"10月中旬\"\nstatus = \"planned\"\n\
                 [[goals.progress]]\ntext = \"遅れた会\"\ndate = \"8/1\"\nstatus = \"planned\"\n\
                 [[goals.progress]]\ntext = \"済んだ会\"\ndate = \"7/1\"\nstatus = \"done\"\n\
                 [[hospital_collaboration]]\ntext = \"病院の会\"\ndate = \"11/15\"\norganizer = \"某市\"\n",
            ),
        );
    for i in 0..12 {
        t = t.file(
            &format!("regions/m{i:02}.toml"),
            sheet(
                "石川県",
                &format!("多{i:02}"),
                "2018",
                &format!(
                    "[[goals]]\ntext = \"目標{i}\"\n[[goals.progress]]\ntext = \"会{i}\"\ndate = \"11/15\"\nstatus = \"planned\"\n"
                ),
            ),
        );
    }
    t
}

#[test]
fn briefing_json_is_complete_on_sheets_not_seen_before() {
    let j = compare_json(odd_sheets());
    let regions = j["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 15);
    for r in regions {
        for key in ["goals", "challenges", "concerns", "questions"] {
            assert!(r["texts"][key].is_array(), "{key}: {r}");
        }
    }
    // Several years of one region side by side, oldest first, labelled with the year.
    let labels: Vec<&str> = regions
        .iter()
        .map(|r| r["label"].as_str().unwrap())
        .collect();
    let at = labels.iter().position(|l| l.contains("乙")).unwrap();
    assert_eq!(labels[at], "石川県 乙 2018");
    assert_eq!(labels[at + 1], "石川県 乙 2019");
    let empty = regions.iter().find(|r| r["label"] == "空").unwrap();
    assert_eq!(
        empty["texts"],
        json!({"goals": [], "goal_progress": [], "challenges": [], "concerns": [],
               "questions": [], "strengths": []})
    );
    let b = &regions[at];
    assert_eq!(b["texts"]["goals"], json!(["目標A"]));
    // The latest progress of the goal is its latest dated item.
    assert_eq!(b["texts"]["goal_progress"][0]["text"], "月だけの会");

    let timeline = j["timeline"].as_array().unwrap();
    // Every dated item, and none without a date.
    assert_eq!(timeline.len(), 4 + 1 + 12 + 1, "{timeline:#?}");
    assert!(timeline.iter().all(|i| !i["date"].is_null()));
    for item in timeline {
        for key in [
            "label",
            "date",
            "date_text",
            "status",
            "overdue",
            "section",
            "goal",
            "text",
        ] {
            assert!(item.get(key).is_some(), "{key}: {item}");
        }
        match item["section"].as_str().unwrap() {
            "progress" => assert!(item["goal"].is_string(), "{item}"),
            "hospital_collaboration" => assert!(item["goal"].is_null(), "{item}"),
            other => panic!("section {other}"),
        }
    }
    // By date (a month as its last day), then by label.
    let key = |i: &Value| {
        let d = i["date"].as_str().unwrap().to_string();
        let d = if d.len() == 7 { format!("{d}-31") } else { d };
        (d, i["label"].as_str().unwrap().to_string())
    };
    let keys: Vec<_> = timeline.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let texts: Vec<&str> = timeline
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    let (on_15th, month) = (
        texts.iter().position(|t| *t == "病院の会").unwrap(),
        texts.iter().position(|t| *t == "月だけの会").unwrap(),
    );
    assert!(
        on_15th < month,
        "11/15 comes before 11月 (its last day): {texts:?}"
    );
    let month_item = &timeline[month];
    assert_eq!(month_item["date"], "2018-11");
    assert_eq!(month_item["date_text"], "11月");
    let late = timeline.iter().find(|i| i["text"] == "遅れた会").unwrap();
    assert_eq!(late["overdue"], true);
    let hospital = timeline.iter().find(|i| i["text"] == "病院の会").unwrap();
    assert_eq!(hospital["section"], "hospital_collaboration");
    assert_eq!(hospital["status"], Value::Null);

    // A precision word is kept as written.
    let mid = timeline.iter().find(|i| i["text"] == "中旬の会").unwrap();
    assert_eq!(mid["date"], "2018-10");
    assert_eq!(mid["date_text"], "10月中旬");

    let undated = j["undated"].as_array().unwrap();
    assert_eq!(undated.len(), 2);
    assert_eq!(undated[0]["text"], "日付のない予定");
    assert_eq!(undated[0]["date"], Value::Null);
    assert_eq!(undated[0]["date_text"], Value::Null);
    // 未定 is said, never a blank, and never overdue.
    assert_eq!(undated[1]["text"], "日の決まらない会");
    assert_eq!(undated[1]["date_text"], "未定");
    assert_eq!(undated[1]["overdue"], false);
}

/// 能登中部's 介護連携 question showed （該当なし） although another region counted
/// the theme: `shared` now names who shares the problem.
#[test]
fn shared_names_who_mentions_the_themes_where_nobody_can_answer() {
    let j = compare_json(Test::with_regions());
    let q = j["questions"].as_array().unwrap();
    assert_eq!(q[0]["ask"], json!(["石川中央", "能登中部"]));
    assert_eq!(q[0]["shared"], json!([]));
    assert_eq!(q[1]["themes"], json!(["介護連携"]));
    assert_eq!(q[1]["ask"], json!([]));
    assert_eq!(q[1]["shared"], json!(["能登中部"]));
    assert_eq!(q[2]["shared"], json!(["石川中央"]));

    // A question from the region itself is no answer, nor is the same region's
    // concern in its sheet of another year (docs/format.md).
    let j = compare_json(odd_sheets());
    let q = j["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["question"] == "介護保険との連携は")
        .unwrap();
    assert_eq!(q["ask"], json!([]));
    assert_eq!(q["shared"], json!([]));

    let out = Test::with_regions().args(&["compare"]).run();
    assert!(
        out.stdout.contains("同じ課題：能登中部（1）"),
        "{}",
        out.stdout
    );
}

// ------------------------------------------------------------ terminal

#[test]
fn the_terminal_shows_texts_and_the_timeline_within_80_columns() {
    let out = odd_sheets().args(&["compare", "--width", "80"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in out.stdout.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    let texts = out.stdout.split("【各圏域の記述】").nth(1).unwrap();
    assert!(
        texts.contains("《空》\n達成目標\n  （記載なし）"),
        "{texts}"
    );
    assert!(
        texts.contains("最新の進捗：予定 11月 月だけの会"),
        "{texts}"
    );
    let timeline = texts.split("【予定と期限超過】").nth(1).unwrap();
    let overdue = timeline.split("今後の予定").next().unwrap();
    assert!(overdue.contains("期限超過（1件）"), "{overdue}");
    assert!(overdue.contains("遅れた会"), "{overdue}");
    assert!(!overdue.contains("済んだ会"), "{overdue}");
    let next = timeline.split("今後の予定").nth(1).unwrap();
    assert!(next.contains("病院との連携：病院の会"), "{next}");
    assert!(next.contains("| 10月中旬 "), "{next}");
    let undated = next.split("日付未定の予定（2件）").nth(1).unwrap();
    assert!(undated.contains("| 未定 "), "{undated}");
    assert!(undated.contains("日の決まらない会"), "{undated}");
    assert!(undated.contains("| -  "), "{undated}");
}

/// The briefing showed a date written 未定 in its own words (`not fixed` in
/// English) where every other output says `not fixed (未定)`: its dates now go
/// through the one date display of `render`.
#[test]
fn the_briefing_says_an_undetermined_date_as_every_output_does() {
    let t = odd_sheets();
    let compare = t.sheet(&["--lang", "en", "compare", "--format", "markdown"]);
    assert_eq!(compare.code, 0, "{}", compare.stderr);
    let progress = t.sheet(&[
        "--lang", "en", "progress", "--region", "乙", "--format", "markdown",
    ]);
    assert_eq!(progress.code, 0, "{}", progress.stderr);
    for out in [&compare.stdout, &progress.stdout] {
        let line = out
            .lines()
            .find(|l| l.contains("日の決まらない会"))
            .unwrap_or_else(|| panic!("{out}"));
        assert!(line.contains("| not fixed (未定) |"), "{line}");
    }
}

// ------------------------------------------------------------ HTML

fn briefing_html(t: &Test) -> String {
    let out = t.sheet(&["compare", "--format", "html", "--out", "briefing.html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("briefing.html"), "{}", out.stdout);
    t.read("briefing.html")
}

#[test]
fn the_briefing_holds_every_region_and_a_chart_per_numeric_indicator() {
    let t = Test::with_regions();
    let html = briefing_html(&t);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for region in ["南加賀", "石川中央", "能登中部"] {
        let card = html
            .split("<div class=\"region-texts\"><h3>")
            .find(|c| c.starts_with(region))
            .unwrap_or_else(|| panic!("texts of {region}"));
        assert!(card.contains("達成目標"), "{region}");
    }
    for text in [
        "地域移行支援の取組に地域格差が生じている。",
        "病院側との連携について",
        "「１年以上入院患者数」の減少が鈍化",
        "第1回地域連絡会実施予定",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // 地域移行数 is the only indicator in numbers; 未定 is written, not drawn.
    assert_eq!(html.matches("<svg class=\"indicator-chart\"").count(), 1);
    assert!(html.contains("data-indicator=\"地域移行数\""));
    assert!(html.contains("数値でない指標"));
    // Nothing fetched, nothing run.
    for bad in ["http://", "https://", "<script", "<link", "@import", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
    assert!(html.contains("size: A4 landscape"));
}

#[test]
fn the_briefing_draws_each_numeric_indicator_in_its_direction() {
    let lower = "unit = \"人\"\nbaseline = 20\ncurrent = 15\ntarget = \"10以下\"";
    let higher = "unit = \"件\"\nbaseline = 2\ncurrent = 1\ntarget = 5";
    let words = "baseline = \"検討中\"\ncurrent = \"未定\"\ntarget = \"未定\"";
    // Numbers written with their unit (SPEC §1.5) are numbers.
    let written = "baseline = \"10人\"\ncurrent = \"13人\"\ntarget = \"16人以上\"";
    let t = Test::new()
        .file(
            "regions/a.toml",
            sheet(
                "石川県",
                "甲",
                "2018",
                &format!(
                    "{}{}",
                    indicator("入院者数", lower),
                    indicator("相談件数", higher)
                ),
            ),
        )
        .file(
            "regions/b.toml",
            sheet(
                "石川県",
                "乙",
                "2018",
                &format!(
                    "{}{}",
                    indicator("入院者数", words),
                    indicator("登録者数", written)
                ),
            ),
        );
    let html = briefing_html(&t);
    assert_eq!(html.matches("<svg class=\"indicator-chart\"").count(), 3);
    let registered = &html[html.find("data-indicator=\"登録者数\"").unwrap()..];
    assert!(registered.contains("10人 → 13人"), "{registered}");
    let chart = |name: &str| {
        let at = html.find(&format!("data-indicator=\"{name}\"")).unwrap();
        let rest = &html[at..];
        rest[..rest.find("</figure>").unwrap()].to_string()
    };
    let inpatients = chart("入院者数");
    assert!(inpatients.contains("低いほど良い"), "{inpatients}");
    // 20 -> 15 with lower better: moved the right way (green).
    assert!(
        inpatients.contains("stroke=\"#2e7d32\" stroke-width=\"3\""),
        "{inpatients}"
    );
    // The region in words is shown as words, never as a mark at 0.
    assert!(inpatients.contains("今回 未定"), "{inpatients}");
    assert_eq!(inpatients.matches("<circle").count(), 2, "{inpatients}");
    let consultations = chart("相談件数");
    assert!(consultations.contains("高いほど良い"));
    // 2 -> 1 with higher better: the wrong way (red).
    assert!(consultations.contains("stroke=\"#c62828\" stroke-width=\"3\""));
}

/// Every field of a sheet holding markup: the page shows it as text.
#[test]
fn the_briefing_escapes_script_in_every_field() {
    let s = "<script>alert(1)</script>";
    let body = format!(
        "meeting = \"{s}\"\ntheme = \"{s}\"\nsummary = \"{s}\"\nstrengths = [\"{s}\"]\n\
         concerns = [\"{s}介護\"]\nquestions = [\"{s}介護\"]\n\
         [[goals]]\ntext = \"{s}\"\nindicator = \"{s}\"\n\
         [[goals.progress]]\ntext = \"{s}\"\ndate = \"11/2\"\nstatus = \"planned\"\nnote = \"{s}\"\n\
         [[challenges]]\ntext = \"{s}\"\nactions = [\"{s}\"]\n\
         [challenges.views]\nadministration = \"{s}\"\nmedical = \"{s}\"\nproviders = \"{s}\"\ncommunity = \"{s}\"\n\
         [[indicators]]\nname = \"{s}\"\nreason = \"{s}\"\nunit = \"{s}\"\nbaseline = 1\ncurrent = 2\ntarget = 3\n\
         [[indicators]]\nname = \"質的\"\nbaseline = \"{s}\"\ncurrent = \"{s}\"\ntarget = \"{s}\"\n\
         [[hospital_collaboration]]\ntext = \"{s}\"\ndate = \"8/3\"\norganizer = \"{s}\"\nnote = \"{s}\"\n"
    );
    let t = Test::new()
        .file("regions/a.toml", sheet(s, s, "2018", &body))
        .file(
            "regions/b.toml",
            sheet("石川県", "乙", "2018", "concerns = [\"介護\"]\n"),
        );
    let html = briefing_html(&t);
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(html.matches("&lt;script&gt;").count() >= 20, "{html}");
}

#[test]
fn the_briefing_is_created_only_and_not_written_without_a_sheet() {
    let t = Test::with_regions().file("briefing.html", "keep");
    let out = t.sheet(&["compare", "--format", "html", "--out", "briefing.html"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(t.read("briefing.html"), "keep");

    let t = Test::new().file("regions/a.toml", "[sheet]\nregion = 1\n");
    let out = t.sheet(&["compare", "--format", "html", "--out", "b.html"]);
    assert_eq!(out.code, 2);
    assert!(!t.path("b.html").exists(), "{}", out.stderr);

    // Without --out the page goes to stdout.
    let out = Test::with_regions()
        .args(&["compare", "--format", "html"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("<!DOCTYPE html>"));
    // `progress` has no briefing.
    let out = Test::with_regions()
        .args(&["progress", "--format", "html"])
        .run();
    assert_eq!(out.code, 2);
}

#[test]
fn inside_git_the_briefing_charts_each_indicator_over_the_history() {
    let t = Test::with_regions().git_init();
    let outside = briefing_html(&t);
    assert!(!outside.contains("history-chart"));
    std::fs::remove_file(t.path("briefing.html")).unwrap();
    t.commit("first", "2018-09-20T10:00:00+09:00");
    t.edit("regions/minami-kaga.toml", "current  = 11", "current  = 13");
    t.commit("second", "2018-09-28T10:00:00+09:00");
    let html = briefing_html(&t);
    assert_eq!(html.matches("<svg class=\"history-chart\"").count(), 1);
    assert!(html.contains("2018-09-28"));
}

#[test]
fn history_svg_draws_baseline_current_and_target_over_the_commits() {
    let t = Test::with_regions().git_init();
    t.commit("first", "2018-09-20T10:00:00+09:00");
    t.edit(
        "regions/minami-kaga.toml",
        "current  = 11",
        "current  = \"未定\"",
    );
    t.commit("second", "2018-09-28T10:00:00+09:00");
    t.edit(
        "regions/minami-kaga.toml",
        "current  = \"未定\"",
        "current  = 14",
    );
    t.commit("third", "2018-10-15T10:00:00+09:00");
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "svg"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = &out.stdout;
    assert!(svg.starts_with("<?xml"), "{svg}");
    assert!(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    // Baseline and target run through all three commits; current is broken by 未定,
    // which is written, not drawn at 0.
    assert_eq!(svg.matches("<polyline").count(), 4, "{svg}");
    assert!(svg.contains(">未定</text>"), "{svg}");
    for date in ["2018-09-20", "2018-09-28", "2018-10-15"] {
        assert!(svg.contains(date), "{date}");
    }
    assert!(!svg.contains("<script"));
}

/// Huge but finite values: the charts place them (the span of `-1e308` and
/// `1.7e308` overflows `f64`, a round end above `1.7e308` does not exist) and
/// write neither `NaN` nor `inf`; the values are still shown.
#[test]
fn charts_of_huge_values_hold_no_nan_or_infinity() {
    let huge = "baseline = 0\ncurrent = 1e308\ntarget = 1.7e308";
    let apart = "baseline = -1e308\ncurrent = 1.7e308\ntarget = 1e307";
    let no_nan_or_inf = |what: &str, text: &str| {
        for bad in ["NaN", "nan", "inf", "Infinity"] {
            assert!(!text.contains(bad), "{what}: {bad} in\n{text}");
        }
    };
    let t = Test::new()
        .file(
            "regions/a.toml",
            sheet("石川県", "甲", "2018", &indicator("巨大", huge)),
        )
        .file(
            "regions/b.toml",
            sheet("石川県", "乙", "2018", &indicator("巨大", apart)),
        )
        .file(
            "regions/c.toml",
            sheet("石川県", "丙", "2018", &indicator("離れた値", apart)),
        );
    let html = briefing_html(&t);
    no_nan_or_inf("compare --format html", &html);
    assert_eq!(html.matches("<svg class=\"indicator-chart\"").count(), 2);
    for (name, marks) in [
        (
            "巨大",
            &[
                "今回 1e308",
                "今回 1.7e308",
                "第1回 -1e308",
                // In words as the sheet writes them, not in 309 digits.
                ">0 → 1e308　目標 1.7e308<",
                ">-1e308 → 1.7e308　目標 1e307<",
            ][..],
        ),
        (
            "離れた値",
            &["今回 1.7e308", "第1回 -1e308", ">1e308</text>"][..],
        ),
    ] {
        let at = html.find(&format!("data-indicator=\"{name}\"")).unwrap();
        let chart = &html[at..at + html[at..].find("</figure>").unwrap()];
        for mark in marks {
            assert!(chart.contains(mark), "{name}: {mark} in {chart}");
        }
        assert_eq!(
            chart.matches("<circle").count(),
            2 * chart.matches("<title>第1回").count()
        );
    }

    // The same values over the history: `history --format svg` and the briefing's
    // history charts.
    let t = Test::with_regions().git_init();
    let mk = "regions/minami-kaga.toml";
    let text = t.read(mk);
    std::fs::write(t.path(mk), format!("{text}\n{}", indicator("巨大", huge))).unwrap();
    t.commit("first", "2018-09-20T10:00:00+09:00");
    t.edit(mk, huge, apart);
    t.commit("second", "2018-09-28T10:00:00+09:00");
    let out = t.sheet(&[
        "history",
        "--region",
        "南加賀",
        "--indicator",
        "巨大",
        "--format",
        "svg",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    no_nan_or_inf("history --format svg", &out.stdout);
    for shown in ["1.7e308", "-1e308", ": 1e308", ": 1e307"] {
        assert!(out.stdout.contains(shown), "{shown} in {}", out.stdout);
    }
    assert_eq!(out.stdout.matches("<polyline").count(), 3, "{}", out.stdout);
    let html = briefing_html(&t);
    no_nan_or_inf("compare --format html in git", &html);
    assert_eq!(html.matches("<svg class=\"history-chart\"").count(), 2);
}

// ------------------------------------------------------------ Chromium

/// Chromium for the print tests, or `None` (the test then says it is skipped).
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: /usr/bin/chromium is not installed (apt-get install chromium)");
        None
    }
}

/// Runs headless Chromium on a file with `args` (`--print-to-pdf=…`,
/// `--screenshot=…`), ended after two minutes.
fn run_chromium(chromium: &Path, dir: &Path, page: &Path, args: &[String]) {
    let profile = dir.join("profile");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium {args:?}: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium {args:?} did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Prints a page to PDF and gives the PDF's bytes.
fn print_pdf(chromium: &Path, dir: &Path, page: &Path) -> Vec<u8> {
    let pdf = dir.join(format!(
        "{}.pdf",
        page.file_stem().unwrap().to_string_lossy()
    ));
    run_chromium(
        chromium,
        dir,
        page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    std::fs::read(&pdf).expect("the PDF")
}

/// Pages of a PDF: `pdfinfo` when present, else its `/Type /Page` objects.
fn page_count(pdf: &[u8], dir: &Path) -> usize {
    let file = dir.join("count.pdf");
    std::fs::write(&file, pdf).unwrap();
    if let Ok(out) = Command::new("pdfinfo").arg(&file).output() {
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(n) = text
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
        {
            return n;
        }
    }
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, _)| !text[at + 11..].starts_with('s'))
        .count()
}

#[test]
fn the_briefing_prints_and_shows_in_headless_chromium() {
    let Some(chromium) = chromium() else { return };
    let t = Test::with_regions();
    briefing_html(&t);
    let page = t.path("briefing.html");
    let pdf = print_pdf(&chromium, t.dir.path(), &page);
    assert!(pdf.starts_with(b"%PDF"));
    let pages = page_count(&pdf, t.dir.path());
    assert!((2..=8).contains(&pages), "{pages} pages");
    let shot = t.path("briefing.png");
    run_chromium(
        &chromium,
        t.dir.path(),
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000".into(),
        ],
    );
    let png = std::fs::read(&shot).expect("the screenshot");
    assert!(png.starts_with(b"\x89PNG"));
}

/// The height of the first word `word` in `pdftotext -bbox` output of a PDF, in
/// points, when poppler's pdftotext is present.
fn word_height(pdf: &[u8], dir: &Path, word: &str) -> Option<f64> {
    let file = dir.join("words.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = text
        .lines()
        .find(|l| l.contains(&format!(">{word}</word>")))?;
    let attr = |name: &str| -> Option<f64> {
        let at = line.find(&format!("{name}=\""))? + name.len() + 2;
        line[at..].split('"').next()?.parse().ok()
    };
    Some(attr("yMax")? - attr("yMin")?)
}

/// One long unbroken string (a URL) in `summary` or a bullet made Chromium shrink
/// the whole printout of `render --format html` to about 67% and still cut it off.
#[test]
fn html_render_breaks_one_long_unbroken_string_instead_of_shrinking_the_page() {
    let Some(chromium) = chromium() else { return };
    let url = format!("https://example.org/{}", "abcdefghij".repeat(40));
    let plain = "summary = \"短い概要\"\nstrengths = [\"強み\"]\n";
    let long = format!("summary = \"{url}\"\nstrengths = [\"{url}\"]\n");
    let mut heights = Vec::new();
    for (name, body) in [("plain", plain.to_string()), ("long", long)] {
        // An ASCII name to measure: it has glyphs whatever fonts the machine has.
        let t = Test::new().file(
            "regions/a.toml",
            sheet("石川県", "Minamikaga", "2018", &body),
        );
        let out = t.sheet(&[
            "render",
            "--format",
            "html",
            "--out",
            &format!("{name}.html"),
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let pdf = print_pdf(&chromium, t.dir.path(), &t.path(&format!("{name}.html")));
        heights.push(word_height(&pdf, t.dir.path(), "Minamikaga"));
        if name == "long" {
            let file = t.path("long.pdf");
            if let Ok(out) = Command::new("pdftotext").arg(&file).arg("-").output() {
                let text: String = String::from_utf8_lossy(&out.stdout)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                // Not cut off: every character of the URL is on the page.
                assert!(text.contains(&url), "{text}");
            }
        }
    }
    match (heights[0], heights[1]) {
        (Some(plain), Some(long)) => {
            assert!(
                (plain - long).abs() < 0.05 * plain,
                "shrunk: {plain} vs {long}"
            )
        }
        _ => eprintln!("skipped the size check: pdftotext is not installed"),
    }
}

/// The page for sheets nobody has seen: no goals, no indicators, 未定 dates,
/// several years of one region, many regions.
#[test]
fn the_briefing_is_complete_on_sheets_not_seen_before() {
    let t = odd_sheets();
    let html = briefing_html(&t);
    let cards = html.matches("<div class=\"region-texts\">").count();
    assert_eq!(cards, 15);
    for label in ["空", "石川県 乙 2018", "石川県 乙 2019", "多00", "多11"] {
        assert!(
            html.contains(&format!("<div class=\"region-texts\"><h3>{label}</h3>")),
            "{label}"
        );
    }
    assert_eq!(html.matches("<svg class=\"indicator-chart\"").count(), 0);
    // Overdue marked in the timeline; 未定 said, not left blank.
    assert!(html.contains(
        "<tr class=\"overdue\"><td class=\"when\">8/1<span class=\"mark\">期限超過</span>"
    ));
    assert!(html.contains("<td class=\"when\">未定</td>"), "{html}");
    assert!(html.contains("10月中旬"));
}

/// Page 1 counts an overdue hospital-collaboration item as the timeline does (it
/// counted goal progress only, so a region with such an item showed 0 there).
#[test]
fn the_first_page_counts_overdue_hospital_items_as_the_timeline_does() {
    let rest = "[[hospital_collaboration]]\ntext = \"A病院との個別ケース会議\"\n\
                date = \"8月25日\"\nstatus = \"予定\"\n";
    let t = Test::new().file("regions/a.toml", sheet("石川県", "南加賀", "2018", rest));
    let html = briefing_html(&t);
    let standing = &html[html.find("class=\"standing\"").expect("page 1")..];
    let row = &standing[standing
        .find("<td class=\"label\">南加賀")
        .expect("the region's row")..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("<td class=\"n alert\">1</td>"), "{row}");
}

/// The timeline strip: a month item (`10月`) sits in the middle of its month, not
/// on its first day beside the as-of line, and the 現時点 label is below every
/// mark, inside the strip.
#[test]
fn the_timeline_strip_places_a_month_mid_month_and_its_label_below_the_marks() {
    let rest = "[[goals]]\ntext = \"目標\"\n\
                [[goals.progress]]\ntext = \"月の会\"\ndate = \"10月\"\nstatus = \"予定\"\n\
                [[goals.progress]]\ntext = \"日の会\"\ndate = \"10/1\"\nstatus = \"予定\"\n";
    let t = Test::new().file("regions/a.toml", sheet("石川県", "南加賀", "2018", rest));
    let html = briefing_html(&t);
    let strip = &html[html.find("class=\"timeline-strip\"").expect("the strip")..];
    let strip = &strip[..strip.find("</svg>").unwrap()];
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let circles: Vec<&str> = strip.split("<circle").skip(1).collect();
    let x_of = |text: &str| {
        circles
            .iter()
            .find(|c| c.contains(text))
            .map(|c| attr(c, "cx"))
            .unwrap_or_else(|| panic!("no mark for {text}"))
    };
    // 10/1 is the first day of October; 10月 is about half a month later.
    let month_width = {
        let lines: Vec<f64> = strip
            .split("<line")
            .skip(1)
            .filter(|l| l.contains("y1=\"14\""))
            .map(|l| attr(l, "x1"))
            .collect();
        lines[1] - lines[0]
    };
    assert!(
        x_of("月の会") - x_of("日の会") > month_width / 3.0,
        "{strip}"
    );
    let label = &strip[..strip.find("現時点").expect("the as-of label")];
    let label_y = attr(&label[label.rfind("<text").unwrap()..], "y");
    let height = attr(
        &html[html.find("class=\"timeline-strip\"").unwrap()..],
        "height",
    );
    for c in &circles {
        assert!(attr(c, "cy") + 5.0 < label_y - 8.0, "{strip}");
    }
    assert!(label_y <= height, "{strip}");
}
