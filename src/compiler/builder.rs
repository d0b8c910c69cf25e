//! `CodeBuilder`: accumulates instructions for one code unit, resolves
//! jump labels, records a line per instruction, and turns the
//! handler-stack state of each instruction into the exception table.
//!
//! Exception handling is zero-cost at run time: instead of "setup block"
//! instructions, every emitted instruction remembers the innermost active
//! handler; `finish` compresses those runs into `ExcEntry` ranges.

use std::collections::HashMap;

use crate::bytecode::{Const, ExcEntry, Instr};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

#[derive(Clone, Copy)]
struct Handler {
    target: Label,
    depth: u32,
}

#[derive(Default)]
pub struct CodeBuilder {
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    /// Innermost handler (index into `handlers`) for each instruction.
    handler_of: Vec<Option<u32>>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    /// Label -> instruction index once placed.
    labels: Vec<Option<u32>>,
    pub consts: Vec<Const>,
    const_index: HashMap<String, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub cur_line: u32,
    /// A label was placed at the current end (something jumps here, so
    /// the end is reachable even after a terminal instruction).
    label_at_end: bool,
}

impl CodeBuilder {
    pub fn new(first_line: u32) -> CodeBuilder {
        CodeBuilder { cur_line: first_line, ..Default::default() }
    }

    pub fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.lines.push(self.cur_line);
        self.handler_of.push(self.handler_stack.last().copied());
        self.label_at_end = false;
        self.instrs.len() - 1
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn place(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.instrs.len() as u32);
        self.label_at_end = true;
    }

    /// Emit a jump-like instruction whose operand is a label (patched in
    /// `finish`).
    pub fn emit_jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.emit(make(l.0));
    }

    /// Make `target` the innermost handler for the instructions emitted
    /// from now on; on entry the value stack is cut to `depth` items.
    pub fn push_handler(&mut self, target: Label, depth: u32) {
        self.handlers.push(Handler { target, depth });
        self.handler_stack.push(self.handlers.len() as u32 - 1);
    }

    pub fn pop_handler(&mut self) -> Option<u32> {
        self.handler_stack.pop()
    }

    /// Re-activate a handler popped by `pop_handler` (used after emitting
    /// inlined `finally` code that must not be covered by it).
    pub fn restore_handler(&mut self, h: u32) {
        self.handler_stack.push(h);
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        let key = match &c {
            Const::Code(_) => None,
            other => Some(const_key(other)),
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        self.consts.push(c);
        let i = self.consts.len() as u32 - 1;
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    pub fn add_name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.name_index.get(n) {
            return i;
        }
        self.names.push(n.to_string());
        let i = self.names.len() as u32 - 1;
        self.name_index.insert(n.to_string(), i);
        i
    }

    /// Whether the last emitted instruction ends control flow (no
    /// fall-through), so dead code after it can be skipped.
    pub fn last_is_terminal(&self) -> bool {
        !self.label_at_end && matches!(self.instrs.last(), Some(Instr::ReturnValue) | Some(Instr::Raise(_)) | Some(Instr::Reraise) | Some(Instr::Jump(_)) | Some(Instr::PopExceptReraise))
    }

    /// Resolve labels and build the exception table.
    pub fn finish(mut self) -> (Vec<Instr>, Vec<u32>, Vec<ExcEntry>, Vec<Const>, Vec<String>) {
        let labels = self.labels;
        let resolve = |l: u32| -> u32 { labels[l as usize].expect("label placed") };
        for ins in self.instrs.iter_mut() {
            if let Some(t) = ins.jump_target() {
                ins.set_jump_target(resolve(t));
            }
        }
        let mut table = Vec::new();
        let mut i = 0;
        let n = self.instrs.len();
        while i < n {
            let h = self.handler_of[i];
            let mut j = i + 1;
            while j < n && self.handler_of[j] == h {
                j += 1;
            }
            if let Some(h) = h {
                let hd = self.handlers[h as usize];
                table.push(ExcEntry { start: i as u32, end: j as u32, target: resolve(hd.target.0), depth: hd.depth });
            }
            i = j;
        }
        (self.instrs, self.lines, table, self.consts, self.names)
    }
}

/// A hashable identity for constant de-duplication (type-exact, so `1`,
/// `1.0` and `True` stay distinct, as do `0.0` and `-0.0`).
fn const_key(c: &Const) -> String {
    match c {
        Const::Float(f) => format!("F{:?}", f.to_bits()),
        Const::Complex(a, b) => format!("C{:?},{:?}", a.to_bits(), b.to_bits()),
        Const::Tuple(items) => format!("T({})", items.iter().map(const_key).collect::<Vec<_>>().join(",")),
        Const::FrozenSet(items) => format!("S({})", items.iter().map(const_key).collect::<Vec<_>>().join(",")),
        other => format!("{:?}", other),
    }
}

/// The deepest the value stack gets above a frame's locals while running
/// `instrs` (exception handlers start at their entry's depth plus the
/// pushed exception). The dispatch loop reserves this much when it enters
/// a frame and then pushes without capacity checks, so it must not be an
/// underestimate: depths are propagated along every way out of each
/// reachable instruction (`Instr::stack_effect`), taking the larger one
/// where paths meet. Also says whether some path runs past the last
/// instruction (falls through it or jumps to the end), which the dispatch
/// loop's unchecked instruction fetch must never see.
pub fn max_stack_depth(instrs: &[Instr], exc_table: &[ExcEntry]) -> (u32, bool) {
    // Depth bound for malformed input, so the propagation always ends.
    const CAP: i64 = 1 << 20;
    let n = instrs.len();
    let mut handler: Vec<Option<usize>> = vec![None; n];
    for (k, e) in exc_table.iter().enumerate() {
        for h in handler.iter_mut().take((e.end as usize).min(n)).skip(e.start as usize) {
            *h = Some(k);
        }
    }
    let mut depth: Vec<i64> = vec![-1; n];
    let mut work: Vec<usize> = Vec::new();
    let mut max: i64 = 0;
    let mut past_end = false;
    let mut reach = |i: usize, d: i64, depth: &mut Vec<i64>, work: &mut Vec<usize>| {
        let d = d.clamp(0, CAP);
        max = max.max(d);
        past_end |= i >= n;
        if i < n && d > depth[i] {
            depth[i] = d;
            work.push(i);
        }
    };
    reach(0, 0, &mut depth, &mut work);
    while let Some(i) = work.pop() {
        let d = depth[i];
        if let Some(k) = handler[i] {
            let e = exc_table[k];
            reach(e.target as usize, e.depth as i64 + 1, &mut depth, &mut work);
        }
        let eff = instrs[i].stack_effect();
        if let Some(x) = eff.next {
            reach(i + 1, d + x as i64, &mut depth, &mut work);
        }
        if let (Some(x), Some(t)) = (eff.jump, instrs[i].jump_target()) {
            reach(t as usize, d + x as i64, &mut depth, &mut work);
        }
    }
    (max as u32, past_end)
}
