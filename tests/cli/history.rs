//! `sheet history` on real temporary git repositories.

use crate::common::Test;

const MK: &str = "regions/minami-kaga.toml";

/// 南加賀 over five commits: first version; current 11 → 12; a commit whose file
/// does not parse; the fix with current 14; a rename. 能登中部 changes alone in
/// between and must not appear.
fn repo() -> (Test, Vec<String>) {
    let t = Test::with_regions().git_init();
    let mut hashes = vec![t.commit("第2回会議の事前課題シート", "2018-09-30T10:00:00+09:00")];
    t.edit(MK, "current  = 11", "current  = 12");
    hashes.push(t.commit("南加賀: 地域移行数 12人", "2018-10-15T10:00:00+09:00"));
    t.edit(
        "regions/noto-chubu.toml",
        "format = 1",
        "format = 1\n# memo",
    );
    t.commit("能登中部: メモ", "2018-10-20T10:00:00+09:00");
    t.edit(MK, "current  = 12", "current  = [14");
    hashes.push(t.commit("壊れた版", "2018-11-01T10:00:00+09:00"));
    t.edit(MK, "current  = [14", "current  = 14");
    hashes.push(t.commit("南加賀: 修正", "2018-11-02T10:00:00+09:00"));
    t.git(&["mv", MK, "regions/minami.toml"]);
    hashes.push(t.commit("ファイル名を変更", "2018-12-01T10:00:00+09:00"));
    (t, hashes)
}

#[test]
fn json_points_oldest_first_following_renames() {
    let (t, hashes) = repo();
    let out = t.sheet_in(
        "regions",
        &["history", "--region", "南加賀圏域", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = out.json();
    assert_eq!(v["region"], "南加賀");
    assert_eq!(v["file"], "regions/minami.toml");
    let points = v["points"].as_array().unwrap();
    assert_eq!(points.len(), 5, "{points:#?}");
    let commits: Vec<&str> = points
        .iter()
        .map(|p| p["commit"].as_str().unwrap())
        .collect();
    assert_eq!(
        commits,
        hashes.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let dates: Vec<&str> = points.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2018-09-30",
            "2018-10-15",
            "2018-11-01",
            "2018-11-02",
            "2018-12-01"
        ]
    );
    let p0 = &points[0];
    assert_eq!(p0["indicator"], "地域移行数");
    assert_eq!(
        (
            p0["baseline"].clone(),
            p0["current"].clone(),
            p0["target"].clone()
        ),
        (11.into(), 11.into(), 3.into())
    );
    assert_eq!(points[1]["current"], 12);
    assert_eq!(points[2]["status"], "unparsable");
    assert!(points[2]["current"].is_null());
    assert_eq!(points[2]["error"]["code"], "syntax", "{}", points[2]);
    // The unclosed `[` is reported on the line after `current`.
    let current_line =
        std::fs::read_to_string(crate::common::bundled_regions().join("minami-kaga.toml"))
            .unwrap()
            .lines()
            .position(|l| l.starts_with("current  = 11"))
            .unwrap()
            + 1;
    assert_eq!(points[2]["error"]["line"], current_line + 1);
    assert_eq!(points[3]["current"], 14);
    assert_eq!(points[4]["file"], "regions/minami.toml");
    assert_eq!(points[0]["file"], MK);
    assert_eq!(points[4]["subject"], "ファイル名を変更");
}

#[test]
fn table_shows_every_commit_and_the_broken_one() {
    let (t, hashes) = repo();
    let out = t.sheet(&["history", "--region", "minami"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Hashes depend on the bundled sheets: kept out of the snapshot.
    let mut shown = out.stdout.clone();
    for (i, h) in hashes.iter().enumerate() {
        shown = shown.replace(h.as_str(), &format!("<c{i}>   "));
    }
    insta::assert_snapshot!("history_table_ja", shown);
    let en = t.sheet(&[
        "--lang",
        "en",
        "history",
        "--region",
        "南加賀",
        "--width",
        "0",
    ]);
    assert!(en.stdout.contains("does not load"), "{}", en.stdout);
}

#[test]
fn one_indicator_and_csv() {
    let (t, _) = repo();
    let out = t.sheet(&[
        "history",
        "--region",
        "南加賀",
        "--indicator",
        "地域移行数",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", out.stdout);
    assert!(lines[0].starts_with("date,commit,subject,"));
    assert!(
        // The baseline 11 already met the target 3: no progress ratio (SPEC §3).
        lines[2].contains(",ok,地域移行数,人,11,12,3,,,,true,,true,"),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains(",unparsable,"), "{}", lines[3]);

    let out = t.sheet(&["history", "--region", "南加賀", "--indicator", "退院者数"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("地域移行数"),
        "lists the known ones: {}",
        out.stderr
    );
}

#[test]
fn unknown_region_and_not_a_repository() {
    let (t, _) = repo();
    let out = t.sheet(&["history", "--region", "金沢"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("南加賀"), "{}", out.stderr);
    let plain = Test::with_regions();
    let out = plain.sheet(&["history", "--region", "南加賀"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("git のリポジトリの中ではありません"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_uncommitted_sheet_has_no_history() {
    let t = Test::with_regions().git_init();
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["points"].as_array().map(Vec::len), Some(0));
}

/// `git log --follow` looks for copies as well as renames, whatever it is told, so
/// 能登中部's new year's sheet, made by `sheet new --from` and committed after
/// 石川中央's, was followed into 石川中央's file: its history showed a commit of
/// 石川中央 R7 as its own (`C081 ishikawa-chuo-r7.toml noto-chubu-r7.toml`). The
/// history of a file is that of the region and year it is now.
#[test]
fn a_sheet_made_from_another_regions_sheet_does_not_take_its_history() {
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-30T10:00:00+09:00");
    let new_from = |from: &str, slug: &str| {
        let out = t.sheet(&["new", "--from", from, "--fiscal-year", "R7", "--slug", slug]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    };
    new_from("regions/ishikawa-chuo.toml", "ishikawa-chuo-r7");
    t.edit(
        "regions/ishikawa-chuo-r7.toml",
        "current = \"\"",
        "current = 5",
    );
    t.commit("石川中央 R7", "2025-05-01T10:00:00+09:00");
    new_from("regions/noto-chubu.toml", "noto-chubu-r7");
    let own = t.commit("能登中部 R7", "2025-05-02T10:00:00+09:00");
    // The premise: git itself takes the other region's file for an ancestor.
    let log = t.git(&[
        "log",
        "--follow",
        "--name-status",
        "--format=%s",
        "--",
        "regions/noto-chubu-r7.toml",
    ]);
    assert!(log.contains("石川中央 R7"), "{log}");

    let out = t.sheet(&[
        "history",
        "--region",
        "能登中部",
        "--fiscal-year",
        "R7",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = out.json();
    let commits: Vec<&str> = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["commit"].as_str().unwrap())
        .collect();
    assert_eq!(commits, [own.as_str()], "{v:#}");
    for format in ["table", "csv", "svg"] {
        let out = t.sheet(&[
            "history",
            "--region",
            "能登中部",
            "--fiscal-year",
            "R7",
            "--format",
            format,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            !out.stdout.contains("石川中央"),
            "{format}:\n{}",
            out.stdout
        );
    }
    // 石川中央's own history is untouched.
    let out = t.sheet(&[
        "history",
        "--region",
        "石川中央",
        "--fiscal-year",
        "R7",
        "--format",
        "json",
    ]);
    assert_eq!(out.json()["points"][0]["subject"], "石川中央 R7");
}

/// A new year's sheet of the same region, made by `sheet new --from`, is no
/// continuation of last year's file either: its history starts at its own first
/// commit, even where git follows it into last year's file.
#[test]
fn a_new_years_sheet_does_not_take_last_years_history() {
    let t = Test::with_regions().git_init();
    t.commit("事前課題シート（3圏域）", "2018-09-30T10:00:00+09:00");
    // Last year's file and the new one alike enough for git to call it a copy.
    let out = t.sheet(&["new", "--from", MK, "--fiscal-year", "R1"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let new = "regions/minami-kaga-r1.toml";
    std::fs::write(t.path(new), t.read(MK).replace("平成30年度", "令和元年度")).unwrap();
    let own = t.commit("南加賀 令和元年度", "2019-05-01T10:00:00+09:00");
    let log = t.git(&["log", "--follow", "--format=%s", "--", new]);
    assert!(log.contains("事前課題シート"), "{log}");
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = out.json();
    assert_eq!(v["file"], new);
    let commits: Vec<&str> = v["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["commit"].as_str().unwrap())
        .collect();
    assert_eq!(commits, [own.as_str()], "{v:#}");
}

/// Indicators after 南加賀's own: values written with units and commas, full-width
/// digits, a percentage going the wrong way, a target not yet decided.
const MORE_INDICATORS: &str = r#"
[[indicators]]
name     = "退院者数"
unit     = "人"
baseline = "1,102人"
current  = "1,298人"
target   = "３２０人"

[[indicators]]
name     = "再入院率"
unit     = "%"
better   = "lower"
baseline = 10
current  = 58.9
target   = 9

[[indicators]]
name     = "協議の場の開催回数"
unit     = "回"
baseline = 2
current  = 3
target   = "未定"
"#;

/// Issue: with several indicators the table at 80 columns grew 指標 and 単位
/// columns and broke what was promised never to break: `-4890 / %`, `３２ / ０人`,
/// `1,298 / 人`, `第1回 / 会議 / 時`, `未達 / 成、`, and the subjects mid-word. Each
/// indicator has a table of its own now, below the commits and their subjects.
#[test]
fn at_80_columns_no_value_date_or_header_breaks() {
    let t = Test::with_regions().git_init();
    t.edit(
        MK,
        "# Indicator rows ② and ③ are blank on the sheet.\n",
        MORE_INDICATORS,
    );
    let first = t.commit(
        "Add the indicators agreed at the first joint meeting with the hospital liaison group",
        "2018-09-30T10:00:00+09:00",
    );
    t.edit(MK, "current  = 58.9", "current  = 48.9");
    let second = t.commit(
        "Update readmission figures after the prefectural survey of psychiatric hospitals",
        "2018-10-15T10:00:00+09:00",
    );
    for lang in ["ja", "en"] {
        let out = t.sheet(&[
            "--lang",
            lang,
            "history",
            "--region",
            "南加賀",
            "--width",
            "80",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let shown = &out.stdout;
        // The tables fit (the title line above them is as long as the file's path).
        for line in shown.lines().filter(|l| l.starts_with(['+', '|'])) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{lang}: wider than 80:\n{shown}"
            );
        }
        let whole = [
            "2018-09-30",
            "2018-10-15",
            first.as_str(),
            second.as_str(),
            "1,102人",
            "1,298人",
            "３２０人",
            "58.9",
            "48.9",
            "-4890%",
            "-3890%",
            "未定",
        ];
        for s in whole {
            assert!(shown.contains(s), "{lang}: {s} broken:\n{shown}");
        }
        // Each value is a cell of its own line: `| 1,298人 |`.
        for s in ["1,298人", "３２０人", "58.9", "未定"] {
            assert!(shown.contains(&format!(" {s} |")), "{lang}: {s}:\n{shown}");
        }
        let headers: &[&str] = match lang {
            "ja" => &["第1回会議時", "今回", "目標値", "評価", "件名", "コミット"],
            _ => &["baseline", "current", "target", "assessment", "subject"],
        };
        for h in headers {
            assert!(shown.contains(&format!("| {h} ")), "{lang}: {h}:\n{shown}");
        }
        // Subjects wrap between their words, every word whole.
        for word in [
            "indicators",
            "liaison",
            "readmission",
            "prefectural",
            "psychiatric",
        ] {
            assert!(shown.contains(word), "{lang}: {word} broken:\n{shown}");
        }
        // The assessment breaks between its phrases, if at all.
        let verdict = match lang {
            "ja" => "未達成、",
            _ => "not achieved,",
        };
        assert!(shown.contains(verdict), "{lang}:\n{shown}");
        // One table per indicator, its name and unit above it; no 指標/単位 columns.
        for name in ["地域移行数", "退院者数", "再入院率", "協議の場の開催回数"]
        {
            let heading = match lang {
                "ja" => format!("指標: {name}（単位: "),
                _ => format!("indicator: {name} (unit: "),
            };
            assert!(shown.contains(&heading), "{lang}: {heading}:\n{shown}");
        }
        assert!(
            !shown.contains("| 指標 ") && !shown.contains("| unit "),
            "{shown}"
        );
    }
    // JSON keeps one point per commit and indicator.
    let out = t.sheet(&["history", "--region", "南加賀", "--format", "json"]);
    assert_eq!(out.json()["points"].as_array().map(Vec::len), Some(8));
}
