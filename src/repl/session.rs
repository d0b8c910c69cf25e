//! The prompt loop: print the banner, read lines with `>>> ` / `... `,
//! gather them into inputs by CPython's rules, run each in the session,
//! and keep the history file up to date.
//!
//! Ctrl-C while editing discards the input (`KeyboardInterrupt` is
//! printed, as CPython does); while code runs, the SIGINT handler turns it
//! into a `KeyboardInterrupt` inside that code. Ctrl-D on an empty line
//! leaves with status 0 (on a `... ` line it ends the input, which runs); `exit()`, `quit()` and `sys.exit(n)` leave with
//! theirs.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use rustyline::error::ReadlineError;

use crate::repl::editor::{self, AiopyEditor, Shared};
use crate::repl::input::{self, Status};
use crate::vm::interactive::Outcome;
use crate::vm::{Config, Vm};

fn banner() -> String {
    format!(
        "aiopy {} (Python 3.11 compatible) asyncio REPL\n\
         Use \"await\" directly; asyncio is already imported.\n\
         Type help(object) for help, exit() or Ctrl-D to leave.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where lines come from: the editor, or plain reads of stdin on a
/// terminal the editor does not support (`TERM=dumb`) or could not open.
enum Reader {
    Editor(Box<AiopyEditor>),
    Plain(PlainReader),
}

impl Reader {
    fn read(&mut self, prompt: &str, prefill: &str) -> Result<String, ReadlineError> {
        match self {
            Reader::Editor(ed) => {
                let r = ed.readline_with_initial(prompt, (prefill, ""));
                let eof = ed.helper().is_some_and(|h| h.eof.swap(false, std::sync::atomic::Ordering::SeqCst));
                if eof && r.is_ok() {
                    return Err(ReadlineError::Eof);
                }
                r
            }
            Reader::Plain(p) => p.read(prompt),
        }
    }

    /// What to print when Ctrl-C discarded the input: the editor has
    /// already moved to a new line; on a plain terminal the cursor is
    /// still after the echoed `^C`.
    fn interrupted_message(&self) -> &'static str {
        match self {
            Reader::Editor(_) => "KeyboardInterrupt\n",
            Reader::Plain(_) => "\nKeyboardInterrupt\n",
        }
    }

    /// Ctrl-D: the editor has already ended the line.
    fn eof_newline(&self) -> &'static str {
        match self {
            Reader::Editor(_) => "",
            Reader::Plain(_) => "\n",
        }
    }

    fn remember(&mut self, line: &str) {
        if let Reader::Editor(ed) = self {
            let _ = ed.add_history_entry(line);
        }
    }

    fn save_history(&mut self) {
        if let (Reader::Editor(ed), Some(path)) = (self, editor::history_path()) {
            let _ = ed.append_history(&path);
        }
    }
}

/// Line reading straight from fd 0, so that Ctrl-C (SIGINT, which makes
/// the read fail with EINTR) can discard the line being typed.
struct PlainReader {
    pending: Vec<u8>,
    interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl PlainReader {
    fn read(&mut self, prompt: &str) -> Result<String, ReadlineError> {
        let mut out = std::io::stdout();
        let _ = out.write_all(prompt.as_bytes());
        let _ = out.flush();
        self.interrupt.store(false, std::sync::atomic::Ordering::SeqCst);
        loop {
            if let Some(nl) = self.pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=nl).collect();
                let text = String::from_utf8_lossy(&line[..nl]);
                return Ok(text.trim_end_matches('\r').to_string());
            }
            let mut buf = [0u8; 4096];
            // SAFETY: reading into a local buffer of the given length.
            let n = unsafe { libc::read(0, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
            if n < 0 {
                let err = std::io::Error::last_os_error();
                if err.kind() == std::io::ErrorKind::Interrupted {
                    if self.interrupt.swap(false, std::sync::atomic::Ordering::SeqCst) {
                        self.pending.clear();
                        return Err(ReadlineError::Interrupted);
                    }
                    continue;
                }
                return Err(ReadlineError::Io(err));
            }
            if n == 0 {
                if self.pending.is_empty() {
                    return Err(ReadlineError::Eof);
                }
                let line = std::mem::take(&mut self.pending);
                return Ok(String::from_utf8_lossy(&line).to_string());
            }
            self.pending.extend_from_slice(&buf[..n as usize]);
        }
    }
}

/// Terminals rustyline does not drive (it would fall back to plain reads).
fn unsupported_terminal() -> bool {
    matches!(std::env::var("TERM").as_deref(), Ok("dumb" | "cons25" | "emacs"))
}

/// Run the REPL until the user leaves; the process exit status.
pub fn run(config: Config) -> i32 {
    let mut vm = Vm::new(config);
    let session = vm.start_interactive();
    let flag = vm.interrupt.clone();
    let _sigint = crate::vm::interrupt::install(&flag);
    let shared = Rc::new(RefCell::new(Shared { vm, session }));
    let plain = || Reader::Plain(PlainReader { pending: Vec::new(), interrupt: flag.clone() });
    let mut reader = if unsupported_terminal() {
        plain()
    } else {
        match editor::new_editor(shared.clone(), editor::colour_wanted()) {
            Ok(ed) => Reader::Editor(Box::new(ed)),
            Err(_) => plain(),
        }
    };
    shared.borrow_mut().vm.out.write_stderr(&banner());
    let status = prompt_loop(&shared, &mut reader);
    reader.save_history();
    let mut sh = shared.borrow_mut();
    sh.vm.shutdown(None);
    sh.vm.out.flush_stdout();
    status
}

fn prompt_loop(shared: &Rc<RefCell<Shared>>, reader: &mut Reader) -> i32 {
    let mut lines: Vec<String> = Vec::new();
    let mut prefill = String::new();
    loop {
        let prompt = {
            let mut sh = shared.borrow_mut();
            sh.vm.out.flush_stdout();
            // A Ctrl-C that came after the last input finished is stale.
            sh.vm.clear_interrupt();
            sh.vm.interactive_prompt(!lines.is_empty())
        };
        let text = match reader.read(&prompt, &prefill) {
            Ok(t) => t,
            Err(ReadlineError::Interrupted) => {
                shared.borrow_mut().vm.out.write_stderr(reader.interrupted_message());
                lines.clear();
                prefill.clear();
                continue;
            }
            Err(ReadlineError::Eof) => {
                shared.borrow_mut().vm.out.write_stdout(reader.eof_newline());
                if lines.is_empty() {
                    return 0;
                }
                // Ctrl-D on a continuation line ends the input (as in
                // CPython's REPL): run what was typed.
                let source = input::join(&lines);
                lines.clear();
                prefill.clear();
                if let Outcome::Exit(n) = run_input(shared, &source) {
                    return n;
                }
                continue;
            }
            Err(e) => {
                shared.borrow_mut().vm.out.write_stderr(&format!("aiopy: cannot read input: {}\n", e));
                return 1;
            }
        };
        for piece in pieces(&text, &prefill) {
            if !piece.trim().is_empty() {
                reader.remember(&piece);
            }
            lines.push(piece);
            match input::classify(&lines) {
                Status::Empty => {
                    lines.clear();
                    prefill.clear();
                }
                Status::More(indent) => prefill = indent,
                Status::Complete => {
                    let source = input::join(&lines);
                    lines.clear();
                    prefill.clear();
                    if let Outcome::Exit(n) = run_input(shared, &source) {
                        return n;
                    }
                }
            }
        }
        reader.save_history();
    }
}

fn run_input(shared: &Rc<RefCell<Shared>>, source: &str) -> Outcome {
    let mut sh = shared.borrow_mut();
    let sh = &mut *sh;
    sh.vm.run_interactive(&mut sh.session, source)
}

/// The lines of one read. A paste (or a recalled multi-line entry) brings
/// its own indentation, so the pre-indentation is taken off its first line.
fn pieces(text: &str, prefill: &str) -> Vec<String> {
    let mut out: Vec<String> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).collect();
    if out.len() > 1 && !prefill.is_empty() {
        if let Some(rest) = out[0].strip_prefix(prefill) {
            out[0] = rest.to_string();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pasted_text_keeps_its_indentation() {
        assert_eq!(pieces("x = 1", ""), vec!["x = 1"]);
        assert_eq!(pieces("    return 1", "    "), vec!["    return 1"]);
        assert_eq!(pieces("        a = 1\n    b = 2\r\n", "    "), vec!["    a = 1", "    b = 2", ""]);
    }
}
