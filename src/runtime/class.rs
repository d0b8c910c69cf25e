//! `TypeObj`: a Python class (built-in or user-defined), and the C3
//! linearisation that computes its MRO.

use super::value::ObjRef;

/// The payload instances of a class carry (inherited from the first
/// built-in base that has one; `Instance` for plain user classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `object()` itself: no payload, no dict.
    Object,
    Instance,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Exception,
    Type,
    /// Built-in types that cannot be subclassed (function, range, ...).
    Final,
    /// Native objects whose payload only their `__new__` can build
    /// (asyncio futures, tasks, loops); subclassable.
    Native,
}

pub struct TypeObj {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<ObjRef>,
    /// Method resolution order, starting with the class itself.
    pub mro: Vec<ObjRef>,
    /// The class namespace (a `Dict` object).
    pub dict: ObjRef,
    pub layout: Layout,
    /// Defined by the interpreter (attributes are read-only).
    pub builtin: bool,
    /// Replaced (from the VM-wide counter) whenever this class's or a
    /// base's namespace changes; keys attribute caches (`Vm::class_version`).
    pub version: u64,
    /// Direct subclasses (so a change can bump their versions).
    pub subclasses: Vec<ObjRef>,
    /// `__slots__` names when declared (instances then reject other
    /// attributes, as in CPython).
    pub slots: Option<Vec<String>>,
    /// Abstract methods not yet implemented (from `abc`): instantiation
    /// fails while this is non-empty.
    pub abstract_methods: Vec<String>,
    /// `HOOK_*` bits: which attribute hooks the class overrides, valid
    /// while `hooks_epoch` equals `version` (see `Vm::type_hooks`).
    pub hooks: u8,
    pub hooks_epoch: u64,
    /// An interpreter-defined class whose instances still take arbitrary
    /// attributes in a `__dict__` made on demand, as CPython's C types
    /// with a dict offset do (asyncio's `Future` and `Task`).
    pub native_instance_dict: bool,
    /// For a class CPython implements in C inside a module: that module,
    /// which its type name (`tp_name`) and so its error messages include
    /// (`'collections.deque' object has no attribute 'x'`).
    pub c_module: Option<&'static str>,
    /// The attribute names of this class's inline-layout instances, in
    /// the order they were first stored (`runtime/instance.rs`):
    /// append-only, exact `str` objects, at most `MAX_SHARED_KEYS`; each
    /// with its hash, so a lookup by a name that is not the same object
    /// compares strings only on equal hashes.
    pub shared_keys: Vec<(ObjRef, i64)>,
}

/// A `__getattribute__` other than `object`'s.
pub const HOOK_GETATTRIBUTE: u8 = 1;
/// A `__setattr__` other than `object`'s / `type`'s.
pub const HOOK_SETATTR: u8 = 2;
/// Any `__getattr__`.
pub const HOOK_GETATTR: u8 = 4;
/// A `__delattr__` other than `object`'s.
pub const HOOK_DELATTR: u8 = 8;
/// Any `__bool__` or `__len__` (truth testing cannot answer True at once).
pub const HOOK_TRUTH: u8 = 16;
/// Not a hook: `__hash__` is `object`'s, so `hash()` is the identity hash
/// without a lookup (instances used as dict keys or set members, tasks in
/// a TaskGroup's `_tasks`).
pub const IDENTITY_HASH: u8 = 32;

impl TypeObj {
    pub fn new(name: &str, dict: ObjRef, layout: Layout) -> TypeObj {
        TypeObj {
            name: name.to_string(),
            qualname: name.to_string(),
            bases: Vec::new(),
            mro: Vec::new(),
            dict,
            layout,
            builtin: true,
            version: 0,
            subclasses: Vec::new(),
            slots: None,
            abstract_methods: Vec::new(),
            hooks: 0,
            // Never equal to a real epoch: computed on first use.
            hooks_epoch: u64::MAX,
            native_instance_dict: false,
            c_module: None,
            shared_keys: Vec::new(),
        }
    }

    /// The name CPython's messages show for this class (see `c_module`).
    pub fn error_name(&self) -> String {
        match self.c_module {
            Some(m) => format!("{}.{}", m, self.name),
            None => self.name.clone(),
        }
    }
}

/// C3 linearisation. `mro_of(b)` gives each base's MRO. When no consistent
/// order exists, `Err` holds the blocked heads of the sequences still to
/// merge (first-seen order), which CPython's error message names.
pub fn c3_linearize(cls: ObjRef, bases: &[ObjRef], mro_of: impl Fn(ObjRef) -> Vec<ObjRef>) -> Result<Vec<ObjRef>, Vec<ObjRef>> {
    // One base: its MRO is already a linearisation, so the merge is just
    // `cls` followed by it.
    if let [b] = bases {
        let base_mro = mro_of(*b);
        let mut result = Vec::with_capacity(base_mro.len() + 1);
        result.push(cls);
        result.extend(base_mro);
        return Ok(result);
    }
    let mut seqs: Vec<Vec<ObjRef>> = bases.iter().map(|&b| mro_of(b)).collect();
    seqs.push(bases.to_vec());
    let mut result = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = s[0];
            let in_tail = seqs.iter().any(|t| t[1..].contains(&head));
            if !in_tail {
                candidate = Some(head);
                break;
            }
        }
        let Some(c) = candidate else {
            let mut heads: Vec<ObjRef> = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            return Err(heads);
        };
        result.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}
