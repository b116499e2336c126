//! The floor of the benchmarks: read every `*.toml` of a folder and parse it as TOML
//! with the same `toml` crate `sheet` uses, nothing else (one thread and the system
//! allocator, as a minimal program would). `cargo run --release --example floor -- DIR`

#[path = "floor_parse.rs"]
mod floor_parse;

fn main() {
    floor_parse::run();
}
