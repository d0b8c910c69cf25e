//! The interactive prompt: what `aiopy` runs when stdin is a terminal.
//! It behaves like `python -m asyncio` (top-level `await` on one event
//! loop that lives for the session) with CPython's prompts, input rules
//! and error reports, on a rustyline editor with history, completion and
//! colouring.
//!
//! - `session.rs`: the prompt loop (banner, reading, running, Ctrl-C/D).
//! - `input.rs`: when an input is complete; pre-indentation.
//! - `editor.rs`: the rustyline editor and its helper; history file.
//! - `complete.rs`: tab completion.
//! - `highlight.rs`: colouring and bracket matching.
//! - `scan.rs`: a forgiving scanner for partial lines.
//!
//! Running an input is the VM's business: `vm/interactive.rs`; Ctrl-C
//! while code runs: `vm/interrupt.rs`.

pub mod complete;
pub mod editor;
pub mod highlight;
pub mod input;
pub mod scan;
pub mod session;

pub use session::run;
