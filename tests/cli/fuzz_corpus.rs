//! Replays the committed fuzz corpus (fuzz/corpus/) through the same entry points as
//! the fuzz targets, so every input the fuzzer kept is checked on every test run.

use std::path::Path;

fn replay(target: &str, run: impl Fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        run(&bytes);
        n += 1;
    }
    n
}

#[test]
fn load_validate_corpus_runs_without_panic() {
    let n = replay("load_validate", sheet::fuzzing::load_validate);
    assert!(n >= 30, "corpus too small: {n}");
}

#[test]
fn dates_corpus_runs_without_panic() {
    let n = replay("dates", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            sheet::fuzzing::dates(s);
        }
    });
    assert!(n >= 30, "corpus too small: {n}");
}
