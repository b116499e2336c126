//! The `sheet` binary: everything lives in the library.

// A report keeps a digest of every sheet, made on the loading threads and freed on
// another: mimalloc serves that pattern markedly better than the system
// allocator (benches/README.md has the figures). Its defaults are used as they are.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    sheet::main()
}
