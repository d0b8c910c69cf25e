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
        let mut out = Vec::with_capacity((self.stack.len() + 1024).max(self.heap.work_hint()));
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
        self.collect(false)
    }

    /// `del` removed a reference to a suspended generator or coroutine.
    /// CPython frees it at once if that was its last reference, which
    /// closes it: its `finally` blocks and `with` exits run before the
    /// statement after the `del`. A tracing collector learns whether it
    /// was the last reference by collecting now (the collector closes
    /// unreachable generators that need it); only done when closing runs
    /// code, which is rare enough to pay a collection.
    #[cold]
    #[inline(never)]
    pub(crate) fn collect_after_del(&mut self, dropped: Value) {
        let Value::Obj(g) = dropped else { return };
        if matches!(self.heap.data(g), ObjData::Generator(gen) if gen.closing_runs_code()) {
            self.collect(false);
        }
    }

    /// `gc.collect()`: a full collection returning what CPython's would,
    /// the number of unreachable container objects in or hanging off
    /// reference cycles (see `cyclic_garbage`). Acyclic garbage, which
    /// CPython frees by reference counting before any collection, is
    /// freed too but not counted.
    pub fn collect_garbage_counting_cycles(&mut self) -> usize {
        self.collect(true)
    }

    fn collect(&mut self, count_cycles: bool) -> usize {
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
        // resurrected now and finalised at the next safe point. Only
        // generators and native objects can need it; the heap knows when
        // none is alive and the search can be skipped.
        if self.heap.any_finalizable() {
            let mut resurrect = Vec::new();
            self.heap.scan_after_mark(|r, data, live| {
                if !live && crate::asyncio::needs_finalizer_data(data) {
                    resurrect.push(r);
                }
            });
            if !resurrect.is_empty() {
                self.heap.mark_from(resurrect.clone());
                self.pending_finalizers.extend(resurrect);
            }
        }
        let live_keys: Vec<ObjRef> = self.ext.extra_dicts.keys().copied().filter(|k| !self.heap.is_live_after_mark(*k)).collect();
        for k in live_keys {
            self.ext.extra_dicts.remove(&k);
        }
        let dead_slots: Vec<ObjRef> = self.ext.slot_dicts.keys().copied().filter(|k| !self.heap.is_live_after_mark(*k)).collect();
        for k in dead_slots {
            self.ext.slot_dicts.remove(&k);
        }
        if self.heap.some_type_dies() {
            self.prune_subclass_lists();
        }
        self.method_cache.clear();
        let cyclic = if count_cycles { self.cyclic_garbage() } else { 0 };
        let freed = self.heap.sweep();
        if !self.pending_finalizers.is_empty() {
            self.run_finalizers();
        }
        if count_cycles {
            cyclic
        } else {
            freed
        }
    }

    /// Among the objects the mark phase left unmarked: how many are on a
    /// reference cycle or reachable from one, counting only the kinds
    /// CPython's collector tracks (no strings, numbers, code; an
    /// instance's attribute dict is part of the instance, as in 3.11; a
    /// tuple only if it holds an object that is counted).
    fn cyclic_garbage(&self) -> usize {
        let dying = self.heap.unmarked();
        if dying.is_empty() {
            return 0;
        }
        let index: std::collections::HashMap<ObjRef, usize> = dying.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let n = dying.len();
        let mut edges: Vec<Vec<usize>> = Vec::with_capacity(n);
        let mut owned_dict = vec![false; n];
        let mut buf = Vec::new();
        for &r in &dying {
            buf.clear();
            let data = self.heap.data(r);
            crate::runtime::trace::trace_obj(data, &mut buf);
            if let ObjData::Instance(crate::runtime::instance::InstanceAttrs::Dict(d)) = data {
                if let Some(&j) = index.get(d) {
                    owned_dict[j] = true;
                }
            }
            edges.push(buf.iter().filter_map(|c| index.get(c).copied()).collect());
        }
        // Tarjan's strongly connected components, iteratively.
        let mut on_cycle = vec![false; n];
        let (mut idx, mut low) = (vec![usize::MAX; n], vec![0usize; n]);
        let (mut stack, mut on_stack, mut next) = (Vec::new(), vec![false; n], 0usize);
        for start in 0..n {
            if idx[start] != usize::MAX {
                continue;
            }
            let mut work: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&mut (v, ref mut ei)) = work.last_mut() {
                if *ei == 0 && idx[v] == usize::MAX {
                    idx[v] = next;
                    low[v] = next;
                    next += 1;
                    stack.push(v);
                    on_stack[v] = true;
                }
                if *ei < edges[v].len() {
                    let w = edges[v][*ei];
                    *ei += 1;
                    if idx[w] == usize::MAX {
                        work.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(idx[w]);
                    }
                    continue;
                }
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == idx[v] {
                    let mut members = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        members.push(w);
                        if w == v {
                            break;
                        }
                    }
                    if members.len() > 1 || edges[v].contains(&v) {
                        for w in members {
                            on_cycle[w] = true;
                        }
                    }
                }
            }
        }
        // Everything reachable from a cycle dies with it.
        let mut reached = on_cycle.clone();
        let mut todo: Vec<usize> = (0..n).filter(|&i| on_cycle[i]).collect();
        while let Some(v) = todo.pop() {
            for &w in &edges[v] {
                if !reached[w] {
                    reached[w] = true;
                    todo.push(w);
                }
            }
        }
        let counted = |i: usize| -> bool {
            match self.heap.data(dying[i]) {
                ObjData::Str(_) | ObjData::Bytes(_) | ObjData::BigInt(_) | ObjData::Float(_) | ObjData::Complex(_) | ObjData::Code(_) | ObjData::Range(_) | ObjData::Slice(_) | ObjData::Object => false,
                ObjData::Dict(_) => !owned_dict[i],
                _ => true,
            }
        };
        let tuple_counted = |i: usize| edges[i].iter().any(|&w| counted(w) && !matches!(self.heap.data(dying[w]), ObjData::Tuple(_)));
        (0..n)
            .filter(|&i| reached[i])
            .map(|i| match self.heap.data(dying[i]) {
                ObjData::Tuple(_) => tuple_counted(i) as usize,
                // CPython's function also owns a closure tuple of cells.
                ObjData::Function(f) => 1 + !f.closure.is_empty() as usize,
                _ => counted(i) as usize,
            })
            .sum()
    }

    /// Drop the classes about to be swept from their bases' (weak)
    /// `subclasses` lists. Runs only when some class dies.
    fn prune_subclass_lists(&mut self) {
        let live_parents: Vec<ObjRef> = self
            .heap
            .object_refs()
            .filter(|&r| self.heap.is_live_after_mark(r) && matches!(self.heap.data(r), ObjData::Type(t) if !t.subclasses.is_empty()))
            .collect();
        for t in live_parents {
            let subs = match self.heap.data_mut(t) {
                ObjData::Type(tt) => std::mem::take(&mut tt.subclasses),
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
