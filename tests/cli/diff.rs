//! `sheet diff` on files and on real temporary git repositories.

use serde_json::json;

use crate::common::{Output, Test};

const MK: &str = "regions/minami-kaga.toml";
const MEDICAL_OLD: &str = "制度を周知し、患者や家族の退院意識を高めることが課題";
const MEDICAL_NEW: &str = "制度を周知し、患者や家族の退院への意欲を高めることが課題";
const D1: &str = "2018-09-30T10:00:00+09:00";
const D2: &str = "2018-10-15T10:00:00+09:00";
const D3: &str = "2018-11-01T10:00:00+09:00";

/// The bundled regions committed once, on 2018-09-30.
fn repo() -> Test {
    let t = Test::with_regions().git_init();
    t.commit("第2回会議の事前課題シート", D1);
    t
}

/// 南加賀's 地域移行数 goes from 11 to 12 and one sentence of a view is edited.
fn edit_minami_kaga(t: &Test) {
    t.edit(MK, "current  = 11", "current  = 12");
    t.edit(MK, MEDICAL_OLD, MEDICAL_NEW);
}

/// A small sheet with two goals, for reordering.
fn small(goals: &[&str], strengths: &[&str]) -> String {
    let mut s = String::from(
        "[sheet]\nprefecture = \"石川県\"\nregion = \"小松\"\nfiscal_year = 2018\nas_of = 2018-09-30\n",
    );
    s.push_str(&format!(
        "strengths = [{}]\n",
        strengths
            .iter()
            .map(|x| format!("\"{x}\""))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for g in goals {
        s.push_str(&format!(
            "\n[[goals]]\ntext = \"{g}\"\n\n  [[goals.progress]]\n  text = \"{g}の会議\"\n  date = 2018-08-01\n  status = \"done\"\n"
        ));
    }
    s.push_str("\n[[indicators]]\nname = \"退院者数\"\nunit = \"人\"\nbaseline = 1\ncurrent = 2\ntarget = 5\n");
    s
}

fn changes(out: &Output) -> Vec<serde_json::Value> {
    out.json()["changes"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn two_files_an_edited_sentence_is_one_change() {
    let t = Test::with_regions();
    let old = t.read(MK);
    let t = t
        .file("old.toml", &old)
        .file("new.toml", old.replace(MEDICAL_OLD, MEDICAL_NEW));
    let out = t.sheet(&["diff", "old.toml", "new.toml", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let ch = changes(&out);
    assert_eq!(ch.len(), 1, "{ch:#?}");
    assert_eq!(ch[0]["region"], "南加賀");
    assert_eq!(ch[0]["section"], "views");
    assert_eq!(ch[0]["item"], "「１年以上入院患者数」の減少が鈍化");
    assert_eq!(ch[0]["field"], "medical");
    assert_eq!(ch[0]["kind"], "changed");
    assert_eq!(ch[0]["old"], MEDICAL_OLD);
    assert_eq!(ch[0]["new"], MEDICAL_NEW);

    let human = t.sheet(&["diff", "old.toml", "new.toml"]);
    assert_eq!(human.code, 1);
    assert!(
        human
            .stdout
            .contains("= 制度を周知し、患者や家族の退院{+への+}意[-識-]{+欲+}を高めることが課題"),
        "{}",
        human.stdout
    );
    assert!(human
        .stdout
        .starts_with("old.toml から new.toml へ: 1 件の違い"));
}

#[test]
fn the_same_file_twice_is_no_difference() {
    let t = Test::with_regions();
    let out = t.sheet(&["diff", MK, MK]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("違いはありません"), "{}", out.stdout);
}

#[test]
fn reordering_alone_is_no_change() {
    let t = Test::new()
        .file("a.toml", small(&["目標A", "目標B"], &["強みX", "強みY"]))
        .file("b.toml", small(&["目標B", "目標A"], &["強みY", "強みX"]));
    let out = t.sheet(&["diff", "a.toml", "b.toml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let v = out.json();
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0));
    let notes = v["notes"].as_array().cloned().unwrap_or_default();
    let sections: Vec<&str> = notes.iter().filter_map(|n| n["section"].as_str()).collect();
    assert_eq!(sections, ["strengths", "goals"], "{notes:#?}");
    assert!(notes.iter().all(|n| n["kind"] == "order_changed"));

    let human = t.sheet(&["diff", "a.toml", "b.toml"]);
    assert!(
        human.stdout.contains("違いはありません"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("達成目標の順序が変わりました"),
        "{}",
        human.stdout
    );
}

#[test]
fn revision_against_working_tree() {
    let t = repo();
    edit_minami_kaga(&t);
    let out = t.sheet(&["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let v = out.json();
    assert_eq!(v["old"]["kind"], "revision");
    assert_eq!(v["old"]["name"], "HEAD");
    assert_eq!(v["new"]["kind"], "working_tree");
    let ch = changes(&out);
    assert_eq!(ch.len(), 2, "{ch:#?}");
    let ind = ch
        .iter()
        .find(|c| c["section"] == "indicators")
        .expect("indicator change");
    assert_eq!(ind["item"], "地域移行数");
    assert_eq!(ind["field"], "current");
    assert_eq!(ind["kind"], "changed");
    assert_eq!(ind["old"], 11);
    assert_eq!(ind["new"], 12);
    assert_eq!(ind["assessment"]["old"]["achieved"], true);
    // The baseline 11 already met the target 3: no ratio, not -12.5% (SPEC §3).
    assert_eq!(
        ind["assessment"]["new"]["progress_pct"],
        serde_json::Value::Null
    );
    assert_eq!(ind["assessment"]["new"]["achieved"], true);
    assert_eq!(ind["file"], MK);

    // Without a revision: HEAD.
    // Hashes depend on the bundled sheets: kept out of the snapshots.
    let head = t.git(&["rev-parse", "--short", "HEAD"]).trim().to_string();
    let human = t.sheet(&["diff"]);
    assert_eq!(human.code, 1);
    insta::assert_snapshot!(
        "diff_head_worktree_ja",
        human.stdout.replace(&head, "<HEAD>")
    );
    let en = t.sheet(&["--lang", "en", "diff", "HEAD"]);
    insta::assert_snapshot!("diff_head_worktree_en", en.stdout.replace(&head, "<HEAD>"));
}

#[test]
fn revision_against_revision() {
    let t = repo();
    edit_minami_kaga(&t);
    t.commit("南加賀: 地域移行数を更新", D2);
    // The working tree now equals HEAD.
    assert_eq!(t.sheet(&["diff", "HEAD"]).code, 0);
    let out = t.sheet(&["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(changes(&out).len(), 2);
    assert_eq!(out.json()["new"]["name"], "HEAD");
    // And backwards.
    let back = t.sheet(&["diff", "HEAD", "HEAD~1", "--format", "json"]);
    let ch = changes(&back);
    let ind = ch.iter().find(|c| c["section"] == "indicators").unwrap();
    assert_eq!(
        (ind["old"].clone(), ind["new"].clone()),
        (12.into(), 11.into())
    );
}

#[test]
fn works_from_a_subdirectory() {
    let t = repo();
    edit_minami_kaga(&t);
    t.commit("南加賀: 地域移行数を更新", D2);
    for sub in ["regions", "docs/notes"] {
        let out = t.sheet_in(sub, &["diff", "HEAD~1", "HEAD", "--format", "json"]);
        assert_eq!(out.code, 1, "{sub}: {}", out.stderr);
        assert_eq!(changes(&out).len(), 2, "{sub}");
        assert_eq!(
            changes(&out)[0]["file"],
            MK,
            "paths are from the top of the repository"
        );
    }
    // -- PATH relative to the current folder.
    let out = t.sheet_in("regions", &["diff", "HEAD~1", "--", "noto-chubu.toml"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = t.sheet_in("regions", &["diff", "HEAD~1", "--", "minami-kaga.toml"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
}

#[test]
fn sheets_anywhere_in_the_repository() {
    let t = Test::new().git_init();
    let text =
        std::fs::read_to_string(crate::common::bundled_regions().join("minami-kaga.toml")).unwrap();
    let t = t.file("data/regions/minami-kaga.toml", &text);
    t.commit("add", D1);
    t.edit(
        "data/regions/minami-kaga.toml",
        "current  = 11",
        "current  = 12",
    );
    // From the top, where no regions/ is found upward: every regions/ folder.
    let out = t.sheet(&["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(changes(&out)[0]["file"], "data/regions/minami-kaga.toml");
    // Or named after --.
    let out = t.sheet(&["diff", "HEAD", "--", "data/regions"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn a_renamed_file_is_followed() {
    let t = repo();
    t.git(&["mv", "regions/noto-chubu.toml", "regions/noto.toml"]);
    t.commit("rename", D2);
    let out = t.sheet(&["diff", "HEAD~1", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let v = out.json();
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["notes"][0]["kind"], "renamed");
    assert_eq!(v["notes"][0]["old_file"], "regions/noto-chubu.toml");
    assert_eq!(v["notes"][0]["file"], "regions/noto.toml");
    // Also when the rename is not committed, and only the new name is asked for.
    t.git(&["mv", "regions/noto.toml", "regions/noto-2018.toml"]);
    let out = t.sheet_in("regions", &["diff", "HEAD", "--", "noto-2018.toml"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .contains("ファイル名が regions/noto.toml から regions/noto-2018.toml に変わりました"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_renamed_and_edited_file_is_matched_by_region() {
    let t = repo();
    std::fs::rename(t.path(MK), t.path("regions/minami.toml")).unwrap();
    // Different enough that git sees no rename: matched by prefecture, region, year.
    let text = t.read("regions/minami.toml");
    // Keep [sheet] only: everything before the first [[goals]].
    let cut: String = text
        .lines()
        .take_while(|l| !l.starts_with("[[goals]]"))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    std::fs::write(t.path("regions/minami.toml"), cut).unwrap();
    let out = t.sheet(&["diff", "--format", "json"]);
    let v = out.json();
    let sheets = v["sheets"].as_array().unwrap();
    let mk = sheets.iter().find(|s| s["region"] == "南加賀").unwrap();
    assert_eq!(mk["old_file"], MK);
    assert_eq!(mk["new_file"], "regions/minami.toml");
    assert_eq!(mk["status"], "changed");
}

#[test]
fn added_and_removed_sheets() {
    let t = repo();
    std::fs::remove_file(t.path("regions/ishikawa-chuo.toml")).unwrap();
    let text = t
        .read(MK)
        .replace("region      = \"南加賀\"", "region      = \"加賀北\"");
    let t = t.file("regions/kaga-kita.toml", text);
    let out = t.sheet(&["diff", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let ch = changes(&out);
    assert_eq!(ch.len(), 2, "{ch:#?}");
    let added = ch.iter().find(|c| c["kind"] == "added").unwrap();
    assert_eq!(added["section"], "sheet");
    assert_eq!(added["region"], "加賀北");
    assert_eq!(added["file"], "regions/kaga-kita.toml");
    assert_eq!(added["new"]["region"], "加賀北");
    let removed = ch.iter().find(|c| c["kind"] == "removed").unwrap();
    assert_eq!(removed["region"], "石川中央");
    assert!(removed["new"].is_null());
    let human = t.sheet(&["diff", "HEAD"]);
    assert!(human.stdout.contains("追加 1、削除 1"), "{}", human.stdout);
    assert!(
        human.stdout.contains("+ 石川県 加賀北 平成30年度 (2018)"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_side_with_errors_exits_2_with_diagnostics() {
    let t = repo();
    let broken = t.read(MK) + "\nx = [\n";
    std::fs::write(t.path(MK), broken).unwrap();
    t.edit(
        "regions/noto-chubu.toml",
        "format = 1",
        "format = 1\n# edited",
    );
    let out = t.sheet(&["diff", "HEAD"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("syntax"), "{}", out.stderr);
    assert!(
        out.stderr.contains("regions/minami-kaga.toml"),
        "{}",
        out.stderr
    );
    // The other sheets have no difference, but one was not compared: never "no
    // differences".
    assert!(!out.stdout.contains("違いはありません"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("比べられませんでした（読み込めない版のあるシート 1）"),
        "{}",
        out.stdout
    );
    // Two files, one broken.
    let out = t.sheet(&["diff", "regions/noto-chubu.toml", MK]);
    assert_eq!(out.code, 2);
}

#[test]
fn two_files_one_that_does_not_load_is_not_no_differences() {
    let t = Test::with_regions();
    let broken = t.read(MK).replace("current  = 11", "current  = [11");
    let t = t.file("broken.toml", broken);
    for (args, summary) in [
        (
            vec!["diff", MK, "broken.toml"],
            "比べられませんでした（読み込めない版のあるシート 1）",
        ),
        (
            vec!["--lang", "en", "diff", "broken.toml", "broken.toml"],
            "not compared (1 sheet with a version that does not load)",
        ),
    ] {
        let out = t.sheet(&args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stdout.contains(summary), "{args:?}: {}", out.stdout);
        assert!(
            !out.stdout.contains("違いはありません") && !out.stdout.contains("no differences"),
            "{}",
            out.stdout
        );
        assert!(out.stderr.contains("syntax"), "{}", out.stderr);
        assert!(out.stderr.contains("broken.toml"), "{}", out.stderr);
    }
}

/// Every file under the folder, to check nothing was written.
fn listing(t: &Test) -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    let mut v = Vec::new();
    walk(t.dir.path(), &mut v);
    v.sort();
    v
}

#[test]
fn injection_attempts_are_refused() {
    let t = repo();
    edit_minami_kaga(&t);
    let before = listing(&t);
    for args in [
        vec!["diff", "--output=pwned.txt"],
        vec!["diff", "--output=pwned.txt", "HEAD"],
        vec!["diff", "HEAD", "--output=pwned.txt"],
        vec!["diff", "-p"],
        vec!["diff", "HEAD;touch pwned.txt"],
        vec!["diff", "$(touch pwned.txt)"],
        vec!["diff", "`touch pwned.txt`"],
        vec!["diff", "HEAD", "|touch pwned.txt"],
        vec!["diff", "HEAD", ""],
    ] {
        let out = t.sheet(&args);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
    }
    // After `--` a path is only a path.
    let out = t.sheet(&["diff", "HEAD", "--", "--output=pwned.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(listing(&t), before, "nothing may be written");
}

#[test]
fn not_a_repository() {
    let t = Test::with_regions();
    let out = t.sheet(&["diff", "HEAD"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("git のリポジトリの中ではありません"),
        "{}",
        out.stderr
    );
    let out = t.sheet(&["--lang", "en", "diff", "HEAD"]);
    assert!(
        out.stderr.contains("not inside a git repository"),
        "{}",
        out.stderr
    );
    // A missing file named like a sheet is said to be missing.
    let out = t.sheet(&["diff", MK, "regions/typo.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("regions/typo.toml"), "{}", out.stderr);
}

#[test]
fn unknown_revision() {
    let t = repo();
    let out = t.sheet(&["diff", "no-such-branch"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("\"no-such-branch\" がありません"),
        "{}",
        out.stderr
    );
    let out = t.sheet(&["diff", "HEAD", "HEAD~5"]);
    assert_eq!(out.code, 2);
    // Inside a repository too, a missing second file is named, not the first one
    // taken for a revision; either order.
    for args in [[MK, "regions/typo.toml"], ["regions/typo.toml", MK]] {
        let out = t.sheet(&["diff", args[0], args[1]]);
        assert_eq!(out.code, 2);
        assert!(
            out.stderr
                .contains("regions/typo.toml: ファイルまたはフォルダがありません"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn git_missing() {
    let t = repo().env("PATH", "/nonexistent");
    let out = t.sheet(&["diff", "HEAD"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("git が見つかりません"),
        "{}",
        out.stderr
    );
}

#[test]
fn reading_never_writes_the_index() {
    let t = repo();
    edit_minami_kaga(&t);
    let index = std::fs::read(t.path(".git/index")).unwrap();
    let modified = std::fs::metadata(t.path(".git/index"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(t.sheet(&["diff"]).code, 1);
    assert_eq!(std::fs::read(t.path(".git/index")).unwrap(), index);
    assert_eq!(
        std::fs::metadata(t.path(".git/index"))
            .unwrap()
            .modified()
            .unwrap(),
        modified
    );
}

/// `.gitattributes` and the config of `examples/git/README.md`, with this binary.
fn with_driver(t: &Test) {
    let bin = env!("CARGO_BIN_EXE_sheet");
    std::fs::write(t.path(".gitattributes"), "regions/*.toml diff=sheet\n").unwrap();
    t.git(&[
        "config",
        "diff.sheet.textconv",
        &format!("'{bin}' show --canonical --raw-on-error"),
    ]);
    t.git(&["config", "diff.sheet.xfuncname", "^\\[.*$"]);
    t.git(&["config", "diff.sheet.command", &format!("'{bin}' diff")]);
}

#[test]
fn git_diff_with_textconv_is_readable() {
    let t = repo();
    with_driver(&t);
    t.commit("driver", D2);
    edit_minami_kaga(&t);
    let plain = t.git(&["diff", "--no-ext-diff"]);
    assert!(
        plain.contains("-現状値（今回）: 11\n+現状値（今回）: 12\n"),
        "{plain}"
    );
    assert!(
        plain.contains("@@ [指標] 地域移行数"),
        "hunk header names the item: {plain}"
    );
    assert!(
        plain.contains(&format!("+視点別の認識 医療側: {MEDICAL_NEW}")),
        "{plain}"
    );
    t.commit("南加賀: 地域移行数を更新", D3);
    let log = t.git(&["log", "-p", "--no-ext-diff", "-1", "--format=%s"]);
    // The baseline already met the target: no ratio (SPEC §3), so no "-12.5%"
    // and the assessment line is unchanged: 当初から達成.
    assert!(log.contains("\n 評価: 達成、当初から達成\n"), "{log}");
    assert!(!log.contains("-12.5%"), "{log}");
    // A version that does not load is shown as written, not an error of git.
    std::fs::write(t.path(MK), "x = [\n").unwrap();
    let broken = t.git(&["diff", "--no-ext-diff"]);
    assert!(broken.contains("+x = ["), "{broken}");
}

#[test]
fn git_diff_ext_diff_uses_the_seven_arguments() {
    let t = repo();
    with_driver(&t);
    t.commit("driver", D2);
    edit_minami_kaga(&t);
    let out = t.git(&["diff", "--ext-diff"]);
    assert!(
        out.contains("regions/minami-kaga.toml: 2 件の違い"),
        "{out}"
    );
    assert!(out.contains("意[-識-]{+欲+}"), "{out}");
    // An added sheet: old-file is /dev/null.
    let text = t
        .read(MK)
        .replace("region      = \"南加賀\"", "region      = \"加賀北\"");
    std::fs::write(t.path("regions/kaga-kita.toml"), text).unwrap();
    t.git(&["add", "-N", "regions/kaga-kita.toml"]);
    let out = t.git(&["diff", "--ext-diff", "--", "regions/kaga-kita.toml"]);
    assert!(out.contains("+ 石川県 加賀北"), "{out}");
    // Called directly the same way.
    let out = t.sheet(&[
        "diff",
        MK,
        "/dev/null",
        ".",
        ".",
        MK,
        "0000000000000000000000000000000000000000",
        "100644",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.json()["changes"][0]["kind"], "added");
}

#[test]
fn pre_commit_hook_refuses_a_broken_sheet() {
    let t = repo();
    let hook = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/git/pre-commit");
    let dest = t.path(".git/hooks/pre-commit");
    std::fs::copy(&hook, &dest).unwrap();
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_sheet"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commit = |msg: &str| {
        crate::common::git_command()
            .args(["commit", "-q", "-m", msg])
            .current_dir(t.dir.path())
            .env("PATH", &path)
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    // A bad date is an error: refused.
    t.edit(MK, "date = \"11月2日\"", "date = \"11月31日\"");
    t.git(&["add", MK]);
    let out = commit("broken");
    assert!(!out.status.success(), "the hook must refuse");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad-date"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The bundled sheets have warnings, which --strict refuses too: fix both.
    t.edit(MK, "date = \"11月31日\"", "date = \"11月2日\"");
    t.git(&["add", MK]);
    let out = commit("still warnings");
    assert!(!out.status.success(), "--strict refuses warnings");
    // A commit without sheets passes.
    t.git(&["reset", "-q"]);
    std::fs::write(t.path("notes.txt"), "memo\n").unwrap();
    t.git(&["add", "notes.txt"]);
    let out = commit("notes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn show_canonical_is_stable_text() {
    let out = Test::with_regions()
        .cwd("regions")
        .args(&["show", "--canonical", "minami-kaga.toml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("show_canonical_minami_kaga", out.stdout);
    // A sheet that does not load: diagnostics and exit 2, or its raw text for git.
    let t = Test::new().file("bad.toml", "x = [\n");
    let out = t.sheet(&["show", "--canonical", "bad.toml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("syntax"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = t.sheet(&["show", "--canonical", "--raw-on-error", "bad.toml"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "# sheet: このシートは読み込めないため、書かれたままを示します\n\
         # sheet: syntax 1:6: 配列を閉じる ] がありません\n\
         x = [\n"
    );
    let out = t.sheet(&["show", "missing.toml"]);
    assert_eq!(out.code, 2);
}

/// 南加賀 over four commits, the second of which does not load.
fn history_with_a_broken_commit(t: &Test) {
    t.edit(MK, "current  = 11", "current  = [12");
    t.commit("壊れた版", D2);
    t.edit(MK, "current  = [12", "current  = 12");
    t.commit("修正", D3);
    t.edit(MK, "current  = 12", "current  = 13");
    t.commit("南加賀: 13人", "2018-11-15T10:00:00+09:00");
}

/// git with the test's environment, its exit status kept.
fn git_status(t: &Test, args: &[&str]) -> (i32, String, String) {
    let out = crate::common::git_command()
        .args(args)
        .current_dir(t.dir.path())
        .env("NO_COLOR", "1")
        .env_remove("SHEET_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn external_diff_goes_on_past_a_version_that_does_not_load() {
    let t = repo();
    with_driver(&t);
    t.commit("driver", D2);
    history_with_a_broken_commit(&t);
    let (code, out, err) = git_status(&t, &["log", "-p", "--ext-diff", "--format=commit: %s"]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("external diff died"), "{err}");
    let subjects: Vec<&str> = out.lines().filter(|l| l.starts_with("commit: ")).collect();
    assert_eq!(
        subjects,
        [
            "commit: 南加賀: 13人",
            "commit: 修正",
            "commit: 壊れた版",
            "commit: driver",
            "commit: 第2回会議の事前課題シート"
        ],
        "git log -p walks every commit:\n{out}"
    );
    // The broken commit and its fix: why, and the text as written.
    let broken = &out[out.find("commit: 壊れた版").unwrap()..out.find("commit: driver").unwrap()];
    let fixed = &out[out.find("commit: 修正").unwrap()..out.find("commit: 壊れた版").unwrap()];
    for (part, which) in [(broken, "新しい版"), (fixed, "古い版")] {
        assert!(
            part.contains("regions/minami-kaga.toml: 比べられませんでした"),
            "{part}"
        );
        assert!(
            part.contains(&format!(
                "regions/minami-kaga.toml の{which}は読み込めません:"
            )),
            "{part}"
        );
        assert!(part.contains("error[syntax]"), "{part}");
        assert!(
            part.contains("書かれたままのテキスト（- 古い版、+ 新しい版）:"),
            "{part}"
        );
        assert!(!part.contains("違いはありません"), "{part}");
    }
    assert!(broken.contains("\n-current  = 11 "), "{broken}");
    assert!(broken.contains("\n+current  = [12 "), "{broken}");
    // The rest of a version as written is shown too, unmarked.
    assert!(broken.contains("\n [sheet]\n"), "{broken}");
    // Plain `git diff` of a working tree that does not load.
    t.edit(MK, "current  = 13", "current  = [13");
    let (code, out, err) = git_status(&t, &["diff"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("+current  = [13 "), "{out}");
    assert!(err.is_empty(), "{err}");
    // Called directly the same way: exit 0, for git.
    let old = t.path("old.toml");
    std::fs::write(&old, t.read(MK).replace("current  = [13", "current  = 13")).unwrap();
    let zeros = "0000000000000000000000000000000000000000";
    let old_arg = old.display().to_string();
    let out = t.sheet(&["diff", MK, &old_arg, zeros, "100644", MK, zeros, "100644"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("新しい版は読み込めません"),
        "{}",
        out.stdout
    );
}

#[test]
fn textconv_goes_on_past_a_version_that_does_not_load() {
    let t = repo();
    with_driver(&t);
    t.commit("driver", D2);
    history_with_a_broken_commit(&t);
    let (code, out, err) = git_status(&t, &["log", "-p", "--no-ext-diff", "--format=commit: %s"]);
    assert_eq!(code, 0, "{err}");
    let subjects: Vec<&str> = out.lines().filter(|l| l.starts_with("commit: ")).collect();
    assert_eq!(subjects.len(), 5, "{out}");
    let broken = &out[out.find("commit: 壊れた版").unwrap()..out.find("commit: driver").unwrap()];
    assert!(
        broken.contains("+# sheet: このシートは読み込めないため、書かれたままを示します\n"),
        "{broken}"
    );
    assert!(broken.contains("+# sheet: syntax "), "{broken}");
    assert!(broken.contains("+current  = [12 "), "{broken}");
}

/// Issue 17: `diff` keeps what was written. A date that became `未定` is a change
/// (it was not compared at all); dates and values carry `old_text` / `new_text`
/// in JSON and are shown as written (`11月中旬`, `13人`); an added item carries its
/// `date_text`; the standing says 当初から達成 where a progress would be.
#[test]
fn dates_and_values_are_compared_and_shown_as_written() {
    let old = crate::progress::OFFICIALS_SHEET;
    let new = old
        .replace("date = \"11月中旬\"", "date = \"11月下旬\"")
        .replace("date = 2025-09-01", "date = \"未定\"")
        .replace("current = \"13人\"", "current = \"14人\"")
        .replace(
            "  [[goals.progress]]\n  text = \"日付のない記録\"",
            "  [[goals.progress]]\n  text = \"日付のない記録\"\n\n  [[goals.progress]]\n  text = \"家族会\"\n  date = \"12月頃\"\n  status = \"予定\"",
        );
    let t = Test::new().file("old.toml", old).file("new.toml", &new);
    let out = t.sheet(&["diff", "old.toml", "new.toml", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let found = changes(&out);
    let by = |item: &str, field: Option<&str>| {
        found
            .iter()
            .find(|c| c["item"] == item && c["field"].as_str() == field)
            .unwrap_or_else(|| panic!("{item} {field:?}: {found:#?}"))
            .clone()
    };
    let c = by("第2回地域連絡会", Some("date"));
    assert_eq!(c["kind"], "changed");
    assert_eq!(
        (c["old"].clone(), c["new"].clone()),
        (json!("2025-11"), json!("2025-11"))
    );
    assert_eq!(c["old_text"], "11月中旬");
    assert_eq!(c["new_text"], "11月下旬");
    let c = by("病院訪問", Some("date"));
    assert_eq!(c["kind"], "changed");
    assert_eq!(c["old"], "2025-09-01");
    assert_eq!(c["new"], serde_json::Value::Null);
    assert!(c.get("old_text").is_none(), "{c}");
    assert_eq!(c["new_text"], "未定");
    let c = by("地域移行数", Some("current"));
    assert_eq!((c["old"].clone(), c["new"].clone()), (json!(13), json!(14)));
    assert_eq!(
        (c["old_text"].clone(), c["new_text"].clone()),
        (json!("13人"), json!("14人"))
    );
    let c = by("家族会", None);
    assert_eq!(c["kind"], "added");
    assert_eq!(c["new"]["date"], "2025-12");
    assert_eq!(c["new"]["date_text"], "12月頃");

    let human = t.sheet(&["diff", "old.toml", "new.toml"]);
    for s in [
        "    - 11月中旬\n    + 11月下旬\n",
        "    - 2025-09-01\n    + 未定\n",
        "    - 13人（未達成、進捗 40%、目標 16人以上）\n    + 14人（未達成、進捗 60%、目標 16人以上）\n",
        "+ 家族会（12月頃、予定）",
    ] {
        assert!(human.stdout.contains(s), "{s}\n{}", human.stdout);
    }

    // 当初から達成 in the standing of an indicator met at baseline.
    let met = old.replace("target = \"16人以上\"", "target = 3");
    let t = Test::new().file("old.toml", &met).file(
        "new.toml",
        met.replace("current = \"13人\"", "current = \"14人\""),
    );
    let human = t.sheet(&["diff", "old.toml", "new.toml"]);
    assert!(
        human
            .stdout
            .contains("+ 14人（達成、当初から達成、目標 3）"),
        "{}",
        human.stdout
    );
}

/// `show --canonical` (git's textconv) shows 未定 and the precision word.
#[test]
fn show_canonical_keeps_dates_as_written_in_meaning() {
    let t = Test::new().file("a.toml", crate::progress::OFFICIALS_SHEET);
    let out = t.sheet(&["show", "a.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for s in [
        "日付: 2025年11月中旬",
        "当初の予定日: 2025年10月末",
        "日付: 未定",
        "日付: 2025年度末",
        "現状値（第1回会議時）: 11人（H29年度～現時点）",
        "目標値: 16人以上",
        "状況: 実施\n",
    ] {
        assert!(out.stdout.contains(s), "{s}\n{}", out.stdout);
    }
}

/// `sheet show` printed `会議: ` for `meeting = ""`: a blank optional field is
/// left out, as every other output leaves it out.
#[test]
fn show_leaves_out_blank_optional_fields() {
    let sheet = crate::progress::OFFICIALS_SHEET;
    let blank = format!(
        "{}\n",
        sheet.replacen("[sheet]", "[sheet]\nmeeting = \"\"\ntheme = \"  \"", 1)
    );
    let t = Test::new().file("a.toml", blank);
    let out = t.sheet(&["show", "a.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("[シート]"), "{}", out.stdout);
    for label in ["会議:", "テーマ:"] {
        assert!(!out.stdout.contains(label), "{label}\n{}", out.stdout);
    }
}

/// The later lines of a value with line breaks stand under its first line, not at
/// the start of the line where they broke the layout of the change.
#[test]
fn a_multi_line_value_keeps_its_later_lines_under_its_first() {
    let sheet = |strength: &str| {
        format!(
            "format = 1\n[sheet]\nprefecture = \"石川県\"\nregion = \"南加賀\"\nfiscal_year = 2018\nstrengths = [{}]\n",
            serde_json::to_string(strength).unwrap()
        )
    };
    let t = Test::new()
        .file("a.toml", sheet("連携がある\n二行目"))
        .file("b.toml", sheet("連携がある\n二行目を直した"));
    let out = t.sheet(&["diff", "a.toml", "b.toml"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let old = lines
        .iter()
        .position(|l| l.trim_start() == "- 連携がある")
        .expect("old value");
    assert_eq!(lines[old + 1], "      二行目", "{}", out.stdout);
    assert_eq!(lines[old + 3], "      二行目を直した", "{}", out.stdout);
    assert!(
        !out.stdout.lines().any(|l| l.starts_with("二行目")),
        "{}",
        out.stdout
    );
}
