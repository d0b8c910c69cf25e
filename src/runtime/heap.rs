//! The object heap: a slotmap of `Obj`s and a mark-and-sweep collector.
//!
//! Collection only happens at safe points chosen by the VM (see
//! `vm::gc`): between instructions, when every live value is reachable
//! from the VM's roots (value stack, frames, modules, the event loop, and
//! `Vm::temp_roots` for values native code holds while calling back into
//! Python). Native code never triggers a collection by allocating.

use slotmap::{Key, SlotMap};

use super::object::{Obj, ObjData};
use super::trace::trace_obj;
use super::value::{ObjRef, Value};

pub struct Heap {
    objects: SlotMap<ObjRef, Obj>,
    /// Mark bits, indexed by slot index.
    marks: Vec<u64>,
    /// Allocations since the last collection.
    pub allocated: usize,
    /// Collect when `allocated` passes this.
    pub threshold: usize,
    /// Upper bound on the live objects that may need finalising
    /// (generators, coroutines, async generators, futures): counted at
    /// allocation, recounted by each search for finaliser candidates
    /// (`scan_after_mark`). While it is zero the collector skips that search.
    finalizable: usize,
    /// Classes alive after the last collection plus those allocated since.
    types: usize,
    /// Classes the current collection's marking reached.
    types_marked: usize,
    /// The slot-table capacity at which `next_threshold` last shortened
    /// the interval to avoid growing the table (once per table size).
    early_cap: usize,
    /// The slot-table capacity when freed memory was last handed back
    /// (`table_grew`).
    released_cap: usize,
    /// The marking work list's capacity at the end of the last mark: the
    /// next one starts with room for as much instead of regrowing from
    /// the roots' size (dict_str: ~36 000 entries, 2.9M Ir of copies).
    work_hint: usize,
}

/// How the program hands memory its allocator holds freed back to the
/// system at once (main.rs: mimalloc's forced collect). Unset, as in the
/// library's own tests, it does nothing.
static RELEASE_FREED: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

pub fn set_release_freed(f: fn()) {
    let _ = RELEASE_FREED.set(f);
}

/// Give freed memory back to the system now. mimalloc returns a large
/// freed block (the slot table's old copy after a doubling, a drained
/// ready queue's buffer) only when another large block is freed 100 ms
/// later, so whether a program's resident size included it was a matter
/// of timing (micro_parked: 13 MB, 130 bytes a task, either way).
/// Called only after such a free, a handful of times per run.
pub fn release_freed_memory() {
    if let Some(f) = RELEASE_FREED.get() {
        f();
    }
}

use crate::asyncio::may_need_finalizer;

/// Dead objects (slot + payload, ~100 B each) pile up to this count
/// between collections while the live set is small (above it, the
/// threshold follows the live set). 200 000 made peak RSS 2-3x CPython's;
/// 50 000 -> 12 500 took another 4-8 MB off (async_await_chain 24.1 -> 16.0
/// MB, calls 19.6 -> 13.8 MB) at no measurable CPU cost (ab.py: calls
/// 0.94x, micro_task 0.89x, others 0.96-1.01x; notes/perf.md).
const MIN_THRESHOLD: usize = 12_500;

/// Allocations before the next collection, `live` objects surviving in a
/// slot table of `capacity`. Normally the live count (collection work
/// stays proportional to allocation), but never so many that the slot
/// table must grow while the free half of it could hold them: growing
/// doubles the table (48 bytes a slot) and copies it, both old and new
/// resident at that moment. When garbage is likely to make room (the
/// free part is at least half the live set), collect before the table is
/// full instead; when it is not, let it grow. async_gather_tree: the
/// table grew to 655 360 slots for 175 000 live objects, 72 MB peak RSS
/// (48 MB with this rule; CPython 58 MB).
fn next_threshold(live: usize, capacity: usize, early_cap: &mut usize) -> usize {
    let room = capacity.saturating_sub(live);
    // Once per table size: a live set that stays in the band where the
    // rule applies would otherwise be collected up to 1.4x as often for
    // good (dict_str +3.4 % Ir); one early try per size costs at most one
    // extra collection per doubling.
    let t = if room >= live / 2 && room - room / 8 < live && *early_cap != capacity {
        *early_cap = capacity;
        room - room / 8
    } else {
        live
    };
    // A sweep visits every slot of the table, live or not: after a peak
    // the live set can be small in a large table (async_gather_tree's
    // synchronous tail: 2 700 live objects, 327 000 slots), and
    // collecting every MIN_THRESHOLD allocations would cost ~26 slot
    // visits per allocation. A quarter of the table never makes it grow
    // (room >= live / 2 means room > capacity / 3).
    min_threshold(live, capacity).max(t).max(capacity / 4)
}

/// The least interval between collections: MIN_THRESHOLD, but never more
/// than the table's free part can hold. A small program (a few thousand
/// live objects in the initial 10 240-slot table) otherwise doubled the
/// table for garbage alone at its first collection, and every later sweep
/// visited twice the slots: calls.py, generators.py peak RSS about 0.5 MB
/// above with the same collector work (a sweep visits the whole table,
/// so half the table swept twice as often costs the same).
fn min_threshold(live: usize, capacity: usize) -> usize {
    let room = capacity.saturating_sub(live);
    MIN_THRESHOLD.min(room - room / 8)
}

#[inline]
fn slot_index(r: ObjRef) -> usize {
    (r.data().as_ffi() & 0xffff_ffff) as usize
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        // 10240 slots (480 KiB): `-c pass` uses ~2 000, `import asyncio`
        // ~2 800, the issue-4 import line fewer than 10 000. The unused tail
        // of the reservation is address space that pushes every later
        // mimalloc page further on: 16384 slots put `import asyncio` on
        // three 2 MiB huge pages instead of two; 8192 made the import line
        // grow the table once (a 384 KiB copy) (notes/perf.md).
        let objects = SlotMap::with_capacity_and_key(10 * 1024);
        let threshold = min_threshold(0, objects.capacity());
        Heap { objects, marks: Vec::new(), allocated: 0, threshold, finalizable: 0, types: 0, types_marked: 0, early_cap: 0, released_cap: 10 * 1024, work_hint: 0 }
    }

    #[inline]
    pub fn alloc(&mut self, class: ObjRef, data: ObjData) -> ObjRef {
        self.allocated += 1;
        match data {
            ObjData::Generator(_) | ObjData::Native2(_) => self.finalizable += may_need_finalizer(&data) as usize,
            ObjData::Type(_) => self.types += 1,
            _ => {}
        }
        self.objects.insert(Obj { class, data })
    }

    /// Allocate an object whose class is itself (used to bootstrap `type`).
    pub fn alloc_self_class(&mut self, data: ObjData) -> ObjRef {
        self.allocated += 1;
        self.types += matches!(data, ObjData::Type(_)) as usize;
        self.objects.insert_with_key(|k| Obj { class: k, data })
    }

    #[inline]
    pub fn get(&self, r: ObjRef) -> &Obj {
        match self.objects.get(r) {
            Some(o) => o,
            None => dangling(r),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, r: ObjRef) -> &mut Obj {
        match self.objects.get_mut(r) {
            Some(o) => o,
            None => dangling(r),
        }
    }

    /// Two distinct live objects, both mutable (None if `a == b`): lets
    /// a list be filled from another list without copying it first.
    #[inline]
    pub fn get2_mut(&mut self, a: ObjRef, b: ObjRef) -> Option<[&mut Obj; 2]> {
        self.objects.get_disjoint_mut([a, b])
    }

    #[inline]
    pub fn data(&self, r: ObjRef) -> &ObjData {
        &self.get(r).data
    }

    #[inline]
    pub fn data_mut(&mut self, r: ObjRef) -> &mut ObjData {
        &mut self.get_mut(r).data
    }

    #[inline]
    pub fn class_of_obj(&self, r: ObjRef) -> ObjRef {
        self.get(r).class
    }

    pub fn contains(&self, r: ObjRef) -> bool {
        self.objects.contains_key(r)
    }

    pub fn len(&self) -> usize {
        self.objects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    #[inline]
    pub fn should_collect(&self) -> bool {
        self.allocated >= self.threshold
    }

    fn is_marked(&self, r: ObjRef) -> bool {
        let i = slot_index(r);
        self.marks.get(i / 64).map(|w| w & (1 << (i % 64)) != 0).unwrap_or(false)
    }

    /// The room a root list should have: what the last mark's work list
    /// grew to (allocating it at that size up front copies nothing later).
    #[inline]
    pub fn work_hint(&self) -> usize {
        self.work_hint
    }

    /// Mark everything reachable from `roots`.
    pub fn mark_from(&mut self, roots: Vec<ObjRef>) {
        let mut work = roots;
        work.reserve(self.work_hint.saturating_sub(work.len()));
        let cap = self.objects.capacity() + 64;
        if self.marks.len() * 64 < cap {
            self.marks.resize(cap / 64 + 1, 0);
        }
        while let Some(r) = work.pop() {
            let i = slot_index(r);
            let word = &mut self.marks[i / 64];
            let bit = 1u64 << (i % 64);
            if *word & bit != 0 {
                continue;
            }
            let Some(obj) = self.objects.get(r) else { continue };
            *word |= bit;
            self.types_marked += matches!(obj.data, ObjData::Type(_)) as usize;
            // The class is nearly always marked already (a handful of
            // types serve every object): test its bit here instead of a
            // push, pop and test on the work list for every object.
            let c = slot_index(obj.class);
            if self.marks.get(c / 64).map(|w| w & (1 << (c % 64)) == 0).unwrap_or(true) {
                work.push(obj.class);
            }
            // Strings and numbers hold no references: no call for them
            // (most of a text-processing heap is strings).
            if !matches!(obj.data, ObjData::Str(_) | ObjData::Float(_) | ObjData::BigInt(_)) {
                trace_obj(&obj.data, &mut work);
            }
        }
        self.work_hint = work.capacity();
    }

    /// Whether some class is about to be freed (call after marking):
    /// only then can a weak `subclasses` list hold a dying entry.
    #[inline]
    pub fn some_type_dies(&self) -> bool {
        self.types_marked < self.types
    }

    /// Whether any live object may need finalising (else the collector
    /// need not look for finaliser candidates).
    #[inline]
    pub fn any_finalizable(&self) -> bool {
        self.finalizable != 0
    }

    /// One pass over the heap after marking: `f` sees each generator and
    /// native object (the kinds that can need finalising) with its
    /// reference, payload and whether the mark phase reached it (the
    /// collector's search for finaliser candidates, without first
    /// collecting every unmarked key).
    /// Also recounts `finalizable` (every object of a kind that may need
    /// finalising survives this collection, marked or resurrected).
    pub fn scan_after_mark(&mut self, mut f: impl FnMut(ObjRef, &ObjData, bool)) {
        let marks = &self.marks;
        let mut finalizable = 0;
        for (k, obj) in self.objects.iter() {
            if !matches!(obj.data, ObjData::Generator(_) | ObjData::Native2(_)) {
                continue;
            }
            let i = slot_index(k);
            let live = marks.get(i / 64).map(|w| w & (1 << (i % 64)) != 0).unwrap_or(false);
            // Dead ones are counted too (an upper bound is enough; the
            // next search recounts).
            finalizable += may_need_finalizer(&obj.data) as usize;
            f(k, &obj.data, live);
        }
        self.finalizable = finalizable;
    }

    /// Unmarked objects (garbage if nothing resurrects them). Call after
    /// `mark_from` and before `sweep`.
    pub fn unmarked(&self) -> Vec<ObjRef> {
        self.objects.keys().filter(|&k| !self.is_marked(k)).collect()
    }

    /// Every object currently allocated (for shutdown finalisation).
    pub fn object_refs(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.objects.keys()
    }

    /// True once after each growth of the slot table (which freed the
    /// old copy of it): the caller hands that memory back
    /// (`release_freed_memory`).
    pub fn table_grew(&mut self) -> bool {
        let cap = self.objects.capacity();
        // Below 64 Ki slots the old copy (<= 1.5 MB) is not worth a
        // forced collect of the allocator.
        if cap > self.released_cap && cap > 64 * 1024 {
            self.released_cap = cap;
            return true;
        }
        false
    }

    pub fn is_live_after_mark(&self, r: ObjRef) -> bool {
        self.is_marked(r)
    }

    /// Free every unmarked object and reset the marks. Returns the number
    /// of objects freed.
    pub fn sweep(&mut self) -> usize {
        let before = self.objects.len();
        let marks = std::mem::take(&mut self.marks);
        self.objects.retain(|k, _| {
            let i = slot_index(k);
            marks.get(i / 64).map(|w| w & (1 << (i % 64)) != 0).unwrap_or(false)
        });
        self.types = self.types_marked;
        self.types_marked = 0;
        self.marks = marks;
        self.marks.iter_mut().for_each(|w| *w = 0);
        let live = self.objects.len();
        self.allocated = 0;
        self.threshold = next_threshold(live, self.objects.capacity(), &mut self.early_cap);
        before - live
    }
}

#[cold]
#[inline(never)]
fn dangling(r: ObjRef) -> ! {
    // A reachable value pointing at a freed slot means a missing root: an
    // interpreter bug, never a user error.
    panic!("internal error: dangling object reference {:?}", r)
}

/// Push the object a value refers to, if any.
#[inline]
pub fn push_value(v: Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(r) = v {
        out.push(r);
    }
}
