//! Garbage collection at safe points: gather every root the VM holds and
//! let the heap mark and sweep. Also the finalisation hooks: objects with
//! observable finalisers found unreachable are resurrected for one cycle
//! and finalised at the next safe point.

use crate::runtime::heap::push_value;
use crate::runtime::object::ObjData;
use crate::runtime::trace::trace_code;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

impl Vm {
    /// Every reference the VM itself holds.
    fn roots(&self) -> Vec<ObjRef> {
        let mut out = Vec::with_capacity(self.stack.len() + 1024);
        for &v in &self.stack {
            push_value(v, &mut out);
        }
        for f in &self.frames {
            trace_code(&f.code, &mut out);
            out.push(f.globals);
            out.extend(f.locals);
            out.extend(f.gen);
        }
        out.push(self.builtins);
        out.push(self.modules);
        out.extend(self.types.all());
        out.extend(self.exc.all().into_iter().map(|(_, r)| r));
        out.extend(self.interned_values());
        for v in [self.not_implemented, self.ellipsis, self.empty_tuple, self.exc_info] {
            push_value(v, &mut out);
        }
        for &v in &self.temp_roots {
            push_value(v, &mut out);
        }
        out.extend(self.repr_stack.iter().copied());
        out.extend(self.pending_finalizers.iter().copied());
        self.ext.trace_roots(&mut out);
        out
    }

    /// Run a full collection now.
    pub fn collect_garbage(&mut self) -> usize {
        let roots = self.roots();
        self.heap.mark_from(roots);
        // Attribute dicts kept on the side live as long as their owner:
        // mark them to a fixpoint (ephemeron-style).
        loop {
            let extra: Vec<ObjRef> = self
                .ext
                .extra_dicts
                .iter()
                .chain(self.ext.slot_dicts.iter())
                .filter(|(k, v)| self.heap.is_live_after_mark(**k) && !self.heap.is_live_after_mark(**v))
                .map(|(_, v)| *v)
                .collect();
            if extra.is_empty() {
                break;
            }
            self.heap.mark_from(extra);
        }
        // Finalisers: unreachable objects that must run code first are
        // resurrected now and finalised at the next safe point.
        let dying = self.heap.unmarked();
        let mut resurrect = Vec::new();
        for r in dying {
            if crate::asyncio::needs_finalizer(self, r) {
                resurrect.push(r);
            }
        }
        if !resurrect.is_empty() {
            self.heap.mark_from(resurrect.clone());
            self.pending_finalizers.extend(resurrect);
        }
        let live_keys: Vec<ObjRef> = self.ext.extra_dicts.keys().copied().filter(|k| !self.heap.is_live_after_mark(*k)).collect();
        for k in live_keys {
            self.ext.extra_dicts.remove(&k);
        }
        let dead_slots: Vec<ObjRef> = self.ext.slot_dicts.keys().copied().filter(|k| !self.heap.is_live_after_mark(*k)).collect();
        for k in dead_slots {
            self.ext.slot_dicts.remove(&k);
        }
        self.prune_subclass_lists();
        self.method_cache.clear();
        let freed = self.heap.sweep();
        if !self.pending_finalizers.is_empty() {
            self.run_finalizers();
        }
        freed
    }

    /// Drop the classes about to be swept from their bases' (weak)
    /// `subclasses` lists.
    fn prune_subclass_lists(&mut self) {
        let live_types: Vec<ObjRef> = self
            .heap
            .object_refs()
            .filter(|&r| self.heap.is_live_after_mark(r) && matches!(self.heap.data(r), ObjData::Type(_)))
            .collect();
        for t in live_types {
            let subs = match self.heap.data_mut(t) {
                ObjData::Type(tt) if !tt.subclasses.is_empty() => std::mem::take(&mut tt.subclasses),
                _ => continue,
            };
            let kept: Vec<ObjRef> = subs.into_iter().filter(|&s| self.heap.is_live_after_mark(s)).collect();
            if let ObjData::Type(tt) = self.heap.data_mut(t) {
                tt.subclasses = kept;
            }
        }
    }

    /// Finalise the objects queued by the last collection.
    pub fn run_finalizers(&mut self) {
        let pending = std::mem::take(&mut self.pending_finalizers);
        for r in pending {
            crate::asyncio::finalize(self, Value::Obj(r));
        }
    }
}
