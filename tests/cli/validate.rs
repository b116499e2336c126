use crate::common::Test;

#[test]
fn bundled_regions_validate_with_warnings_only() {
    let out = Test::with_regions().args(&["validate"]).run();
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("3 ファイルを検査: エラー 0 件"),
        "{}",
        out.stdout
    );
}
