//! Ctrl-C as `KeyboardInterrupt`: a SIGINT handler that only sets the
//! VM's `interrupt` flag. The flag is read at the VM's safe points (the
//! backward jumps of `run.rs`), after each event-loop callback and in the
//! event loop's real-time wait (which sleeps in short slices), and there it
//! becomes a `KeyboardInterrupt` raised in the running code.
//!
//! Setting an atomic is all the handler does, which is async-signal-safe.
//! The handler finds the flag through a process-wide pointer; the `Arc` it
//! points into is kept alive here for as long as the handler is installed.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::vm::{PyErr, Vm};

/// The flag the handler sets (points into `KEEP`'s `Arc`).
static TARGET: AtomicPtr<AtomicBool> = AtomicPtr::new(std::ptr::null_mut());
/// Owns the flag while the handler may use it.
static KEEP: Mutex<Option<Arc<AtomicBool>>> = Mutex::new(None);

/// The interpreter thread (`pthread_t` as an integer), 0 when unset.
static THREAD: AtomicUsize = AtomicUsize::new(0);

extern "C" fn on_sigint(sig: libc::c_int) {
    let p = TARGET.load(Ordering::SeqCst);
    if !p.is_null() {
        // SAFETY: `p` comes from an `Arc` held in `KEEP` until the guard
        // that installed this handler restores the previous one.
        unsafe { (*p).store(true, Ordering::SeqCst) };
    }
    // The kernel may pick any thread (often `main`, waiting for the
    // interpreter thread): pass the signal on so that a blocking read in
    // the interpreter thread fails with EINTR.
    let t = THREAD.load(Ordering::SeqCst);
    if t != 0 {
        // SAFETY: pthread_self/pthread_equal/pthread_kill are
        // async-signal-safe; `t` is a live thread while the guard exists.
        unsafe {
            let target = t as libc::pthread_t;
            if libc::pthread_equal(libc::pthread_self(), target) == 0 {
                libc::pthread_kill(target, sig);
            }
        }
    }
}

/// While alive, SIGINT sets the flag instead of killing the process; on
/// drop the previous disposition comes back.
pub struct SigintGuard {
    old: Option<libc::sigaction>,
}

/// Route SIGINT to `flag`, from the interpreter thread (the one that
/// calls this). If the handler cannot be installed the process
/// keeps the default behaviour (Ctrl-C ends it), which is still safe.
pub fn install(flag: &Arc<AtomicBool>) -> SigintGuard {
    if let Ok(mut keep) = KEEP.lock() {
        *keep = Some(flag.clone());
    }
    TARGET.store(Arc::as_ptr(flag) as *mut AtomicBool, Ordering::SeqCst);
    // SAFETY: pthread_self has no preconditions.
    THREAD.store(unsafe { libc::pthread_self() } as usize, Ordering::SeqCst);
    // SAFETY: plain sigaction(2) calls on zero-initialised structs; the
    // handler only touches an atomic.
    let old = unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // No SA_RESTART: a blocking read of the prompt on a plain terminal
        // returns EINTR so Ctrl-C can discard the line (the standard
        // library's own reads, writes and sleeps retry on EINTR).
        sa.sa_flags = 0;
        libc::sigemptyset(&mut sa.sa_mask);
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, &sa, &mut old) == 0 {
            Some(old)
        } else {
            None
        }
    };
    SigintGuard { old }
}

impl Drop for SigintGuard {
    fn drop(&mut self) {
        if let Some(old) = self.old.take() {
            // SAFETY: restores the disposition saved by `install`.
            unsafe {
                libc::sigaction(libc::SIGINT, &old, std::ptr::null_mut());
            }
        }
        TARGET.store(std::ptr::null_mut(), Ordering::SeqCst);
        THREAD.store(0, Ordering::SeqCst);
        if let Ok(mut keep) = KEEP.lock() {
            *keep = None;
        }
    }
}

impl Vm {
    /// Forget a Ctrl-C that arrived while no code was running.
    pub fn clear_interrupt(&self) {
        self.interrupt.store(false, Ordering::SeqCst);
    }

    /// Consume a pending Ctrl-C: the `KeyboardInterrupt` to raise, if any.
    pub fn take_interrupt(&mut self) -> Option<PyErr> {
        if self.interrupt.swap(false, Ordering::SeqCst) {
            let c = self.exc.keyboard_interrupt;
            return Some(PyErr(self.make_exception(c, vec![])));
        }
        None
    }
}
