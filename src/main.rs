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
    // No transparent huge pages: the first touch of a 2 MiB huge page has the
    // kernel zero all of it there and then, though a run uses a fraction of
    // most; with 4 KiB pages only what is used is zeroed. `compare` on 2,350
    // sheets took 27 huge-page faults here (/proc/vmstat thp_fault_alloc), 2
    // with this (made before main). In four interleaved runs on the 2-core
    // machine, its median time over the floor's per round was lower every time
    // without them: 1.37x -> 1.26x, 1.59x -> 1.37x, 1.46x -> 1.43x (2,350
    // sheets), 1.35x -> 1.31x (23,500), and it varied less. The flag also
    // overrides mimalloc's own MADV_HUGEPAGE (made only for large OS pages,
    // off by default), so no option of mimalloc's needs setting for it.
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of this process and
    // takes no pointer.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    sheet::main()
}
