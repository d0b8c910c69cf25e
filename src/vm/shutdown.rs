//! Interpreter shutdown: what CPython's reference counting and module
//! teardown make visible when a program ends. Generators left suspended
//! inside a `try`/`with` have their `finally`/`__exit__` code run, in the
//! order CPython reaches them when it clears `__main__`'s globals (dict
//! order, each value's references depth-first); then asyncio's reports
//! (coroutines never awaited, exceptions never retrieved).

use crate::runtime::generator::GenKind;
use crate::runtime::object::ObjData;
use crate::runtime::trace::trace_obj;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

impl Vm {
    /// Everything that must run after `__main__` finished, before exit.
    pub fn shutdown(&mut self, main_globals: Option<ObjRef>) {
        // One walk over the heap tells whether either step has anything to
        // do (usually neither); each step walked the heap itself before,
        // 3% of the instructions of the import line of issue 4.
        let mut finalizers = !self.pending_finalizers.is_empty();
        if !self.exit_work_possible && self.unstarted_coroutines == 0 && !finalizers {
            return;
        }
        let mut cleanup = false;
        for r in self.heap.object_refs() {
            cleanup = cleanup || self.has_pending_cleanup(r);
            finalizers = finalizers || crate::asyncio::needs_finalizer(self, r);
            if cleanup {
                break;
            }
        }
        if cleanup {
            // Closing generators runs Python code: asyncio's step then
            // looks at the heap afresh.
            self.close_leftover_generators(main_globals);
            crate::asyncio::at_exit(self);
        } else if finalizers {
            crate::asyncio::at_exit(self);
        }
    }

    /// A suspended generator whose frame is inside a handler block: closing
    /// it runs user code. (Closing any other generator has no visible effect.)
    fn has_pending_cleanup(&self, r: ObjRef) -> bool {
        match self.heap.data(r) {
            ObjData::Generator(g) => g.kind == GenKind::Generator && g.closing_runs_code(),
            _ => false,
        }
    }

    fn close_leftover_generators(&mut self, main_globals: Option<ObjRef>) {
        let mut pending: Vec<ObjRef> = self.heap.object_refs().filter(|&r| self.has_pending_cleanup(r)).collect();
        if pending.is_empty() {
            return;
        }
        let mut order = Vec::with_capacity(pending.len());
        if let Some(g) = main_globals {
            let mut seen = std::collections::HashSet::new();
            let roots: Vec<Value> = match self.heap.data(g) {
                ObjData::Dict(d) => d.values(),
                _ => Vec::new(),
            };
            let mut stack: Vec<ObjRef> = Vec::new();
            let mut children = Vec::new();
            for root in roots {
                let Value::Obj(r) = root else { continue };
                stack.push(r);
                while let Some(o) = stack.pop() {
                    if !seen.insert(o) {
                        continue;
                    }
                    if self.has_pending_cleanup(o) {
                        order.push(o);
                    }
                    children.clear();
                    trace_obj(self.heap.data(o), &mut children);
                    stack.extend(children.iter().rev());
                }
            }
            let first: std::collections::HashSet<ObjRef> = order.iter().copied().collect();
            pending.retain(|r| !first.contains(r));
        }
        order.extend(pending);
        for r in order {
            // An earlier close may have finished this one already.
            if !self.has_pending_cleanup(r) {
                continue;
            }
            let v = Value::Obj(r);
            self.temp_roots.push(v);
            if let Err(e) = self.gen_close(r) {
                self.write_unraisable(e, v);
            }
            self.temp_roots.pop();
        }
    }
}
