//! The floor with the allocator `sheet` uses (mimalloc), to show what the
//! allocator alone changes in the cost of reading and parsing.
//! `cargo run --release --example floor-mimalloc -- DIR`

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "floor_parse.rs"]
mod floor_parse;

fn main() {
    floor_parse::run();
}
