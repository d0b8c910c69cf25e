//! What the REPL asks of the VM: run one interactive input in `__main__`,
//! with top-level `await` on one event loop that lives for the session.
//!
//! An input is compiled in `Mode::Interactive` (expression statements
//! print their `repr` and bind `_`). When it uses `await`, `async for` or
//! `async with` at top level, the compiler flags its code as a coroutine;
//! the session wraps that code in a coroutine object over `__main__`'s
//! globals, makes it a task on the session loop and runs the loop until the
//! task is done. Tasks created earlier run whenever the loop runs, so a
//! background task keeps going while a later line awaits, as in
//! `python -m asyncio`.
//!
//! Synchronous input runs directly, with the session loop marked as the
//! running loop (without being inside `run_forever`), so
//! `asyncio.create_task()` and `get_running_loop()` work at the prompt;
//! afterwards the loop runs the callbacks that became ready (a task just
//! created starts, up to its first real wait). `asyncio.run()` and
//! `loop.run_until_complete()` still work from such a line: the event loop
//! only refuses to run when another loop is really running, and the
//! session replaces `asyncio._get_running_loop` (used only by
//! `asyncio.run` and `Runner.run`) with one that ignores the marked loop.
//!
//! Runtime code gets a source file without text: like CPython 3.11,
//! tracebacks show `File "<stdin>", line 1, in <module>` and no source
//! line (syntax errors still quote the input).

use std::rc::Rc;

use crate::asyncio::event_loop;
use crate::bytecode::{flags, CodeObject};
use crate::compiler::Mode;
use crate::runtime::generator::{GenKind, GenObj, GenState, SavedFrame};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::source::SourceFile;
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

/// Callbacks the loop runs after a synchronous input, at most.
const TICK_PASSES: usize = 1000;

/// One interactive session's state (its objects are VM roots).
pub struct Interactive {
    /// `__main__`'s namespace.
    pub globals: ObjRef,
    /// The session's event loop (replaced if the user closes it).
    pub loop_: ObjRef,
}

/// How an input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ran to the end.
    Done,
    /// A syntax error or an exception was reported.
    Failed,
    /// `SystemExit` (`exit()`, `quit()`, `sys.exit(n)`): leave with this status.
    Exit(i32),
}

impl Vm {
    /// Set up `__main__`, the session loop and `asyncio` (imported into
    /// `__main__`, as `python -m asyncio` does).
    pub fn start_interactive(&mut self) -> Interactive {
        let globals = self.main_namespace(None);
        self.ext.roots.push(Value::Obj(globals));
        let loop_ = event_loop::new_loop(self).as_obj().expect("event loop");
        self.ext.roots.push(Value::Obj(loop_));
        let session = Interactive { globals, loop_ };
        if let Ok(m) = self.import_module("asyncio") {
            let k = self.intern("asyncio");
            self.dict_set_str(globals, k, m);
            if let Some(d) = m.as_obj().and_then(|r| self.module_dict(r)) {
                let f = self.native_fn("_get_running_loop", repl_get_running_loop);
                let k = self.intern("_get_running_loop");
                if self.dict_get_str(d, k).is_some() {
                    self.dict_set_str(d, k, f);
                }
            }
        }
        // The prompts, as CPython's interactive mode sets them.
        if let Some(d) = self.sys_dict() {
            for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
                let k = self.intern(name);
                if self.dict_get_str(d, k).is_none() {
                    let v = self.new_str(text);
                    self.dict_set_str(d, k, v);
                }
            }
        }
        self.out.flush_stdout();
        session
    }

    /// The prompt to show: `str(sys.ps1)`, or `str(sys.ps2)` on a
    /// continuation line.
    pub fn interactive_prompt(&mut self, continuation: bool) -> String {
        let (name, default) = if continuation { ("ps2", "... ") } else { ("ps1", ">>> ") };
        let Some(d) = self.sys_dict() else { return default.to_string() };
        let k = self.intern(name);
        match self.dict_get_str(d, k) {
            Some(v) => self.to_str_string(v).unwrap_or_else(|_| default.to_string()),
            None => default.to_string(),
        }
    }

    fn sys_dict(&mut self) -> Option<ObjRef> {
        let sys = self.import_module("sys").ok()?;
        sys.as_obj().and_then(|r| self.module_dict(r))
    }

    /// Compile and run one complete input (`source` as typed, lines
    /// joined with `\n`).
    /// A Ctrl-C pending from before the call (pressed just after the
    /// input was entered) interrupts it at its first safe point; callers
    /// clear stale ones before reading input (`Vm::clear_interrupt`).
    pub fn run_interactive(&mut self, s: &mut Interactive, source: &str) -> Outcome {
        if event_loop::lp(self, s.loop_).closed {
            s.loop_ = event_loop::new_loop(self).as_obj().expect("event loop");
            self.ext.roots.push(Value::Obj(s.loop_));
        }
        let mut text = source.to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let file = SourceFile::new("<stdin>", text.as_str());
        let parsed = crate::parser::parse_interactive(&text).and_then(|m| crate::compiler::compile_module(&m, &file, Mode::Interactive));
        let unit = match parsed {
            Ok(u) => u,
            Err(e) => {
                self.out.flush_stdout();
                self.out.write_stderr(&e.render(&file));
                return Outcome::Failed;
            }
        };
        let runtime_file = Rc::new(SourceFile::new("<stdin>", ""));
        let code = self.load_code(&unit, &runtime_file);
        self.ext.asyncio.event_loop = Some(s.loop_);
        self.ext.asyncio.event_loop_was_set = true;
        let outcome = if code.flags & flags::COROUTINE != 0 {
            self.run_awaiting_input(s, code)
        } else {
            self.run_plain_input(s, code)
        };
        let outcome = match outcome {
            Outcome::Exit(n) => return self.finish_output(Outcome::Exit(n)),
            o => o,
        };
        // Let the loop start what the input scheduled.
        let ticked = self.tick_loop(s.loop_);
        let ticked = self.report(ticked.map(|_| Value::None));
        self.finish_output(match (outcome, ticked) {
            (_, Outcome::Exit(n)) => Outcome::Exit(n),
            (Outcome::Done, t) => t,
            (o, _) => o,
        })
    }

    fn finish_output(&mut self, o: Outcome) -> Outcome {
        self.out.flush_stdout();
        o
    }

    /// Synchronous input: run it with the session loop marked running.
    fn run_plain_input(&mut self, s: &Interactive, code: Rc<CodeObject>) -> Outcome {
        let prev = self.ext.asyncio.running_loop;
        if prev.is_none() {
            self.ext.asyncio.running_loop = Some(s.loop_);
        }
        let r = self.exec_code(code, s.globals, None);
        self.ext.asyncio.running_loop = prev;
        self.report(r)
    }

    /// Input with top-level `await`: a task on the session loop.
    fn run_awaiting_input(&mut self, s: &Interactive, code: Rc<CodeObject>) -> Outcome {
        let coro = self.module_coroutine(code, s.globals);
        self.temp_roots.push(coro);
        let task = self.call_method(Value::Obj(s.loop_), "create_task", &[coro]);
        self.temp_roots.pop();
        let task = match task {
            Ok(t) => t,
            Err(e) => return self.report(Err(e)),
        };
        self.temp_roots.push(task);
        let r = event_loop::run_until_complete(self, s.loop_, task);
        let outcome = match r {
            Err(e) if self.is_keyboard_interrupt(e.value()) && !self.task_done(task) => {
                // Ctrl-C while the input waited: cancel it (its `finally`
                // blocks run) and say so, as `python -m asyncio` does.
                let _ = self.call_method(task, "cancel", &[]);
                self.clear_interrupt();
                let _ = event_loop::run_until_complete(self, s.loop_, task);
                self.clear_interrupt();
                self.out.write_stderr("\nKeyboardInterrupt\n");
                Outcome::Failed
            }
            r => self.report(r),
        };
        self.temp_roots.pop();
        outcome
    }

    /// A coroutine running module-level `code` over `globals`.
    fn module_coroutine(&mut self, code: Rc<CodeObject>, globals: ObjRef) -> Value {
        let stack = vec![Value::Undef; code.nlocalsplus()];
        self.exit_work_possible = true;
        let name = self.new_str("<module>");
        let rare = GenObj::rare_for_names(&code, name, name, Some("<module>"), Some("<module>"));
        let g = GenObj {
            kind: GenKind::Coroutine,
            state: GenState::Created,
            frame: SavedFrame { code, ip: 0, globals, stack, origin_line: 0 },
            rare,
            exc_state: None,
            resumer_exc: Value::None,
            ag_running: false,
            ag_hooks_inited: false,
            started: false,
            loop_owned: false,
            on_own_stack: false,
            origin: None,
        };
        let cls = self.types.coroutine;
        self.alloc(cls, ObjData::Generator(Box::new(g)))
    }

    fn task_done(&mut self, task: Value) -> bool {
        match self.call_method(task, "done", &[]) {
            Ok(v) => self.truthy(v).unwrap_or(true),
            Err(_) => true,
        }
    }

    fn is_keyboard_interrupt(&self, v: Value) -> bool {
        let ki = self.exc.keyboard_interrupt;
        self.is_instance_of(v, ki)
    }

    /// Run the loop's ready callbacks and due timers without waiting.
    fn tick_loop(&mut self, l: ObjRef) -> PyResult<()> {
        if self.ext.asyncio.running_loop.is_some() || event_loop::lp(self, l).closed || event_loop::lp(self, l).running {
            return Ok(());
        }
        event_loop::lp(self, l).running = true;
        self.ext.asyncio.running_loop = Some(l);
        let mut r = Ok(());
        for _ in 0..TICK_PASSES {
            let due = {
                let now = event_loop::now(self);
                let lo = event_loop::lp(self, l);
                !lo.ready.is_empty() || lo.timers.peek().is_some_and(|t| t.when <= now)
            };
            if !due {
                break;
            }
            r = event_loop::run_once(self, l);
            if r.is_err() {
                break;
            }
        }
        let lo = event_loop::lp(self, l);
        lo.running = false;
        lo.stopping = false;
        self.ext.asyncio.running_loop = None;
        r
    }

    /// Print an input's exception CPython's way; `SystemExit` ends the
    /// session.
    fn report(&mut self, r: PyResult<Value>) -> Outcome {
        let e = match r {
            Ok(_) => return Outcome::Done,
            Err(e) => e,
        };
        let exc = e.value();
        let se = self.exc.system_exit;
        if self.is_instance_of(exc, se) {
            return Outcome::Exit(self.handle_uncaught(exc));
        }
        self.remember_last_exception(&e);
        self.out.flush_stdout();
        self.print_exception(exc);
        self.clear_interrupt();
        Outcome::Failed
    }

    /// `sys.last_type`, `sys.last_value`, `sys.last_traceback`.
    fn remember_last_exception(&mut self, e: &PyErr) {
        let exc = e.value();
        let Some(d) = self.sys_dict() else { return };
        let tb = self.traceback_value(exc);
        let ty = match exc {
            Value::Obj(r) => Value::Obj(self.heap.get(r).class),
            _ => Value::None,
        };
        for (k, v) in [("last_type", ty), ("last_value", exc), ("last_traceback", tb)] {
            let k = self.intern(k);
            self.dict_set_str(d, k, v);
        }
    }

    /// Names visible at the prompt: `__main__`'s, then the builtins'.
    pub fn interactive_names(&mut self, s: &Interactive) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        for d in [s.globals, self.builtins] {
            let pairs: Vec<(Value, Value)> = self.dict(d).iter().collect();
            for (k, v) in pairs {
                if let Some(name) = self.str_of(k) {
                    out.push((name.to_string(), v));
                }
            }
        }
        out
    }
}

/// `asyncio._get_running_loop()` during a session: the loop that is really
/// running, not the session loop marked running for a line of synchronous
/// code (so `asyncio.run()` works at the prompt).
fn repl_get_running_loop(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(l) = vm.ext.asyncio.running_loop else { return Ok(Value::None) };
    if event_loop::lp(vm, l).running {
        return Ok(Value::Obj(l));
    }
    Ok(Value::None)
}
