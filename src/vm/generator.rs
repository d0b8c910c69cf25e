//! Generators and coroutines: resuming a saved frame (stackless when the
//! resumer is `for`/`yield from`/`await`, nested when it is native code),
//! suspending on `yield`, `send`/`throw`/`close` with delegation to the
//! sub-iterator of a suspended `yield from`/`await`, and the awaitable,
//! async-iterator and context-manager protocols.

use crate::bytecode::Instr;
use crate::runtime::generator::{GenKind, GenState};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::run::{RunExit, SendOutcome};
use crate::vm::{Frame, FrameReturn, PyErr, PyResult, Vm};

/// Whether `push_gen_frame` resumed the generator.
enum Resume {
    Pushed,
    Refused(GenKind, GenState),
}

/// `push_gen_frame`'s answer before the recursion check becomes an error:
/// a plain byte-sized enum, so the out-of-line call returns it in one
/// register (a `PyResult<Resume>` was packed and unpacked with shifts on
/// every resume).
enum RawResume {
    Pushed,
    Refused(GenKind, GenState),
    TooDeep,
}

/// A native consumer taking a plain generator's values where they are
/// yielded (`Vm::gen_next_folding`): `sum` adding them up, or `list()`,
/// `list.extend`, `tuple()`, `sorted`... appending them to a list. The
/// generator's frame is frame `frame`.
#[derive(Clone, Copy)]
pub(crate) struct Absorber {
    /// The index of the folded generator's frame in `frames`;
    /// `usize::MAX` when no consumer is folding.
    pub frame: usize,
    /// `Fold::Sum`: the running total, always an int or a float held in
    /// the `Value` (nothing to root). `Fold::Append`: the list, which the
    /// consumer keeps rooted.
    pub acc: Value,
    pub fold: Fold,
}

/// What a folding consumer does with each value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    Sum,
    Append,
    /// `any`: a false bool, None or 0 is skipped (`acc` unused).
    Any,
    /// `all`: a true bool or non-zero int is skipped (`acc` unused).
    All,
}

impl Absorber {
    pub const NONE: Absorber = Absorber { frame: usize::MAX, acc: Value::None, fold: Fold::Sum };
}

/// What a natively driven generator step produced.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    fn gen_state(&self, g: ObjRef) -> (GenKind, GenState) {
        match self.heap.data(g) {
            ObjData::Generator(gen) => (gen.kind, gen.state),
            _ => (GenKind::Generator, GenState::Closed),
        }
    }

    #[cold]
    fn already_executing(&mut self, kind: GenKind) -> PyErr {
        self.value_error(match kind {
            GenKind::Generator => "generator already executing",
            GenKind::Coroutine => "coroutine already executing",
            GenKind::AsyncGenerator => "async generator already executing",
        })
    }

    /// Push a suspended (or new) generator's frame, in one look at the
    /// `GenObj`. `value` is pushed as the result of the `yield` it is
    /// suspended at (`None` = push nothing). A generator that cannot be
    /// resumed here (running, closed, an async generator when `agen_ok`
    /// is false, or a new one sent a non-None value) is left untouched:
    /// `Refused` carries its kind and state for the caller's error path.
    #[inline(always)]
    fn push_gen_frame(&mut self, g: ObjRef, value: Option<Value>, ret: FrameReturn, agen_ok: bool) -> PyResult<Resume> {
        match self.push_gen_frame_raw(g, value, ret, agen_ok) {
            RawResume::Pushed => Ok(Resume::Pushed),
            RawResume::Refused(kind, state) => Ok(Resume::Refused(kind, state)),
            RawResume::TooDeep => Err(self.recursion_error()),
        }
    }

    /// The work of `push_gen_frame`.
    #[inline(always)]
    fn push_gen_frame_raw(&mut self, g: ObjRef, value: Option<Value>, ret: FrameReturn, agen_ok: bool) -> RawResume {
        let too_deep = self.frames.len() >= self.recursion_limit;
        let Vm { heap, stack, frames, exc_info, unstarted_coroutines, .. } = self;
        let ObjData::Generator(gen) = heap.data_mut(g) else { unreachable!("not a generator") };
        // One deref of the box: through `&mut Box<GenObj>` the pointer was
        // reloaded after every store.
        let gen: &mut crate::runtime::generator::GenObj = gen;
        let mut parts = ResumeParts { stack, frames, exc_info, unstarted_coroutines };
        push_gen_payload(&mut parts, gen, g, value, ret, agen_ok, too_deep)
    }

    /// `await f(...)` where `f` is an `async def` (the frame at the top
    /// is right after the call, followed by `GetAwaitable(0) LoadNone
    /// Send`): push the coroutine's frame as a plain call returning to the
    /// `Send`'s exit, without building the coroutine object, which nothing
    /// can see before the frame first suspends (`yield_from_awaited_frame`
    /// builds it then). The caller's `ip` is moved past the `Send`, where
    /// it would be while an awaited coroutine runs, so tracebacks and
    /// handlers see the same position. Not done while an exception is
    /// being handled (the coroutine would have to remember it), so the
    /// resumer's handled exception of such a frame is always None.
    /// False: nothing was done.
    #[inline]
    pub(crate) fn push_awaited_coroutine(&mut self, code: &std::rc::Rc<crate::bytecode::CodeObject>, globals: ObjRef, base: usize, ret_sp: usize) -> bool {
        if code.flags & crate::bytecode::flags::COROUTINE == 0 || !self.exc_info.is_none() {
            return false;
        }
        let Some(caller) = self.frames.last_mut() else { return false };
        let ip = caller.ip as usize;
        let Some(exit) = await_site_exit(&caller.code.instrs, ip) else { return false };
        if !matches!(caller.code.instrs.get(ip.wrapping_sub(1)), Some(Instr::Call(_) | Instr::CallKw(_) | Instr::CallEx(_))) {
            return false;
        }
        caller.ip += 3;
        let code = code.clone();
        self.frames.reserve(1);
        let len = self.frames.len();
        self.frames.spare_capacity_mut()[0].write(Frame { code, ip: 0, base, ret_sp, globals, locals: None, gen: None, ret: FrameReturn::Await { exit } });
        // SAFETY: `reserve(1)` left a spare slot at index `len`, and
        // `write` just initialised it.
        unsafe { self.frames.set_len(len + 1) };
        true
    }

    /// First suspension of a frame pushed by `push_awaited_coroutine`:
    /// build its coroutine object now, suspended at `ip`, and leave the
    /// caller's stack as an ordinary `await` would have it (the coroutine
    /// as the `Send`'s sub-iterator, then the yielded value).
    #[cold]
    #[inline(never)]
    fn yield_from_awaited_frame(&mut self, frame: Frame, v: Value, ip: usize) {
        if !frame.code.exc_table.is_empty() {
            self.exit_work_possible = true;
        }
        // The function called is still in the callee slot at `ret_sp`.
        let rare = match self.stack.get(frame.ret_sp).and_then(|f| f.as_obj()).map(|r| self.heap.data(r)) {
            Some(ObjData::Function(f)) if f.names_from_code => None,
            Some(ObjData::Function(f)) => crate::runtime::generator::GenObj::rare_for_names(&frame.code, f.name, f.qualname, self.str_of(f.name), self.str_of(f.qualname)),
            _ => crate::runtime::generator::GenObj::rare_for_names(&frame.code, Value::None, Value::None, None, None),
        };
        let stack = self.stack[frame.base..].to_vec();
        self.stack.truncate(frame.ret_sp);
        // The resumer's handled exception was None (see above).
        let exc_state = std::mem::replace(&mut self.exc_info, Value::None).as_obj();
        let g = crate::runtime::generator::GenObj {
            kind: GenKind::Coroutine,
            state: GenState::Suspended,
            frame: crate::runtime::generator::SavedFrame { code: frame.code, ip: ip as u32, globals: frame.globals, stack, origin_line: 0 },
            rare,
            exc_state,
            resumer_exc: Value::None,
            ag_running: false,
            ag_hooks_inited: false,
            started: true,
            loop_owned: false,
            on_own_stack: false,
            origin: None,
        };
        let cls = self.types.coroutine;
        let coro = self.alloc(cls, ObjData::Generator(Box::new(g)));
        self.stack.push(coro);
        self.stack.push(v);
    }

    /// `async for` (`GetAnext GetAwaitable(0) LoadNone Send` at the top
    /// frame's `ip`) over a suspended async generator whose first
    /// iteration is behind it: resume its frame here, as `yield from`
    /// would, instead of building an `asend` awaitable and running the
    /// frame in a nested dispatch loop. A slot for the awaitable is pushed
    /// under the frame (`FrameReturn::Anext`); the caller's `ip` moves past
    /// the `Send`. False: nothing was done (take `get_anext`).
    pub(crate) fn push_anext_frame(&mut self, it: Value) -> bool {
        let Value::Obj(g) = it else { return false };
        match self.heap.data(g) {
            ObjData::Generator(gen) if gen.kind == GenKind::AsyncGenerator && gen.state == GenState::Suspended && !gen.ag_running && gen.ag_hooks_inited => {}
            _ => return false,
        }
        if self.frames.len() >= self.recursion_limit {
            return false;
        }
        let Some(caller) = self.frames.last_mut() else { return false };
        let ip = caller.ip as usize;
        let Some(exit) = await_site_exit(&caller.code.instrs, ip) else { return false };
        caller.ip += 3;
        self.stack.push(Value::None);
        if let ObjData::Generator(gen) = self.heap.data_mut(g) {
            gen.ag_running = true;
        }
        matches!(self.push_gen_frame_raw(g, Some(Value::None), FrameReturn::Anext { exit }, true), RawResume::Pushed)
    }

    /// A frame resumed by `push_anext_frame` suspended at `ip`: a value
    /// yielded (the `__anext__()` result, to the slot under the frame, and
    /// the caller continues at `exit`) or a future passed up by an
    /// `await` (the slot gets the `asend` awaitable, which finishes the
    /// step later; the future goes on up from the caller's `Send`).
    #[inline(always)]
    fn anext_yielded(&mut self, g: ObjRef, code: &crate::bytecode::CodeObject, ip: usize, exit: u32, v: Value) {
        let passed_up = ip >= 2 && matches!(code.instrs.get(ip - 2), Some(Instr::Send(_)));
        if passed_up {
            let aw = crate::asyncio::asyncgen::asend_in_progress(self, g);
            if let Some(slot) = self.stack.last_mut() {
                *slot = aw;
            }
            self.stack.push(v);
            return;
        }
        if let ObjData::Generator(gen) = self.heap.data_mut(g) {
            gen.ag_running = false;
        }
        if let Some(slot) = self.stack.last_mut() {
            *slot = v;
        }
        if let Some(caller) = self.frames.last_mut() {
            caller.ip = exit as _;
        }
    }

    /// `push_gen_frame` for a generator the caller knows is suspended.
    fn push_suspended_gen_frame(&mut self, g: ObjRef) -> PyResult<()> {
        match self.push_gen_frame(g, None, FrameReturn::Native, true)? {
            Resume::Pushed => Ok(()),
            Resume::Refused(kind, _) => Err(self.already_executing(kind)),
        }
    }

    /// `YieldValue`: suspend the top (generator) frame. Returns the exit
    /// of the dispatch loop when the resumer is native code.
    #[inline(never)]
    pub(crate) fn yield_from_frame(&mut self, v: Value, ip: usize) -> Option<RunExit> {
        match self.suspend_top_frame(v, ip) {
            Suspended::Done(exit) => exit,
            Suspended::ChainAt(next) => self.yield_from_frames(v, next),
        }
    }

    /// `yield_from_frame` for the rest of a chain of `yield from`/`await`
    /// frames each yielding the same value: a loop, not a recursion (a
    /// call's prologue and epilogue and the frame move per level). Kept
    /// apart so the one-frame suspension keeps its shorter code.
    #[inline(never)]
    fn yield_from_frames(&mut self, v: Value, mut ip: usize) -> Option<RunExit> {
        loop {
            match self.suspend_top_frame(v, ip) {
                Suspended::Done(exit) => return exit,
                Suspended::ChainAt(next) => ip = next,
            }
        }
    }

    /// Suspend the top frame at a `yield` of `v` (`ip`: its resume point)
    /// and deliver `v` to its resumer, unless the resumer is a `yield
    /// from`/`await` whose next instruction yields the same value: then
    /// that frame is suspended next, without the push, the frame switch
    /// and the dispatch.
    #[inline(always)]
    fn suspend_top_frame(&mut self, v: Value, ip: usize) -> Suspended {
        let top = self.frames.last().expect("frame to yield from");
        let Some(g) = top.gen else {
            let frame = self.frames.pop().expect("checked");
            self.yield_from_awaited_frame(frame, v, ip);
            return Suspended::Done(None);
        };
        let (ret, base) = (top.ret, top.base);
        if !top.code.exc_table.is_empty() {
            self.exit_work_possible = true;
        }
        if let FrameReturn::Anext { exit } = ret {
            let frame = self.frames.pop().expect("checked");
            self.suspend_gen_frame(base, g, ip);
            self.anext_yielded(g, &frame.code, ip, exit, v);
            return Suspended::Done(None);
        }
        // Dropped where it is (only its code `Rc` needs it): moving the
        // 64-byte frame out cost 8 loads and 8 stores per level.
        self.frames.truncate(self.frames.len() - 1);
        self.suspend_gen_frame(base, g, ip);
        match ret {
            FrameReturn::Native => Suspended::Done(Some(RunExit::Yield(v))),
            FrameReturn::Send { .. } => {
                if let Some(top) = self.frames.last() {
                    let next = top.ip as usize;
                    if let Some(Instr::YieldValue) = top.code.instrs.get(next) {
                        return Suspended::ChainAt(next + 1);
                    }
                }
                self.stack.push(v);
                Suspended::Done(None)
            }
            _ => {
                self.stack.push(v);
                Suspended::Done(None)
            }
        }
    }

    /// Save generator `g`'s state at a `yield` of its frame (just popped;
    /// its values start at `base`): its exception state, its stack
    /// (handing the resumer's back), `ip`.
    #[inline(always)]
    fn suspend_gen_frame(&mut self, base: usize, g: ObjRef, ip: usize) {
        let Vm { heap, stack, exc_info, .. } = self;
        let ObjData::Generator(gen) = heap.data_mut(g) else { unreachable!("not a generator") };
        let gen: &mut crate::runtime::generator::GenObj = gen;
        // Usually both None: skip `is`'s match on two tags.
        gen.exc_state = if exc_info.is_none() || exc_info.is(gen.resumer_exc) { None } else { exc_info.as_obj() };
        *exc_info = gen.resumer_exc;
        if gen.on_own_stack {
            // The frame is alone on its own vector (base 0): hand the
            // resumer its stack back.
            std::mem::swap(stack, &mut gen.frame.stack);
            gen.on_own_stack = false;
            let own = &mut gen.frame.stack;
            // A deep call made from the generator grew its vector:
            // do not keep that memory for the whole suspension.
            if own.capacity() > 256 && own.capacity() > 4 * own.len() {
                own.shrink_to(own.len() * 2);
            }
        } else {
            gen.frame.stack.extend_from_slice(&stack[base..]);
            stack.truncate(base);
        }
        gen.frame.ip = ip as u32;
        gen.state = GenState::Suspended;
    }

    /// After resuming the top frame: while it is suspended in a `yield
    /// from`/`await` loop (next `Jump` to a `Send`) whose sub-iterator is a
    /// suspended generator or coroutine, do that `Send` here, pushing the
    /// sub-iterator's frame, without the frame switch and the dispatch of
    /// `Jump` and `Send` per level. Only where the `Send` cannot fail.
    #[inline(never)]
    fn resume_delegates(&mut self) {
        loop {
            if self.frames.len() >= self.recursion_limit {
                return;
            }
            let Some(top) = self.frames.last() else { return };
            let top_index = self.frames.len() - 1;
            let ip = top.ip as usize;
            let Some(&Instr::Jump(t)) = top.code.instrs.get(ip) else { return };
            let Some(&Instr::Send(exit)) = top.code.instrs.get(t as usize) else { return };
            let len = self.stack.len();
            let Some(&Value::Obj(sub)) = self.stack.get(len.wrapping_sub(2)) else { return };
            if !self.push_delegate_frame(sub, exit) {
                return;
            }
            self.frames[top_index].ip = (t + 1) as _;
        }
    }

    /// `resume_delegates`' first test, inline: whether the top frame is
    /// about to jump (back to a `Send`). A frame resumed at a plain
    /// `yield` (the usual `for x in gen`) never is; testing that here
    /// instead of in the call cost ~25 Ir less per resume.
    #[inline(always)]
    fn top_frame_may_delegate(&self) -> bool {
        match self.frames.last() {
            Some(top) => matches!(top.code.instrs.get(top.ip as usize), Some(Instr::Jump(_))),
            None => false,
        }
    }

    /// `resume_delegates`' `Send`: if `sub` (under the value to send, the
    /// top of the stack) is a suspended generator or coroutine, pop the
    /// value and resume `sub` with it, as `push_gen_frame_raw` does for a
    /// suspended generator, in one look-up of the `GenObj` (checking its
    /// state first took a second). False: nothing was changed.
    #[inline(always)]
    fn push_delegate_frame(&mut self, sub: ObjRef, exit: u32) -> bool {
        let Vm { heap, stack, frames, exc_info, .. } = self;
        let ObjData::Generator(gen) = heap.data_mut(sub) else { return false };
        let gen: &mut crate::runtime::generator::GenObj = gen;
        if gen.state != GenState::Suspended || gen.kind == GenKind::AsyncGenerator {
            return false;
        }
        let Some(value) = stack.pop() else { return false };
        gen.state = GenState::Running;
        let ret_sp = stack.len();
        std::mem::swap(stack, &mut gen.frame.stack);
        gen.on_own_stack = true;
        stack.push(value);
        enter_gen_frame(frames, exc_info, gen, sub, 0, ret_sp, FrameReturn::Send { exit });
        true
    }

    /// `g.send(value)` called from Python (`call_instr`: the callee at
    /// `callee_pos` is `generator.send`, `g` and `value` above it): resume
    /// `g` in the running dispatch loop, its yield becoming the call's
    /// result (`FrameReturn::SendCall`), instead of a native call running
    /// it in a nested loop (its entry and exit, `gen_send`'s layers:
    /// ~1/4 of a `send` round trip). False: nothing was done (not a
    /// generator or coroutine that can take the value now, or the frame
    /// limit is reached); the native method then raises the error.
    #[inline(never)]
    pub(crate) fn push_send_call(&mut self, callee_pos: usize) -> bool {
        let (Some(&Value::Obj(g)), Some(&value)) = (self.stack.get(callee_pos + 1), self.stack.get(callee_pos + 2)) else { return false };
        if self.frames.len() >= self.recursion_limit {
            return false;
        }
        let Vm { heap, stack, frames, exc_info, unstarted_coroutines, .. } = self;
        let ObjData::Generator(gen) = heap.data_mut(g) else { return false };
        let gen: &mut crate::runtime::generator::GenObj = gen;
        match gen.state {
            GenState::Suspended => {}
            GenState::Created if value.is_none() => {}
            _ => return false,
        }
        if gen.kind == GenKind::AsyncGenerator {
            return false;
        }
        // The frame's `ret_sp` is the callee slot: its yield replaces the
        // call (callee, `g`, `value`) with the value yielded.
        stack.truncate(callee_pos);
        let mut parts = ResumeParts { stack, frames, exc_info, unstarted_coroutines };
        // Cannot be refused: the state and kind were checked above.
        let pushed = matches!(push_gen_payload(&mut parts, gen, g, Some(value), FrameReturn::SendCall, false, false), RawResume::Pushed);
        debug_assert!(pushed);
        if self.top_frame_may_delegate() {
            self.resume_delegates();
        }
        true
    }

    /// `ForIter` over a generator: push its frame (true), or report it
    /// exhausted (false; the iterator is popped).
    #[inline(never)]
    pub(crate) fn resume_for_iter(&mut self, g: ObjRef, exit: u32) -> PyResult<bool> {
        self.resume_for_iter_inline(g, exit)
    }

    /// `resume_for_iter`'s body, inlined into `ForIterStoreFast`'s
    /// out-of-line work (`fused_for_iter_store`, the usual `for x in gen`):
    /// one call and prologue less per resumption.
    #[inline(always)]
    pub(crate) fn resume_for_iter_inline(&mut self, g: ObjRef, exit: u32) -> PyResult<bool> {
        match self.push_gen_frame(g, Some(Value::None), FrameReturn::ForIter { exit }, true)? {
            Resume::Pushed => {
                if self.top_frame_may_delegate() {
                    self.resume_delegates();
                }
                Ok(true)
            }
            Resume::Refused(_, GenState::Closed) => {
                self.stack.pop();
                Ok(false)
            }
            Resume::Refused(kind, _) => Err(self.already_executing(kind)),
        }
    }

    #[cold]
    pub(crate) fn just_started_error(&mut self, kind: GenKind) -> PyErr {
        let what = match kind {
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
            _ => "generator",
        };
        self.type_error(format!("can't send non-None value to a just-started {}", what))
    }

    /// `Send`: deliver `value` to the sub-iterator of `yield from`/`await`.
    pub(crate) fn send_instr(&mut self, sub: Value, value: Value, exit: u32) -> PyResult<SendOutcome> {
        if let Value::Obj(r) = sub {
            // The shared `sleep(0)` awaitable (asyncio::module::shared_sleep0),
            // tested first (two compares; a task switch passes here twice):
            // its state lives in this frame's stack slot, which holds `sub`.
            if Some(r) == self.ext.asyncio.sleep0 {
                let done = self.ext.asyncio.sleep0_done;
                if let (Some(top), Some(done)) = (self.stack.last_mut(), done) {
                    if matches!(*top, Value::Obj(x) if x == r) {
                        *top = Value::Obj(done);
                        return Ok(SendOutcome::Yielded(Value::None));
                    }
                }
                // Another frame's: the generic path below.
            } else if Some(r) == self.ext.asyncio.sleep0_done {
                return Ok(SendOutcome::Returned(Value::None));
            }
            if let ObjData::Generator(_) = self.heap.data(r) {
                match self.push_gen_frame(r, Some(value), FrameReturn::Send { exit }, false)? {
                    Resume::Pushed => {
                        if self.top_frame_may_delegate() {
                            self.resume_delegates();
                        }
                        return Ok(SendOutcome::Pushed);
                    }
                    Resume::Refused(GenKind::AsyncGenerator, _) => {}
                    Resume::Refused(kind, state) => match state {
                        GenState::Closed => {
                            if kind == GenKind::Coroutine {
                                return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                            }
                            return Ok(SendOutcome::Returned(Value::None));
                        }
                        GenState::Created => return Err(self.just_started_error(kind)),
                        _ => return Err(self.already_executing(kind)),
                    },
                }
            }
            if let Some(outcome) = crate::asyncio::native_send(self, sub, value)? {
                return Ok(outcome);
            }
        }
        // Any other iterator: next() or send().
        let r = if value.is_none() {
            let n = self.names.__next__;
            match self.lookup_special(sub, n) {
                Some(m) => self.call_value(m, &[sub], &[]),
                None => {
                    let tn = self.type_name(sub);
                    return Err(self.type_error(format!("'{}' object is not an iterator", tn)));
                }
            }
        } else {
            self.call_method(sub, "send", &[value])
        };
        match r {
            Ok(y) => Ok(SendOutcome::Yielded(y)),
            Err(e) => match self.stop_iteration_value(e) {
                Some(v) => Ok(SendOutcome::Returned(v)),
                None => Err(e),
            },
        }
    }

    /// The value of a StopIteration, or None if `e` is something else.
    pub fn stop_iteration_value(&mut self, e: PyErr) -> Option<Value> {
        let si = self.exc.stop_iteration;
        if !self.isinstance_exc(e.value(), si) {
            return None;
        }
        let args = match self.heap.data(e.0) {
            ObjData::Exception(x) => x.args,
            _ => Value::None,
        };
        match args.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) if !t.is_empty() => Some(t[0]),
            _ => Some(Value::None),
        }
    }

    /// Run a generator frame just pushed with `FrameReturn::Native`.
    fn run_gen_frame(&mut self) -> PyResult<GenResult> {
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        match r? {
            RunExit::Yield(v) => Ok(GenResult::Yield(v)),
            RunExit::Return(v) => Ok(GenResult::Return(v)),
        }
    }

    /// `gen.send(value)` / `next(gen)` from native code.
    pub fn gen_send(&mut self, g: ObjRef, value: Value) -> PyResult<GenResult> {
        match self.push_gen_frame(g, Some(value), FrameReturn::Native, true)? {
            // (No `resume_delegates` here: a task step would pay its test
            // on every resumption from a future; the `Send` it runs next
            // takes the chain from there.)
            Resume::Pushed => self.run_gen_frame(),
            Resume::Refused(kind, state) => match state {
                GenState::Closed => {
                    if kind == GenKind::Coroutine {
                        Err(self.runtime_error("cannot reuse already awaited coroutine"))
                    } else {
                        Ok(GenResult::Return(Value::None))
                    }
                }
                GenState::Created => Err(self.just_started_error(kind)),
                _ => Err(self.already_executing(kind)),
            },
        }
    }

    /// A task step's `coro.send(None)` when `coro` is a coroutine (or
    /// generator) object that can be resumed: its frame pushed and run
    /// with one look-up of the `GenObj` (`gen_send` first tests the
    /// payload kind, then looks it up again). None: `coro` is anything
    /// else (not a generator, an async generator, running, closed, or
    /// the frame limit is reached): nothing was done, the caller takes
    /// the general path, which raises the errors.
    #[inline(always)]
    pub(crate) fn task_send_none(&mut self, coro: Value) -> Option<PyResult<RunExit>> {
        let Value::Obj(g) = coro else { return None };
        let too_deep = self.frames.len() >= self.recursion_limit;
        let Vm { heap, stack, frames, exc_info, unstarted_coroutines, .. } = self;
        let ObjData::Generator(gen) = heap.data_mut(g) else { return None };
        let gen: &mut crate::runtime::generator::GenObj = gen;
        let mut parts = ResumeParts { stack, frames, exc_info, unstarted_coroutines };
        match push_gen_payload(&mut parts, gen, g, Some(Value::None), FrameReturn::Native, false, too_deep) {
            RawResume::Pushed => {}
            RawResume::Refused(..) | RawResume::TooDeep => return None,
        }
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        Some(r)
    }

    /// `next(gen)` for a plain generator from native code (`iter_next`:
    /// sum, list, join, ...): `gen_send` with the value fixed to None and
    /// the answer mapped straight to `Option`, without the `GenResult`
    /// layer in between and with the refusals out of line.
    pub(crate) fn gen_next_native(&mut self, g: ObjRef) -> PyResult<Option<Value>> {
        match self.push_gen_frame_raw(g, Some(Value::None), FrameReturn::Native, true) {
            RawResume::Pushed => {
                self.native_depth += 1;
                let r = self.run_frames();
                self.native_depth -= 1;
                match r? {
                    RunExit::Yield(v) => Ok(Some(v)),
                    RunExit::Return(_) => Ok(None),
                }
            }
            RawResume::TooDeep => Err(self.recursion_error()),
            RawResume::Refused(kind, state) => self.gen_next_refused(kind, state),
        }
    }

    /// `gen_next_native` for a native consumer that folds each value
    /// into `*acc` (`fold`: `sum`'s total, an int or a float, or a list
    /// to append to). While the generator runs, each value it yields that
    /// can be folded without running Python code (`absorb_yield`: an
    /// append, or an addition `fast_binop` does within ints and floats)
    /// is folded at the `yield`, and the generator goes on as if resumed
    /// at once with None, never suspended: no suspension, resumption,
    /// dispatch-loop exit and re-entry per item. Nothing can tell: the
    /// consumer would resume it with None at once, after work that runs
    /// no Python code. Any other value is yielded as usual and returned
    /// for the consumer to fold; None: the generator is exhausted.
    pub(crate) fn gen_next_folding(&mut self, g: ObjRef, acc: &mut Value, fold: Fold) -> PyResult<Option<Value>> {
        let foldable = match fold {
            Fold::Sum => matches!(*acc, Value::Int(_) | Value::Float(_)),
            Fold::Append => matches!(*acc, Value::Obj(_)),
            Fold::Any | Fold::All => true,
        };
        if !foldable {
            return self.gen_next_native(g);
        }
        match self.push_gen_frame_raw(g, Some(Value::None), FrameReturn::Native, true) {
            RawResume::Pushed => {
                // A consumer folding a generator that itself calls
                // `sum(gen)`/`list(gen)`: the outer one waits here (its
                // total is an int or float, its list rooted by its caller).
                let outer = std::mem::replace(&mut self.absorber, Absorber { frame: self.frames.len() - 1, acc: *acc, fold });
                self.native_depth += 1;
                let r = self.run_frames();
                self.native_depth -= 1;
                *acc = self.absorber.acc;
                self.absorber = outer;
                match r? {
                    RunExit::Yield(v) => Ok(Some(v)),
                    RunExit::Return(_) => Ok(None),
                }
            }
            RawResume::TooDeep => Err(self.recursion_error()),
            RawResume::Refused(kind, state) => self.gen_next_refused(kind, state),
        }
    }

    /// `it` if it is a plain generator (not a coroutine or an async
    /// generator): what `gen_next_folding` takes.
    pub(crate) fn plain_generator(&self, it: Value) -> Option<ObjRef> {
        match it {
            Value::Obj(r) if matches!(self.heap.data(r), ObjData::Generator(g) if g.kind == GenKind::Generator) => Some(r),
            _ => None,
        }
    }

    /// Append all the values of plain generator `g` to `list` (rooted by
    /// the caller) as it yields them: `list(gen)`, `list.extend(gen)`,
    /// and every consumer that collects first (`tuple`, `sorted`, `min`...).
    pub(crate) fn gen_append_all(&mut self, g: ObjRef, list: Value) -> PyResult<()> {
        let mut acc = list;
        while let Some(x) = self.gen_next_folding(g, &mut acc, Fold::Append)? {
            // Only if the list's payload was not a list (cannot happen).
            if let Value::Obj(lr) = list {
                if let ObjData::List(items) = self.heap.data_mut(lr) {
                    items.push(x);
                }
            }
        }
        Ok(())
    }

    /// `YieldValue` while a consumer folds (`gen_next_folding`), when the
    /// yielding frame is the folded generator's or a `yield from` chain
    /// up to it (each frame resumed by the `Send` of the one below, which
    /// yields next): fold `v` and push None as the `yield`'s value, as the
    /// consumer's resumption would, through the chain, to the top frame,
    /// which goes on. False: not such a frame or value; nothing was
    /// changed.
    #[inline(never)]
    pub(crate) fn absorb_yield(&mut self, v: Value) -> bool {
        let folded = self.absorber.frame;
        if self.frames.len() > folded + 1 && !self.yield_reaches_absorber(folded + 1) {
            return false;
        }
        match self.absorber.fold {
            Fold::Sum => match crate::vm::ops::fast_binop(self.absorber.acc, v, crate::ast::BinOp::Add) {
                Some(total @ (Value::Int(_) | Value::Float(_))) => self.absorber.acc = total,
                _ => return false,
            },
            Fold::Append => {
                let Value::Obj(list) = self.absorber.acc else { return false };
                let ObjData::List(items) = self.heap.data_mut(list) else { return false };
                items.push(v);
            }
            // Only values whose truth needs no call (as `truthy` would
            // find it) and cannot end the search.
            Fold::Any => {
                if !matches!(v, Value::Bool(false) | Value::None | Value::Int(0)) {
                    return false;
                }
            }
            Fold::All => match v {
                Value::Bool(true) => {}
                Value::Int(i) if i != 0 => {}
                _ => return false,
            },
        }
        self.stack.push(Value::None);
        true
    }

    /// Whether the frames above `depth - 1` are a `yield from` chain
    /// delegated to by frame `depth - 1`, each about to pass a yield on.
    fn yield_reaches_absorber(&self, depth: usize) -> bool {
        (depth..self.frames.len()).all(|i| {
            let below = &self.frames[i - 1];
            matches!(self.frames[i].ret, FrameReturn::Send { .. }) && matches!(below.code.instrs.get(below.ip), Some(Instr::YieldValue))
        })
    }

    /// `gen_next_native`'s answer for a generator it could not resume.
    #[cold]
    #[inline(never)]
    fn gen_next_refused(&mut self, kind: GenKind, state: GenState) -> PyResult<Option<Value>> {
        match state {
            GenState::Closed => Ok(None),
            _ => Err(self.already_executing(kind)),
        }
    }

    /// The sub-iterator a suspended generator is delegating to (`yield
    /// from`/`await`), with the `Send` exit target.
    fn delegate_of(&self, g: ObjRef) -> Option<(Value, u32)> {
        let ObjData::Generator(gen) = self.heap.data(g) else { return None };
        if gen.state != GenState::Suspended {
            return None;
        }
        let ip = gen.frame.ip as usize;
        if ip < 2 {
            return None;
        }
        match (gen.frame.code.instrs[ip - 2], gen.frame.code.instrs[ip - 1]) {
            (Instr::Send(exit), Instr::YieldValue) => gen.frame.stack.last().map(|&s| (s, exit)),
            _ => None,
        }
    }

    /// Whether a suspended async generator last yielded a real value (as
    /// opposed to an `await` inside it passing a future up).
    pub fn asyncgen_yielded_value(&self, g: ObjRef) -> bool {
        let ObjData::Generator(gen) = self.heap.data(g) else { return false };
        let ip = gen.frame.ip as usize;
        !(ip >= 2 && matches!(gen.frame.code.instrs[ip - 2], Instr::Send(_)))
    }

    /// `gen.throw(exc)` from native code.
    pub fn gen_throw(&mut self, g: ObjRef, exc: PyErr) -> PyResult<GenResult> {
        let (kind, state) = self.gen_state(g);
        match state {
            GenState::Running => return Err(self.already_executing(kind)),
            GenState::Closed => return Err(exc),
            GenState::Created => {
                if let ObjData::Generator(gen) = self.heap.data_mut(g) {
                    gen.state = GenState::Closed;
                    gen.frame.stack = Vec::new();
                }
                if kind == GenKind::Coroutine {
                    self.unstarted_coroutines = self.unstarted_coroutines.saturating_sub(1);
                }
                return Err(exc);
            }
            GenState::Suspended => {}
        }
        if let Some((sub, exit)) = self.delegate_of(g) {
            let ge = self.exc.generator_exit;
            let is_exit = self.isinstance_exc(exc.value(), ge);
            let outcome = if is_exit {
                // Close the sub-iterator, then raise GeneratorExit here.
                match self.close_iter(sub) {
                    Ok(()) => Err(exc),
                    Err(e) => Err(e),
                }
            } else {
                self.throw_into(sub, exc)
            };
            match outcome {
                Ok(GenResult::Yield(y)) => return Ok(GenResult::Yield(y)),
                Ok(GenResult::Return(r)) => {
                    if let ObjData::Generator(gen) = self.heap.data_mut(g) {
                        gen.frame.stack.pop();
                        gen.frame.stack.push(r);
                        gen.frame.ip = exit;
                    }
                    self.push_suspended_gen_frame(g)?;
                    return self.run_gen_frame();
                }
                Err(e) => {
                    if let ObjData::Generator(gen) = self.heap.data_mut(g) {
                        gen.frame.stack.pop();
                        gen.frame.stack.push(Value::None);
                    }
                    return self.raise_into_gen(g, e);
                }
            }
        }
        self.raise_into_gen(g, exc)
    }

    /// Resume `g` by raising `exc` at its suspension point.
    fn raise_into_gen(&mut self, g: ObjRef, exc: PyErr) -> PyResult<GenResult> {
        self.push_suspended_gen_frame(g)?;
        self.native_depth += 1;
        let r = self.raise_in_frame(exc, true);
        self.native_depth -= 1;
        r?;
        self.run_gen_frame()
    }

    /// Throw into any iterator (generators natively, others via `.throw`).
    fn throw_into(&mut self, sub: Value, exc: PyErr) -> PyResult<GenResult> {
        if let Value::Obj(r) = sub {
            if let ObjData::Generator(gen) = self.heap.data(r) {
                if gen.kind != GenKind::AsyncGenerator {
                    return self.gen_throw(r, exc);
                }
            }
            if let Some(res) = crate::asyncio::native_throw(self, sub, exc)? {
                return Ok(res);
            }
        }
        let throw = self.names.throw;
        match self.get_attr_opt(sub, throw)? {
            Some(m) => match self.call_value(m, &[exc.value()], &[]) {
                Ok(v) => Ok(GenResult::Yield(v)),
                Err(e) => match self.stop_iteration_value(e) {
                    Some(v) => Ok(GenResult::Return(v)),
                    None => Err(e),
                },
            },
            None => Err(exc),
        }
    }

    /// `close()` on any iterator that has one.
    fn close_iter(&mut self, sub: Value) -> PyResult<()> {
        if let Value::Obj(r) = sub {
            if let ObjData::Generator(gen) = self.heap.data(r) {
                if gen.kind != GenKind::AsyncGenerator {
                    return self.gen_close(r);
                }
            }
        }
        let close = self.names.close;
        if let Some(m) = self.get_attr_opt(sub, close)? {
            self.call_value(m, &[], &[])?;
        }
        Ok(())
    }

    /// `MarkLoopIter`: the loop header's call produced the iterator on top
    /// of the stack. If that is the generator the call just created, not
    /// yet started, nothing else can refer to it: the loop owns it.
    #[cold]
    pub(crate) fn mark_loop_iter(&mut self) {
        let Some(Value::Obj(r)) = self.stack.last().copied() else { return };
        if self.last_created_gen != Some(r) {
            return;
        }
        if let ObjData::Generator(gen) = self.heap.data_mut(r) {
            if gen.state == GenState::Created {
                gen.loop_owned = true;
            }
        }
    }

    /// `PopIter`: a loop left early drops its iterator. CPython frees a
    /// generator nobody else references at this point, which closes it
    /// (running its `finally` blocks) or, for an async generator, hands it
    /// to the event loop's finaliser (`aclose()` in a new task). A loop-owned
    /// generator gets the same treatment here; others wait for the collector.
    #[cold]
    pub(crate) fn drop_loop_iter(&mut self, it: Value) {
        let Value::Obj(r) = it else { return };
        let kind = match self.heap.data_mut(r) {
            ObjData::Generator(gen) if gen.loop_owned && gen.state == GenState::Suspended => {
                gen.loop_owned = false;
                gen.kind
            }
            _ => return,
        };
        if kind == GenKind::AsyncGenerator {
            if crate::asyncio::needs_finalizer(self, r) {
                crate::asyncio::finalize(self, it);
            }
            return;
        }
        self.close_dropped_generator(it);
    }

    /// Close a generator its last reference let go of, as CPython's
    /// deallocation does; an error from its `finally` is unraisable.
    pub(crate) fn close_dropped_generator(&mut self, it: Value) {
        let Value::Obj(r) = it else { return };
        self.temp_roots.push(it);
        if let Err(e) = self.gen_close(r) {
            self.write_unraisable(e, it);
        }
        self.temp_roots.pop();
    }

    /// An error nobody can receive (a generator's `finally` failing while
    /// it is dropped): reported on stderr as CPython's unraisable hook does.
    #[cold]
    pub(crate) fn write_unraisable(&mut self, e: PyErr, obj: Value) {
        let what = self.to_repr_string(obj).unwrap_or_else(|_| "<object>".to_string());
        self.out.flush_stdout();
        eprintln!("Exception ignored in: {}", what);
        self.print_exception(e.value());
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, g: ObjRef) -> PyResult<()> {
        let (kind, state) = self.gen_state(g);
        match state {
            GenState::Created => {
                if let ObjData::Generator(gen) = self.heap.data_mut(g) {
                    gen.state = GenState::Closed;
                    gen.frame.stack = Vec::new();
                }
                if kind == GenKind::Coroutine {
                    self.unstarted_coroutines = self.unstarted_coroutines.saturating_sub(1);
                }
                Ok(())
            }
            GenState::Closed => Ok(()),
            GenState::Running => Err(self.already_executing(kind)),
            GenState::Suspended => {
                let ge = self.exc.generator_exit;
                let exc = PyErr(self.make_exception(ge, vec![]));
                match self.gen_throw(g, exc) {
                    Ok(GenResult::Yield(_)) => Err(self.runtime_error(match kind {
                        GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
                        GenKind::Coroutine => "coroutine ignored GeneratorExit",
                        GenKind::Generator => "generator ignored GeneratorExit",
                    })),
                    Ok(GenResult::Return(_)) => Ok(()),
                    Err(e) => {
                        let si = self.exc.stop_iteration;
                        if self.isinstance_exc(e.value(), ge) || self.isinstance_exc(e.value(), si) {
                            Ok(())
                        } else {
                            Err(e)
                        }
                    }
                }
            }
        }
    }

    /// `GetYieldFromIter`.
    pub(crate) fn get_yield_from_iter(&mut self, v: Value, code: &crate::bytecode::CodeObject) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if let ObjData::Generator(g) = self.heap.data(r) {
                if g.kind == GenKind::Coroutine && code.flags & crate::bytecode::flags::COROUTINE == 0 {
                    return Err(self.type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
                }
                return Ok(v);
            }
        }
        self.get_iter(v)
    }

    /// `GetAwaitable`: the iterator `await` drives. The two common cases
    /// (the shared `sleep(0)` object, a coroutine not yet started) are
    /// answered here, in a function small enough to need no large
    /// prologue; everything else goes to `get_awaitable_slow`.
    #[inline(never)]
    pub(crate) fn get_awaitable(&mut self, v: Value, kind: u32) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if Some(r) == self.ext.asyncio.sleep0 {
                return Ok(v);
            }
            if let ObjData::Generator(g) = self.heap.data(r) {
                if g.kind == GenKind::Coroutine && g.state != GenState::Suspended {
                    return Ok(v);
                }
            }
        }
        self.get_awaitable_slow(v, kind)
    }

    #[inline(never)]
    fn get_awaitable_slow(&mut self, v: Value, kind: u32) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            match self.heap.data(r) {
                ObjData::Generator(g) if g.kind == GenKind::Coroutine => {
                    // Only a suspended coroutine can be mid-`await`.
                    if g.state == GenState::Suspended && self.delegate_of(r).is_some() {
                        return Err(self.runtime_error("coroutine is being awaited already"));
                    }
                    return Ok(v);
                }
                // The shared `sleep(0)` object first: no trial downcasts.
                ObjData::Native2(_) if Some(r) == self.ext.asyncio.sleep0 => return Ok(v),
                ObjData::Native2(_) if crate::asyncio::is_native_awaitable(self, v) => return Ok(v),
                _ => {}
            }
        }
        let aw = self.names.__await__;
        let Some(m) = self.lookup_special(v, aw) else {
            let tn = self.type_name(v);
            return Err(self.type_error(match kind {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", tn),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", tn),
                _ => format!("object {} can't be used in 'await' expression", tn),
            }));
        };
        let it = self.call_value(m, &[v], &[])?;
        if let Value::Obj(r) = it {
            if let ObjData::Generator(g) = self.heap.data(r) {
                if g.kind == GenKind::Coroutine {
                    return Err(self.type_error("__await__() returned a coroutine"));
                }
                return Ok(it);
            }
        }
        let n = self.names.__next__;
        if self.lookup_special(it, n).is_none() && !crate::asyncio::is_native_awaitable(self, it) {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("__await__() returned non-iterator of type '{}'", tn)));
        }
        Ok(it)
    }

    /// `GetAiter` (`builtin` = the `aiter()` function, whose messages
    /// differ from the `async for` statement's).
    pub(crate) fn get_aiter(&mut self, v: Value, builtin: bool) -> PyResult<Value> {
        let n = self.names.__aiter__;
        let Some(m) = self.lookup_special(v, n) else {
            let tn = self.type_name(v);
            return Err(self.type_error(if builtin {
                format!("'{}' object is not an async iterable", tn)
            } else {
                format!("'async for' requires an object with __aiter__ method, got {}", tn)
            }));
        };
        let it = self.call_value(m, &[v], &[])?;
        let is_agen = matches!(it.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Generator(g)) if g.kind == GenKind::AsyncGenerator);
        let an = self.names.__anext__;
        if !is_agen && self.lookup_special(it, an).is_none() {
            let tn = self.type_name(it);
            return Err(self.type_error(if builtin {
                format!("aiter() returned not an async iterator of type '{}'", tn)
            } else {
                format!("'async for' received an object from __aiter__ that does not implement __anext__: {}", tn)
            }));
        }
        Ok(it)
    }

    /// `GetAnext`: the awaitable for the next item.
    pub(crate) fn get_anext(&mut self, it: Value) -> PyResult<Value> {
        if let Value::Obj(r) = it {
            if let ObjData::Generator(g) = self.heap.data(r) {
                if g.kind == GenKind::AsyncGenerator {
                    return crate::asyncio::asyncgen::asend(self, r, Value::None);
                }
            }
        }
        let n = self.names.__anext__;
        let Some(m) = self.lookup_special(it, n) else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{}' object is not an async iterator", tn)));
        };
        let a = self.call_value(m, &[it], &[])?;
        match self.get_awaitable(a, 0) {
            Ok(aw) => Ok(aw),
            Err(_) => {
                let tn = self.type_name(a);
                Err(self.type_error(format!("'async for' received an invalid object from __anext__: {}", tn)))
            }
        }
    }

    /// `BeforeWith`: (bound `__exit__`, result of `__enter__()`).
    pub(crate) fn before_with(&mut self, cm: Value) -> PyResult<(Value, Value)> {
        let (en, ex) = (self.names.__enter__, self.names.__exit__);
        let enter = self.lookup_special(cm, en);
        let exit = self.lookup_special(cm, ex);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = self.type_name(cm);
            let hint = if enter.is_some() { " (missed __exit__ method)" } else { "" };
            return Err(self.type_error(format!("'{}' object does not support the context manager protocol{}", tn, hint)));
        };
        let owner = Value::Obj(self.type_of(cm));
        let bound_exit = self.descr_get(exit, cm, owner)?;
        self.temp_roots.push(bound_exit);
        let r = self.call_value(enter, &[cm], &[]);
        self.temp_roots.pop();
        Ok((bound_exit, r?))
    }

    /// `BeforeAsyncWith`: (bound `__aexit__`, result of `__aenter__()`).
    pub(crate) fn before_async_with(&mut self, cm: Value) -> PyResult<(Value, Value)> {
        let (en, ex) = (self.names.__aenter__, self.names.__aexit__);
        let enter = self.lookup_special(cm, en);
        let exit = self.lookup_special(cm, ex);
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = self.type_name(cm);
            let hint = if enter.is_some() { " (missed __aexit__ method)" } else { "" };
            return Err(self.type_error(format!("'{}' object does not support the asynchronous context manager protocol{}", tn, hint)));
        };
        let owner = Value::Obj(self.type_of(cm));
        let bound_exit = self.descr_get(exit, cm, owner)?;
        self.temp_roots.push(bound_exit);
        let r = self.call_value(enter, &[cm], &[]);
        self.temp_roots.pop();
        Ok((bound_exit, r?))
    }

    /// `exit(type(exc), exc, tb)` for `with` cleanup on an exception.
    pub(crate) fn call_exit_with_exception(&mut self, exit: Value, exc: Value) -> PyResult<Value> {
        let t = Value::Obj(self.type_of(exc));
        let tb = self.traceback_value(exc);
        self.call_value(exit, &[t, exc, tb], &[])
    }

    /// The `__traceback__` object of an exception (None if it has none).
    pub fn traceback_value(&mut self, exc: Value) -> Value {
        crate::builtins::exceptions::traceback_of(self, exc)
    }
}

/// The exit target of an `await` compiled at `ip`: the instructions there
/// are `GetAwaitable(0) LoadNone Send(exit)` (what the in-place paths for
/// `await f()` and `async for` replace), else None.
fn await_site_exit(instrs: &[Instr], ip: usize) -> Option<u32> {
    match instrs.get(ip..ip + 3) {
        Some(&[Instr::GetAwaitable(0), Instr::LoadNone, Instr::Send(exit)]) => Some(exit),
        _ => None,
    }
}

/// What suspending one frame at a `yield` left to do.
enum Suspended {
    /// Finished: the dispatch loop's exit (a native resumer) or None.
    Done(Option<RunExit>),
    /// The resumer's next instruction is a `YieldValue` of the same
    /// value: suspend that frame too, to resume at this index (just past
    /// that `YieldValue`).
    ChainAt(usize),
}

/// The parts of the `Vm` a resumption writes besides the `GenObj`
/// (borrowed apart from the heap that holds the `GenObj`).
struct ResumeParts<'a> {
    stack: &'a mut Vec<Value>,
    frames: &'a mut Vec<Frame>,
    exc_info: &'a mut Value,
    unstarted_coroutines: &'a mut usize,
}

/// `push_gen_frame_raw` once the `GenObj` is found: check its state and
/// push its frame.
#[inline(always)]
fn push_gen_payload(vm: &mut ResumeParts, gen: &mut crate::runtime::generator::GenObj, g: ObjRef, value: Option<Value>, ret: FrameReturn, agen_ok: bool, too_deep: bool) -> RawResume {
    let was_created = match gen.state {
        GenState::Suspended => false,
        GenState::Created if value.map_or(true, |v| v.is_none()) => true,
        state => return RawResume::Refused(gen.kind, state),
    };
    if gen.kind == GenKind::AsyncGenerator && !agen_ok {
        return RawResume::Refused(gen.kind, gen.state);
    }
    if too_deep {
        return RawResume::TooDeep;
    }
    let stack = &mut *vm.stack;
    gen.state = GenState::Running;
    let ret_sp = stack.len();
    let base = if was_created && gen.kind != GenKind::Generator {
        if gen.kind == GenKind::Coroutine {
            *vm.unstarted_coroutines = vm.unstarted_coroutines.saturating_sub(1);
        }
        gen.started = true;
        // First run of a coroutine: on the resumer's stack (one that
        // never suspends, the common `await`, costs one copy in, none
        // out; its vector is exact-size, see `make_generator`). The saved
        // vector keeps its allocation for the first suspension.
        stack.extend_from_slice(&gen.frame.stack);
        gen.frame.stack.clear();
        ret_sp
    } else if was_created {
        // First run of a plain generator: its vector was made with room
        // for its whole frame (`make_generator`), so it becomes the VM
        // stack at once, as for a resumption. Run on the resumer's stack
        // it grew that (often another generator's exact vector) and then
        // its own at the first suspension and resumption: three
        // reallocations per generator in `sum(tree(14))`.
        gen.started = true;
        std::mem::swap(stack, &mut gen.frame.stack);
        gen.on_own_stack = true;
        0
    } else {
        // Resumed after a suspension: the saved vector becomes the VM
        // stack while the frame runs (no copy), and the resumer's
        // stack waits in the generator until it suspends or finishes
        // (`yield_from_frame`, `finish_generator` swap them back).
        std::mem::swap(stack, &mut gen.frame.stack);
        gen.on_own_stack = true;
        if let Some(v) = value {
            stack.push(v);
        }
        0
    };
    enter_gen_frame(vm.frames, vm.exc_info, gen, g, base, ret_sp, ret);
    RawResume::Pushed
}

/// Make generator `g` (payload `gen`, its stack already in place from
/// `base`) the running frame: its handled exception replaces the
/// resumer's (kept in `resumer_exc` until it suspends), and its frame is
/// written in place on `frames`, not assembled in a temporary (see
/// `push_py_frame`).
#[inline(always)]
fn enter_gen_frame(frames: &mut Vec<Frame>, exc_info: &mut Value, gen: &mut crate::runtime::generator::GenObj, g: ObjRef, base: usize, ret_sp: usize, ret: FrameReturn) {
    gen.resumer_exc = *exc_info;
    if let Some(e) = gen.exc_state {
        *exc_info = Value::Obj(e);
    }
    let (code, ip, globals) = (gen.frame.code.clone(), gen.frame.ip as usize, gen.frame.globals);
    frames.reserve(1);
    let len = frames.len();
    frames.spare_capacity_mut()[0].write(Frame { code, ip, base, ret_sp, globals, locals: None, gen: Some(g), ret });
    // SAFETY: `reserve(1)` left a spare slot at index `len`, and `write`
    // just initialised it.
    unsafe { frames.set_len(len + 1) };
}
