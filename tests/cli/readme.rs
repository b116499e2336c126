//! README.md's examples stay true.

use crate::common::Test;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_shows_the_real_summary_of_the_bundled_regions() {
    let out = Test::with_regions().args(&["validate"]).run();
    let last = out.stdout.trim_end().lines().last().unwrap().to_string();
    assert!(
        readme().contains(&format!("```text\n{last}\n```")),
        "README.md should show: {last}"
    );
}

#[test]
fn readme_diagnostic_excerpt_is_real_output() {
    let readme = readme();
    let start = readme
        .find("error[unknown-key]: [[hospital_collaboration]]")
        .unwrap();
    let excerpt = &readme[start..];
    let excerpt = &excerpt[..excerpt.find("\n```").unwrap()];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sheet"))
        .args(["validate", "broken/2-keys-and-types.toml"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(excerpt),
        "README excerpt differs from:\n{stdout}"
    );
}
