//! Running the interpreter on a 1 GiB stack without a second thread.
//!
//! Native re-entries into Python (`__repr__`, `sorted(key=...)`) and deep
//! ASTs need far more stack than the main thread's 8 MiB. A thread with a
//! big stack costs a `clone` and two cross-CPU wake-ups (spawn, join):
//! ~0.2 ms of CPU and more of wall time on a busy machine, against ~2.6 ms
//! for all of `aiopy -c pass` (measured with a C program doing the same,
//! notes/perf.md). So on x86-64 Linux the main thread switches its stack
//! pointer to a fresh mapping, calls the interpreter there and switches
//! back; elsewhere, or if the mapping fails, a thread is used as before.

/// Run `f` on a stack of `size` bytes; `Err(f)` if no stack could be
/// mapped (the caller then uses a thread).
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
pub fn run_on_big_stack<F: FnOnce() -> i32>(size: usize, f: F) -> Result<std::thread::Result<i32>, F> {
    use std::ffi::c_void;
    const GUARD: usize = 1 << 16;

    struct Call<F> {
        f: Option<F>,
        result: Option<std::thread::Result<i32>>,
    }

    extern "C" fn trampoline<F: FnOnce() -> i32>(call: *mut c_void) {
        // SAFETY: `call` is the `&mut Call<F>` passed below, alive (on the
        // old stack) until the asm block returns.
        let call = unsafe { &mut *(call as *mut Call<F>) };
        if let Some(f) = call.f.take() {
            // A panic must not unwind through the stack switch: catch it
            // here and hand it back as `thread::join` would.
            call.result = Some(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
        }
    }

    // SAFETY: an anonymous private mapping; its address is only used below.
    let base = unsafe {
        libc::mmap(std::ptr::null_mut(), size + GUARD, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK, -1, 0)
    };
    if base == libc::MAP_FAILED {
        return Err(f);
    }
    // SAFETY: the lowest GUARD bytes of the mapping just made: an overflow
    // faults there instead of running into other memory.
    if unsafe { libc::mprotect(base, GUARD, libc::PROT_NONE) } != 0 {
        // SAFETY: unmapping the mapping made above, not used since.
        unsafe { libc::munmap(base, size + GUARD) };
        return Err(f);
    }
    // The top of the mapping is page-aligned, so 16-byte aligned as the
    // ABI wants at a `call`.
    let top = (base as usize + size + GUARD) as *mut c_void;
    let mut call = Call { f: Some(f), result: None };
    let arg = &mut call as *mut Call<F> as *mut c_void;
    let entry = trampoline::<F> as extern "C" fn(*mut c_void);
    // SAFETY: the old stack pointer is kept in r12, which the callee
    // preserves (System V ABI); the new stack is fresh, writable, aligned
    // and large; the trampoline is an `extern "C"` function that cannot
    // unwind (it catches panics); every caller-saved register is declared
    // clobbered; after the call the old stack pointer is restored before
    // anything else touches the stack.
    unsafe {
        std::arch::asm!(
            "mov r12, rsp",
            "mov rsp, rsi",
            "call rdx",
            "mov rsp, r12",
            inout("rdi") arg => _,
            inout("rsi") top => _,
            inout("rdx") entry => _,
            out("r12") _,
            clobber_abi("C"),
        );
    }
    Ok(call.result.unwrap_or_else(|| Err(Box::new("interpreter did not run"))))
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
pub fn run_on_big_stack<F: FnOnce() -> i32>(_size: usize, f: F) -> Result<std::thread::Result<i32>, F> {
    Err(f)
}
