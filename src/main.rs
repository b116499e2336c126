//! The `sheet` binary: everything lives in the library.

// Loading thousands of sheets makes millions of small allocations, many freed on
// another thread than the one that made them; mimalloc handles that pattern far
// better than the system allocator (benches/run.sh: `compare` 0.95 s → 0.65 s on
// 2,350 sheets), while a program that only parses (the floor) gains about 5%.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_e` (include/mimalloc.h);
/// libmimalloc-sys names no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // By default mimalloc gives memory freed for 10 ms back to the system, and the
    // system hands it back zero-filled, one page fault at a time, when the next
    // part of a run (digests, then tables) asks for it again. A run lasts well under
    // a second and its peak is what it keeps anyway: never purging took `compare`
    // on 2,350 sheets from ~2,600 page faults to ~220 and 10-20% less time, for
    // 10-15 MiB more at the peak (benches/run.sh).
    // SAFETY: mi_option_set only stores an integer option; mimalloc allows options
    // to be set at any time, from any thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    sheet::main()
}
