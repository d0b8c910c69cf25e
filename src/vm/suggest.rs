//! "Did you mean: 'x'?" for NameError and AttributeError, as CPython 3.11
//! appends to the last line of a printed traceback: the candidate closest
//! by a Levenshtein distance where a case-only change costs half of any
//! other edit, within a budget that grows with the names' lengths.

use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

/// Namespaces larger than this are not searched (as CPython).
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (in UTF-8 bytes) never match.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance of two byte strings, or anything above `max_cost` once it
/// is clear the distance exceeds it.
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the DP table: row[i] is the cost of turning a[..=i] into
    // the prefix of b handled so far.
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `name` among `dir`, if any is close enough.
pub fn closest<'a>(dir: &[&'a str], name: &str) -> Option<&'a str> {
    if dir.len() > MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for &item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if best_distance.saturating_sub(1) < max_distance {
            max_distance = best_distance - 1;
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best
}

impl Vm {
    fn dict_str_keys(&self, d: ObjRef) -> Vec<String> {
        match self.heap.data(d) {
            ObjData::Dict(dict) => dict.iter().filter_map(|(k, _)| self.str_of(k).map(str::to_string)).collect(),
            _ => Vec::new(),
        }
    }

    /// The suggestion for an undefined `name` looked up from the current
    /// frame: its locals first, then its globals, then the builtins.
    pub(crate) fn name_suggestion(&self, name: &str) -> Option<String> {
        let f = self.frames.last()?;
        let optimized = f.code.flags & crate::bytecode::flags::OPTIMIZED != 0;
        let mut spaces: Vec<Vec<String>> = Vec::new();
        if optimized {
            // Bound fast locals, then cells and free variables, in f_locals order.
            let nl = f.code.nlocals as usize;
            let names = f.code.varnames.iter().chain(f.code.cellvars.iter()).chain(f.code.freevars.iter());
            let mut locals = Vec::new();
            for (slot, n) in names.enumerate() {
                let raw = self.stack.get(f.base + slot).copied().unwrap_or(Value::Undef);
                let v = if slot >= nl {
                    match raw.as_obj().map(|r| self.heap.data(r)) {
                        Some(ObjData::Cell(v)) => *v,
                        _ => Value::Undef,
                    }
                } else {
                    raw
                };
                if !v.is_undef() {
                    locals.push(n.clone());
                }
            }
            spaces.push(locals);
        } else {
            spaces.push(self.dict_str_keys(f.locals.unwrap_or(f.globals)));
        }
        spaces.push(self.dict_str_keys(f.globals));
        spaces.push(self.dict_str_keys(self.builtins));
        for space in &spaces {
            let refs: Vec<&str> = space.iter().map(String::as_str).collect();
            if let Some(s) = closest(&refs, name) {
                return Some(s.to_string());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein(b"countr", b"counter", 10), 2);
        assert_eq!(levenshtein(b"abc", b"ABC", 10), 3);
        assert_eq!(closest(&["counter", "print"], "countr"), Some("counter"));
        assert_eq!(closest(&["zzzzzz"], "a"), None);
    }
}
