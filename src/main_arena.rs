//! mimalloc's arena, reserved by us so that its first few MiB stay on
//! 4 KiB pages while the rest may use 2 MiB transparent huge pages.
//!
//! Left to itself, mimalloc reserves a 1 GiB arena at the first
//! allocation and madvises all of it `MADV_HUGEPAGE`; with the kernel's THP
//! mode `madvise` every 2 MiB region the heap touches is then zeroed and
//! resident whole. A small program touches its first three regions
//! sparsely (170-400 of 512 pages each: one 64 KiB mimalloc page per size
//! class, the slot table, the stacks), so `-c pass` was 4 MiB of huge pages
//! for ~0.7 MiB of data and calls.py 6 MiB for 2.5 MiB: peak RSS above
//! CPython's on every synchronous benchmark. A program whose heap grows
//! past the prefix fills the later regions densely (dict_str, fannkuch:
//! 470-512 pages each), and there a huge page is one fault instead of 512
//! and fewer TLB misses, so those regions keep the advice (notes/perf.md,
//! branch rss).

/// Size of the arena (as mimalloc's own default reservation: address
/// space only until touched).
const ARENA_SIZE: usize = 1 << 30;

/// The arena's first bytes kept on 4 KiB pages: the three 2 MiB regions
/// that start-up and small programs touch.
const SMALL_PAGE_PREFIX: usize = 6 << 20;

/// Reserve the arena and advise its prefix `MADV_NOHUGEPAGE`. Must run
/// before the first allocation (else mimalloc has reserved its own arena
/// already and this one would only be used after it). On failure nothing
/// changes: mimalloc reserves its arena as usual.
#[cfg(target_os = "linux")]
pub fn reserve() {
    extern "C" {
        // mimalloc.h (v2): `mi_arena_id_t` is an `int`.
        fn mi_reserve_os_memory_ex(size: usize, commit: bool, allow_large: bool, exclusive: bool, arena_id: *mut libc::c_int) -> libc::c_int;
        fn mi_arena_area(arena_id: libc::c_int, size: *mut usize) -> *mut libc::c_void;
        // mimalloc's own test for its arenas' eager commit (internal.h).
        fn _mi_os_has_overcommit() -> bool;
    }
    let mut id: libc::c_int = 0;
    let mut size = 0usize;
    // SAFETY: plain calls into mimalloc (initialised by its constructor
    // before `main`) with valid out-pointers; the arena is not exclusive,
    // so the default heap allocates from it. Committing it eagerly (its
    // pages are still only touched on use) and allowing huge pages is what
    // mimalloc's own reservation does on an overcommitting Linux; mimalloc
    // madvises `MADV_HUGEPAGE` on the whole mapping, then the prefix is
    // advised back, which only sets a flag on that part of the mapping.
    unsafe {
        let commit = _mi_os_has_overcommit();
        if mi_reserve_os_memory_ex(ARENA_SIZE, commit, commit, false, &mut id) != 0 {
            return;
        }
        let start = mi_arena_area(id, &mut size);
        if !start.is_null() && size >= SMALL_PAGE_PREFIX {
            libc::madvise(start, SMALL_PAGE_PREFIX, libc::MADV_NOHUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
pub fn reserve() {}
