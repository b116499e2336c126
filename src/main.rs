//! The `sheet` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    sheet::main()
}
