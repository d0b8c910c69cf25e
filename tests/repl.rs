//! The REPL driven in a pseudo-terminal, as a person would use it: the
//! real `aiopy` binary with a pty as its controlling terminal (so Ctrl-C
//! is a real SIGINT), typed one line at a time, output read back with the
//! terminal's escape sequences removed.
//!
//! Each test uses its own temporary `$HOME` (history file, code cache),
//! `NO_COLOR=1` and `TERM=xterm`. Timeouts are generous: the suite runs
//! these next to the rest of the tests on two cores.

#![cfg(unix)]

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

/// A temporary directory removed on drop.
struct TempHome(PathBuf);

impl TempHome {
    fn new(tag: &str) -> TempHome {
        let p = std::env::temp_dir().join(format!("aiopy-repl-{}-{}-{:?}", tag, std::process::id(), Instant::now()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp home");
        TempHome(p)
    }
}

impl Drop for TempHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Repl {
    child: Child,
    master: std::fs::File,
    output: Arc<Mutex<Vec<u8>>>,
    /// How much of the (cleaned) output `expect` has consumed.
    seen: usize,
}

impl Repl {
    fn start(home: &Path) -> Repl {
        let (master, slave) = open_pty();
        let slave_fd = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup pty"));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_aiopy"));
        cmd.stdin(slave_fd(&slave))
            .stdout(slave_fd(&slave))
            .stderr(slave_fd(&slave))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("LANG", "C.UTF-8");
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session whose controlling terminal is the pty (stdin).
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn aiopy");
        drop(slave);
        let master = std::fs::File::from(master);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("clone pty master");
        let sink = output.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().expect("output lock").extend_from_slice(&buf[..n]),
                }
            }
        });
        let mut r = Repl { child, master, output, seen: 0 };
        r.expect(">>> ");
        r
    }

    fn text(&self) -> String {
        clean(&self.output.lock().expect("output lock"))
    }

    /// Wait until `what` appears after what was already matched.
    fn expect(&mut self, what: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = self.text();
            if let Some(i) = text.get(self.seen..).and_then(|rest| rest.find(what)) {
                let start = self.seen;
                self.seen += i + what.len();
                return text[start..self.seen].to_string();
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {:?}; output after the last match:\n{}", what, text.get(self.seen..).unwrap_or(""));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, s: &str) {
        self.master.write_all(s.as_bytes()).expect("write to pty");
        self.master.flush().expect("flush pty");
    }

    /// Type a line and wait for the next prompt (`>>> ` or `... `).
    fn line(&mut self, s: &str) -> String {
        self.send(s);
        self.send("\r");
        self.next_prompt()
    }

    /// Everything up to the next prompt.
    fn next_prompt(&mut self) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let text = self.text();
            let rest = text.get(self.seen..).unwrap_or("");
            let hit = [">>> ", "... "].iter().filter_map(|p| rest.find(p).map(|i| (i, p.len()))).min();
            if let Some((i, n)) = hit {
                let start = self.seen;
                self.seen += i + n;
                return text[start..start + i].to_string();
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for a prompt; output after the last match:\n{}", rest);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("aiopy did not exit; output:\n{}", self.text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Repl {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn open_pty() -> (OwnedFd, OwnedFd) {
    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    let mut ws = libc::winsize { ws_row: 40, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: openpty fills in two new descriptors, which we then own.
    unsafe {
        let r = libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &mut ws);
        assert_eq!(r, 0, "openpty failed: {}", std::io::Error::last_os_error());
        (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave))
    }
}

/// Terminal output as plain text: escape sequences and carriage returns
/// removed.
fn clean(raw: &[u8]) -> String {
    let s = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    // CSI: parameters, then a final byte in @..~
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    // OSC: up to BEL or ST
                    while let Some(d) = chars.next() {
                        if d == '\x07' || (d == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' | '\x07' => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn multi_line_function_definition_then_call() {
    let home = TempHome::new("def");
    let mut r = Repl::start(&home.0);
    r.line("def double(x):");
    // The body line is pre-indented; the user types only the statement.
    r.line("y = x * 2");
    r.line("return y");
    r.line("");
    let out = r.line("double(21)");
    assert!(out.contains("42"), "{}", out);
    // Backspace over the pre-indentation removes one level: `else` lines
    // up with its `if`.
    r.line("if double(1) == 3:");
    r.line("print('no')");
    r.send("\x7f");
    r.line("else:");
    r.line("print('yes')");
    let out = r.line("");
    assert!(out.contains("yes") && !out.contains("Error"), "{}", out);
}

#[test]
fn top_level_await() {
    let home = TempHome::new("await");
    let mut r = Repl::start(&home.0);
    let t0 = Instant::now();
    let out = r.line("await asyncio.sleep(0.1, 'slept')");
    assert!(t0.elapsed() >= Duration::from_millis(100));
    assert!(out.contains("'slept'"), "{}", out);
    let out = r.line("_");
    assert!(out.contains("'slept'"), "{}", out);
    // `asyncio.run` still works at the prompt.
    let out = r.line("asyncio.run(asyncio.sleep(0, 'ran'))");
    assert!(out.contains("'ran'"), "{}", out);
    // async for / async with at top level.
    r.line("async def agen():");
    r.line("for i in range(3):");
    r.line("yield i");
    r.line("");
    r.line("async for v in agen():");
    r.line("print('got', v)");
    let out = r.line("");
    assert!(out.contains("got 0") && out.contains("got 2"), "{}", out);
}

#[test]
fn background_task_prints_while_later_line_awaits() {
    let home = TempHome::new("task");
    let mut r = Repl::start(&home.0);
    r.line("async def ticker():");
    r.line("for i in range(3):");
    r.line("print('tick', i)");
    r.line("await asyncio.sleep(0.05)");
    r.line("");
    r.line("t = asyncio.create_task(ticker())");
    let out = r.line("await asyncio.sleep(0.5)");
    assert!(out.contains("tick 2"), "{}", out);
    let out = r.line("t.done()");
    assert!(out.contains("True"), "{}", out);
}

#[test]
fn traceback_then_session_goes_on() {
    let home = TempHome::new("tb");
    let mut r = Repl::start(&home.0);
    r.line("x = 41");
    r.line("def boom():");
    r.line("return 1 / 0");
    r.line("");
    let out = r.line("boom()");
    assert!(out.contains("Traceback (most recent call last):"), "{}", out);
    assert!(out.contains("File \"<stdin>\", line 1, in <module>"), "{}", out);
    assert!(out.contains("File \"<stdin>\", line 2, in boom"), "{}", out);
    assert!(out.contains("ZeroDivisionError: division by zero"), "{}", out);
    let out = r.line("x + 1");
    assert!(out.contains("42"), "{}", out);
    let out = r.line("x = = 1");
    assert!(out.contains("SyntaxError: invalid syntax"), "{}", out);
    let out = r.line("await asyncio.sleep(0, x)");
    assert!(out.contains("41"), "{}", out);
}

#[test]
fn ctrl_c_interrupts_a_long_await() {
    let home = TempHome::new("ctrlc");
    let mut r = Repl::start(&home.0);
    r.send("await asyncio.sleep(100)\r");
    r.expect("await asyncio.sleep(100)");
    std::thread::sleep(Duration::from_millis(500));
    let t0 = Instant::now();
    r.send("\x03");
    let out = r.next_prompt();
    assert!(out.contains("KeyboardInterrupt"), "{}", out);
    assert!(t0.elapsed() < Duration::from_secs(10));
    let out = r.line("6 * 7");
    assert!(out.contains("42"), "{}", out);
    // Synchronous code too, and Ctrl-C while editing discards the line.
    r.send("while True: pass\r");
    r.next_prompt();
    r.send("\r");
    std::thread::sleep(Duration::from_millis(500));
    r.send("\x03");
    let out = r.next_prompt();
    assert!(out.contains("KeyboardInterrupt"), "{}", out);
    r.send("discarded");
    r.send("\x03");
    let out = r.next_prompt();
    assert!(out.contains("KeyboardInterrupt"), "{}", out);
    let out = r.line("'still here'");
    assert!(out.contains("'still here'"), "{}", out);
}

#[test]
fn tab_completion() {
    let home = TempHome::new("tab");
    let mut r = Repl::start(&home.0);
    r.send("asyncio.ga\t");
    r.expect("asyncio.gather(");
    r.send("\x03");
    r.next_prompt();
    r.line("my_long_variable = 5");
    r.send("my_lo\t");
    r.expect("my_long_variable");
    let out = r.line(" + 1");
    assert!(out.contains('6'), "{}", out);
}

#[test]
fn history_is_recalled_after_restart() {
    let home = TempHome::new("hist");
    let mut r = Repl::start(&home.0);
    r.line("print('recalled', 6 * 7)");
    r.send("\x04");
    assert_eq!(r.wait_exit(), 0);
    let hist = std::fs::read_to_string(home.0.join(".aiopy_history")).expect("history file");
    assert!(hist.contains("print('recalled', 6 * 7)"), "{}", hist);
    let mut r = Repl::start(&home.0);
    r.send("\x1b[A");
    r.expect("print('recalled', 6 * 7)");
    let out = r.line("");
    assert!(out.contains("recalled 42"), "{}", out);
}

#[test]
fn ctrl_d_exits_with_status_0() {
    let home = TempHome::new("eof");
    let mut r = Repl::start(&home.0);
    r.line("x = 1");
    // On a `... ` line holding only its pre-indentation, Ctrl-D ends the
    // input, which runs (CPython's REPL does the same on an empty line).
    r.line("if x:");
    r.line("print('ran at eof')");
    r.send("\x04");
    let out = r.next_prompt();
    assert!(out.contains("ran at eof"), "{}", out);
    r.send("\x04");
    assert_eq!(r.wait_exit(), 0);
    let mut r = Repl::start(&home.0);
    r.send("exit(3)\r");
    assert_eq!(r.wait_exit(), 3);
}

#[test]
fn stdin_that_is_not_a_terminal_runs_as_a_script() {
    let home = TempHome::new("pipe");
    let mut child = Command::new(env!("CARGO_BIN_EXE_aiopy"))
        .env("HOME", &home.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn aiopy");
    let prog = "import asyncio\nasync def main():\n    await asyncio.sleep(0)\n    return 'ok'\nprint(asyncio.run(main()))\n1 + 1\n";
    child.stdin.take().expect("stdin").write_all(prog.as_bytes()).expect("write program");
    let out = child.wait_with_output().expect("run aiopy");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok\n");
    assert!(out.status.success());
}
