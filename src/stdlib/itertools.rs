//! The native `itertools` module: every iterator type of CPython 3.11's
//! `itertools` (`count`, `cycle`, `repeat`, `chain`, `islice`,
//! `zip_longest`, `product`, `permutations`, `combinations`,
//! `combinations_with_replacement`, `groupby`, `accumulate`, `takewhile`,
//! `dropwhile`, `filterfalse`, `starmap`, `compress`, `pairwise`, `tee`),
//! with CPython's type names, reprs and argument errors.
//!
//! Each object is a `Native2` payload holding one `St` variant; all its
//! values live in the payload (traced), so an iterator keeps what it needs
//! alive. Values held only in Rust locals while Python code may run (a
//! generator being stepped) are pushed on `vm.temp_roots`.

use std::any::Any;

use crate::ast::BinOp;
use crate::builtins::args::{check_kwargs, kwarg};
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

enum St {
    Count { cur: Value, step: Value },
    Cycle { it: Option<Value>, saved: Vec<Value>, index: usize },
    Repeat { obj: Value, left: Option<i64> },
    Chain { sources: Option<Value>, active: Option<Value> },
    Islice { it: Option<Value>, next: usize, stop: Option<usize>, step: usize, count: usize },
    ZipLongest { iters: Vec<Option<Value>>, fill: Value, active: usize },
    /// Shared by product / permutations / combinations(_with_replacement):
    /// the pool(s), the current index vector, and (permutations) cycles.
    Product { pools: Vec<Vec<Value>>, indices: Vec<usize>, started: bool, done: bool },
    Permutations { pool: Vec<Value>, r: usize, indices: Vec<usize>, cycles: Vec<usize>, started: bool, done: bool },
    Combinations { pool: Vec<Value>, r: usize, indices: Vec<usize>, started: bool, done: bool, repl: bool },
    GroupBy { it: Value, key: Value, tgtkey: Value, currkey: Value, currvalue: Value, current: Option<ObjRef> },
    Grouper { parent: ObjRef, tgtkey: Value },
    Accumulate { it: Value, func: Value, total: Option<Value>, initial: Option<Value> },
    TakeWhile { pred: Value, it: Value, stop: bool },
    DropWhile { pred: Value, it: Value, dropping: bool },
    FilterFalse { pred: Value, it: Value },
    StarMap { func: Value, it: Value },
    Compress { data: Value, sel: Value },
    Pairwise { it: Option<Value>, old: Option<Value> },
    TeeData { it: Value, buf: Vec<Value> },
    Tee { data: ObjRef, index: usize },
}

struct ItObj {
    st: St,
}

fn push(v: &Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(r) = v {
        out.push(*r);
    }
}

impl NativeData for ItObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        let p = |v: &Value, out: &mut Vec<ObjRef>| push(v, out);
        match &self.st {
            St::Count { cur, step } => {
                p(cur, out);
                p(step, out);
            }
            St::Cycle { it, saved, .. } => {
                it.iter().for_each(|v| p(v, out));
                saved.iter().for_each(|v| p(v, out));
            }
            St::Repeat { obj, .. } => p(obj, out),
            St::Chain { sources, active } => {
                sources.iter().chain(active.iter()).for_each(|v| p(v, out));
            }
            St::Islice { it, .. } => it.iter().for_each(|v| p(v, out)),
            St::ZipLongest { iters, fill, .. } => {
                iters.iter().flatten().for_each(|v| p(v, out));
                p(fill, out);
            }
            St::Product { pools, .. } => pools.iter().flatten().for_each(|v| p(v, out)),
            St::Permutations { pool, .. } | St::Combinations { pool, .. } => pool.iter().for_each(|v| p(v, out)),
            St::GroupBy { it, key, tgtkey, currkey, currvalue, current } => {
                for v in [it, key, tgtkey, currkey, currvalue] {
                    p(v, out);
                }
                out.extend(current.iter().copied());
            }
            St::Grouper { parent, tgtkey } => {
                out.push(*parent);
                p(tgtkey, out);
            }
            St::Accumulate { it, func, total, initial } => {
                p(it, out);
                p(func, out);
                total.iter().chain(initial.iter()).for_each(|v| p(v, out));
            }
            St::TakeWhile { pred, it, .. } | St::DropWhile { pred, it, .. } | St::FilterFalse { pred, it } | St::StarMap { func: pred, it } => {
                p(pred, out);
                p(it, out);
            }
            St::Compress { data, sel } => {
                p(data, out);
                p(sel, out);
            }
            St::Pairwise { it, old } => it.iter().chain(old.iter()).for_each(|v| p(v, out)),
            St::TeeData { it, buf } => {
                p(it, out);
                buf.iter().for_each(|v| p(v, out));
            }
            St::Tee { data, .. } => out.push(*data),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// The module's classes, in `NAMES` order.
const NAMES: &[&str] = &[
    "count",
    "cycle",
    "repeat",
    "chain",
    "islice",
    "zip_longest",
    "product",
    "permutations",
    "combinations",
    "combinations_with_replacement",
    "groupby",
    "_grouper",
    "accumulate",
    "takewhile",
    "dropwhile",
    "filterfalse",
    "starmap",
    "compress",
    "pairwise",
    "_tee_dataobject",
    "_tee",
];

thread_local! {
    static TYPES: std::cell::RefCell<Vec<ObjRef>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn ty(name: &str) -> ObjRef {
    let i = NAMES.iter().position(|n| *n == name).expect("itertools type");
    TYPES.with(|t| t.borrow()[i])
}

type NewFn = crate::runtime::function::NativeFn;

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let news: &[NewFn] = &[
        count_new,
        cycle_new,
        repeat_new,
        chain_new,
        islice_new,
        zip_longest_new,
        product_new,
        permutations_new,
        combinations_new,
        cwr_new,
        groupby_new,
        no_new,
        accumulate_new,
        takewhile_new,
        dropwhile_new,
        filterfalse_new,
        starmap_new,
        compress_new,
        pairwise_new,
        no_new,
        no_new,
    ];
    let d = vm.module_dict(m).expect("module dict");
    let mut types = Vec::new();
    let modname = vm.new_str("itertools");
    for (i, &name) in NAMES.iter().enumerate() {
        let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, name, Layout::Native);
        vm.ext.roots.push(Value::Obj(t));
        add_native(vm, t, name, "__new__", news[i], Kind::Static);
        add_method(vm, t, name, "__iter__", iter_self);
        add_method(vm, t, name, "__next__", next);
        set_type_attr(vm, t, "__module__", modname);
        if let ObjData::Type(tt) = vm.heap.data_mut(t) {
            tt.c_module = Some("itertools");
        }
        if !name.starts_with('_') {
            let k = vm.intern(name);
            vm.dict_set_str(d, k, Value::Obj(t));
        }
        types.push(t);
    }
    TYPES.with(|c| *c.borrow_mut() = types);
    add_method(vm, ty("count"), "count", "__repr__", count_repr);
    add_method(vm, ty("repeat"), "repeat", "__repr__", repeat_repr);
    add_method(vm, ty("repeat"), "repeat", "__length_hint__", repeat_len);
    add_native(vm, ty("chain"), "chain", "from_iterable", chain_from_iterable, Kind::Class);
    add_method(vm, ty("_tee"), "_tee", "__copy__", tee_copy);
    let f = vm.native_fn("tee", tee);
    let k = vm.intern("tee");
    vm.dict_set_str(d, k, f);
    Ok(())
}

fn obj<'a>(vm: &'a mut Vm, v: Value) -> PyResult<&'a mut St> {
    let ok = matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<ItObj>());
    if !ok {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("expected an itertools object, got '{}'", tn)));
    }
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => Ok(&mut n.as_any_mut().downcast_mut::<ItObj>().expect("checked").st),
        _ => unreachable!(),
    }
}

fn make(vm: &mut Vm, cls: ObjRef, st: St) -> Value {
    vm.alloc(cls, ObjData::Native2(Box::new(ItObj { st })))
}

fn cls_arg(args: &[Value]) -> ObjRef {
    args.first().and_then(|c| c.as_obj()).expect("class")
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn no_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = vm.get_attr_str(args[0], "__name__")?;
    let name = vm.str_of(name).unwrap_or("?").to_string();
    Err(vm.type_error(format!("cannot create 'itertools.{}' instances", name)))
}

fn no_kw(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

fn nargs(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(vm.type_error(format!("{} expected {} argument{}, got {}", name, if min == max { "" } else { "at least " }.to_string() + &min.to_string(), if min == 1 { "" } else { "s" }, n)));
    }
    if n > max {
        return Err(vm.type_error(format!("{} expected {} argument{}, got {}", name, if min == max { "" } else { "at most " }.to_string() + &max.to_string(), if max == 1 { "" } else { "s" }, n)));
    }
    Ok(())
}

/// Argument-clinic style count check: positional plus keyword arguments.
fn at_most(vm: &mut Vm, name: &str, a: &[Value], kw: KwArgs, max: usize) -> PyResult<()> {
    let n = a.len() + kw.len();
    if n > max {
        return Err(vm.type_error(format!("{}() takes at most {} arguments ({} given)", name, max, n)));
    }
    Ok(())
}

fn stop(vm: &mut Vm) -> crate::vm::PyErr {
    vm.stop_iteration(Value::None)
}

/// Step `it`, keeping `keep` rooted while Python code may run.
fn step_rooted(vm: &mut Vm, it: Value, keep: &[Value]) -> PyResult<Option<Value>> {
    let n = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(keep);
    let r = vm.iter_next(it);
    vm.temp_roots.truncate(n);
    r
}

fn call_rooted(vm: &mut Vm, f: Value, args: &[Value], keep: &[Value]) -> PyResult<Value> {
    let n = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(keep);
    vm.temp_roots.extend_from_slice(args);
    let r = vm.call_value(f, args, &[]);
    vm.temp_roots.truncate(n);
    r
}

fn is_number(vm: &Vm, v: Value) -> bool {
    vm.as_number(v).is_some() || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Complex(_)))
}

// ---------------------------------------------------------------- count

fn count_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "count", kw, &["start", "step"])?;
    let cls = cls_arg(args);
    let args = &args[1..];
    nargs(vm, "count", args, 0, 2)?;
    let start = args.first().copied().or_else(|| kwarg(vm, kw, "start")).unwrap_or(Value::Int(0));
    let step = args.get(1).copied().or_else(|| kwarg(vm, kw, "step")).unwrap_or(Value::Int(1));
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(make(vm, cls, St::Count { cur: start, step }))
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = vm.type_name(args[0]);
    let St::Count { cur, step } = *obj(vm, args[0])? else { return Err(vm.type_error("count expected")) };
    let c = vm.to_repr_string(cur)?;
    let s = if matches!(step, Value::Int(1)) {
        format!("{}({})", name, c)
    } else {
        let st = vm.to_repr_string(step)?;
        format!("{}({}, {})", name, c, st)
    };
    Ok(vm.new_str(s))
}

// ---------------------------------------------------------------- cycle, repeat

fn cycle_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "cycle", kw)?;
    let cls = cls_arg(args);
    nargs(vm, "cycle", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    Ok(make(vm, cls, St::Cycle { it: Some(it), saved: Vec::new(), index: 0 }))
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "repeat", kw, &["object", "times"])?;
    let cls = cls_arg(args);
    let args = &args[1..];
    nargs(vm, "repeat", args, 0, 2)?;
    let Some(o) = args.first().copied().or_else(|| kwarg(vm, kw, "object")) else {
        return Err(vm.type_error("repeat() missing required argument 'object' (pos 1)"));
    };
    let left = match args.get(1).copied().or_else(|| kwarg(vm, kw, "times")) {
        None => None,
        Some(t) => {
            if vm.int_value(t).is_none() {
                let tn = vm.type_name(t);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
            Some(vm.index_value(t)?.max(0))
        }
    };
    Ok(make(vm, cls, St::Repeat { obj: o, left }))
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = vm.type_name(args[0]);
    let St::Repeat { obj: o, left } = *obj(vm, args[0])? else { return Err(vm.type_error("repeat expected")) };
    let r = vm.to_repr_string(o)?;
    let s = match left {
        Some(n) => format!("{}({}, {})", name, r, n),
        None => format!("{}({})", name, r),
    };
    Ok(vm.new_str(s))
}

fn repeat_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match *obj(vm, args[0])? {
        St::Repeat { left: Some(n), .. } => Ok(Value::Int(n)),
        _ => Err(vm.type_error("len() of unsized object")),
    }
}

// ---------------------------------------------------------------- chain

fn chain_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "chain", kw)?;
    let cls = cls_arg(args);
    let t = vm.new_tuple(args[1..].to_vec());
    let sources = vm.get_iter(t)?;
    Ok(make(vm, cls, St::Chain { sources: Some(sources), active: None }))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let cls = cls_arg(args);
    let sources = vm.get_iter(args[1])?;
    Ok(make(vm, cls, St::Chain { sources: Some(sources), active: None }))
}

// ---------------------------------------------------------------- islice

fn islice_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "islice", kw)?;
    let cls = cls_arg(args);
    let a = &args[1..];
    nargs(vm, "islice", a, 2, 4)?;
    let idx = |vm: &mut Vm, v: Value, msg: &str| -> PyResult<Option<usize>> {
        if v.is_none() {
            return Ok(None);
        }
        if vm.int_value(v).is_none() && !matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) {
            // Objects with __index__.
            if vm.index_value(v).is_err() {
                return Err(vm.value_error(msg.to_string()));
            }
        }
        match vm.index_value(v) {
            Ok(i) if i >= 0 => Ok(Some(i as usize)),
            _ => Err(vm.value_error(msg.to_string())),
        }
    };
    let (start, stop, step);
    if a.len() == 2 {
        start = 0;
        stop = idx(vm, a[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")?;
        step = 1;
    } else {
        let s = idx(vm, a[1], "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        let e = idx(vm, a[2], "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        start = s?.unwrap_or(0);
        stop = e?;
        step = match a.get(3).copied() {
            None | Some(Value::None) => 1,
            Some(v) => match vm.index_value(v) {
                Ok(i) if i >= 1 => i as usize,
                _ => return Err(vm.value_error("Step for islice() must be a positive integer or None.")),
            },
        };
    }
    let it = vm.get_iter(a[0])?;
    Ok(make(vm, cls, St::Islice { it: Some(it), next: start, stop, step, count: 0 }))
}

// ---------------------------------------------------------------- zip_longest

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if kw.iter().any(|(k, _)| vm.str_of(*k) != Some("fillvalue")) {
        return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
    }
    let cls = cls_arg(args);
    let fill = kwarg(vm, kw, "fillvalue").unwrap_or(Value::None);
    let mut iters = Vec::new();
    for (i, &a) in args[1..].iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => {
                vm.temp_roots.push(it);
                iters.push(Some(it));
            }
            Err(e) => {
                let n = vm.temp_roots.len() - i;
                vm.temp_roots.truncate(n);
                return Err(e);
            }
        }
    }
    let n = vm.temp_roots.len() - iters.len();
    vm.temp_roots.truncate(n);
    let active = iters.len();
    Ok(make(vm, cls, St::ZipLongest { iters, fill, active }))
}

// ---------------------------------------------------------------- combinatorics

fn product_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "product", kw, &["repeat"])?;
    let cls = cls_arg(args);
    let repeat = match kwarg(vm, kw, "repeat") {
        None => 1,
        Some(r) => {
            let r = vm.index_value(r)?;
            if r < 0 {
                return Err(vm.value_error("repeat argument cannot be negative"));
            }
            r as usize
        }
    };
    let base = vm.temp_roots.len();
    let mut pools = Vec::new();
    for &a in &args[1..] {
        match vm.collect_iterable(a) {
            Ok(p) => {
                vm.temp_roots.extend_from_slice(&p);
                pools.push(p);
            }
            Err(e) => {
                vm.temp_roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.temp_roots.truncate(base);
    let mut all = Vec::with_capacity(pools.len() * repeat);
    for _ in 0..repeat {
        all.extend(pools.iter().cloned());
    }
    let n = all.len();
    Ok(make(vm, cls, St::Product { pools: all, indices: vec![0; n], started: false, done: false }))
}

fn pool_and_r(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, r_required: bool) -> PyResult<(Vec<Value>, usize)> {
    let a = &args[1..];
    at_most(vm, name, a, kw, 2)?;
    check_kwargs(vm, name, kw, &["iterable", "r"])?;
    let Some(iterable) = a.first().copied().or_else(|| kwarg(vm, kw, "iterable")) else {
        return Err(vm.type_error(format!("{}() missing required argument 'iterable' (pos 1)", name)));
    };
    let rv = a.get(1).copied().or_else(|| kwarg(vm, kw, "r"));
    if r_required && rv.is_none() {
        return Err(vm.type_error(format!("{}() missing required argument 'r' (pos 2)", name)));
    }
    let pool = vm.collect_iterable(iterable)?;
    let r = match rv {
        None | Some(Value::None) => pool.len(),
        Some(v) => {
            if vm.int_value(v).is_none() {
                if name == "permutations" {
                    return Err(vm.type_error("Expected int as r"));
                }
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
            let r = vm.index_value(v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            r as usize
        }
    };
    Ok((pool, r))
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = cls_arg(args);
    let (pool, r) = pool_and_r(vm, "permutations", args, kw, false)?;
    let n = pool.len();
    let indices = (0..n).collect();
    let cycles = if r <= n { (0..r).map(|i| n - i).collect() } else { Vec::new() };
    Ok(make(vm, cls, St::Permutations { pool, r, indices, cycles, started: false, done: r > n }))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = cls_arg(args);
    let (pool, r) = pool_and_r(vm, "combinations", args, kw, true)?;
    let done = r > pool.len();
    Ok(make(vm, cls, St::Combinations { pool, r, indices: (0..r).collect(), started: false, done, repl: false }))
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = cls_arg(args);
    let (pool, r) = pool_and_r(vm, "combinations_with_replacement", args, kw, true)?;
    let done = pool.is_empty() && r > 0;
    Ok(make(vm, cls, St::Combinations { pool, r, indices: vec![0; r], started: false, done, repl: true }))
}

// ---------------------------------------------------------------- groupby

fn groupby_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = cls_arg(args);
    let a = &args[1..];
    at_most(vm, "groupby", a, kw, 2)?;
    check_kwargs(vm, "groupby", kw, &["iterable", "key"])?;
    let Some(iterable) = a.first().copied().or_else(|| kwarg(vm, kw, "iterable")) else {
        return Err(vm.type_error("groupby() missing required argument 'iterable' (pos 1)"));
    };
    let key = a.get(1).copied().or_else(|| kwarg(vm, kw, "key")).unwrap_or(Value::None);
    let it = vm.get_iter(iterable)?;
    Ok(make(vm, cls, St::GroupBy { it, key, tgtkey: Value::Undef, currkey: Value::Undef, currvalue: Value::Undef, current: None }))
}

/// Advance a groupby to its next element (`currkey`/`currvalue`);
/// false at the end of the input.
fn groupby_step(vm: &mut Vm, g: Value) -> PyResult<bool> {
    let St::GroupBy { it, key, .. } = *obj(vm, g)? else { unreachable!() };
    let Some(v) = vm.iter_next(it)? else { return Ok(false) };
    let k = if key.is_none() { v } else { call_rooted(vm, key, &[v], &[])? };
    if let St::GroupBy { currkey, currvalue, .. } = obj(vm, g)? {
        *currkey = k;
        *currvalue = v;
    }
    Ok(true)
}

// ---------------------------------------------------------------- the rest

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = cls_arg(args);
    let a = &args[1..];
    at_most(vm, "accumulate", a, kw, 3)?;
    check_kwargs(vm, "accumulate", kw, &["iterable", "func", "initial"])?;
    let Some(iterable) = a.first().copied().or_else(|| kwarg(vm, kw, "iterable")) else {
        return Err(vm.type_error("accumulate() missing required argument 'iterable' (pos 1)"));
    };
    let func = a.get(1).copied().or_else(|| kwarg(vm, kw, "func")).unwrap_or(Value::None);
    let initial = kwarg(vm, kw, "initial").filter(|v| !v.is_none());
    let it = vm.get_iter(iterable)?;
    Ok(make(vm, cls, St::Accumulate { it, func, total: None, initial }))
}

fn pred_it(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<(ObjRef, Value, Value)> {
    no_kw(vm, name, kw)?;
    let cls = cls_arg(args);
    nargs(vm, name, &args[1..], 2, 2)?;
    let it = vm.get_iter(args[2])?;
    Ok((cls, args[1], it))
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (cls, pred, it) = pred_it(vm, "takewhile", args, kw)?;
    Ok(make(vm, cls, St::TakeWhile { pred, it, stop: false }))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (cls, pred, it) = pred_it(vm, "dropwhile", args, kw)?;
    Ok(make(vm, cls, St::DropWhile { pred, it, dropping: true }))
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (cls, pred, it) = pred_it(vm, "filterfalse", args, kw)?;
    Ok(make(vm, cls, St::FilterFalse { pred, it }))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (cls, func, it) = pred_it(vm, "starmap", args, kw)?;
    Ok(make(vm, cls, St::StarMap { func, it }))
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "compress", kw, &["data", "selectors"])?;
    let cls = cls_arg(args);
    let a = &args[1..];
    let Some(data) = a.first().copied().or_else(|| kwarg(vm, kw, "data")) else {
        return Err(vm.type_error("compress() missing required argument 'data' (pos 1)"));
    };
    let Some(sel) = a.get(1).copied().or_else(|| kwarg(vm, kw, "selectors")) else {
        return Err(vm.type_error("compress() missing required argument 'selectors' (pos 2)"));
    };
    let data = vm.get_iter(data)?;
    vm.temp_roots.push(data);
    let sel = vm.get_iter(sel);
    vm.temp_roots.pop();
    let sel = sel?;
    Ok(make(vm, cls, St::Compress { data, sel }))
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "pairwise", kw)?;
    let cls = cls_arg(args);
    nargs(vm, "pairwise", &args[1..], 1, 1)?;
    let it = vm.get_iter(args[1])?;
    Ok(make(vm, cls, St::Pairwise { it: Some(it), old: None }))
}

fn tee(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "tee", kw)?;
    nargs(vm, "tee", args, 1, 2)?;
    let n = match args.get(1) {
        None => 2,
        Some(&v) => {
            let n = vm.index_value(v)?;
            if n < 0 {
                return Err(vm.value_error("n must be >= 0"));
            }
            n as usize
        }
    };
    let it = vm.get_iter(args[0])?;
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    // Teeing a tee shares its buffer, as CPython does.
    let (data, index) = match it.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(b)) if matches!(b.as_any().downcast_ref::<ItObj>(), Some(ItObj { st: St::Tee { .. } })) => match *obj(vm, it)? {
            St::Tee { data, index } => (data, index),
            _ => unreachable!(),
        },
        _ => {
            let dcls = ty("_tee_dataobject");
            let d = make(vm, dcls, St::TeeData { it, buf: Vec::new() });
            (d.as_obj().expect("obj"), 0)
        }
    };
    let tcls = ty("_tee");
    vm.temp_roots.push(Value::Obj(data));
    let items: Vec<Value> = (0..n).map(|_| make(vm, tcls, St::Tee { data, index })).collect();
    vm.temp_roots.pop();
    Ok(vm.new_tuple(items))
}

fn tee_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let St::Tee { data, index } = *obj(vm, args[0])? else { return Err(vm.type_error("_tee expected")) };
    let tcls = ty("_tee");
    Ok(make(vm, tcls, St::Tee { data, index }))
}

// ---------------------------------------------------------------- __next__

fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let this = args[0];
    match next_item(vm, this)? {
        Some(v) => Ok(v),
        None => Err(stop(vm)),
    }
}

fn next_item(vm: &mut Vm, this: Value) -> PyResult<Option<Value>> {
    // Each arm reads what it needs, steps, then writes back.
    match obj(vm, this)? {
        St::Count { cur, step } => {
            let (c, s) = (*cur, *step);
            let n = match (c, s) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => Value::Int(a + b),
                _ => vm.binary_op(c, s, BinOp::Add)?,
            };
            if let St::Count { cur, .. } = obj(vm, this)? {
                *cur = n;
            }
            Ok(Some(c))
        }
        St::Cycle { it: Some(i), .. } => {
            let i = *i;
            match vm.iter_next(i)? {
                Some(v) => {
                    if let St::Cycle { saved, .. } = obj(vm, this)? {
                        saved.push(v);
                    }
                    Ok(Some(v))
                }
                None => {
                    if let St::Cycle { it, .. } = obj(vm, this)? {
                        *it = None;
                    }
                    next_item(vm, this)
                }
            }
        }
        St::Cycle { saved, index, .. } => {
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[*index % saved.len()];
            *index = (*index + 1) % saved.len();
            Ok(Some(v))
        }
        St::Repeat { obj: o, left } => match left {
            None => Ok(Some(*o)),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(*o))
            }
        },
        St::Chain { sources, active } => {
            let (mut src, mut act) = (*sources, *active);
            loop {
                if let Some(a) = act {
                    if let Some(v) = vm.iter_next(a)? {
                        return Ok(Some(v));
                    }
                    act = None;
                    if let St::Chain { active, .. } = obj(vm, this)? {
                        *active = None;
                    }
                }
                let Some(s) = src else { return Ok(None) };
                match vm.iter_next(s)? {
                    Some(iterable) => {
                        let it = vm.get_iter(iterable)?;
                        act = Some(it);
                        if let St::Chain { active, .. } = obj(vm, this)? {
                            *active = Some(it);
                        }
                    }
                    None => {
                        src = None;
                        if let St::Chain { sources, .. } = obj(vm, this)? {
                            *sources = None;
                        }
                    }
                }
            }
        }
        St::Islice { it, next, stop, step, count } => {
            let Some(i) = *it else { return Ok(None) };
            let (nx, sp, st) = (*next, *stop, *step);
            let mut cnt = *count;
            let finish = |vm: &mut Vm| -> PyResult<Option<Value>> {
                if let St::Islice { it, .. } = obj(vm, this)? {
                    *it = None;
                }
                Ok(None)
            };
            while cnt < nx {
                if vm.iter_next(i)?.is_none() {
                    return finish(vm);
                }
                cnt += 1;
                if let St::Islice { count, .. } = obj(vm, this)? {
                    *count = cnt;
                }
            }
            if sp.is_some_and(|s| cnt >= s) {
                return finish(vm);
            }
            let Some(v) = vm.iter_next(i)? else { return finish(vm) };
            cnt += 1;
            let mut new_next = nx.saturating_add(st);
            if let Some(s) = sp {
                if new_next > s {
                    new_next = s;
                }
            }
            if let St::Islice { count, next, .. } = obj(vm, this)? {
                *count = cnt;
                *next = new_next;
            }
            Ok(Some(v))
        }
        St::ZipLongest { iters, fill, active } => {
            if iters.is_empty() || *active == 0 {
                return Ok(None);
            }
            let (its, f) = (iters.clone(), *fill);
            let mut out = Vec::with_capacity(its.len());
            for (k, i) in its.iter().enumerate() {
                let v = match i {
                    None => f,
                    Some(it) => match step_rooted(vm, *it, &out)? {
                        Some(v) => v,
                        None => {
                            let mut left = 0;
                            if let St::ZipLongest { iters, active, .. } = obj(vm, this)? {
                                iters[k] = None;
                                *active -= 1;
                                left = *active;
                            }
                            if left == 0 {
                                return Ok(None);
                            }
                            f
                        }
                    },
                };
                out.push(v);
            }
            Ok(Some(vm.new_tuple(out)))
        }
        St::Product { pools, indices, started, done } => {
            if *done {
                return Ok(None);
            }
            if !*started {
                *started = true;
                if pools.iter().any(|p| p.is_empty()) {
                    *done = true;
                    return Ok(None);
                }
            } else {
                // Odometer: bump the rightmost index that can move.
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        *done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    indices[i] += 1;
                    if indices[i] < pools[i].len() {
                        break;
                    }
                    indices[i] = 0;
                }
            }
            let t: Vec<Value> = indices.iter().zip(pools.iter()).map(|(&i, p)| p[i]).collect();
            Ok(Some(vm.new_tuple(t)))
        }
        St::Permutations { pool, r, indices, cycles, started, done } => {
            if *done {
                return Ok(None);
            }
            let (n, r) = (pool.len(), *r);
            if !*started {
                *started = true;
            } else {
                if n == 0 {
                    *done = true;
                    return Ok(None);
                }
                let mut i = r;
                loop {
                    if i == 0 {
                        *done = true;
                        return Ok(None);
                    }
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        // Rotate indices[i..] left by one.
                        let x = indices.remove(i);
                        indices.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = n - cycles[i];
                        indices.swap(i, j);
                        break;
                    }
                }
            }
            let t: Vec<Value> = indices[..r].iter().map(|&i| pool[i]).collect();
            Ok(Some(vm.new_tuple(t)))
        }
        St::Combinations { pool, r, indices, started, done, repl } => {
            if *done {
                return Ok(None);
            }
            let (n, r) = (pool.len(), *r);
            if !*started {
                *started = true;
            } else if *repl {
                // Rightmost index not at n-1.
                let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                    *done = true;
                    return Ok(None);
                };
                let v = indices[i] + 1;
                for x in &mut indices[i..] {
                    *x = v;
                }
            } else {
                let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                    *done = true;
                    return Ok(None);
                };
                indices[i] += 1;
                for j in i + 1..r {
                    indices[j] = indices[j - 1] + 1;
                }
            }
            let t: Vec<Value> = indices.iter().map(|&i| pool[i]).collect();
            Ok(Some(vm.new_tuple(t)))
        }
        St::GroupBy { .. } => {
            // Skip to the first element whose key differs from tgtkey.
            loop {
                let St::GroupBy { tgtkey, currkey, .. } = *obj(vm, this)? else { unreachable!() };
                if currkey.is_undef() {
                    if !groupby_step(vm, this)? {
                        return Ok(None);
                    }
                    continue;
                }
                if tgtkey.is_undef() || !vm.eq(tgtkey, currkey)? {
                    break;
                }
                if !groupby_step(vm, this)? {
                    return Ok(None);
                }
            }
            let St::GroupBy { currkey, .. } = *obj(vm, this)? else { unreachable!() };
            let gcls = ty("_grouper");
            let parent = this.as_obj().expect("obj");
            let g = make(vm, gcls, St::Grouper { parent, tgtkey: currkey });
            if let St::GroupBy { tgtkey, current, .. } = obj(vm, this)? {
                *tgtkey = currkey;
                *current = g.as_obj();
            }
            Ok(Some(vm.new_tuple(vec![currkey, g])))
        }
        St::Grouper { parent, tgtkey } => {
            let (p, tk) = (Value::Obj(*parent), *tgtkey);
            let St::GroupBy { current, currkey, .. } = *obj(vm, p)? else { unreachable!() };
            if current != this.as_obj() {
                return Ok(None);
            }
            if currkey.is_undef() && !groupby_step(vm, p)? {
                return Ok(None);
            }
            let St::GroupBy { currkey, currvalue, .. } = *obj(vm, p)? else { unreachable!() };
            vm.temp_roots.push(currvalue);
            let same = vm.eq(tk, currkey);
            vm.temp_roots.pop();
            if !same? {
                return Ok(None);
            }
            if let St::GroupBy { currkey, currvalue, .. } = obj(vm, p)? {
                *currkey = Value::Undef;
                *currvalue = Value::Undef;
            }
            Ok(Some(currvalue))
        }
        St::Accumulate { it, func, total, initial } => {
            if let Some(i) = initial.take() {
                *total = Some(i);
                return Ok(Some(i));
            }
            let (i, f, t) = (*it, *func, *total);
            let Some(v) = vm.iter_next(i)? else { return Ok(None) };
            let nt = match t {
                None => v,
                Some(t) if f.is_none() => {
                    vm.temp_roots.push(v);
                    let r = vm.binary_op(t, v, BinOp::Add);
                    vm.temp_roots.pop();
                    r?
                }
                Some(t) => call_rooted(vm, f, &[t, v], &[])?,
            };
            if let St::Accumulate { total, .. } = obj(vm, this)? {
                *total = Some(nt);
            }
            Ok(Some(nt))
        }
        St::TakeWhile { pred, it, stop } => {
            if *stop {
                return Ok(None);
            }
            let (p, i) = (*pred, *it);
            let Some(v) = vm.iter_next(i)? else { return Ok(None) };
            let r = call_rooted(vm, p, &[v], &[])?;
            vm.temp_roots.push(v);
            let ok = vm.truthy(r);
            vm.temp_roots.pop();
            if ok? {
                return Ok(Some(v));
            }
            if let St::TakeWhile { stop, .. } = obj(vm, this)? {
                *stop = true;
            }
            Ok(None)
        }
        St::DropWhile { pred, it, dropping } => {
            let (p, i, d) = (*pred, *it, *dropping);
            loop {
                let Some(v) = vm.iter_next(i)? else { return Ok(None) };
                if !d {
                    return Ok(Some(v));
                }
                let r = call_rooted(vm, p, &[v], &[])?;
                vm.temp_roots.push(v);
                let keep_dropping = vm.truthy(r);
                vm.temp_roots.pop();
                if !keep_dropping? {
                    if let St::DropWhile { dropping, .. } = obj(vm, this)? {
                        *dropping = false;
                    }
                    return Ok(Some(v));
                }
            }
        }
        St::FilterFalse { pred, it } => {
            let (p, i) = (*pred, *it);
            loop {
                let Some(v) = vm.iter_next(i)? else { return Ok(None) };
                let r = if p.is_none() { v } else { call_rooted(vm, p, &[v], &[])? };
                vm.temp_roots.push(v);
                let t = vm.truthy(r);
                vm.temp_roots.pop();
                if !t? {
                    return Ok(Some(v));
                }
            }
        }
        St::StarMap { func, it } => {
            let (f, i) = (*func, *it);
            let Some(v) = vm.iter_next(i)? else { return Ok(None) };
            vm.temp_roots.push(v);
            let a = vm.collect_iterable(v);
            vm.temp_roots.pop();
            let a = a?;
            Ok(Some(call_rooted(vm, f, &a, &[v])?))
        }
        St::Compress { data, sel } => {
            let (d, s) = (*data, *sel);
            loop {
                let Some(v) = vm.iter_next(d)? else { return Ok(None) };
                let Some(k) = step_rooted(vm, s, &[v])? else { return Ok(None) };
                vm.temp_roots.push(v);
                let t = vm.truthy(k);
                vm.temp_roots.pop();
                if t? {
                    return Ok(Some(v));
                }
            }
        }
        St::Pairwise { it, old } => {
            let Some(i) = *it else { return Ok(None) };
            let o = match *old {
                Some(o) => o,
                None => match vm.iter_next(i)? {
                    Some(o) => {
                        if let St::Pairwise { old, .. } = obj(vm, this)? {
                            *old = Some(o);
                        }
                        o
                    }
                    None => {
                        if let St::Pairwise { it, .. } = obj(vm, this)? {
                            *it = None;
                        }
                        return Ok(None);
                    }
                },
            };
            match vm.iter_next(i)? {
                Some(n) => {
                    if let St::Pairwise { old, .. } = obj(vm, this)? {
                        *old = Some(n);
                    }
                    Ok(Some(vm.new_tuple(vec![o, n])))
                }
                None => {
                    if let St::Pairwise { it, old } = obj(vm, this)? {
                        *it = None;
                        *old = None;
                    }
                    Ok(None)
                }
            }
        }
        St::TeeData { .. } => Ok(None),
        St::Tee { data, index } => {
            let (d, i) = (Value::Obj(*data), *index);
            let St::TeeData { it, buf } = obj(vm, d)? else { unreachable!() };
            let v = if i < buf.len() {
                buf[i]
            } else {
                let src = *it;
                let Some(v) = vm.iter_next(src)? else { return Ok(None) };
                if let St::TeeData { buf, .. } = obj(vm, d)? {
                    buf.push(v);
                }
                v
            };
            if let St::Tee { index, .. } = obj(vm, this)? {
                *index += 1;
            }
            Ok(Some(v))
        }
    }
}
