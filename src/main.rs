//! The `sheet` binary: everything lives in the library.

// Loading thousands of sheets makes millions of small allocations, many freed on
// another thread than the one that made them; mimalloc handles that pattern far
// better than the system allocator (benches/run.sh: `compare` 0.95 s → 0.65 s on
// 2,350 sheets), while a program that only parses (the floor) gains about 5%.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    sheet::main()
}
