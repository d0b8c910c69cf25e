//! The disassembler behind `aiopy --dis FILE`: one line per instruction
//! with its source line, operand and a readable resolution of the operand.

use std::fmt::Write;

use super::unpack2;
use super::{CodeUnit, Const, Instr};

pub fn disassemble(unit: &CodeUnit) -> String {
    let mut out = String::new();
    dis_unit(unit, &mut out);
    out
}

fn dis_unit(u: &CodeUnit, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code {}> (line {}):", u.qualname, u.first_line);
    if !u.varnames.is_empty() {
        let _ = writeln!(out, "  locals: {}", u.varnames.join(", "));
    }
    if !u.cellvars.is_empty() {
        let _ = writeln!(out, "  cells: {}", u.cellvars.join(", "));
    }
    if !u.freevars.is_empty() {
        let _ = writeln!(out, "  free: {}", u.freevars.join(", "));
    }
    let mut last_line = 0;
    for (i, ins) in u.instrs.iter().enumerate() {
        let line = u.lines.get(i).copied().unwrap_or(0);
        let line_col = if line != last_line { format!("{:>4}", line) } else { "    ".to_string() };
        last_line = line;
        let handler = u.exc_table.iter().any(|e| e.target as usize == i);
        let marker = if handler { ">>" } else { "  " };
        let _ = writeln!(out, "{} {} {:>5} {:<22}{}", line_col, marker, i, format!("{:?}", ins), describe(u, ins));
    }
    if !u.exc_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &u.exc_table {
            let _ = writeln!(out, "  {} to {} -> {} [{}]", e.start, e.end, e.target, e.depth);
        }
    }
    let _ = writeln!(out);
    for c in &u.consts {
        if let Const::Code(inner) = c {
            dis_unit(inner, out);
        }
    }
}

fn describe(u: &CodeUnit, ins: &Instr) -> String {
    let name = |i: u32| u.names.get(i as usize).cloned().unwrap_or_default();
    let local = |i: usize| u.varnames.get(i).cloned().unwrap_or_default();
    match *ins {
        Instr::LoadConst(i) => format!("({})", const_repr(u.consts.get(i as usize))),
        Instr::LoadFast(i) | Instr::StoreFast(i) | Instr::DeleteFast(i) => format!("({})", u.varnames.get(i as usize).cloned().unwrap_or_default()),
        Instr::LoadGlobal(i) | Instr::StoreGlobal(i) | Instr::DeleteGlobal(i) | Instr::LoadName(i) | Instr::StoreName(i) | Instr::DeleteName(i)
        | Instr::LoadAttr(i) | Instr::StoreAttr(i) | Instr::DeleteAttr(i) | Instr::LoadMethod(i) | Instr::ImportName(i) | Instr::ImportFrom(i) => {
            format!("({})", name(i))
        }
        Instr::LoadDeref(i) | Instr::StoreDeref(i) | Instr::DeleteDeref(i) | Instr::LoadClosure(i) => {
            let n = i as usize;
            let nl = u.varnames.len();
            let s = if n < nl { u.varnames[n].clone() } else if n < nl + u.cellvars.len() { u.cellvars[n - nl].clone() } else { u.freevars.get(n - nl - u.cellvars.len()).cloned().unwrap_or_default() };
            format!("({})", s)
        }
        // Superinstructions: each part's operand, as for the unfused ones.
        Instr::LoadFastConstSubscr(x) | Instr::LoadFastConstBinary(_, x) | Instr::LoadFastConstInplace(_, x) | Instr::LoadFastConstCompare(_, x) => {
            let (a, c) = unpack2(x);
            format!("({}, {})", local(a), const_repr(u.consts.get(c)))
        }
        Instr::LoadFastFastBinary(_, x) | Instr::LoadFastFastDupSubscr(x) => {
            let (a, b) = unpack2(x);
            format!("({}, {})", local(a), local(b))
        }
        Instr::LoadFastConstDupSubscr(x) => {
            let (a, c) = unpack2(x);
            format!("({}, {})", local(a), const_repr(u.consts.get(c)))
        }
        Instr::BinaryStoreFast(_, a) | Instr::InplaceStoreFast(_, a) => format!("({})", local(a as usize)),
        Instr::LoadFastLoadAttr(x) => {
            let (a, n) = unpack2(x);
            format!("({}, {})", local(a), name(n as u32))
        }
        Instr::ForIterStoreFast(x) => {
            let (exit, a) = unpack2(x);
            format!("(to {}, {})", exit, local(a))
        }
        Instr::ForIterUnpack2(b, x) => {
            let (exit, a) = unpack2(x);
            format!("(to {}, {}, {})", exit, local(a), local(b as usize))
        }
        Instr::IsNoneJump(x) => {
            let test = if x >> 31 != 0 { "is not None" } else { "is None" };
            let when = if x >> 30 & 1 != 0 { "true" } else { "false" };
            format!("({}, if {} to {})", test, when, x & 0x3fff_ffff)
        }
        Instr::StoreFastJump(x) => {
            let (a, t) = unpack2(x);
            format!("({}, to {})", local(a), t)
        }
        Instr::CallKw(op) => format!("(argc {}, names {})", op & 0xff, const_repr(u.consts.get((op >> 8) as usize))),
        _ => String::new(),
    }
}

fn const_repr(c: Option<&Const>) -> String {
    match c {
        None => "?".into(),
        Some(Const::Code(u)) => format!("<code {}>", u.qualname),
        Some(Const::Str(s)) => format!("{:?}", s),
        Some(other) => format!("{:?}", other),
    }
}
