//! Standard output and error as the interpreter writes them: stdout is
//! block-buffered when it is not a terminal (as CPython's is) and
//! line-buffered when it is; everything is flushed before stderr output
//! and at exit.

use std::io::{IsTerminal, Write};

pub struct Output {
    buf: Vec<u8>,
    line_buffered: bool,
    /// Captured output instead of the process's stdout (tests, REPL).
    pub capture: Option<Vec<u8>>,
}

impl Default for Output {
    fn default() -> Self {
        Output::new()
    }
}

impl Output {
    pub fn new() -> Output {
        Output { buf: Vec::with_capacity(8192), line_buffered: std::io::stdout().is_terminal(), capture: None }
    }

    pub fn write_stdout(&mut self, s: &str) {
        if let Some(c) = &mut self.capture {
            c.extend_from_slice(s.as_bytes());
            return;
        }
        self.buf.extend_from_slice(s.as_bytes());
        if self.buf.len() >= 8192 || (self.line_buffered && s.contains('\n')) {
            self.flush_stdout();
        }
    }

    pub fn flush_stdout(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let mut out = std::io::stdout().lock();
        // A closed pipe (e.g. `| head`) is not an interpreter error.
        let _ = out.write_all(&self.buf);
        let _ = out.flush();
        self.buf.clear();
    }

    pub fn write_stderr(&mut self, s: &str) {
        self.flush_stdout();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(s.as_bytes());
        let _ = err.flush();
    }
}
