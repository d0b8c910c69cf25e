//! The interpreter's clock: real time by default, or the virtual clock of
//! `--virtual-clock` (the model in `shared/tools/pyref.py`: starts at 0,
//! `time.time()` is EPOCH + now, each event-loop pass costs one tick, and
//! an idle loop jumps to its next timer).

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// 2026-01-01T00:00Z, the virtual `time.time()` origin.
pub const EPOCH: f64 = 1_767_225_600.0;
/// Virtual cost of one event-loop pass.
pub const TICK: f64 = 1e-6;

pub struct Clock {
    pub virtual_time: bool,
    /// Virtual "now" in seconds.
    pub now: f64,
    start: Instant,
}

impl Clock {
    pub fn new(virtual_time: bool) -> Clock {
        Clock { virtual_time, now: 0.0, start: Instant::now() }
    }

    /// `time.monotonic()` / `loop.time()`.
    pub fn monotonic(&self) -> f64 {
        if self.virtual_time {
            self.now
        } else {
            self.start.elapsed().as_secs_f64() + 1000.0
        }
    }

    /// `time.time()`.
    pub fn wall(&self) -> f64 {
        if self.virtual_time {
            EPOCH + self.now
        } else {
            SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
        }
    }

    /// `time.sleep(d)` (d already checked non-negative).
    pub fn sleep(&mut self, d: f64, interrupted: &std::sync::atomic::AtomicBool) {
        if self.virtual_time {
            self.now += d;
            return;
        }
        let end = Instant::now() + std::time::Duration::from_secs_f64(d.min(1e9));
        // Sleep in slices so Ctrl-C is noticed promptly.
        while Instant::now() < end {
            if interrupted.load(std::sync::atomic::Ordering::Relaxed) {
                return;
            }
            let left = end.saturating_duration_since(Instant::now());
            std::thread::sleep(left.min(std::time::Duration::from_millis(50)));
        }
    }
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new(false)
    }
}
