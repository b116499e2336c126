//! What the floor programs do: read every `*.toml` of a folder and parse it as TOML
//! with the same `toml` crate `sheet` uses, nothing else, on one thread.

pub fn run() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: floor DIR");
        std::process::exit(2);
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut tables = 0usize;
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        if toml::de::DeTable::parse(&text).is_ok() {
            tables += 1;
        }
    }
    println!("{tables} of {} files parsed", files.len());
}
