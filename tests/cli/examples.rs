//! `examples/` stays true: the template validates, and each broken sheet's output is
//! exactly what examples/README.md shows.

use std::path::Path;

fn examples() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
}

fn validate(rel: &str) -> (i32, String) {
    let out = crate::common::sheet_command()
        .args(["validate", rel])
        .current_dir(examples())
        .env("NO_COLOR", "1")
        .env_remove("SHEET_LANG")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The template is what `sheet new` writes, so there is one blank sheet to maintain.
#[test]
fn the_template_is_what_sheet_new_writes() {
    let out = crate::common::sheet_command()
        .args([
            "new",
            "--region",
            "〇〇",
            "--prefecture",
            "〇〇県",
            "--fiscal-year",
            "R7",
            "--slug",
            "template",
            "--out",
            "-",
        ])
        .current_dir(examples())
        .env_remove("SHEET_LANG")
        .env_remove("SHEET_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(examples().join("template.toml")).unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        written,
        "examples/template.toml is stale: regenerate it with\n  sheet new --region 〇〇 --prefecture 〇〇県 --fiscal-year R7 --slug template --out - > examples/template.toml"
    );
}

#[test]
fn the_template_has_no_error() {
    let (code, stdout) = validate("template.toml");
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("エラー 0 件"), "{stdout}");
}

#[test]
fn the_readme_shows_what_validate_says_for_each_broken_sheet() {
    let readme = std::fs::read_to_string(examples().join("README.md")).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(examples().join("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6);
    for f in files {
        let rel = format!("broken/{f}");
        let (code, stdout) = validate(&rel);
        let block = format!(
            "$ sheet validate {rel}\n{}\n```\n\n終了コード (exit code): {code}\n",
            stdout.trim_end()
        );
        assert!(
            readme.contains(&block),
            "examples/README.md is stale for {rel}; it should contain:\n{block}"
        );
    }
}
