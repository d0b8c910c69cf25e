//! The line editor: rustyline with aiopy's helper (completion from the
//! session's namespaces, colouring, bracket matching), a backspace that
//! removes one indentation level from a pre-indented line, Ctrl-D that
//! counts as end of input on a line holding only its pre-indentation, and
//! history in `~/.aiopy_history`.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rustyline::completion::Completer;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{
    Cmd, ColorMode, CompletionType, ConditionalEventHandler, Config, Context, Editor, Event, EventContext, EventHandler, Helper, KeyCode,
    KeyEvent, Modifiers, Movement, RepeatCount,
};

use crate::repl::{complete, highlight, input};
use crate::vm::interactive::Interactive;
use crate::vm::Vm;

/// The VM and its session, shared by the prompt loop (which runs code)
/// and the helper (which completes names while a line is edited; the two
/// never run at the same time).
pub struct Shared {
    pub vm: Vm,
    pub session: Interactive,
}

pub struct AiopyHelper {
    pub shared: Rc<RefCell<Shared>>,
    pub colour: bool,
    /// Whether the next `highlight` call should mark a matching bracket.
    bracket: Cell<bool>,
    /// Set by Ctrl-D on a blank pre-indented line (see `EndOfInput`).
    pub eof: Arc<AtomicBool>,
}

impl Completer for AiopyHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        match self.shared.try_borrow_mut() {
            Ok(mut sh) => {
                let sh = &mut *sh;
                Ok(complete::complete(&mut sh.vm, &sh.session, line, pos))
            }
            Err(_) => Ok((pos, Vec::new())),
        }
    }
}

impl Hinter for AiopyHelper {
    type Hint = String;
}

impl Validator for AiopyHelper {}

impl Highlighter for AiopyHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.colour {
            return Cow::Borrowed(line);
        }
        let bracket = if self.bracket.get() { highlight::matching_bracket(line, pos) } else { None };
        Cow::Owned(highlight::colour(line, bracket))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // The final refresh (line accepted) shows no bracket mark.
        self.bracket.set(kind != CmdKind::ForcedRefresh);
        self.colour
    }
}

impl Helper for AiopyHelper {}

/// Backspace over leading spaces removes one indentation level.
struct Dedent;

impl ConditionalEventHandler for Dedent {
    fn handle(&self, _evt: &Event, n: RepeatCount, _positive: bool, ctx: &EventContext) -> Option<Cmd> {
        if n != 1 {
            return None;
        }
        let line = ctx.line();
        let pos = ctx.pos().min(line.len());
        let before = line.get(..pos)?;
        // (A `Kill` of n characters would be replayed with a count of 1.)
        input::backspace_dedents(before).then_some(Cmd::Dedent(Movement::WholeLine))
    }
}

/// Ctrl-D on a line holding only its pre-indentation is end of input, as
/// on an empty line: the line is accepted and `eof` set, which the reader
/// turns into `ReadlineError::Eof`.
struct EndOfInput(Arc<AtomicBool>);

impl ConditionalEventHandler for EndOfInput {
    fn handle(&self, _evt: &Event, _n: RepeatCount, _positive: bool, ctx: &EventContext) -> Option<Cmd> {
        let line = ctx.line();
        if !line.is_empty() && line.trim().is_empty() {
            self.0.store(true, Ordering::SeqCst);
            return Some(Cmd::AcceptLine);
        }
        None
    }
}

/// Colour is used unless `NO_COLOR` is set or the terminal is dumb.
pub fn colour_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var("TERM").map(|t| t == "dumb").unwrap_or(false);
    !no_color && !dumb
}

pub fn history_path() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    Some(PathBuf::from(home).join(".aiopy_history"))
}

pub type AiopyEditor = Editor<AiopyHelper, DefaultHistory>;

pub fn new_editor(shared: Rc<RefCell<Shared>>, colour: bool) -> rustyline::Result<AiopyEditor> {
    let config = Config::builder()
        .max_history_size(10_000)?
        .history_ignore_dups(true)?
        .history_ignore_space(false)
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .color_mode(if colour { ColorMode::Enabled } else { ColorMode::Disabled })
        .indent_size(input::INDENT as u8)
        .build();
    let mut ed: AiopyEditor = Editor::with_config(config)?;
    let eof = Arc::new(AtomicBool::new(false));
    ed.set_helper(Some(AiopyHelper { shared, colour, bracket: Cell::new(false), eof: eof.clone() }));
    ed.bind_sequence(KeyEvent(KeyCode::Backspace, Modifiers::NONE), EventHandler::Conditional(Box::new(Dedent)));
    ed.bind_sequence(KeyEvent::ctrl('D'), EventHandler::Conditional(Box::new(EndOfInput(eof))));
    if let Some(p) = history_path() {
        let _ = ed.load_history(&p);
    }
    Ok(ed)
}
