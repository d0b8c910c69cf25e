//! The native `_random` module: `Random`, a Mersenne Twister object with
//! `random()`, `getrandbits()`, `seed()` and state access. The `random`
//! module (Python, `py/random.py`) builds the full API on it, so every
//! function consumes the generator exactly as CPython's does.

use std::any::Any;

use num_bigint::{BigInt, Sign};
use num_traits::Signed;

use crate::builtins::args::arity;
use crate::builtins::{add_method, add_native, Kind};
use crate::runtime::class::Layout;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::stdlib::random::MersenneTwister;
use crate::vm::{KwArgs, PyResult, Vm};

struct RandomObj {
    mt: MersenneTwister,
}

impl NativeData for RandomObj {
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn mt(vm: &mut Vm, v: Value) -> PyResult<&mut MersenneTwister> {
    let ok = matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<RandomObj>());
    if !ok {
        return Err(vm.type_error("descriptor requires a '_random.Random' object"));
    }
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => Ok(&mut n.as_any_mut().downcast_mut::<RandomObj>().expect("checked").mt),
        _ => unreachable!(),
    }
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "Random", Layout::Native);
    vm.ext.roots.push(Value::Obj(t));
    add_native(vm, t, "Random", "__new__", random_new, Kind::Static);
    add_method(vm, t, "Random", "random", random);
    add_method(vm, t, "Random", "getrandbits", getrandbits);
    add_method(vm, t, "Random", "seed", seed);
    add_method(vm, t, "Random", "getstate", getstate);
    add_method(vm, t, "Random", "setstate", setstate);
    let modname = vm.new_str("_random");
    crate::builtins::set_type_attr(vm, t, "__module__", modname);
    let d = vm.module_dict(m).expect("module dict");
    let k = vm.intern("Random");
    vm.dict_set_str(d, k, Value::Obj(t));
    let f = vm.native_fn("_sha512", sha512);
    let k = vm.intern("_sha512");
    vm.dict_set_str(d, k, f);
    let s = vm.config.seed.map(|s| Value::Int(s as i64)).unwrap_or(Value::None);
    let k = vm.intern("_initial_seed");
    vm.dict_set_str(d, k, s);
    Ok(())
}

fn random_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).expect("class");
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(RandomObj { mt: os_seeded() }))))
}

fn os_seeded() -> MersenneTwister {
    let mut bytes = [0u8; 32];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = std::io::Read::read_exact(&mut f, &mut bytes);
    } else {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        bytes[..16].copy_from_slice(&t.to_le_bytes());
    }
    let key: Vec<u32> = bytes.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    MersenneTwister::from_key(&key)
}

fn random(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = mt(vm, args[0])?.random();
    Ok(Value::Float(r))
}

fn getrandbits(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getrandbits", args, 2, 2)?;
    let k = vm.index_value(args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let words = mt(vm, args[0])?.getrandbits_words(k as u32);
    if k <= 32 {
        return Ok(Value::Int(words[0] as i64));
    }
    let mut bytes = Vec::with_capacity(words.len() * 4);
    for w in words {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    Ok(vm.new_bigint(BigInt::from_bytes_le(Sign::Plus, &bytes)))
}

fn seed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = args.get(1).copied().unwrap_or(Value::None);
    let new = match a {
        Value::None => os_seeded(),
        _ => {
            let n: BigInt = match vm.as_number(a) {
                Some(crate::vm::ops::Num::Int(i)) => BigInt::from(i),
                Some(crate::vm::ops::Num::Big(b)) => b,
                _ => BigInt::from(vm.hash_value(a)?),
            };
            let mag = n.abs();
            let (_, bytes) = mag.to_bytes_le();
            let mut key: Vec<u32> = bytes.chunks(4).map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            }).collect();
            if key.is_empty() {
                key.push(0);
            }
            MersenneTwister::from_key(&key)
        }
    };
    *mt(vm, args[0])? = new;
    Ok(Value::None)
}

fn getstate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (words, index) = mt(vm, args[0])?.state();
    let mut vals: Vec<Value> = words.into_iter().map(|w| Value::Int(w as i64)).collect();
    vals.push(Value::Int(index as i64));
    Ok(vm.new_tuple(vals))
}

fn setstate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setstate", args, 2, 2)?;
    let items = vm.collect_iterable(args[1])?;
    if items.len() != 625 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(624);
    for v in &items[..624] {
        words.push(vm.int_value(*v).unwrap_or(0) as u32);
    }
    let index = vm.int_value(items[624]).unwrap_or(624) as usize;
    mt(vm, args[0])?.set_state(&words, index.min(624));
    Ok(Value::None)
}

fn sha512(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    use sha2::Digest;
    arity(vm, "_sha512", args, 1, 1)?;
    let data = crate::builtins::bytes::bytes_of(vm, args[0]).unwrap_or_default();
    let digest = sha2::Sha512::digest(&data);
    Ok(vm.new_bytes(digest.to_vec()))
}
