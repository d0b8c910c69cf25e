//! The native `_heapq` module (the list-heap primitives `heappush`,
//! `heappop`, `heapify`, `heapreplace`, `heappushpop` and the `_max`
//! variants) and the native `_bisect` module (`bisect_left/right`,
//! `insort_left/right`). `heapq.py` adds `merge`, `nlargest`,
//! `nsmallest`; `bisect` is `_bisect` plus the `bisect`/`insort` aliases.
//!
//! The sift loops compare with `<` in exactly CPython's order (user
//! `__lt__` methods observe the same calls), and re-read the list after
//! every comparison since `__lt__` may change it.

use crate::ast::CmpOp;
use crate::builtins::args::kwarg;
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

fn register(vm: &mut Vm, m: ObjRef, funcs: &[(&'static str, NativeFn)]) {
    let d = vm.module_dict(m).expect("module dict");
    for &(n, f) in funcs {
        let v = vm.native_fn(n, f);
        let k = vm.intern(n);
        vm.dict_set_str(d, k, v);
    }
}

pub fn init_heapq(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    register(
        vm,
        m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("_heapify_max", heapify_max),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
        ],
    );
    Ok(())
}

pub fn init_bisect(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    register(vm, m, &[("bisect_left", bisect_left), ("bisect_right", bisect_right), ("insort_left", insort_left), ("insort_right", insort_right)]);
    Ok(())
}

// ---------------------------------------------------------------- heapq

fn list_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs, n: usize) -> PyResult<ObjRef> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_heapq.{}() takes no keyword arguments", fname)));
    }
    if args.len() != n {
        return Err(vm.type_error(if n == 1 {
            format!("_heapq.{}() takes exactly one argument ({} given)", fname, args.len())
        } else {
            format!("{} expected {} arguments, got {}", fname, n, args.len())
        }));
    }
    match args[0].as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::List(_)) => Ok(r),
        _ => {
            let tn = if args[0].is_none() { "None".to_string() } else { vm.type_name(args[0]) };
            let which = if n == 1 { "argument" } else { "argument 1" };
            Err(vm.type_error(format!("{}() {} must be list, not {}", fname, which, tn)))
        }
    }
}

fn items(vm: &mut Vm, l: ObjRef) -> &mut Vec<Value> {
    match vm.heap.data_mut(l) {
        ObjData::List(v) => v,
        _ => unreachable!("checked list"),
    }
}

fn len(vm: &mut Vm, l: ObjRef) -> usize {
    items(vm, l).len()
}

/// `a < b` (or `b < a` for the max-heap) as a bool.
fn less(vm: &mut Vm, a: Value, b: Value, max: bool) -> PyResult<bool> {
    let (x, y) = if max { (b, a) } else { (a, b) };
    if let (Value::Int(p), Value::Int(q)) = (x, y) {
        return Ok(p < q);
    }
    let n = vm.temp_roots.len();
    vm.temp_roots.push(a);
    vm.temp_roots.push(b);
    let r = vm.compare_op(x, y, CmpOp::Lt).and_then(|r| vm.truthy(r));
    vm.temp_roots.truncate(n);
    r
}

fn changed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error("list changed size during iteration")
}

fn get(vm: &mut Vm, l: ObjRef, i: usize) -> PyResult<Value> {
    match items(vm, l).get(i) {
        Some(v) => Ok(*v),
        None => Err(changed(vm)),
    }
}

fn set(vm: &mut Vm, l: ObjRef, i: usize, v: Value) -> PyResult<()> {
    match items(vm, l).get_mut(i) {
        Some(slot) => {
            *slot = v;
            Ok(())
        }
        None => Err(changed(vm)),
    }
}

/// Move the item at `pos` up towards `start` until its parent is not larger.
fn siftdown(vm: &mut Vm, l: ObjRef, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = len(vm, l);
    let newitem = get(vm, l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, l, parentpos)?;
        let lt = less(vm, newitem, parent, max)?;
        if size != len(vm, l) {
            return Err(changed(vm));
        }
        if !lt {
            break;
        }
        let parent = get(vm, l, parentpos)?;
        set(vm, l, pos, parent)?;
        pos = parentpos;
    }
    set(vm, l, pos, newitem)
}

/// Bubble the smaller child up from `pos` to a leaf, then sift the
/// original item back down (CPython's "bottom-up" variant).
fn siftup(vm: &mut Vm, l: ObjRef, mut pos: usize, max: bool) -> PyResult<()> {
    let end = len(vm, l);
    let start = pos;
    let newitem = get(vm, l, pos)?;
    vm.temp_roots.push(newitem);
    let r = (|| {
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end {
                let (a, b) = (get(vm, l, child)?, get(vm, l, right)?);
                let lt = less(vm, a, b, max)?;
                if end != len(vm, l) {
                    return Err(changed(vm));
                }
                if !lt {
                    child = right;
                }
            }
            let c = get(vm, l, child)?;
            set(vm, l, pos, c)?;
            pos = child;
            child = 2 * pos + 1;
        }
        set(vm, l, pos, newitem)?;
        siftdown(vm, l, start, pos, max)
    })();
    vm.temp_roots.pop();
    r
}

fn heappush(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let l = list_arg(vm, "heappush", args, kw, 2)?;
    items(vm, l).push(args[1]);
    let n = len(vm, l);
    siftdown(vm, l, 0, n - 1, false)?;
    Ok(Value::None)
}

fn pop_impl(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs, max: bool) -> PyResult<Value> {
    let l = list_arg(vm, fname, args, kw, 1)?;
    let Some(last) = items(vm, l).pop() else {
        return Err(vm.index_error("index out of range"));
    };
    if len(vm, l) == 0 {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut items(vm, l)[0], last);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0, max);
    vm.temp_roots.pop();
    r.map(|_| ret)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pop_impl(vm, "heappop", args, kw, false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pop_impl(vm, "_heappop_max", args, kw, true)
}

fn replace_impl(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs, max: bool) -> PyResult<Value> {
    let l = list_arg(vm, fname, args, kw, 2)?;
    if len(vm, l) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut items(vm, l)[0], args[1]);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0, max);
    vm.temp_roots.pop();
    r.map(|_| ret)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    replace_impl(vm, "heapreplace", args, kw, false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    replace_impl(vm, "_heapreplace_max", args, kw, true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let l = list_arg(vm, "heappushpop", args, kw, 2)?;
    let item = args[1];
    if len(vm, l) == 0 {
        return Ok(item);
    }
    let top = get(vm, l, 0)?;
    if !less(vm, top, item, false)? {
        return Ok(item);
    }
    if len(vm, l) == 0 {
        return Err(vm.index_error("index out of range"));
    }
    let ret = std::mem::replace(&mut items(vm, l)[0], item);
    vm.temp_roots.push(ret);
    let r = siftup(vm, l, 0, false);
    vm.temp_roots.pop();
    r.map(|_| ret)
}

fn heapify_impl(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs, max: bool) -> PyResult<Value> {
    let l = list_arg(vm, fname, args, kw, 1)?;
    let n = len(vm, l);
    for i in (0..n / 2).rev() {
        siftup(vm, l, i, max)?;
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    heapify_impl(vm, "heapify", args, kw, false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    heapify_impl(vm, "_heapify_max", args, kw, true)
}

// ---------------------------------------------------------------- bisect

struct BisectArgs {
    a: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Value,
}

fn bisect_args(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs) -> PyResult<BisectArgs> {
    const NAMES: [&str; 5] = ["a", "x", "lo", "hi", "key"];
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if !NAMES.contains(&k.as_str()) {
            let f = if fname == "insort" { "insort_right" } else { fname };
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k, f)));
        }
    }
    if args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 4 positional arguments ({} given)", fname, args.len())));
    }
    let mut vals: [Option<Value>; 5] = [None; 5];
    for (i, v) in args.iter().enumerate() {
        vals[i] = Some(*v);
    }
    for (i, n) in NAMES.iter().enumerate() {
        if let Some(v) = kwarg(vm, kw, n) {
            if vals[i].is_some() {
                return Err(vm.type_error(format!("argument for {}() given by name ('{}') and position ({})", fname, n, i + 1)));
            }
            vals[i] = Some(v);
        }
    }
    let Some(a) = vals[0] else {
        return Err(vm.type_error(format!("{}() missing required argument 'a' (pos 1)", fname)));
    };
    let Some(x) = vals[1] else {
        return Err(vm.type_error(format!("{}() missing required argument 'x' (pos 2)", fname)));
    };
    let lo = match vals[2] {
        None => 0,
        Some(v) => {
            if vm.int_value(v).is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
            let lo = vm.index_value(v)?;
            if lo < 0 {
                return Err(vm.value_error("lo must be non-negative"));
            }
            lo as usize
        }
    };
    let hi = match vals[3] {
        None | Some(Value::None) => vm.len_of(a)?,
        Some(v) => {
            if vm.int_value(v).is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
            match vm.index_value(v)? {
                // -1 is CPython's "not given"; other negatives: empty range.
                -1 => vm.len_of(a)?,
                hi if hi < 0 => 0,
                hi => hi as usize,
            }
        }
    };
    Ok(BisectArgs { a, x, lo, hi, key: vals[4].unwrap_or(Value::None) })
}

/// The insertion point for `x` (already passed through `key` by the
/// caller for insort) in `a[lo:hi]`.
fn search(vm: &mut Vm, b: &BisectArgs, x: Value, right: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (b.lo, b.hi);
    let fast_list = b.a.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::List(_)));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let item = match fast_list {
            Some(l) => match items(vm, l).get(mid) {
                Some(v) => *v,
                None => return Err(vm.index_error("list index out of range")),
            },
            None => vm.get_item(b.a, Value::Int(mid as i64))?,
        };
        let item = if b.key.is_none() {
            item
        } else {
            let n = vm.temp_roots.len();
            vm.temp_roots.push(item);
            let r = vm.call_value(b.key, &[item], &[]);
            vm.temp_roots.truncate(n);
            r?
        };
        if right {
            if less(vm, x, item, false)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if less(vm, item, x, false)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = bisect_args(vm, "bisect_left", args, kw)?;
    Ok(Value::Int(search(vm, &b, b.x, false)? as i64))
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = bisect_args(vm, "bisect_right", args, kw)?;
    Ok(Value::Int(search(vm, &b, b.x, true)? as i64))
}

fn insort(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs, right: bool) -> PyResult<Value> {
    let b = bisect_args(vm, fname, args, kw)?;
    let kx = if b.key.is_none() { b.x } else { vm.call_value(b.key, &[b.x], &[])? };
    vm.temp_roots.push(kx);
    let pos = search(vm, &b, kx, right);
    vm.temp_roots.pop();
    let pos = pos?;
    if let Some(l) = b.a.as_obj().filter(|r| vm.heap.class_of_obj(*r) == vm.types.list) {
        let v = items(vm, l);
        let pos = pos.min(v.len());
        v.insert(pos, b.x);
    } else {
        vm.call_method(b.a, "insert", &[Value::Int(pos as i64), b.x])?;
    }
    Ok(Value::None)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}
