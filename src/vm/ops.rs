//! Arithmetic and the binary-operator protocol: machine-int fast paths with
//! exact overflow into big ints, Python's floor division and modulo, float
//! semantics and error messages, sequence concatenation and repetition,
//! set algebra, and `__add__`/`__radd__`/`__iadd__` dispatch for everything
//! else.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::ast::BinOp;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// A number of any built-in numeric type, widened for arithmetic.
#[derive(Clone, Debug)]
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
    Complex(f64, f64),
}

/// The result of the common int/float cases, with no allocation.
/// Always inlined into the dispatch loop: as a call its `Option<Value>`
/// result went through memory (a store-forwarding stall per operation;
/// measured int_loop -12 %, notes/perf.md E5).
#[inline(always)]
pub fn fast_binop(a: Value, b: Value, op: BinOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mult => x.checked_mul(y).map(Value::Int),
            // For a positive divisor Python's floored `%`/`//` are the
            // Euclidean ones.
            BinOp::Mod if y > 0 => Some(Value::Int(x.rem_euclid(y))),
            BinOp::FloorDiv if y > 0 => Some(Value::Int(x.div_euclid(y))),
            // Shifts that stay in 64 bits; negative counts (ValueError)
            // and overflow (big int) take the slow path.
            BinOp::LShift if (0..64).contains(&y) => {
                let r = x << y;
                if r >> y == x {
                    Some(Value::Int(r))
                } else {
                    None
                }
            }
            BinOp::RShift if y >= 0 => Some(Value::Int(x >> y.min(63))),
            BinOp::Pow if (0..=u32::MAX as i64).contains(&y) => x.checked_pow(y as u32).map(Value::Int),
            BinOp::Div if y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) => Some(Value::Float(x as f64 / y as f64)),
            BinOp::BitAnd => Some(Value::Int(x & y)),
            BinOp::BitOr => Some(Value::Int(x | y)),
            BinOp::BitXor => Some(Value::Int(x ^ y)),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(x + y)),
            BinOp::Sub => Some(Value::Float(x - y)),
            BinOp::Mult => Some(Value::Float(x * y)),
            BinOp::Div if y != 0.0 => Some(Value::Float(x / y)),
            BinOp::Pow => float_pow_fast(x, y),
            _ => None,
        },
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => match op {
            BinOp::Add => Some(Value::Float(x + y as f64)),
            BinOp::Sub => Some(Value::Float(x - y as f64)),
            BinOp::Mult => Some(Value::Float(x * y as f64)),
            BinOp::Div if y != 0 => Some(Value::Float(x / y as f64)),
            BinOp::Pow => float_pow_fast(x, y as f64),
            _ => None,
        },
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => match op {
            BinOp::Add => Some(Value::Float(x as f64 + y)),
            BinOp::Sub => Some(Value::Float(x as f64 - y)),
            BinOp::Mult => Some(Value::Float(x as f64 * y)),
            BinOp::Div if y != 0.0 => Some(Value::Float(x as f64 / y)),
            _ => None,
        },
        _ => None,
    }
}

/// `x ** y` for a positive finite base and a finite exponent with a
/// finite result: exactly libm's `pow`, as CPython computes it. Zero or
/// negative bases (ZeroDivisionError, complex results) and overflow
/// (OverflowError) are left to the slow path.
#[inline]
fn float_pow_fast(x: f64, y: f64) -> Option<Value> {
    if x > 0.0 && x.is_finite() && y.is_finite() {
        let r = x.powf(y);
        if r.is_finite() {
            return Some(Value::Float(r));
        }
    }
    None
}

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
        BinOp::FloorDiv => "//",
    }
}

/// Normalise a big int to a machine int when it fits.
pub fn int_from_big(vm: &mut Vm, b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => {
            let cls = vm.types.int;
            vm.alloc(cls, ObjData::BigInt(Box::new(b)))
        }
    }
}

pub fn to_big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(f) => BigInt::from(*f as i64),
        Num::Complex(r, _) => BigInt::from(*r as i64),
    }
}

pub fn num_to_f64(n: &Num) -> f64 {
    match n {
        Num::Int(i) => *i as f64,
        Num::Big(b) => big_to_f64(b),
        Num::Float(f) => *f,
        Num::Complex(r, _) => *r,
    }
}

/// Correctly rounded conversion of a big int to float (inf if too big).
pub fn big_to_f64(b: &BigInt) -> f64 {
    b.to_f64().unwrap_or(if b.sign() == Sign::Minus { f64::NEG_INFINITY } else { f64::INFINITY })
}

/// Order two real numbers exactly (None for complex or NaN).
pub fn compare_numbers(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => None,
        (Num::Float(x), other) => float_vs_int(*x, &to_big(other)),
        (other, Num::Float(y)) => float_vs_int(*y, &to_big(other)).map(|o| o.reverse()),
        (x, y) => Some(to_big(x).cmp(&to_big(y))),
    }
}

fn float_vs_int(f: f64, i: &BigInt) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64_exact(fl);
    match fb.cmp(i) {
        Ordering::Equal => Some(if f > fl { Ordering::Greater } else { Ordering::Equal }),
        o => Some(o),
    }
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

/// Python's floor modulo for floats.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's floor division for floats (as CPython computes it).
pub fn float_floordiv(x: f64, y: f64) -> f64 {
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let floordiv = div.floor();
        if div - floordiv > 0.5 {
            floordiv + 1.0
        } else {
            floordiv
        }
    } else {
        0.0f64.copysign(x / y)
    }
}

impl Vm {
    /// The numeric value of a built-in number (bool counts as int).
    pub fn as_number(&self, v: Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(i)),
            Value::Bool(b) => Some(Num::Int(b as i64)),
            Value::Float(f) => Some(Num::Float(f)),
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::BigInt(b) => Some(match b.to_i64() {
                    Some(i) => Num::Int(i),
                    None => Num::Big((**b).clone()),
                }),
                ObjData::Complex(c) => Some(Num::Complex(c.0, c.1)),
                ObjData::Float(f) => Some(Num::Float(*f)),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a value's type is a built-in (so no dunder overrides apply).
    fn is_builtin_value(&self, v: Value) -> bool {
        match v {
            Value::Obj(r) => {
                let c = self.heap.class_of_obj(r);
                matches!(self.heap.data(c), ObjData::Type(t) if t.builtin)
            }
            _ => true,
        }
    }

    pub fn num_value(&mut self, n: Num) -> Value {
        match n {
            Num::Int(i) => Value::Int(i),
            Num::Big(b) => int_from_big(self, b),
            Num::Float(f) => Value::Float(f),
            Num::Complex(r, i) => {
                let cls = self.types.complex;
                self.alloc(cls, ObjData::Complex(Box::new((r, i))))
            }
        }
    }

    /// `BinaryOp` slow path.
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        self.binary_op_as(a, b, op, false)
    }

    /// A binary operation; `inplace` only changes the error message
    /// (`+=` rather than `+`), as CPython reports the augmented operator.
    fn binary_op_as(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::BitAnd => return Ok(Value::Bool(x & y)),
                BinOp::BitOr => return Ok(Value::Bool(x | y)),
                BinOp::BitXor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        if self.is_builtin_value(a) && self.is_builtin_value(b) {
            if let (Some(x), Some(y)) = (self.as_number(a), self.as_number(b)) {
                return self.numeric_op(x, y, op);
            }
            if let Some(v) = self.builtin_binop(a, b, op)? {
                return Ok(v);
            }
        }
        self.dunder_binop(a, b, op, inplace)
    }

    /// `InplaceOp` slow path: `__iop__` first, in-place list/set updates.
    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        if let Value::Obj(r) = a {
            let builtin = self.is_builtin_value(a);
            match (self.heap.data(r), op) {
                (ObjData::List(_), BinOp::Add) if builtin => {
                    crate::builtins::list::extend_from(self, a, b)?;
                    return Ok(a);
                }
                (ObjData::List(_), BinOp::Mult) if builtin => {
                    if let Some(n) = self.as_index_opt(b) {
                        let items = match self.heap.data(r) {
                            ObjData::List(items) => items.clone(),
                            _ => Vec::new(),
                        };
                        let rep = self.repeat_vec(&items, n)?;
                        if let ObjData::List(items) = self.heap.data_mut(r) {
                            *items = rep;
                        }
                        return Ok(a);
                    }
                }
                (ObjData::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) if self.heap.class_of_obj(r) == self.types.set => {
                    if let Some(ObjData::Set(_)) = b.as_obj().map(|x| self.heap.data(x)) {
                        let result = self.binary_op(a, b, op)?;
                        let new = match result.as_obj().map(|x| self.heap.data(x)) {
                            Some(ObjData::Set(s)) => (**s).clone(),
                            _ => Default::default(),
                        };
                        *self.set_mut(r) = new;
                        return Ok(a);
                    }
                }
                (ObjData::Dict(_), BinOp::BitOr) if builtin => {
                    self.dict_update_from(r, b)?;
                    return Ok(a);
                }
                (ObjData::ByteArray(_), BinOp::Add) if builtin => {
                    crate::builtins::bytes::extend_in_place(self, r, b)?;
                    return Ok(a);
                }
                (ObjData::ByteArray(_), BinOp::Mult) if builtin => {
                    if let Some(n) = self.as_index_opt(b) {
                        crate::builtins::bytes::repeat_in_place(self, r, n)?;
                        return Ok(a);
                    }
                }
                _ => {}
            }
            if !builtin {
                let iname = self.intern(inplace_dunder(op));
                if let Some(m) = self.lookup_special(a, iname) {
                    let r = self.call_value(m, &[a, b], &[])?;
                    if !r.is(self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
        }
        self.binary_op_as(a, b, op, true)
    }

    fn dunder_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let (name, rname) = binop_dunders(op);
        let name = self.intern(name);
        let rname = self.intern(rname);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let rfirst = ta != tb && self.is_subtype(tb, ta) && self.lookup_type(tb, rname).is_some() && {
            let ra = self.lookup_type(ta, rname);
            let rb = self.lookup_type(tb, rname);
            match (ra, rb) {
                (Some(x), Some(y)) => !x.is(y),
                _ => true,
            }
        };
        if rfirst {
            if let Some(r) = self.try_binop_method(b, a, rname)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_binop_method(a, b, name)? {
            return Ok(r);
        }
        if ta != tb && !rfirst {
            if let Some(r) = self.try_binop_method(b, a, rname)? {
                return Ok(r);
            }
        }
        // Built-in behaviour for subclasses of built-ins without overrides.
        if let (Some(x), Some(y)) = (self.as_number(a), self.as_number(b)) {
            return self.numeric_op(x, y, op);
        }
        if let Some(v) = self.builtin_binop(a, b, op)? {
            return Ok(v);
        }
        Err(if inplace { self.inplace_type_error(a, b, op) } else { self.binop_type_error(a, b, op) })
    }

    #[cold]
    fn inplace_type_error(&mut self, a: Value, b: Value, op: BinOp) -> PyErr {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        // Sequence messages ("can only concatenate ...") are the same for
        // the augmented form.
        let seq = |v: &ObjData| matches!(v, ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_) | ObjData::Bytes(_));
        if matches!(op, BinOp::Add | BinOp::Mult) && (a.as_obj().map(|r| seq(self.heap.data(r))).unwrap_or(false) || (op == BinOp::Mult && b.as_obj().map(|r| seq(self.heap.data(r))).unwrap_or(false))) {
            return self.binop_type_error(a, b, op);
        }
        let sym = if op == BinOp::Pow { "**" } else { op_symbol(op) };
        self.type_error(format!("unsupported operand type(s) for {}=: '{}' and '{}'", sym, na, nb))
    }

    fn try_binop_method(&mut self, a: Value, b: Value, name: ObjRef) -> PyResult<Option<Value>> {
        // Built-in values have no overrides, except classes: their
        // metaclass (even `type`, for `int | str`) may define the operator.
        let is_class = matches!(a.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Type(_)));
        if self.is_builtin_value(a) && !is_class {
            return Ok(None);
        }
        let Some(m) = self.lookup_special(a, name) else { return Ok(None) };
        let r = self.call_value(m, &[a, b], &[])?;
        Ok(if r.is(self.not_implemented) { None } else { Some(r) })
    }

    #[cold]
    pub fn binop_type_error(&mut self, a: Value, b: Value, op: BinOp) -> PyErr {
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let seq = |v: &ObjData| matches!(v, ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_) | ObjData::Bytes(_) | ObjData::ByteArray(_));
        if op == BinOp::Add {
            if let Some(d) = a.as_obj().map(|r| self.heap.data(r)) {
                if matches!(d, ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_)) {
                    return self.type_error(format!("can only concatenate {} (not \"{}\") to {}", na, nb, na));
                }
                if matches!(d, ObjData::Bytes(_) | ObjData::ByteArray(_)) {
                    return self.type_error(format!("can't concat {} to {}", nb, na));
                }
            }
        }
        if op == BinOp::Mult {
            let a_seq = a.as_obj().map(|r| seq(self.heap.data(r))).unwrap_or(false);
            let b_seq = b.as_obj().map(|r| seq(self.heap.data(r))).unwrap_or(false);
            if a_seq || b_seq {
                let other = if a_seq { nb } else { na };
                return self.type_error(format!("can't multiply sequence by non-int of type '{}'", other));
            }
        }
        if op == BinOp::Pow {
            return self.type_error(format!("unsupported operand type(s) for ** or pow(): '{}' and '{}'", na, nb));
        }
        self.type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op_symbol(op), na, nb))
    }

    /// Non-numeric built-in operators (sequences, sets, dicts, `%`).
    fn builtin_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
        let (Value::Obj(ra), bv) = (a, b) else {
            // int * sequence
            if op == BinOp::Mult {
                if let (Some(_), Value::Obj(_)) = (self.as_number(a), b) {
                    if self.is_sequence_obj(b) {
                        return self.builtin_binop(b, a, op);
                    }
                }
            }
            return Ok(None);
        };
        match (self.heap.data(ra), op) {
            (ObjData::Str(s), BinOp::Add) => {
                if let Some(t) = self.str_of(bv) {
                    let mut out = String::with_capacity(s.as_str().len() + t.len());
                    out.push_str(s.as_str());
                    out.push_str(t);
                    return Ok(Some(self.new_str(out)));
                }
            }
            (ObjData::Str(_), BinOp::Mult) | (ObjData::List(_), BinOp::Mult) | (ObjData::Tuple(_), BinOp::Mult) | (ObjData::Bytes(_), BinOp::Mult) => {
                if let Some(n) = self.as_index_opt(bv) {
                    return self.repeat_seq(a, n).map(Some);
                }
            }
            (ObjData::Str(_), BinOp::Mod) => return self.percent_format(a, b).map(Some),
            (ObjData::Bytes(_), BinOp::Mod) => return self.bytes_percent_format(a, b).map(Some),
            (ObjData::List(x), BinOp::Add) => {
                if let Some(ObjData::List(y)) = bv.as_obj().map(|r| self.heap.data(r)) {
                    let mut out = x.clone();
                    out.extend_from_slice(y);
                    return Ok(Some(self.new_list(out)));
                }
            }
            (ObjData::Tuple(x), BinOp::Add) => {
                if let Some(ObjData::Tuple(y)) = bv.as_obj().map(|r| self.heap.data(r)) {
                    let mut out = x.to_vec();
                    out.extend_from_slice(y);
                    return Ok(Some(self.new_tuple(out)));
                }
            }
            (ObjData::Bytes(_) | ObjData::ByteArray(_), BinOp::Add) => {
                if matches!(bv.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Bytes(_) | ObjData::ByteArray(_))) {
                    return crate::builtins::bytes::concat(self, a, b).map(Some);
                }
            }
            (ObjData::ByteArray(_), BinOp::Mult) => {
                if let Some(n) = self.as_index_opt(bv) {
                    return crate::builtins::bytes::repeat(self, a, n).map(Some);
                }
            }
            (ObjData::ByteArray(_), BinOp::Mod) => return self.bytes_percent_format(a, b).map(Some),
            (ObjData::Set(_), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                match bv.as_obj().map(|r| self.heap.data(r)) {
                    Some(ObjData::Set(_)) => return self.set_algebra(a, b, op).map(Some),
                    // `set - d.keys()`: the view's reflected operator.
                    Some(ObjData::DictView(..)) => return self.view_algebra(a, b, op).map(Some),
                    _ => {}
                }
            }
            (ObjData::DictView(..), BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor) => {
                return self.view_algebra(a, b, op).map(Some);
            }
            (ObjData::Dict(x), BinOp::BitOr) => {
                if let Some(ObjData::Dict(_)) = bv.as_obj().map(|r| self.heap.data(r)) {
                    let copy = (**x).clone();
                    let cls = self.types.dict;
                    let out = self.alloc(cls, ObjData::Dict(Box::new(copy)));
                    self.dict_update_from(out.as_obj().expect("dict"), b)?;
                    return Ok(Some(out));
                }
            }
            _ => {}
        }
        Ok(None)
    }

    fn is_sequence_obj(&self, v: Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Str(_) | ObjData::List(_) | ObjData::Tuple(_) | ObjData::Bytes(_) | ObjData::ByteArray(_)))
    }

    /// An int usable as a repeat count / index, without calling Python.
    fn as_index_opt(&self, v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
                _ => None,
            },
            _ => None,
        }
    }

    fn repeat_vec(&mut self, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
        if n <= 0 || items.is_empty() {
            return Ok(Vec::new());
        }
        let total = (items.len() as u128) * (n as u128);
        if total > (1u128 << 31) {
            return Err(self.memory_error());
        }
        let mut out = Vec::with_capacity(total as usize);
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        Ok(out)
    }

    fn repeat_seq(&mut self, a: Value, n: i64) -> PyResult<Value> {
        // as_index_opt clamps big ints to the i64 bounds: CPython refuses
        // them before looking at the sequence.
        if n == i64::MAX || n == i64::MIN {
            return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
        }
        let r = a.as_obj().expect("sequence");
        match self.heap.data(r) {
            ObjData::Str(s) => {
                if n <= 0 {
                    return Ok(self.new_str(""));
                }
                let len = s.as_str().len() as u128;
                if len * n as u128 > (1u128 << 32) {
                    return Err(self.memory_error());
                }
                let out = s.as_str().repeat(n as usize);
                Ok(self.new_str(out))
            }
            ObjData::Bytes(b) => {
                if n <= 0 {
                    return Ok(self.new_bytes(Vec::new()));
                }
                if b.len() as u128 * n as u128 > (1u128 << 32) {
                    return Err(self.memory_error());
                }
                let out = b.repeat(n as usize);
                Ok(self.new_bytes(out))
            }
            ObjData::List(items) => {
                let items = items.clone();
                let out = self.repeat_vec(&items, n)?;
                Ok(self.new_list(out))
            }
            ObjData::Tuple(items) => {
                let items = items.to_vec();
                let out = self.repeat_vec(&items, n)?;
                Ok(self.new_tuple(out))
            }
            _ => Ok(self.not_implemented),
        }
    }

    /// Arithmetic on built-in numbers.
    pub fn numeric_op(&mut self, x: Num, y: Num, op: BinOp) -> PyResult<Value> {
        use Num::*;
        match (&x, &y) {
            (Complex(..), _) | (_, Complex(..)) => return self.complex_op(x, y, op),
            (Float(_), _) | (_, Float(_)) => {
                if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::MatMult) {
                    return Err(self.numeric_type_error(&x, &y, op));
                }
                let (a, b) = (self.num_to_float(&x)?, self.num_to_float(&y)?);
                return self.float_op(a, b, op);
            }
            _ => {}
        }
        if let (Int(a), Int(b)) = (&x, &y) {
            let (a, b) = (*a, *b);
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mult => a.checked_mul(b),
                BinOp::FloorDiv => {
                    if b == 0 {
                        return Err(self.zero_division("integer division or modulo by zero"));
                    }
                    a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
                }
                BinOp::Mod => {
                    if b == 0 {
                        return Err(self.zero_division("integer modulo by zero"));
                    }
                    a.checked_rem(b).map(|_| Integer::mod_floor(&a, &b))
                }
                BinOp::Div => {
                    if b == 0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    return Ok(Value::Float(int_true_div(&BigInt::from(a), &BigInt::from(b))));
                }
                BinOp::BitAnd => Some(a & b),
                BinOp::BitOr => Some(a | b),
                BinOp::BitXor => Some(a ^ b),
                BinOp::LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if b < 63 && a.unsigned_abs() < (1u64 << (63 - b)) {
                        Some(a << b)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
                }
                BinOp::Pow => {
                    if b < 0 {
                        if a == 0 {
                            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                        }
                        return self.float_op(a as f64, b as f64, op);
                    }
                    if b <= u32::MAX as i64 {
                        a.checked_pow(b as u32)
                    } else {
                        None
                    }
                }
                BinOp::MatMult => return Err(self.numeric_type_error(&x, &y, op)),
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (a, b) = (to_big(&x), to_big(&y));
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            BinOp::Div => {
                if b.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                let f = int_true_div(&a, &b);
                if f.is_infinite() {
                    return Err(self.overflow_error("integer division result too large for a float"));
                }
                return Ok(Value::Float(f));
            }
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            BinOp::BitXor => a ^ b,
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_u64().unwrap_or(u64::MAX);
                if s > (1 << 32) || (a.bits() + s) > (1 << 32) {
                    if a.is_zero() {
                        BigInt::zero()
                    } else {
                        return Err(self.overflow_error("too many digits in integer"));
                    }
                } else {
                    a << s as usize
                }
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let s = b.to_u64().unwrap_or(u64::MAX);
                if s > a.bits() {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    a >> s as usize
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    return self.float_op(big_to_f64(&a), big_to_f64(&b), op);
                }
                let e = match b.to_u32() {
                    Some(e) => e,
                    None => {
                        if a.is_zero() || a.is_one() {
                            return Ok(self.num_value(Num::Big(a)));
                        }
                        if a == BigInt::from(-1) {
                            return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
                        }
                        return Err(self.memory_error());
                    }
                };
                if a.bits() as u128 * e as u128 > (1u128 << 34) {
                    return Err(self.memory_error());
                }
                Pow::pow(a, e)
            }
            BinOp::MatMult => return Err(self.numeric_type_error(&x, &y, op)),
        };
        Ok(int_from_big(self, r))
    }

    /// `divmod(x, y)` of built-in reals.
    pub fn num_divmod(&mut self, x: Num, y: Num) -> PyResult<Value> {
        match (&x, &y) {
            (Num::Complex(..), _) | (_, Num::Complex(..)) => {
                let name = |n: &Num| match n {
                    Num::Int(_) | Num::Big(_) => "int",
                    Num::Float(_) => "float",
                    Num::Complex(..) => "complex",
                };
                let msg = format!("unsupported operand type(s) for divmod(): '{}' and '{}'", name(&x), name(&y));
                Err(self.type_error(msg))
            }
            (Num::Float(_), _) | (_, Num::Float(_)) => {
                let (a, b) = (self.num_to_float(&x)?, self.num_to_float(&y)?);
                if b == 0.0 {
                    return Err(self.zero_division("float divmod()"));
                }
                let (q, r) = (float_floordiv(a, b), float_mod(a, b));
                Ok(self.new_tuple(vec![Value::Float(q), Value::Float(r)]))
            }
            _ => {
                let q = self.numeric_op(x.clone(), y.clone(), BinOp::FloorDiv)?;
                let r = self.numeric_op(x, y, BinOp::Mod)?;
                Ok(self.new_tuple(vec![q, r]))
            }
        }
    }

    /// A real number as a float for mixed arithmetic (OverflowError for
    /// ints beyond the float range, as CPython).
    pub fn num_to_float(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::Big(b) => {
                let f = big_to_f64(b);
                if f.is_infinite() {
                    return Err(self.overflow_error("int too large to convert to float"));
                }
                Ok(f)
            }
            other => Ok(num_to_f64(other)),
        }
    }

    /// `pow(base, exp, mod)` for ints.
    pub fn int_pow_mod(&mut self, base: Num, exp: Num, m: Num) -> PyResult<Value> {
        let (b, e, md) = (to_big(&base), to_big(&exp), to_big(&m));
        if md.is_zero() {
            return Err(self.value_error("pow() 3rd argument cannot be 0"));
        }
        let base = if e.is_negative() {
            // The modular inverse.
            let g = Integer::extended_gcd(&Integer::mod_floor(&b, &md), &md);
            if !g.gcd.abs().is_one() {
                return Err(self.value_error("base is not invertible for the given modulus"));
            }
            Integer::mod_floor(&g.x, &md)
        } else {
            b
        };
        let r = base.modpow(&e.abs(), &md.abs());
        let r = if md.is_negative() && !r.is_zero() { r + md } else { r };
        Ok(int_from_big(self, r))
    }

    #[cold]
    fn numeric_type_error(&mut self, x: &Num, y: &Num, op: BinOp) -> PyErr {
        let name = |n: &Num| match n {
            Num::Int(_) | Num::Big(_) => "int",
            Num::Float(_) => "float",
            Num::Complex(..) => "complex",
        };
        self.type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op_symbol(op), name(x), name(y)))
    }

    pub fn float_op(&mut self, a: f64, b: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_floordiv(a, b)
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_mod(a, b)
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    return self.complex_op(Num::Complex(a, 0.0), Num::Complex(b, 0.0), BinOp::Pow);
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!("unsupported operand type(s) for {}: 'float' and 'float'", op_symbol(op))));
            }
        };
        Ok(Value::Float(r))
    }

    fn complex_op(&mut self, x: Num, y: Num, op: BinOp) -> PyResult<Value> {
        let c = |n: &Num| match n {
            Num::Complex(r, i) => (*r, *i),
            other => (num_to_f64(other), 0.0),
        };
        let ((a, b), (c2, d)) = (c(&x), c(&y));
        let (r, i) = match op {
            BinOp::Add => (a + c2, b + d),
            BinOp::Sub => (a - c2, b - d),
            BinOp::Mult => (a * c2 - b * d, a * d + b * c2),
            BinOp::Div => {
                let den = c2 * c2 + d * d;
                if den == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                ((a * c2 + b * d) / den, (b * c2 - a * d) / den)
            }
            BinOp::Pow => {
                if a == 0.0 && b == 0.0 {
                    if c2 == 0.0 && d == 0.0 {
                        (1.0, 0.0)
                    } else {
                        (0.0, 0.0)
                    }
                } else {
                    let (mag, arg) = ((a * a + b * b).sqrt(), b.atan2(a));
                    let lm = mag.ln();
                    let nm = (c2 * lm - d * arg).exp();
                    let na = d * lm + c2 * arg;
                    (nm * na.cos(), nm * na.sin())
                }
            }
            _ => return Err(self.type_error(format!("unsupported operand type(s) for {}: 'complex' and 'complex'", op_symbol(op)))),
        };
        Ok(self.num_value(Num::Complex(r, i)))
    }

    pub fn unary_neg(&mut self, a: Value) -> PyResult<Value> {
        match a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => int_from_big(self, -BigInt::from(i)),
            }),
            Value::Float(f) => Ok(Value::Float(-f)),
            Value::Bool(b) => Ok(Value::Int(-(b as i64))),
            _ => {
                if self.is_builtin_value(a) {
                    match self.as_number(a) {
                        Some(Num::Big(b)) => return Ok(int_from_big(self, -b)),
                        Some(Num::Complex(r, i)) => return Ok(self.num_value(Num::Complex(-r, -i))),
                        _ => {}
                    }
                }
                let n = self.names.__neg__;
                self.unary_dunder(a, n, "unary -")
            }
        }
    }

    pub fn unary_pos(&mut self, a: Value) -> PyResult<Value> {
        match a {
            Value::Int(_) | Value::Float(_) => Ok(a),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            _ => {
                if self.is_builtin_value(a) && self.as_number(a).is_some() {
                    return Ok(a);
                }
                let n = self.names.__pos__;
                self.unary_dunder(a, n, "unary +")
            }
        }
    }

    pub fn unary_invert(&mut self, a: Value) -> PyResult<Value> {
        match a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(b as i64))),
            _ => {
                if self.is_builtin_value(a) {
                    if let Some(Num::Big(b)) = self.as_number(a) {
                        return Ok(int_from_big(self, -b - 1));
                    }
                }
                let n = self.names.__invert__;
                self.unary_dunder(a, n, "unary ~")
            }
        }
    }

    fn unary_dunder(&mut self, a: Value, name: ObjRef, what: &str) -> PyResult<Value> {
        match self.lookup_special(a, name) {
            Some(m) if !self.is_builtin_value(a) => self.call_value(m, &[a], &[]),
            _ => {
                let tn = self.type_name(a);
                Err(self.type_error(format!("bad operand type for {}: '{}'", what, tn)))
            }
        }
    }

    /// `operator.index(v)`: an int from an int-like value.
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(r) => {
                if let ObjData::BigInt(b) = self.heap.data(r) {
                    return match b.to_i64() {
                        Some(i) => Ok(i),
                        None => Err(self.index_error("cannot fit 'int' into an index-sized integer")),
                    };
                }
                let n = self.names.__index__;
                if let Some(m) = self.lookup_special(v, n) {
                    let r = self.call_value(m, &[v], &[])?;
                    if let Value::Int(i) = r {
                        return Ok(i);
                    }
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
            }
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
            }
        }
    }
}

/// Correctly rounded int / int (CPython's long true division), via exact
/// scaling for big operands.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> f64 {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return x as f64 / y as f64;
        }
    }
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has 55+ significant bits, then round.
    let shift = 55i64 + b.bits() as i64 - a.bits() as i64;
    let (n, d) = if shift > 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = n.div_rem(&d);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one();
    } else {
        q <<= 1usize;
    }
    let f = big_to_f64(&q) * 2f64.powi(-(shift as i32) - 1);
    if neg {
        -f
    } else {
        f
    }
}

fn binop_dunders(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

fn inplace_dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mult => "__imul__",
        BinOp::MatMult => "__imatmul__",
        BinOp::Div => "__itruediv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::BitOr => "__ior__",
        BinOp::BitXor => "__ixor__",
        BinOp::BitAnd => "__iand__",
        BinOp::FloorDiv => "__ifloordiv__",
    }
}
