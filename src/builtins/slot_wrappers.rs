//! The operator dunders of the numeric types (`int.__add__`,
//! `(5).__and__`, `float.__radd__`, `complex.__neg__`, `int.__lt__`, ...)
//! as attributes, generically: one const-generic wrapper per kind of slot
//! (binary, reflected binary, `__pow__`, unary, comparison), instantiated
//! per (type family, operator) from the tables in `install`. Each wrapper
//! checks its receiver like CPython's slot wrappers, returns
//! NotImplemented for operands the type does not handle, and otherwise
//! calls the same arithmetic the VM's operators use (`numeric_op`,
//! `num_divmod`, `int_pow_mod`, ...), never the dunder dispatch (so a
//! subclass overriding `__add__` can call `int.__add__` without looping).

use std::cmp::Ordering;

use crate::ast::{BinOp, CmpOp};
use crate::builtins::add_method;
use crate::runtime::function::NativeFn;
use crate::runtime::value::Value;
use crate::vm::ops::{compare_numbers, Num};
use crate::vm::{KwArgs, PyResult, Vm};

// Type families.
const INT: u8 = 0;
const BOOL: u8 = 1;
const FLOAT: u8 = 2;
const COMPLEX: u8 = 3;

// Binary operators.
const ADD: u8 = 0;
const SUB: u8 = 1;
const MUL: u8 = 2;
const TRUEDIV: u8 = 3;
const FLOORDIV: u8 = 4;
const MOD: u8 = 5;
const DIVMOD: u8 = 6;
const LSHIFT: u8 = 7;
const RSHIFT: u8 = 8;
const AND: u8 = 9;
const OR: u8 = 10;
const XOR: u8 = 11;

// Unary operators.
const NEG: u8 = 0;
const POS: u8 = 1;
const INVERT: u8 = 2;
const ABS: u8 = 3;
const BOOL_: u8 = 4;
const INT_: u8 = 5;
const FLOAT_: u8 = 6;
const INDEX: u8 = 7;
const COMPLEX_: u8 = 8;

// Comparisons.
const EQ: u8 = 0;
const NE: u8 = 1;
const LT: u8 = 2;
const LE: u8 = 3;
const GT: u8 = 4;
const GE: u8 = 5;

fn family_name(fam: u8) -> &'static str {
    match fam {
        INT => "int",
        BOOL => "bool",
        FLOAT => "float",
        _ => "complex",
    }
}

/// (name, reflected name, operator) of a binary slot.
fn bin_info(op: u8) -> (&'static str, &'static str, Option<BinOp>) {
    match op {
        ADD => ("__add__", "__radd__", Some(BinOp::Add)),
        SUB => ("__sub__", "__rsub__", Some(BinOp::Sub)),
        MUL => ("__mul__", "__rmul__", Some(BinOp::Mult)),
        TRUEDIV => ("__truediv__", "__rtruediv__", Some(BinOp::Div)),
        FLOORDIV => ("__floordiv__", "__rfloordiv__", Some(BinOp::FloorDiv)),
        MOD => ("__mod__", "__rmod__", Some(BinOp::Mod)),
        DIVMOD => ("__divmod__", "__rdivmod__", None),
        LSHIFT => ("__lshift__", "__rlshift__", Some(BinOp::LShift)),
        RSHIFT => ("__rshift__", "__rrshift__", Some(BinOp::RShift)),
        AND => ("__and__", "__rand__", Some(BinOp::BitAnd)),
        OR => ("__or__", "__ror__", Some(BinOp::BitOr)),
        _ => ("__xor__", "__rxor__", Some(BinOp::BitXor)),
    }
}

fn unary_name(op: u8) -> &'static str {
    match op {
        NEG => "__neg__",
        POS => "__pos__",
        INVERT => "__invert__",
        ABS => "__abs__",
        BOOL_ => "__bool__",
        INT_ => "__int__",
        FLOAT_ => "__float__",
        INDEX => "__index__",
        _ => "__complex__",
    }
}

fn cmp_info(op: u8) -> (&'static str, CmpOp) {
    match op {
        EQ => ("__eq__", CmpOp::Eq),
        NE => ("__ne__", CmpOp::NotEq),
        LT => ("__lt__", CmpOp::Lt),
        LE => ("__le__", CmpOp::LtE),
        GT => ("__gt__", CmpOp::Gt),
        _ => ("__ge__", CmpOp::GtE),
    }
}

/// The receiver's value, if it belongs to the family.
fn self_num(vm: &Vm, fam: u8, v: Value) -> Option<Num> {
    match fam {
        BOOL => match v {
            Value::Bool(b) => Some(Num::Int(b as i64)),
            _ => None,
        },
        _ => match (fam, vm.as_number(v)?) {
            (INT, n @ (Num::Int(_) | Num::Big(_))) => Some(n),
            (FLOAT, n @ Num::Float(_)) => Some(n),
            (COMPLEX, n @ Num::Complex(..)) => Some(n),
            _ => None,
        },
    }
}

/// The other operand's value, if the family's arithmetic accepts it.
fn other_num(vm: &Vm, fam: u8, v: Value) -> Option<Num> {
    match (fam, vm.as_number(v)?) {
        (INT | BOOL, n @ (Num::Int(_) | Num::Big(_))) => Some(n),
        (FLOAT, n @ (Num::Int(_) | Num::Big(_) | Num::Float(_))) => Some(n),
        (COMPLEX, n) => Some(n),
        _ => None,
    }
}

/// Check a slot wrapper's call shape and receiver.
fn receiver(vm: &mut Vm, fam: u8, name: &str, args: &[Value], kw: KwArgs, nargs: usize) -> PyResult<Num> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    let Some(&s) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{}' of '{}' object needs an argument", name, family_name(fam))));
    };
    let Some(n) = self_num(vm, fam, s) else {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!("descriptor '{}' requires a '{}' object but received a '{}'", name, family_name(fam), tn)));
    };
    if args.len() != nargs + 1 {
        let s = if nargs == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("expected {} argument{}, got {}", nargs, s, args.len() - 1)));
    }
    Ok(n)
}

fn bin<const FAM: u8, const OP: u8, const REV: bool>(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (name, rname, op) = bin_info(OP);
    let s = receiver(vm, FAM, if REV { rname } else { name }, args, kw, 1)?;
    let Some(o) = other_num(vm, FAM, args[1]) else { return Ok(vm.not_implemented) };
    if FAM == BOOL && matches!(OP, AND | OR | XOR) {
        if let (Value::Bool(a), Value::Bool(b)) = (args[0], args[1]) {
            return Ok(Value::Bool(match OP {
                AND => a & b,
                OR => a | b,
                _ => a ^ b,
            }));
        }
    }
    let (x, y) = if REV { (o, s) } else { (s, o) };
    match op {
        Some(op) => vm.numeric_op(x, y, op),
        None => vm.num_divmod(x, y),
    }
}

/// `__pow__(other, mod=None)` / `__rpow__`.
fn pow<const FAM: u8, const REV: bool>(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let name = if REV { "__rpow__" } else { "__pow__" };
    if args.len() < 2 || args.len() > 3 {
        // CPython's own messages for this slot (with the leading space).
        receiver(vm, FAM, name, &args[..args.len().min(1)], kw, 0)?;
        let n = args.len() - 1;
        let msg = if n == 0 { " expected at least 1 argument, got 0".to_string() } else { format!(" expected at most 2 arguments, got {}", n) };
        return Err(vm.type_error(msg));
    }
    let s = receiver(vm, FAM, name, &args[..2], kw, 1)?;
    let Some(o) = other_num(vm, FAM, args[1]) else { return Ok(vm.not_implemented) };
    let (x, y) = if REV { (o, s) } else { (s, o) };
    match args.get(2).filter(|m| !m.is_none()) {
        None => vm.numeric_op(x, y, BinOp::Pow),
        Some(&m) => match FAM {
            INT | BOOL => match other_num(vm, FAM, m) {
                Some(m) => vm.int_pow_mod(x, y, m),
                None => Ok(vm.not_implemented),
            },
            FLOAT => Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
            _ => Err(vm.value_error("complex modulo")),
        },
    }
}

fn unary<const FAM: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let name = unary_name(OP);
    let n = receiver(vm, FAM, name, args, kw, 0)?;
    match (OP, n) {
        (NEG, n) => {
            let v = vm.num_value(n);
            vm.unary_neg(v)
        }
        (POS | INT_ | INDEX | COMPLEX_, Num::Float(f)) if OP == INT_ => float_to_int(vm, f.trunc()),
        (POS | INT_ | INDEX | COMPLEX_, n) => Ok(vm.num_value(n)),
        (INVERT, n) => {
            let v = vm.num_value(n);
            vm.unary_invert(v)
        }
        (ABS, Num::Int(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.new_bigint(-num_bigint::BigInt::from(i)),
        }),
        (ABS, Num::Big(b)) => Ok(vm.new_bigint(num_traits::Signed::abs(&b))),
        (ABS, Num::Float(f)) => Ok(Value::Float(f.abs())),
        (ABS, Num::Complex(r, i)) => {
            let h = r.hypot(i);
            if h.is_infinite() && r.is_finite() && i.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::Float(h))
        }
        (BOOL_, n) => Ok(Value::Bool(match n {
            Num::Int(i) => i != 0,
            Num::Big(_) => true,
            Num::Float(f) => f != 0.0,
            Num::Complex(r, i) => r != 0.0 || i != 0.0,
        })),
        (FLOAT_, Num::Float(f)) => Ok(Value::Float(f)),
        (FLOAT_, n) => {
            let f = crate::vm::ops::num_to_f64(&n);
            if f.is_infinite() {
                return Err(vm.overflow_error("int too large to convert to float"));
            }
            Ok(Value::Float(f))
        }
        _ => Ok(vm.not_implemented),
    }
}

/// An int from an integral float (`float.__int__`), with CPython's errors.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(crate::builtins::functions::float_to_int(vm, f))
}

fn cmp<const FAM: u8, const OP: u8>(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (name, op) = cmp_info(OP);
    let s = receiver(vm, FAM, name, args, kw, 1)?;
    let Some(o) = other_num(vm, FAM, args[1]) else { return Ok(vm.not_implemented) };
    if let Num::Complex(r, i) = s {
        // Complex numbers are only equal or unequal.
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(vm.not_implemented);
        }
        let eq = match o {
            Num::Complex(r2, i2) => r == r2 && i == i2,
            other => i == 0.0 && compare_numbers(&Num::Float(r), &other) == Some(Ordering::Equal),
        };
        return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
    }
    Ok(Value::Bool(match compare_numbers(&s, &o) {
        Some(ord) => crate::vm::compare::ord_matches(ord, op),
        None => op == CmpOp::NotEq,
    }))
}

fn bin_fn<const FAM: u8>(op: u8, rev: bool) -> NativeFn {
    macro_rules! pick {
        ($($c:ident),*) => {
            match (op, rev) {
                $( ($c, false) => bin::<FAM, $c, false>, ($c, true) => bin::<FAM, $c, true>, )*
                _ => unreachable!(),
            }
        };
    }
    pick!(ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, DIVMOD, LSHIFT, RSHIFT, AND, OR, XOR)
}

fn unary_fn<const FAM: u8>(op: u8) -> NativeFn {
    macro_rules! pick {
        ($($c:ident),*) => {
            match op {
                $( $c => unary::<FAM, $c>, )*
                _ => unreachable!(),
            }
        };
    }
    pick!(NEG, POS, INVERT, ABS, BOOL_, INT_, FLOAT_, INDEX, COMPLEX_)
}

fn cmp_fn<const FAM: u8>(op: u8) -> NativeFn {
    match op {
        EQ => cmp::<FAM, EQ>,
        NE => cmp::<FAM, NE>,
        LT => cmp::<FAM, LT>,
        LE => cmp::<FAM, LE>,
        GT => cmp::<FAM, GT>,
        _ => cmp::<FAM, GE>,
    }
}

/// Install a family's slot wrappers into its type.
fn install_family<const FAM: u8>(vm: &mut Vm, bins: &[u8], unaries: &[u8], with_pow: bool, with_cmp: bool) {
    let cls = match FAM {
        INT => vm.types.int,
        BOOL => vm.types.bool,
        FLOAT => vm.types.float,
        _ => vm.types.complex,
    };
    let owner = family_name(FAM);
    for &op in bins {
        let (name, rname, _) = bin_info(op);
        add_method(vm, cls, owner, name, bin_fn::<FAM>(op, false));
        add_method(vm, cls, owner, rname, bin_fn::<FAM>(op, true));
    }
    if with_pow {
        add_method(vm, cls, owner, "__pow__", pow::<FAM, false>);
        add_method(vm, cls, owner, "__rpow__", pow::<FAM, true>);
    }
    for &op in unaries {
        add_method(vm, cls, owner, unary_name(op), unary_fn::<FAM>(op));
    }
    if with_cmp {
        for op in [EQ, NE, LT, LE, GT, GE] {
            add_method(vm, cls, owner, cmp_info(op).0, cmp_fn::<FAM>(op));
        }
    }
}

pub fn install(vm: &mut Vm) {
    let int_bins = [ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, DIVMOD, LSHIFT, RSHIFT, AND, OR, XOR];
    install_family::<INT>(vm, &int_bins, &[NEG, POS, INVERT, ABS, BOOL_, INT_, FLOAT_, INDEX], true, true);
    install_family::<BOOL>(vm, &[AND, OR, XOR], &[], false, false);
    install_family::<FLOAT>(vm, &[ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, DIVMOD], &[NEG, POS, ABS, BOOL_, INT_, FLOAT_], true, true);
    install_family::<COMPLEX>(vm, &[ADD, SUB, MUL, TRUEDIV], &[NEG, POS, ABS, BOOL_, COMPLEX_], true, true);
}
