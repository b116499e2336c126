//! Reading workbooks (SPEC §4 "Reading workbooks", §6): every reading command takes
//! `.xlsx`, findings are located at cells, `sheet import` writes TOML. Each case of
//! issue 18's "real workbooks are messy" list is made here as a file, mostly
//! generated with rust_xlsxwriter or by editing a generated workbook's XML.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use sheet::core::workbook::doc::{doc_of, Doc, Table, Value, ValueKind};
use sheet::core::workbook::layout::{self, Column, Part};

use crate::common::{bundled_regions, without_git_env, Output, Test};

// ------------------------------------------------------------------ workbooks

/// The sheet of a TOML text as a workbook in the layout of §6, written the way an
/// exporter would (dates as date cells, lists as `・` lines).
pub fn workbook_of(toml: &str) -> Vec<u8> {
    let today = chrono::NaiveDate::from_ymd_opt(2018, 9, 30).unwrap();
    let (report, sheet) = sheet::core::load::load_file("s.toml", toml.as_bytes().to_vec(), today);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    export(&doc_of(&sheet.expect("a sheet")))
}

fn bundled(file: &str) -> String {
    std::fs::read_to_string(bundled_regions().join(file)).unwrap()
}

fn export(doc: &Doc) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let put = |ws: &mut Worksheet, r: u32, c: u16, v: &Value| {
        match &v.kind {
            ValueKind::Str(s) => ws.write_string(r, c, s).map(|_| ()),
            ValueKind::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()),
            ValueKind::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
            ValueKind::Date(d) => {
                let dt = ExcelDateTime::from_ymd(
                    d.year_ce().1 as u16,
                    d.month0() as u8 + 1,
                    d.day0() as u8 + 1,
                )
                .unwrap();
                ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
            }
            ValueKind::List(items) => {
                let texts: Vec<String> = items
                    .iter()
                    .map(|i| match &i.kind {
                        ValueKind::Str(s) => s.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect();
                let text = if texts.len() == 1 {
                    texts[0].clone()
                } else {
                    texts
                        .iter()
                        .map(|t| format!("・{t}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                ws.write_string(r, c, text).map(|_| ())
            }
        }
        .unwrap();
    };
    let headers = |ws: &mut Worksheet, cols: &[Column]| {
        for (c, col) in cols.iter().enumerate() {
            ws.write_string(0, c as u16, col.label).unwrap();
        }
    };
    use chrono::Datelike;

    let top = doc.sheet.clone().unwrap_or_default();
    let ws = wb.add_worksheet().set_name(Part::Sheet.name()).unwrap();
    headers(ws, Part::Sheet.columns());
    let mut r = 1;
    if let Some(f) = &doc.format {
        ws.write_string(r, 0, "形式").unwrap();
        put(ws, r, 1, f);
        r += 1;
    }
    for field in layout::SHEET_FIELDS {
        if let Some(v) = top.get(field.key) {
            ws.write_string(r, 0, field.label).unwrap();
            put(ws, r, 1, v);
            r += 1;
        }
    }

    let row_of =
        |ws: &mut Worksheet, r: u32, cols: &[Column], t: &Table, extra: &[(&str, Value)]| {
            for (c, col) in cols.iter().enumerate() {
                let v = t.get(col.key).cloned().or_else(|| {
                    extra
                        .iter()
                        .find(|(k, _)| *k == col.key)
                        .map(|(_, v)| v.clone())
                });
                if let Some(v) = v {
                    put(ws, r, c as u16, &v);
                }
            }
        };
    let num = |i: usize| Value::new(ValueKind::Int(i as i64 + 1), None);

    let ws = wb.add_worksheet().set_name(Part::Goals.name()).unwrap();
    headers(ws, Part::Goals.columns());
    for (i, g) in doc.goals.iter().enumerate() {
        row_of(
            ws,
            i as u32 + 1,
            Part::Goals.columns(),
            &g.table,
            &[(layout::NUMBER, num(i))],
        );
    }
    let ws = wb.add_worksheet().set_name(Part::Progress.name()).unwrap();
    headers(ws, Part::Progress.columns());
    let mut r = 1;
    for (i, g) in doc.goals.iter().enumerate() {
        for p in &g.progress {
            row_of(
                ws,
                r,
                Part::Progress.columns(),
                p,
                &[(layout::GOAL, num(i))],
            );
            r += 1;
        }
    }
    for (part, key) in [
        (Part::Strengths, "strengths"),
        (Part::Concerns, "concerns"),
        (Part::Questions, "questions"),
    ] {
        let ws = wb.add_worksheet().set_name(part.name()).unwrap();
        headers(ws, part.columns());
        if let Some(Value {
            kind: ValueKind::List(items),
            ..
        }) = top.get(key)
        {
            for (i, item) in items.iter().enumerate() {
                put(ws, i as u32 + 1, 0, item);
            }
        }
    }
    let ws = wb
        .add_worksheet()
        .set_name(Part::Challenges.name())
        .unwrap();
    headers(ws, Part::Challenges.columns());
    for (i, ch) in doc.challenges.iter().enumerate() {
        let mut t = ch.table.clone();
        if let Some(v) = &ch.views {
            t.entries.extend(v.entries.iter().cloned());
        }
        row_of(
            ws,
            i as u32 + 1,
            Part::Challenges.columns(),
            &t,
            &[(layout::NUMBER, num(i))],
        );
    }
    for (part, tables) in [
        (Part::Indicators, &doc.indicators),
        (Part::Hospital, &doc.hospital_collaboration),
    ] {
        let ws = wb.add_worksheet().set_name(part.name()).unwrap();
        headers(ws, part.columns());
        for (i, t) in tables.iter().enumerate() {
            row_of(ws, i as u32 + 1, part.columns(), t, &[]);
        }
    }
    wb.save_to_buffer().unwrap()
}

/// A workbook built cell by cell: `(worksheet, rows)`, each row's strings from
/// column A (an empty string leaves the cell empty).
fn book(sheets: &[(&str, &[&[&str]])], extra: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(r as u32, c as u16, *text).unwrap();
                }
            }
        }
    }
    extra(&mut wb);
    wb.save_to_buffer().unwrap()
}

const SHEET_ROWS: &[&[&str]] = &[
    &["項目", "内容"],
    &["都道府県", "石川県"],
    &["圏域", "南加賀"],
    &["年度", "平成30年度"],
    &["時点", "2018-09-30"],
];

/// The same workbook with one member's text edited (the XML a generator cannot
/// be made to write: a formula saved without its value, an error cell).
fn edited(data: &[u8], member: &str, from: &str, to: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(data)).unwrap();
    let mut out = Cursor::new(Vec::new());
    {
        let mut zw = zip::ZipWriter::new(&mut out);
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().to_string();
            let mut text = Vec::new();
            file.read_to_end(&mut text).unwrap();
            if name == member {
                let s = String::from_utf8(text).unwrap();
                assert!(s.contains(from), "{member} holds {from}: {s}");
                text = s.replace(from, to).into_bytes();
            }
            zw.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zw.write_all(&text).unwrap();
        }
        zw.finish().unwrap();
    }
    out.into_inner()
}

/// The member of a workbook holding a worksheet (`xl/worksheets/sheetN.xml`).
fn sheet_xml(index: usize) -> String {
    format!("xl/worksheets/sheet{index}.xml")
}

// -------------------------------------------------------------------- helpers

/// `validate --format json` on the files of a test; the findings as
/// `(code, cell)`.
fn findings(t: &Test, args: &[&str]) -> (Output, Vec<(String, String)>) {
    let mut all = vec!["validate", "--format", "json"];
    all.extend(args);
    let out = t.sheet(&all);
    let json = out.json();
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["cell"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    (out, found)
}

fn has(found: &[(String, String)], code: &str, cell: &str) -> bool {
    found.iter().any(|(c, at)| c == code && at == cell)
}

/// Every file of a folder with its bytes, to see that a command changed nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = if p.is_file() {
                std::fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p.file_name().unwrap().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

fn no_panic(out: &Output) {
    assert!(
        !out.stderr.contains("panicked") && matches!(out.code, 0..=2),
        "{out:?}"
    );
}

// ---------------------------------------------------------------------- tests

#[test]
fn a_bundled_region_as_a_workbook_validates_and_imports_to_the_same_sheet() {
    for file in ["minami-kaga.toml", "ishikawa-chuo.toml", "noto-chubu.toml"] {
        let toml = bundled(file);
        let stem = file.trim_end_matches(".toml");
        let t = Test::new()
            .file(&format!("in/{stem}.xlsx"), workbook_of(&toml))
            .file(&format!("orig/{file}"), &toml);
        std::fs::create_dir_all(t.path("regions")).unwrap();
        let out = t.sheet(&["validate", &format!("in/{stem}.xlsx")]);
        assert_eq!(out.code, 0, "{file}: {out:?}");
        let out = t.sheet(&["import", &format!("in/{stem}.xlsx")]);
        assert_eq!(out.code, 0, "{file}: {out:?}");
        let imported = format!("regions/{file}");
        assert!(out.stdout.contains(&imported), "{out:?}");
        let out = t.sheet(&["validate", &imported]);
        assert_eq!(out.code, 0, "{file}: {}", out.stdout);
        let out = t.sheet(&["diff", &format!("orig/{file}"), &imported]);
        assert_eq!(out.code, 0, "{file}: {}\n{}", out.stdout, t.read(&imported));
        // The workbook itself compares equal too.
        let out = t.sheet(&["diff", &format!("orig/{file}"), &format!("in/{stem}.xlsx")]);
        assert_eq!(out.code, 0, "{file}: {}", out.stdout);
    }
}

/// Writes the workbooks of the bundled regions for a person to look at
/// (`SHEET_WRITE_WORKBOOKS=DIR cargo test --test cli write_workbooks_for_a_look`).
#[test]
fn write_workbooks_for_a_look() {
    let Some(dir) = std::env::var_os("SHEET_WRITE_WORKBOOKS") else {
        return;
    };
    for file in ["minami-kaga.toml", "ishikawa-chuo.toml", "noto-chubu.toml"] {
        let path = Path::new(&dir).join(file.replace(".toml", ".xlsx"));
        std::fs::write(path, workbook_of(&bundled(file))).unwrap();
    }
}

/// A workbook of the bundled 南加賀 with one worksheet replaced by `rows`.
fn minami_kaga_with(name: &str, rows: &[&[&str]], extra: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let data = workbook_of(&bundled("minami-kaga.toml"));
    replace_worksheet(&data, name, rows, extra)
}

/// Rebuilds a workbook (its cells' text as shown) with one worksheet's cells
/// replaced.
fn replace_worksheet(
    data: &[u8],
    name: &str,
    rows: &[&[&str]],
    extra: impl FnOnce(&mut Worksheet),
) -> Vec<u8> {
    let sheets = sheet::core::workbook::cells::read(data).unwrap();
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut extra = Some(extra);
    for s in &sheets {
        let ws = wb.add_worksheet().set_name(&s.name).unwrap();
        if s.name == name {
            for (r, row) in rows.iter().enumerate() {
                for (c, text) in row.iter().enumerate() {
                    if !text.is_empty() {
                        ws.write_string(r as u32, c as u16, *text).unwrap();
                    }
                }
            }
            if let Some(f) = extra.take() {
                f(ws);
            }
            continue;
        }
        use sheet::core::workbook::cells::CellValue;
        for (&(r, c), v) in &s.cells {
            let c = c as u16;
            match v {
                CellValue::Text(t) => ws.write_string(r, c, t).map(|_| ()),
                CellValue::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                CellValue::Date(d) => {
                    use chrono::Datelike;
                    let dt =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                }
                other => panic!("{other:?}"),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

/// `progress --format json` of one workbook: its one region.
fn progress_json(data: Vec<u8>) -> serde_json::Value {
    let t = Test::new().file("南加賀.xlsx", data);
    let out = t.sheet(&["progress", "--format", "json", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    out.json()["regions"][0].clone()
}

const PROGRESS_HEAD: &[&str] = &["目標番号", "日付", "状況", "進捗状況", "元の予定", "備考"];

#[test]
fn columns_in_another_order_and_english_headers() {
    let rows: &[&[&str]] = &[
        &["text", "status", "goal", "date"],
        &["第1回地域連絡会", "予定", "1", "11月2日"],
        &["企画検討会", "done", "2", "8/1"],
    ];
    let region = progress_json(minami_kaga_with("進捗", rows, |_| {}));
    let p0 = &region["goals"][0]["progress"][0];
    assert_eq!(p0["text"], "第1回地域連絡会");
    assert_eq!(p0["date"], "2018-11-02");
    assert_eq!(p0["status"], "planned");
    let p1 = &region["goals"][1]["progress"][0];
    assert_eq!(p1["text"], "企画検討会");
    assert_eq!(p1["status"], "done");
    // Indicators with the headers in reverse order and half-width brackets.
    let rows: &[&[&str]] = &[
        &[
            "目標値",
            "現状値(今回)",
            "現状値\n(第1回会議時)",
            "単位",
            "指標",
        ],
        &["", "", "", "人", "地域移行数"],
    ];
    let region = progress_json(minami_kaga_with("指標", rows, |ws| {
        for (c, n) in [(0, 3.0), (1, 12.0), (2, 11.0)] {
            ws.write_number(1, c, n).unwrap();
        }
    }));
    let i = &region["indicators"][0];
    assert_eq!(
        (
            i["baseline"].as_i64(),
            i["current"].as_i64(),
            i["target"].as_i64()
        ),
        (Some(11), Some(12), Some(3))
    );
}

#[test]
fn trailing_empty_rows_and_columns_and_empty_rows_inside_a_table() {
    let rows: &[&[&str]] = &[
        PROGRESS_HEAD,
        &["1", "11月2日", "予定", "一つ目"],
        &[],
        &["", "", "", "", "", " "],
        &["1", "11月3日", "予定", "二つ目"],
    ];
    let data = minami_kaga_with("進捗", rows, |ws| {
        // Formatted but empty cells far below and to the right, as a template
        // leaves them, and an empty string.
        let f = Format::new().set_bold();
        for r in 5..200 {
            ws.write_blank(r, 10, &f).unwrap();
        }
        ws.write_blank(2, 40, &f).unwrap();
        ws.write_string(300, 0, "").unwrap();
    });
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.json()["errors"], 0, "{found:?}");
    let region = progress_json(std::fs::read(t.path("南加賀.xlsx")).unwrap());
    let texts: Vec<&str> = region["goals"][0]["progress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["一つ目", "二つ目"]);
}

#[test]
fn a_merged_goal_number_groups_its_rows() {
    let rows: &[&[&str]] = &[
        PROGRESS_HEAD,
        &["", "11月2日", "予定", "一つ目"],
        &["", "", "実施", "二つ目"],
        &["", "", "", "三つ目"],
        &["2", "", "", "四つ目"],
    ];
    let data = minami_kaga_with("進捗", rows, |ws| {
        ws.merge_range(1, 0, 3, 0, "1", &Format::new()).unwrap();
    });
    let region = progress_json(data);
    assert_eq!(region["goals"][0]["progress"].as_array().unwrap().len(), 3);
    assert_eq!(region["goals"][1]["progress"][0]["text"], "四つ目");
}

/// What 記入方法 says: a 進捗 row with a blank 目標番号 belongs to the goal of
/// the row above (empty rows between skipped), unmerged; the first row of
/// several goals needs its number.
#[test]
fn a_blank_goal_number_continues_the_goal_of_the_row_above() {
    let rows: &[&[&str]] = &[
        PROGRESS_HEAD,
        &["1", "11月2日", "予定", "一つ目"],
        &["", "", "実施", "二つ目"],
        &[],
        &["", "", "", "三つ目"],
        &["2", "", "", "四つ目"],
        &["", "", "", "五つ目"],
    ];
    let region = progress_json(minami_kaga_with("進捗", rows, |_| {}));
    let texts = |g: usize| -> Vec<String> {
        region["goals"][g]["progress"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts(0), ["一つ目", "二つ目", "三つ目"]);
    assert_eq!(texts(1), ["四つ目", "五つ目"]);
    let rows: &[&[&str]] = &[PROGRESS_HEAD, &["", "11月2日", "予定", "一つ目"]];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("進捗", rows, |_| {}));
    let (_, found) = findings(&t, &["南加賀.xlsx"]);
    assert!(has(&found, "missing", "進捗!A2"), "{found:?}");
    // And 記入方法 says so, in both languages.
    for (lang, words) in [
        (
            sheet::i18n::Lang::Ja,
            "目標番号が空欄の行は、その上の行と同じ目標",
        ),
        (
            sheet::i18n::Lang::En,
            "a row whose 目標番号 is blank belongs to the goal of the row above",
        ),
    ] {
        assert!(
            sheet::i18n::workbook::howto(lang)
                .iter()
                .any(|l| l.contains(words)),
            "{lang:?}"
        );
    }
}

#[test]
fn alt_enter_lists_with_the_mark_are_lists() {
    let rows: &[&[&str]] = &[
        &[
            "課題",
            "取組方針",
            "行政側",
            "医療側",
            "事業者側",
            "関係機関・住民等",
        ],
        &[
            "鈍化",
            "・パンフレットを作る\n・ピアサポーターを増やす",
            "一つの文。\n二行目も同じ文。",
            "・a\n・b",
            "c",
            "d",
        ],
    ];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("課題", rows, |_| {}));
    let out = t.sheet(&["import", "--out", "-", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    let toml: toml::Value = toml::from_str(&out.stdout).unwrap();
    let ch = &toml["challenges"][0];
    assert_eq!(ch["actions"].as_array().unwrap().len(), 2, "{}", out.stdout);
    assert_eq!(ch["actions"][1].as_str(), Some("ピアサポーターを増やす"));
    assert_eq!(
        ch["views"]["administration"].as_str(),
        Some("一つの文。\n二行目も同じ文。")
    );
    assert_eq!(ch["views"]["medical"][0].as_str(), Some("a"));
}

#[test]
fn text_and_number_cells_of_indicators() {
    let rows: &[&[&str]] = &[
        &[
            "指標",
            "単位",
            "現状値（第1回会議時）",
            "現状値（今回）",
            "目標値",
        ],
        &["地域移行数", "人", "11人", "", ""],
    ];
    let data = minami_kaga_with("指標", rows, |ws| {
        ws.write_number(1, 3, 12.5).unwrap();
        ws.write_number(1, 4, 3.0).unwrap();
    });
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.json()["errors"], 0, "{found:?}");
    // Whatever §1.5 says of "11人", it says it at the cell.
    for (code, cell) in &found {
        if code.contains("number") {
            assert_eq!(cell, "指標!C2", "{found:?}");
        }
    }
    let out = t.sheet(&["import", "--out", "-", "南加賀.xlsx"]);
    assert!(out.stdout.contains("baseline = \"11人\""), "{}", out.stdout);
    assert!(out.stdout.contains("current = 12.5"), "{}", out.stdout);
    assert!(out.stdout.contains("target = 3\n"), "{}", out.stdout);
    let region = progress_json(std::fs::read(t.path("南加賀.xlsx")).unwrap());
    assert_eq!(region["indicators"][0]["current"], 12.5);
}

/// The `指標` worksheet of the percentage tests: 地域移行数 in 人 as the bundled
/// 南加賀 has it, and 参加率 in `%`, its values left to `extra`.
const PERCENT_ROWS: &[&[&str]] = &[
    &[
        "指標",
        "単位",
        "向き",
        "現状値（第1回会議時）",
        "現状値（今回）",
        "目標値",
    ],
    &["地域移行数", "人", "", "11", "11", "3"],
    &["参加率", "%", "高いほど良い"],
];

/// A percentage typed in Excel (`25%`) is kept as 0.25 in the format `0%`: it
/// is read as the 25 it shows, a clean value of an indicator in `%`, and the
/// progress is counted on it (25 → 40 against 50: 60%), not on 0.25.
#[test]
fn a_percentage_typed_in_excel_is_read_as_the_percentage() {
    let data = minami_kaga_with("指標", PERCENT_ROWS, |ws| {
        // Built in (9, `0%`), built in (10, `0.00%`), custom (`0.0%`).
        let formats = [
            Format::new().set_num_format_index(9),
            Format::new().set_num_format_index(10),
            Format::new().set_num_format("0.0%"),
        ];
        for (col, (format, stored)) in formats.iter().zip([0.25, 0.4, 0.5]).enumerate() {
            ws.write_number_with_format(2, col as u16 + 3, stored, format)
                .unwrap();
        }
    });
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.json()["errors"], 0, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(_, c)| !(c.starts_with("指標!") && c.ends_with('3'))),
        "the percentages are clean: {found:?}"
    );
    let region = progress_json(std::fs::read(t.path("南加賀.xlsx")).unwrap());
    let i = &region["indicators"][1];
    assert_eq!(i["name"], "参加率");
    assert_eq!(
        (&i["baseline"], &i["current"], &i["target"]),
        (&25.into(), &40.into(), &50.into())
    );
    assert_eq!(i["unit"], "%");
    assert_eq!(i["progress_pct"], 60.0);
    assert_eq!(i["achieved"], false);
    let out = t.sheet(&["progress", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains("参加率"))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(
        line.contains("25") && line.contains("40") && line.contains("50"),
        "{line}"
    );
    assert!(!line.contains("0.25"), "{line}");
    // Imported as what it means: the numbers, in `%`.
    let out = t.sheet(&["import", "--out", "-", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.contains("baseline = 25\n") && out.stdout.contains("target = 50\n"),
        "{}",
        out.stdout
    );
    // And the round trip holds from there: export writes the numbers as plain
    // numbers (no percent format), which import reads as the same sheet.
    std::fs::create_dir_all(t.path("back")).unwrap();
    let out = t.sheet(&["import", "--out", "back/s.toml", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    let out = t.sheet(&["export", "back/s.toml", "--out", "again.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    for (a, b) in [("back/s.toml", "again.xlsx"), ("南加賀.xlsx", "again.xlsx")] {
        let out = t.sheet(&["diff", a, b]);
        assert_eq!(out.code, 0, "{a} {b}: {}", out.stdout);
    }
    let again =
        sheet::core::workbook::cells::read(&std::fs::read(t.path("again.xlsx")).unwrap()).unwrap();
    let indicators = again.iter().find(|w| w.name == "指標").unwrap();
    assert_eq!(
        indicators.get(2, 4),
        Some(&sheet::core::workbook::cells::CellValue::Number(25.0)),
        "{indicators:?}"
    );
}

/// A percentage in an indicator counted in another unit is not silently a
/// number of that unit: `unit-mismatch` at its cell. With 単位 blank, the
/// percent format gives the unit.
#[test]
fn a_percentage_of_an_indicator_in_another_unit_is_unit_mismatch() {
    let rows: &[&[&str]] = &[
        &["指標", "単位", "現状値（第1回会議時）", "目標値"],
        &["地域移行数", "人", "", "3"],
        &["参加率", "", "", "50%"],
    ];
    let data = minami_kaga_with("指標", rows, |ws| {
        let percent = Format::new().set_num_format("0%");
        ws.write_number_with_format(1, 2, 0.25, &percent).unwrap();
        ws.write_number_with_format(2, 2, 0.25, &percent).unwrap();
    });
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert!(has(&found, "unit-mismatch", "指標!C2"), "{found:?}");
    assert!(!found.iter().any(|(_, c)| c == "指標!C3"), "{found:?}");
    assert_eq!(out.code, 1);
    let out = t.sheet(&["validate", "南加賀.xlsx"]);
    assert!(
        out.stdout
            .contains("「現状値（第1回会議時）」の \"25%\" の単位「%」が「単位」の 人 と違います"),
        "{}",
        out.stdout
    );
}

/// The same 25% as openpyxl writes it (the built-in `0%`), in a workbook made
/// from scratch as another program would. Skipped without python3 and openpyxl.
#[test]
fn a_percentage_in_a_workbook_openpyxl_made() {
    if !crate::workbook_roundtrip::tool_available(
        "python3 with openpyxl",
        &["python3", "-c", "import openpyxl"],
    ) {
        return;
    }
    let t = Test::new();
    let script = r#"
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "シート"
for row in [("項目", "内容"), ("都道府県", "石川県"), ("圏域", "南加賀"),
            ("年度", "平成30年度"), ("時点", "2018/9/30")]:
    ws.append(row)
ws = wb.create_sheet("指標")
ws.append(("指標", "単位", "現状値（第1回会議時）", "現状値（今回）", "目標値"))
ws.append(("参加率", "%", 0.25, 0.4, 0.5))
for cell in ws[2][2:]:
    cell.number_format = "0%"
wb.save(sys.argv[1])
"#;
    let status = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(t.path("南加賀.xlsx"))
        .status()
        .expect("python3");
    assert!(status.success());
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.json()["errors"], 0, "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(_, c)| c.starts_with("指標!C") || c.starts_with("指標!D")),
        "{found:?}"
    );
    let region = progress_json(std::fs::read(t.path("南加賀.xlsx")).unwrap());
    let i = &region["indicators"][0];
    assert_eq!(i["baseline"], 25);
    assert_eq!(i["progress_pct"], 60.0);
}

#[test]
fn a_date_as_a_date_cell_as_text_and_in_every_era_format() {
    let formats: Vec<u8> = (27..=36).chain(50..=58).collect();
    let mut rows: Vec<Vec<&str>> =
        vec![PROGRESS_HEAD.to_vec(), vec!["1", "11月2日", "予定", "文字"]];
    let texts: Vec<String> = formats.iter().map(|f| format!("書式{f}")).collect();
    rows.push(vec!["1", "", "予定", "日付セル"]);
    for t in &texts {
        rows.push(vec!["1", "", "予定", t.as_str()]);
    }
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    let data = minami_kaga_with("進捗", &rows, |ws| {
        let ymd = Format::new().set_num_format("yyyy/m/d");
        ws.write_datetime_with_format(2, 1, ExcelDateTime::from_ymd(2018, 11, 2).unwrap(), &ymd)
            .unwrap();
        for (i, f) in formats.iter().enumerate() {
            let era = Format::new().set_num_format_index(*f);
            ws.write_number_with_format(3 + i as u32, 1, 43406.0, &era)
                .unwrap();
        }
    });
    let region = progress_json(data);
    let items = region["goals"][0]["progress"].as_array().unwrap();
    assert_eq!(items.len(), 2 + formats.len());
    for p in items {
        assert_eq!(p["date"], "2018-11-02", "{p}");
    }
}

#[test]
fn formulas_errors_and_booleans() {
    let rows: &[&[&str]] = &[
        &[
            "指標",
            "単位",
            "現状値（第1回会議時）",
            "現状値（今回）",
            "目標値",
            "設定理由",
        ],
        &["地域移行数", "人"],
    ];
    let base = minami_kaga_with("指標", rows, |ws| {
        // Saved value: read. No saved value: `type`. An error result, a boolean.
        ws.write_formula(1, 2, Formula::new("=5+6").set_result("11"))
            .unwrap();
        ws.write_formula(1, 3, "=C2+1").unwrap();
        ws.write_formula(1, 4, Formula::new("=NA()").set_result("#N/A"))
            .unwrap();
        ws.write_boolean(1, 5, true).unwrap();
    });
    // rust_xlsxwriter saves 0 as the value of a formula without one: take it out.
    let idx = sheet::core::workbook::cells::read(&base)
        .unwrap()
        .iter()
        .position(|s| s.name == "指標")
        .unwrap();
    let data = edited(
        &base,
        &sheet_xml(idx + 1),
        "<f>C2+1</f><v>0</v>",
        "<f>C2+1</f>",
    );
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.code, 1);
    for cell in ["指標!D2", "指標!E2", "指標!F2"] {
        assert!(has(&found, "type", cell), "{cell}: {found:?}");
    }
    assert!(!found.iter().any(|(_, c)| c == "指標!C2"), "{found:?}");
    // Said in words: the formula, the error, the boolean.
    let human = t.sheet(&["validate", "南加賀.xlsx"]).stdout;
    for words in ["=C2+1", "#N/A", "TRUE"] {
        assert!(human.contains(words), "{words}: {human}");
    }
    // An error constant (not a formula's result) too, in place of the boolean.
    let data = edited(
        &std::fs::read(t.path("南加賀.xlsx")).unwrap(),
        &sheet_xml(idx + 1),
        "<c r=\"F2\" t=\"b\"><v>1</v></c>",
        "<c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c>",
    );
    let t = Test::new().file("南加賀.xlsx", data);
    let (_, found) = findings(&t, &["南加賀.xlsx"]);
    assert!(has(&found, "type", "指標!F2"), "{found:?}");
    assert!(t
        .sheet(&["validate", "南加賀.xlsx"])
        .stdout
        .contains("#DIV/0!"));
}

// ------------------------------------------------------------- hostile files

/// A workbook whose first worksheet's XML is padded with `pad` bytes of
/// whitespace (compressing to almost nothing); when `declared` is given, the zip
/// is made to say the member is that small.
fn bomb(pad: usize, declared: Option<u32>) -> Vec<u8> {
    let base = book(&[("シート", SHEET_ROWS)], |_| {});
    let member = sheet_xml(1);
    let mut archive = zip::ZipArchive::new(Cursor::new(&base)).unwrap();
    let mut out = Cursor::new(Vec::new());
    {
        let mut zw = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().to_string();
            let mut text = Vec::new();
            file.read_to_end(&mut text).unwrap();
            if name == member {
                let s = String::from_utf8(text).unwrap();
                let at = s.find("<sheetData>").unwrap();
                let mut padded = s.as_bytes()[..at].to_vec();
                padded.resize(padded.len() + pad, b' ');
                padded.extend_from_slice(&s.as_bytes()[at..]);
                text = padded;
            }
            zw.start_file(name, opts).unwrap();
            zw.write_all(&text).unwrap();
        }
        zw.finish().unwrap();
    }
    let mut data = out.into_inner();
    if let Some(size) = declared {
        lie_about_size(&mut data, &member, size);
    }
    data
}

/// Sets the uncompressed size a zip declares for `member`, in its local header
/// and in the central directory.
fn lie_about_size(data: &mut [u8], member: &str, size: u32) {
    let name = member.as_bytes();
    let mut patched = 0;
    let mut i = 0;
    while i + 46 <= data.len() {
        let sig = u32::from_le_bytes(data[i..i + 4].try_into().unwrap());
        let (name_at, size_at, name_len_at) = match sig {
            0x0403_4b50 => (30, 22, 26),
            0x0201_4b50 => (46, 24, 28),
            _ => {
                i += 1;
                continue;
            }
        };
        let len = u16::from_le_bytes(
            data[i + name_len_at..i + name_len_at + 2]
                .try_into()
                .unwrap(),
        ) as usize;
        if data.get(i + name_at..i + name_at + len) == Some(name) {
            data[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
        i += 4;
    }
    assert_eq!(patched, 2, "local header and central directory");
}

/// A compound file (the container of an encrypted workbook and of a legacy
/// `.xls`) holding two streams of 4 KiB under `names`, laid out as the format
/// says (version 3, 512-byte sectors, one FAT sector, one directory sector).
fn compound_file(names: [&str; 2]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    const NONE: u32 = 0xFFFF_FFFF;
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let put16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut header, 24, 0x3E);
    put16(&mut header, 26, 3);
    put16(&mut header, 28, 0xFFFE);
    put16(&mut header, 30, 9);
    put16(&mut header, 32, 6);
    put32(&mut header, 44, 1); // FAT sectors
    put32(&mut header, 48, 1); // first directory sector
    put32(&mut header, 56, 0x1000); // mini stream cutoff
    put32(&mut header, 60, END);
    put32(&mut header, 68, END);
    put32(&mut header, 76, 0); // the FAT is sector 0
    for k in 1..109 {
        put32(&mut header, 76 + 4 * k, FREE);
    }
    // Sector 0, the FAT: itself, the directory, then two chains of 8 sectors.
    let mut fat = vec![FREE; 128];
    fat[0] = 0xFFFF_FFFD;
    fat[1] = END;
    for start in [2u32, 10] {
        for s in start..start + 7 {
            fat[s as usize] = s + 1;
        }
        fat[(start + 7) as usize] = END;
    }
    let mut out = header;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    // Sector 1, the directory: the root, the two streams, an unused entry.
    let entry = |name: &str, kind: u8, right: u32, child: u32, start: u32, size: u64| {
        let mut e = vec![0u8; 128];
        let units: Vec<u16> = name.encode_utf16().collect();
        for (k, u) in units.iter().enumerate() {
            put16(&mut e, 2 * k, *u);
        }
        put16(
            &mut e,
            64,
            if name.is_empty() {
                0
            } else {
                (units.len() as u16 + 1) * 2
            },
        );
        e[66] = kind;
        e[67] = 1;
        put32(&mut e, 68, NONE);
        put32(&mut e, 72, right);
        put32(&mut e, 76, child);
        put32(&mut e, 116, start);
        e[120..128].copy_from_slice(&size.to_le_bytes());
        e
    };
    out.extend(entry("Root Entry", 5, NONE, 1, END, 0));
    out.extend(entry(names[0], 2, 2, NONE, 2, 4096));
    out.extend(entry(names[1], 2, NONE, NONE, 10, 4096));
    out.extend(entry("", 0, NONE, NONE, 0, 0));
    // Sectors 2–17: the streams' contents.
    out.resize(out.len() + 16 * 512, 0);
    out
}

/// `sheet ARGS` under `/usr/bin/time`, which measures its child's own peak memory
/// (a child spawned from this test process would count the test's memory too):
/// the exit status and the peak in KiB, or `None` without `/usr/bin/time`.
fn run_measured(dir: &Path, args: &[&str]) -> Option<(i32, u64)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let report = dir.join("time.txt");
    let mut cmd = std::process::Command::new(time);
    let status = without_git_env(&mut cmd)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&report)
        .arg(env!("CARGO_BIN_EXE_sheet"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    let text = std::fs::read_to_string(&report).ok()?;
    let peak = text.lines().last()?.trim().parse().ok()?;
    Some((status.code()?, peak))
}

/// Files that are no workbook `sheet` can read, each with the words that say why.
fn bad_workbooks() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let valid = book(&[("シート", SHEET_ROWS)], |_| {});
    let mut random = Vec::new();
    let mut state: u64 = 0x5eed;
    for _ in 0..8192 {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        random.push((state >> 56) as u8);
    }
    let legacy = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks/legacy.xls"),
    )
    .unwrap();
    let limit = 16 * 1024 * 1024;
    vec![
        (
            "renamed-csv.xlsx",
            "都道府県,圏域\n石川県,南加賀\n".as_bytes().to_vec(),
            "ZIP 形式ではない",
        ),
        ("random.xlsx", random, "ZIP 形式ではない"),
        (
            "truncated.xlsx",
            valid[..valid.len() * 2 / 3].to_vec(),
            "途中で切れた",
        ),
        ("empty.xlsx", Vec::new(), "ZIP 形式ではない"),
        (
            "encrypted.xlsx",
            compound_file(["EncryptionInfo", "EncryptedPackage"]),
            "パスワード",
        ),
        ("legacy.xls", legacy, "古い形式"),
        (
            "plain-compound.xlsx",
            compound_file(["Workbook", "SummaryInformation"]),
            "古い形式",
        ),
        ("bomb.xlsx", bomb(limit + 1, None), "展開すると大きすぎる"),
        (
            "hidden-bomb.xlsx",
            bomb(limit + 1, Some(1000)),
            "書かれている大きさを超えて",
        ),
    ]
}

#[test]
fn files_that_are_no_workbook_are_bad_workbook_with_the_reason() {
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.toml"),
    )
    .unwrap();
    for (name, bytes, why) in bad_workbooks() {
        let t = Test::new()
            .file(&format!("regions/{name}"), &bytes)
            .file("regions/a.toml", &minimal);
        let before = snapshot(&t.path("regions"));
        let (out, found) = findings(&t, &["regions"]);
        assert_eq!(out.code, 1, "{name}: {out:?}");
        let json = out.json();
        let d = &json["diagnostics"].as_array().unwrap();
        let bad: Vec<_> = d.iter().filter(|d| d["code"] == "bad-workbook").collect();
        assert_eq!(bad.len(), 1, "{name}: {found:?}");
        assert_eq!(bad[0]["file"], format!("regions/{name}"));
        assert_eq!(bad[0]["severity"], "error");
        assert!(
            bad[0]["message"].as_str().unwrap().contains(why),
            "{name}: {}",
            bad[0]
        );
        assert!(bad[0]["help"].is_string(), "{name}");
        assert_eq!(json["files"], 2, "the other file is read too");
        // Other commands leave it out, say why, and end with 2.
        let out = t.sheet(&["progress", "--format", "json"]);
        assert_eq!(out.code, 2, "{name}: {out:?}");
        assert!(out.stderr.contains(why), "{name}: {}", out.stderr);
        assert_eq!(out.json()["regions"].as_array().unwrap().len(), 1);
        // import writes nothing for it.
        let out = t.sheet(&["import", "--out", "x.toml", &format!("regions/{name}")]);
        assert_eq!(out.code, 1, "{name}: {out:?}");
        assert!(out.stderr.contains(why), "{name}: {}", out.stderr);
        assert!(!t.path("x.toml").exists());
        for cmd in [
            &["compare"][..],
            &["render"],
            &["show", &format!("regions/{name}")],
        ] {
            no_panic(&t.sheet(cmd));
        }
        assert_eq!(
            snapshot(&t.path("regions")),
            before,
            "{name}: nothing modified"
        );
    }
}

/// A member that inflates to 64 MiB, four times the limit, is stopped while it is
/// unpacked, whether the zip declares its size or hides it: memory stays small.
#[test]
fn a_zip_bomb_is_refused_with_memory_bounded() {
    let big = 64 * 1024 * 1024;
    let t = Test::new()
        .file("declared.xlsx", bomb(big, None))
        .file("hidden.xlsx", bomb(big, Some(1000)));
    for name in ["declared.xlsx", "hidden.xlsx"] {
        let out = t.sheet(&["validate", name]);
        assert_eq!(out.code, 1, "{name}: {out:?}");
        assert!(
            out.stdout.contains("bad-workbook"),
            "{name}: {}",
            out.stdout
        );
        match run_measured(t.dir.path(), &["validate", name]) {
            Some((code, peak_kib)) => {
                assert_eq!(code, 1, "{name}");
                assert!(peak_kib < 48 * 1024, "{name}: {peak_kib} KiB");
            }
            None => eprintln!(
                "a_zip_bomb_is_refused_with_memory_bounded: no /usr/bin/time, memory not measured"
            ),
        }
    }
}

#[test]
fn ten_thousand_rows_in_progress() {
    let texts: Vec<String> = (0..10_000).map(|i| format!("研修会 第{i}回")).collect();
    let mut rows: Vec<Vec<&str>> = vec![PROGRESS_HEAD.to_vec()];
    for (i, t) in texts.iter().enumerate() {
        rows.push(vec![
            if i % 2 == 0 { "1" } else { "2" },
            "8/1",
            "実施",
            t.as_str(),
        ]);
    }
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("進捗", &rows, |_| {}));
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(
        out.json()["errors"],
        0,
        "{:?}",
        &found[..found.len().min(5)]
    );
    let region = progress_json(std::fs::read(t.path("南加賀.xlsx")).unwrap());
    let n: usize = region["goals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["progress"].as_array().unwrap().len())
        .sum();
    assert_eq!(n, 10_000);
    // A bad date in the last row is found at its cell.
    let last = format!("進捗!B{}", 10_001);
    let mut rows2 = rows.clone();
    let bad: &[&str] = &["2", "2/30", "実施", "最後"];
    rows2[10_000] = bad;
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("進捗", &rows2, |_| {}));
    let (_, found) = findings(&t, &["南加賀.xlsx"]);
    assert!(
        has(&found, "bad-date", &last),
        "{:?}",
        &found[..found.len().min(5)]
    );
}

// ------------------------------------------------------------------- commands

#[test]
fn workbooks_in_a_sheets_folder_are_read_beside_toml_files() {
    let t = Test::with_regions();
    std::fs::remove_file(t.path("regions/minami-kaga.toml")).unwrap();
    let t = t
        .file(
            "regions/minami-kaga.xlsx",
            workbook_of(&bundled("minami-kaga.toml")),
        )
        // Excel's lock file while the workbook is open: not a workbook.
        .file("regions/~$minami-kaga.xlsx", b"\x0bTanaka     ");
    std::fs::create_dir_all(t.path("regions/sub")).unwrap();
    let out = t.sheet_in("regions/sub", &["validate", "--format", "json"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.json()["files"], 3);
    let out = t.sheet_in("regions/sub", &["progress", "--format", "json"]);
    assert_eq!(out.code, 0, "{out:?}");
    let json = out.json();
    let regions: Vec<&str> = json["regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert!(regions.contains(&"南加賀"), "{regions:?}");
    for args in [
        &["compare", "--format", "json"][..],
        &["render", "--region", "南加賀"],
        &["show", "../minami-kaga.xlsx"],
    ] {
        let out = t.sheet_in("regions/sub", args);
        assert_eq!(out.code, 0, "{args:?}: {out:?}");
    }
    // The workbook shows as the TOML sheet does.
    let toml_show = Test::with_regions().sheet(&["show", "regions/minami-kaga.toml"]);
    let xlsx_show = t.sheet_in("regions/sub", &["show", "../minami-kaga.xlsx"]);
    assert_eq!(xlsx_show.stdout, toml_show.stdout);
    // A workbook and a TOML sheet of one region in one folder are one region twice.
    let t = t.file("regions/minami-kaga.toml", bundled("minami-kaga.toml"));
    let (out, found) = findings(&t, &["regions"]);
    assert_eq!(out.code, 1);
    assert!(
        found.iter().any(|(c, _)| c == "duplicate-region"),
        "{found:?}"
    );
}

#[test]
fn validate_a_workbook_for_people_and_for_programs() {
    let rows: &[&[&str]] = &[
        PROGRESS_HEAD,
        &["1", "11月31日", "予定", "第1回地域連絡会"],
        &["3", "8/1", "実施", "研修会"],
        &["1", "10/1", "やった", "企画検討会"],
    ];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("進捗", rows, |_| {}));
    let out = t.sheet(&["validate", "南加賀.xlsx"]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("validate_workbook_human", out.stdout);
    for line in out.stdout.lines() {
        let width = unicode_width_of(line);
        assert!(width <= 80 || !line.starts_with("-->"), "{line}");
    }
    let out = t.sheet(&[
        "validate",
        "--format",
        "json",
        "--lang",
        "en",
        "南加賀.xlsx",
    ]);
    let json = out.json();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "bad-date")
        .unwrap();
    assert_eq!(d["cell"], "進捗!B2");
    assert!(d["line"].is_null() && d["column"].is_null(), "{d}");
    assert_eq!(d["file"], "南加賀.xlsx");
    let goal = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unknown-goal")
        .unwrap();
    assert_eq!(goal["cell"], "進捗!A3");
    assert_eq!(goal["severity"], "error");
}

/// A target written `5人以上` in a workbook: the hint says what to type in which
/// cell, never TOML, in both languages — and what it says is then read cleanly.
#[test]
fn the_hint_for_a_target_with_its_unit_speaks_of_cells() {
    let rows: &[&[&str]] = &[
        &["指標", "単位", "現状値（第1回会議時）", "目標値"],
        &["地域移行数", "", "3", "5人以上"],
    ];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("指標", rows, |_| {}));
    let out = t.sheet(&["validate", "南加賀.xlsx"]);
    assert!(
        out.stdout.contains(
            "warning[number-as-text]: 「目標値」の \"5人以上\" を数値 5（単位 人、以上）として読みました\n\
             --> 南加賀.xlsx:指標!D2\n \
             = ヒント: 「目標値」のセルに 5以上 と入力します。単位は「単位」の列に 人 と書きます\n"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("target ="), "{}", out.stdout);
    let out = t.sheet(&["--lang", "en", "validate", "南加賀.xlsx"]);
    assert!(
        out.stdout
            .contains(" = help: type 5以上 in the cell 目標値; put 人 in the column 単位\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("target ="), "{}", out.stdout);
    // Done as the hint says: no finding at the indicator's cells.
    let rows: &[&[&str]] = &[
        &["指標", "単位", "現状値（第1回会議時）", "目標値"],
        &["地域移行数", "人", "3", "5以上"],
    ];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("指標", rows, |_| {}));
    let (_, found) = findings(&t, &["南加賀.xlsx"]);
    assert!(!has(&found, "number-as-text", "指標!D2"), "{found:?}");
    assert!(!found.iter().any(|(_, c)| c == "指標!B2"), "{found:?}");
}

/// Display width as a terminal shows it (full-width characters take two cells).
fn unicode_width_of(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !c.is_ascii() {
                2
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn import_writes_the_sheet_into_the_sheets_folder_and_never_replaces_a_file() {
    let data = workbook_of(&bundled("minami-kaga.toml"));
    let t = Test::new()
        .file("mail/minami-kaga.xlsx", &data)
        .file("mail/南加賀.xlsx", &data)
        .cwd("regions");
    // From anywhere in the repository, into the nearest regions/.
    let out = t.sheet_in("mail", &["import", "minami-kaga.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("minami-kaga.toml"), "{}", out.stdout);
    let written = t.read("regions/minami-kaga.toml");
    assert!(
        written.starts_with("#:schema ../sheet.schema.json\n# 石川県 南加賀"),
        "{written}"
    );
    // Never replaced: the same again is refused, the file unchanged.
    let out = t.sheet_in("mail", &["import", "minami-kaga.xlsx"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("すでにあります"), "{}", out.stderr);
    assert_eq!(t.read("regions/minami-kaga.toml"), written);
    // Another file name for the same region and year: refused too.
    let out = t.sheet_in(
        "mail",
        &[
            "import",
            "--out",
            "../regions/other.toml",
            "minami-kaga.xlsx",
        ],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("regions/minami-kaga.toml"),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/other.toml").exists());
    // A Japanese name gives no file name: say to use --out.
    let out = t.sheet_in("mail", &["import", "南加賀.xlsx"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("--out"), "{}", out.stderr);
    // --out - writes to stdout, and writes no file.
    let out = t.sheet_in("mail", &["import", "--out", "-", "南加賀.xlsx"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        written.replace("minami-kaga.xlsx", "南加賀.xlsx")
    );
    // --out with several workbooks is bad usage.
    let out = t.sheet_in("mail", &["import", "--out", "x.toml", "a.xlsx", "b.xlsx"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!t.path("mail/x.toml").exists());
}

#[test]
fn import_writes_nothing_for_a_workbook_with_errors_and_goes_on_with_the_others() {
    let good = workbook_of(&bundled("noto-chubu.toml"));
    let bad = minami_kaga_with(
        "進捗",
        &[PROGRESS_HEAD, &["9", "8/1", "実施", "研修会"]],
        |_| {},
    );
    let t = Test::new()
        .file("in/minami-kaga.xlsx", bad)
        .file("in/noto-chubu.xlsx", good);
    std::fs::create_dir_all(t.path("out")).unwrap();
    let before = snapshot(&t.path("in"));
    let out = t.sheet(&[
        "--dir",
        "out",
        "import",
        "in/minami-kaga.xlsx",
        "in/noto-chubu.xlsx",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("unknown-goal"), "{}", out.stderr);
    assert!(out.stderr.contains("進捗!A2"), "{}", out.stderr);
    assert!(
        out.stderr.contains("何も書き出していません"),
        "{}",
        out.stderr
    );
    let names: Vec<String> = snapshot(&t.path("out"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["noto-chubu.toml"]);
    assert_eq!(snapshot(&t.path("in")), before);
    let out = t.sheet(&["validate", "out/noto-chubu.toml"]);
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn import_refuses_a_workbook_inside_the_folder_it_would_write_to() {
    let t = Test::new().file(
        "regions/minami-kaga.xlsx",
        workbook_of(&bundled("minami-kaga.toml")),
    );
    let out = t.sheet(&[
        "import",
        "regions/minami-kaga.xlsx",
        "--out",
        "regions/mk.toml",
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("フォルダの外に移して"),
        "{}",
        out.stderr
    );
    assert!(!t.path("regions/mk.toml").exists());
}

#[test]
fn a_date_with_a_time_is_type_at_its_cell() {
    let rows: &[&[&str]] = &[PROGRESS_HEAD, &["1", "", "予定", "第1回地域連絡会"]];
    let data = minami_kaga_with("進捗", rows, |ws| {
        let dt = ExcelDateTime::parse_from_str("2018-11-02T10:30:00").unwrap();
        let f = Format::new().set_num_format("yyyy/m/d h:mm");
        ws.write_datetime_with_format(1, 1, dt, &f).unwrap();
    });
    let t = Test::new().file("南加賀.xlsx", data);
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.code, 1);
    assert!(has(&found, "type", "進捗!B2"), "{found:?}");
    assert!(out.json()["diagnostics"].to_string().contains("10:30"));
}

#[test]
fn headers_unknown_blank_over_data_or_repeated_are_unknown_key_at_the_header() {
    let rows: &[&[&str]] = &[
        &["目標番号", "日付", "状況", "進捗状況", "担当者", "", "日付"],
        &[
            "1",
            "11月2日",
            "予定",
            "第1回地域連絡会",
            "田中",
            "メモ",
            "11月3日",
        ],
    ];
    let t = Test::new().file("南加賀.xlsx", minami_kaga_with("進捗", rows, |_| {}));
    let (out, found) = findings(&t, &["南加賀.xlsx"]);
    assert_eq!(out.code, 1);
    for cell in ["進捗!E1", "進捗!F1", "進捗!G1"] {
        assert!(has(&found, "unknown-key", cell), "{cell}: {found:?}");
    }
    // The row is still read, by the columns that are known.
    let out = t.sheet(&["validate", "南加賀.xlsx"]);
    assert!(
        out.stdout.contains("「担当者」という列はありません"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("見出しのない列"), "{}", out.stdout);
    assert!(
        out.stdout.contains("列「日付」が二つあります"),
        "{}",
        out.stdout
    );
    // An unknown worksheet is a warning at its A1; `印刷` is not read at all.
    let sheet_rows: &[&[&str]] = &[
        &["項目", "内容"],
        &["都道府県", "石川県"],
        &["圏域", "南加賀"],
        &["年度", "H30"],
    ];
    let data = book(
        &[
            ("シート", sheet_rows),
            ("メモ", &[&["何か"]]),
            ("印刷", &[&["何か"]]),
        ],
        |_| {},
    );
    let t = Test::new().file("b.xlsx", data);
    let (out, found) = findings(&t, &["b.xlsx"]);
    assert_eq!(out.json()["errors"], 0, "{found:?}");
    assert!(has(&found, "unknown-worksheet", "メモ!A1"), "{found:?}");
    assert!(
        !found.iter().any(|(_, c)| c.starts_with("印刷")),
        "{found:?}"
    );
}
