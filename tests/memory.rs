//! Memory stays flat: programs that keep creating cyclic garbage must run
//! in bounded memory, whether they loop, only recurse, or run tasks on the
//! event loop. Each program runs at two sizes; the larger one creates 4–8×
//! the garbage and must not need much more memory than the smaller one.

use std::process::{Command, Stdio};

const AIOPY: &str = env!("CARGO_BIN_EXE_aiopy");

/// Run `aiopy -c src` and return (stdout, peak RSS in KiB).
fn run_peak_rss(src: &str) -> (String, i64) {
    let child = Command::new(AIOPY)
        .args(["--virtual-clock", "-c", src])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn aiopy");
    let pid = child.id() as libc::pid_t;
    let mut out = String::new();
    if let Some(mut so) = child.stdout {
        use std::io::Read;
        so.read_to_string(&mut out).expect("read stdout");
    }
    let mut status = 0;
    // SAFETY: plain wait4(2) on our own child, with valid out-pointers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "aiopy failed: status {status}, stdout {out}");
    (out, usage.ru_maxrss)
}

fn assert_flat(program: &str, small: u32, large: u32) {
    let (out_s, rss_s) = run_peak_rss(&program.replace("N_ITER", &small.to_string()));
    let (out_l, rss_l) = run_peak_rss(&program.replace("N_ITER", &large.to_string()));
    assert!(out_s.trim().ends_with("done") && out_l.trim().ends_with("done"), "{out_s} / {out_l}");
    // 4-8x the garbage; allow 50% + 16 MiB of noise (allocator, heap growth).
    assert!(rss_l < rss_s * 3 / 2 + 16 * 1024, "peak RSS grew from {rss_s} KiB to {rss_l} KiB");
}

#[test]
fn cycles_created_in_a_loop_are_collected() {
    let program = "
class Node:
    def __init__(self):
        self.other = None
for i in range(N_ITER):
    a = Node(); b = Node(); a.other = b; b.other = a
    l = [a]; l.append(l)
print('done')
";
    assert_flat(program, 50_000, 400_000);
}

#[test]
fn cycles_created_by_recursion_without_loops_are_collected() {
    // No backward jump anywhere: only frame entries are safe points.
    let program = "
import sys
sys.setrecursionlimit(5000)
def make(n):
    if n == 0:
        return None
    a = [n]; b = [a]; a.append(b)
    return make(n - 1)
def go(k):
    if k == 0:
        return 0
    make(20)
    return go(k - 1) + 1
def outer(m):
    return 0 if m == 0 else go(1000) + outer(m - 1)
outer(N_ITER // 1000)
print('done')
";
    assert_flat(program, 20_000, 160_000);
}

#[test]
fn tasks_with_cycles_on_the_event_loop_are_collected() {
    let program = "
import asyncio
async def work(i):
    d = {'i': i}; d['self'] = d
    await asyncio.sleep(0)
    return i
async def main():
    for start in range(0, N_ITER, 1000):
        await asyncio.gather(*(work(i) for i in range(start, start + 1000)))
asyncio.run(main())
print('done')
";
    // The heap grows to its collection threshold first: compare sizes past it.
    assert_flat(program, 100_000, 400_000);
}

#[test]
fn classes_created_at_run_time_are_collected() {
    // A base class refers to its subclasses only weakly (`__subclasses__`).
    let program = "
class Base:
    pass
for i in range(N_ITER):
    C = type('C', (Base,), {'x': i, 'pad': list(range(20))})
    c = C()
print('done')
";
    assert_flat(program, 20_000, 160_000);
}
