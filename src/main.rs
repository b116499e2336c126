//! The `sheet` binary: everything lives in the library.

// The system allocator: mimalloc was measured against it (benches/README.md) and
// made `compare` faster but every peak larger, `progress` at 23,500 sheets past
// its memory target; the targets hold without it.

fn main() -> std::process::ExitCode {
    sheet::main()
}
