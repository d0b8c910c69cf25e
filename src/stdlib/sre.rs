//! `_aiopy_sre`: the regular-expression engine behind `re` (py/re.py).
//! A parser for Python's regex syntax (with sre_parse's error messages
//! and positions), a compiler to a small bytecode, and a backtracking
//! matcher over code points: groups, named groups, backreferences,
//! greedy/lazy/possessive repeats, atomic groups, lookahead/lookbehind,
//! conditionals, inline and scoped flags, IGNORECASE/MULTILINE/DOTALL/
//! VERBOSE/ASCII. The Python layer builds Pattern/Match objects on it.

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;

use crate::builtins::args::arity;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub const F_IGNORECASE: u32 = 2;
pub const F_LOCALE: u32 = 4;
pub const F_MULTILINE: u32 = 8;
pub const F_DOTALL: u32 = 16;
pub const F_UNICODE: u32 = 32;
pub const F_VERBOSE: u32 = 64;
pub const F_ASCII: u32 = 256;

// ---------------------------------------------------------------- AST

#[derive(Clone, Debug)]
enum ClassItem {
    Ch(char),
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
struct ClassSet {
    items: Vec<ClassItem>,
    negated: bool,
    icase: bool,
    ascii: bool,
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char, bool),
    Any(bool),
    Class(Rc<ClassSet>),
    Bol(bool),
    Eol(bool),
    StartText,
    EndText,
    WordB(bool, bool),
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32>, greedy: bool, possessive: bool },
    Backref(usize, bool),
    Look { ahead: bool, negate: bool, node: Box<Node> },
    Atomic(Box<Node>),
    Cond { group: usize, yes: Box<Node>, no: Box<Node> },
}

pub struct ReError {
    pub msg: String,
    pub pos: usize,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError { msg: msg.into(), pos })
}

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: u32,
    ngroups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    lookbehind: usize,
    global_add: u32,
}

const MAXREPEAT: u32 = 4294967295;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn eof(&self) -> bool {
        self.i >= self.p.len()
    }

    fn verbose(&self) -> bool {
        self.flags & F_VERBOSE != 0
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
    }

    fn parse_alt(&mut self, flags: u32) -> Result<Node, ReError> {
        let mut alts = vec![self.parse_seq(flags)?];
        while self.peek() == Some('|') {
            self.i += 1;
            alts.push(self.parse_seq(flags)?);
        }
        Ok(if alts.len() == 1 { alts.pop().expect("one") } else { Node::Alt(alts) })
    }

    fn parse_seq(&mut self, flags: u32) -> Result<Node, ReError> {
        let mut items: Vec<Node> = Vec::new();
        let saved = self.flags;
        self.flags = flags;
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let start = self.i;
            let atom = self.parse_atom()?;
            let atom = match atom {
                Some(a) => a,
                None => continue,
            };
            self.skip_verbose();
            let atom = self.parse_quant(atom, start)?;
            items.push(atom);
        }
        self.flags = saved;
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().expect("one"),
            _ => Node::Concat(items),
        })
    }

    /// A `{m,n}` repeat starting at `at` (the '{'): Some((min, max, index
    /// after '}')), None when the text is a literal '{'.
    fn try_brace(&self, at: usize) -> Result<Option<(u32, Option<u32>, usize)>, ReError> {
        let mut i = at + 1;
        if self.p.get(i) == Some(&'}') {
            return Ok(None);
        }
        let ds = i;
        while matches!(self.p.get(i), Some(c) if c.is_ascii_digit()) {
            i += 1;
        }
        let lo: String = self.p[ds..i].iter().collect();
        let hi: String;
        if self.p.get(i) == Some(&',') {
            i += 1;
            let hs = i;
            while matches!(self.p.get(i), Some(c) if c.is_ascii_digit()) {
                i += 1;
            }
            hi = self.p[hs..i].iter().collect();
        } else {
            hi = lo.clone();
        }
        if self.p.get(i) != Some(&'}') {
            return Ok(None);
        }
        i += 1;
        let big = |t: &str| t.len() > 10 || t.parse::<u64>().map(|v| v >= MAXREPEAT as u64).unwrap_or(true);
        let min = if lo.is_empty() {
            0
        } else {
            if big(&lo) {
                return err("the repetition number is too large", at + 1);
            }
            lo.parse::<u32>().unwrap_or(0)
        };
        let max = if hi.is_empty() {
            None
        } else {
            if big(&hi) {
                return err("the repetition number is too large", at + 1);
            }
            let h = hi.parse::<u32>().unwrap_or(0);
            if h < min {
                return err("min repeat greater than max repeat", at + 1);
            }
            Some(h)
        };
        Ok(Some((min, max, i)))
    }

    fn parse_quant(&mut self, atom: Node, atom_start: usize) -> Result<Node, ReError> {
        let mut atom = atom;
        let mut first = true;
        loop {
            let here = self.i;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0u32, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.try_brace(self.i)? {
                    Some((lo, hi, next)) => {
                        self.i = next;
                        (lo, hi)
                    }
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if !first {
                return err("multiple repeat", here);
            }
            first = false;
            match atom {
                Node::Empty | Node::Bol(_) | Node::Eol(_) | Node::StartText | Node::EndText | Node::WordB(..) if here == atom_start || matches!(atom, Node::Empty) => {
                    return err("nothing to repeat", here);
                }
                Node::Bol(_) | Node::Eol(_) | Node::StartText | Node::EndText | Node::WordB(..) => {
                    return err("nothing to repeat", here);
                }
                _ => {}
            }
            let mut greedy = true;
            let mut possessive = false;
            if self.peek() == Some('?') {
                self.i += 1;
                greedy = false;
            } else if self.peek() == Some('+') {
                self.i += 1;
                possessive = true;
            }
            atom = Node::Repeat { node: Box::new(atom), min, max, greedy, possessive };
            self.skip_verbose();
        }
    }

    fn parse_atom(&mut self) -> Result<Option<Node>, ReError> {
        let start = self.i;
        let c = self.p[self.i];
        self.i += 1;
        let icase = self.flags & F_IGNORECASE != 0;
        Ok(Some(match c {
            '.' => Node::Any(self.flags & F_DOTALL != 0),
            '^' => Node::Bol(self.flags & F_MULTILINE != 0),
            '$' => Node::Eol(self.flags & F_MULTILINE != 0),
            '[' => Node::Class(Rc::new(self.parse_class(start)?)),
            '(' => return self.parse_group(start),
            '\\' => self.parse_escape(start, false)?,
            '*' | '+' | '?' => return err("nothing to repeat", start),
            '{' => {
                // A '{' that does not start a valid repeat is a literal.
                if self.try_brace(start)?.is_some() {
                    return err("nothing to repeat", start);
                }
                Node::Char('{', icase)
            }
            _ => Node::Char(c, icase),
        }))
    }

    fn parse_group_name(&mut self, end: char, what_pos: usize) -> Result<String, ReError> {
        let s = self.i;
        while let Some(c) = self.peek() {
            if c == end {
                break;
            }
            self.i += 1;
        }
        if self.eof() {
            return err(format!("missing {}, unterminated name", if end == '>' { ">" } else { ")" }), s);
        }
        let name: String = self.p[s..self.i].iter().collect();
        self.i += 1;
        if name.is_empty() {
            return err("missing group name", s);
        }
        let _ = what_pos;
        Ok(name)
    }

    fn valid_ident(name: &str) -> bool {
        let mut chars = name.chars();
        match chars.next() {
            Some(c) if c.is_alphabetic() || c == '_' => {}
            _ => return false,
        }
        chars.all(|c| c.is_alphanumeric() || c == '_')
    }

    fn parse_flags_letters(&mut self) -> Result<(u32, u32), ReError> {
        let mut add = 0u32;
        let mut del = 0u32;
        let mut neg = false;
        loop {
            let Some(c) = self.peek() else {
                return err("missing -, : or )", self.i);
            };
            let f = match c {
                'i' => F_IGNORECASE,
                'L' => F_LOCALE,
                'm' => F_MULTILINE,
                's' => F_DOTALL,
                'x' => F_VERBOSE,
                'a' => F_ASCII,
                'u' => F_UNICODE,
                '-' if !neg => {
                    neg = true;
                    self.i += 1;
                    continue;
                }
                ':' | ')' => break,
                _ => {
                    if c.is_alphabetic() {
                        return err("unknown flag", self.i);
                    }
                    return err("missing -, : or )", self.i);
                }
            };
            self.i += 1;
            if neg {
                del |= f;
            } else {
                add |= f;
            }
        }
        Ok((add, del))
    }

    fn parse_group(&mut self, start: usize) -> Result<Option<Node>, ReError> {
        let mut capture = true;
        let mut name: Option<String> = None;
        let mut flags = self.flags;
        if self.peek() == Some('?') {
            self.i += 1;
            let Some(c) = self.peek() else {
                return err("unexpected end of pattern", self.i);
            };
            self.i += 1;
            match c {
                ':' => capture = false,
                'P' => match self.peek() {
                    Some('<') => {
                        self.i += 1;
                        let npos = self.i;
                        let n = self.parse_group_name('>', npos)?;
                        if !Self::valid_ident(&n) {
                            return err(format!("bad character in group name {:?}", n).replace('"', "'"), npos);
                        }
                        name = Some(n);
                    }
                    Some('=') => {
                        self.i += 1;
                        let npos = self.i;
                        let n = self.parse_group_name(')', npos)?;
                        if !Self::valid_ident(&n) {
                            return err(format!("bad character in group name '{}'", n), npos);
                        }
                        let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == n) else {
                            return err(format!("unknown group name '{}'", n), npos);
                        };
                        if self.open.contains(&g) {
                            return err("cannot refer to an open group", npos - 4);
                        }
                        return Ok(Some(Node::Backref(g, self.flags & F_IGNORECASE != 0)));
                    }
                    Some(x) => {
                        return err(format!("unknown extension ?P{}", x), start + 1);
                    }
                    None => return err("unexpected end of pattern", self.i),
                },
                '#' => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(None);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                '=' | '!' => {
                    let node = self.parse_alt(self.flags)?;
                    self.expect_close(start)?;
                    return Ok(Some(Node::Look { ahead: true, negate: c == '!', node: Box::new(node) }));
                }
                '<' => match self.peek() {
                    Some(d @ ('=' | '!')) => {
                        self.i += 1;
                        self.lookbehind += 1;
                        let node = self.parse_alt(self.flags)?;
                        self.lookbehind -= 1;
                        self.expect_close(start)?;
                        if fixed_width(&node).is_none() {
                            return err("look-behind requires fixed-width pattern", usize::MAX);
                        }
                        return Ok(Some(Node::Look { ahead: false, negate: d == '!', node: Box::new(node) }));
                    }
                    Some(_) => {
                        // (?<name>...) is 3.12 syntax.
                        let x = self.peek().unwrap_or(' ');
                        return err(format!("unknown extension ?<{}", x), start + 1);
                    }
                    None => return err("unexpected end of pattern", self.i),
                },
                '>' => {
                    let node = self.parse_alt(self.flags)?;
                    self.expect_close(start)?;
                    return Ok(Some(Node::Atomic(Box::new(node))));
                }
                '(' => {
                    let gpos = self.i;
                    let n = self.parse_group_name(')', gpos)?;
                    let g = if let Ok(v) = n.parse::<usize>() {
                        if v == 0 {
                            return err("bad group number", gpos);
                        }
                        v
                    } else {
                        if !Self::valid_ident(&n) {
                            return err(format!("bad character in group name '{}'", n), gpos);
                        }
                        match self.names.iter().find(|(k, _)| *k == n) {
                            Some(&(_, g)) => g,
                            None => return err(format!("unknown group name '{}'", n), gpos),
                        }
                    };
                    let yes = self.parse_seq(self.flags)?;
                    let no = if self.peek() == Some('|') {
                        self.i += 1;
                        let no = self.parse_seq(self.flags)?;
                        if self.peek() == Some('|') {
                            return err("conditional backref with more than two branches", self.i);
                        }
                        no
                    } else {
                        Node::Empty
                    };
                    self.expect_close(start)?;
                    if g > self.ngroups {
                        return err(format!("invalid group reference {}", g), gpos);
                    }
                    return Ok(Some(Node::Cond { group: g, yes: Box::new(yes), no: Box::new(no) }));
                }
                _ if "iLmsxau-".contains(c) => {
                    self.i -= 1;
                    let fpos = self.i;
                    let (add, del) = self.parse_flags_letters()?;
                    if self.peek() == Some(')') {
                        // Global flags: only at the start of the pattern.
                        self.i += 1;
                        if del != 0 {
                            return err("missing :", self.i - 1);
                        }
                        if start != 0 {
                            return err("global flags not at the start of the expression", start);
                        }
                        self.flags |= add;
                        self.global_add |= add;
                        let _ = fpos;
                        return Ok(None);
                    }
                    self.i += 1;
                    flags = (self.flags | add) & !del;
                    capture = false;
                }
                _ => return err(format!("unknown extension ?{}", c), start + 1),
            }
        }
        let index = if capture {
            self.ngroups += 1;
            let g = self.ngroups;
            if let Some(n) = &name {
                if let Some(&(_, old)) = self.names.iter().find(|(k, _)| k == n) {
                    return err(format!("redefinition of group name '{}' as group {}; was group {}", n, g, old), start + 4);
                }
                self.names.push((n.clone(), g));
            }
            Some(g)
        } else {
            None
        };
        if let Some(g) = index {
            self.open.push(g);
        }
        let node = self.parse_alt(flags)?;
        if let Some(g) = index {
            self.open.retain(|&x| x != g);
        }
        self.expect_close(start)?;
        Ok(Some(Node::Group(index, Box::new(node))))
    }

    fn expect_close(&mut self, start: usize) -> Result<(), ReError> {
        if self.peek() == Some(')') {
            self.i += 1;
            Ok(())
        } else {
            err("missing ), unterminated subpattern", start)
        }
    }

    fn parse_hex(&mut self, n: usize, start: usize, esc: &str) -> Result<char, ReError> {
        let s = self.i;
        let mut v: u32 = 0;
        for k in 0..n {
            match self.p.get(s + k).and_then(|c| c.to_digit(16)) {
                Some(d) => v = v * 16 + d,
                None => {
                    let shown: String = self.p[start..(s + k).min(self.p.len())].iter().collect();
                    let _ = esc;
                    return err(format!("incomplete escape {}", shown), start);
                }
            }
        }
        self.i = s + n;
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => {
                let shown: String = self.p[start..self.i].iter().collect();
                err(format!("bad escape {}", shown), start)
            }
        }
    }

    /// An escape outside (`in_class` false) or inside a character class.
    fn parse_escape(&mut self, start: usize, in_class: bool) -> Result<Node, ReError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let icase = self.flags & F_IGNORECASE != 0;
        let ascii = self.flags & F_ASCII != 0;
        let cls = |item: ClassItem| Node::Class(Rc::new(ClassSet { items: vec![item], negated: false, icase: false, ascii }));
        Ok(match c {
            'd' => cls(ClassItem::Digit(true)),
            'D' => cls(ClassItem::Digit(false)),
            'w' => cls(ClassItem::Word(true)),
            'W' => cls(ClassItem::Word(false)),
            's' => cls(ClassItem::Space(true)),
            'S' => cls(ClassItem::Space(false)),
            'b' if !in_class => Node::WordB(true, ascii),
            'B' if !in_class => Node::WordB(false, ascii),
            'b' => Node::Char('\u{8}', icase),
            'A' if !in_class => Node::StartText,
            'Z' if !in_class => Node::EndText,
            'n' => Node::Char('\n', icase),
            't' => Node::Char('\t', icase),
            'r' => Node::Char('\r', icase),
            'f' => Node::Char('\u{c}', icase),
            'v' => Node::Char('\u{b}', icase),
            'a' => Node::Char('\u{7}', icase),
            'x' => Node::Char(self.parse_hex(2, start, "x")?, icase),
            'u' => Node::Char(self.parse_hex(4, start, "u")?, icase),
            'U' => Node::Char(self.parse_hex(8, start, "U")?, icase),
            'N' => return err("bad escape \\N", start),
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.i += 1;
                            k += 1;
                        }
                        None => break,
                    }
                }
                Node::Char(char::from_u32(v).unwrap_or('\0'), icase)
            }
            '1'..='9' => {
                if in_class {
                    // Octal escape inside a class, else error.
                    let mut digits = vec![c];
                    while digits.len() < 3 && matches!(self.peek(), Some(d) if d.is_digit(8)) {
                        digits.push(self.p[self.i]);
                        self.i += 1;
                    }
                    if digits.len() == 3 && digits.iter().all(|d| d.is_digit(8)) {
                        let v = u32::from_str_radix(&digits.iter().collect::<String>(), 8).unwrap_or(0);
                        if v > 0o377 {
                            return err(format!("octal escape value \\{} outside of range 0-0o377", digits.iter().collect::<String>()), start);
                        }
                        return Ok(Node::Char(char::from_u32(v).unwrap_or('\0'), icase));
                    }
                    let shown: String = self.p[start..self.i.min(start + 2)].iter().collect();
                    return err(format!("bad escape {}", shown), start);
                }
                // Octal (three octal digits) or a group reference.
                let d2 = self.peek();
                let d3 = self.p.get(self.i + 1).copied();
                if c.is_digit(8) && matches!(d2, Some(x) if x.is_digit(8)) && matches!(d3, Some(x) if x.is_digit(8)) {
                    let s: String = [c, d2.unwrap_or('0'), d3.unwrap_or('0')].iter().collect();
                    self.i += 2;
                    let v = u32::from_str_radix(&s, 8).unwrap_or(0);
                    if v > 0o377 {
                        return err(format!("octal escape value \\{} outside of range 0-0o377", s), start);
                    }
                    return Ok(Node::Char(char::from_u32(v).unwrap_or('\0'), icase));
                }
                let mut num = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(x) = d2.and_then(|x| x.to_digit(10)) {
                    num = num * 10 + x as usize;
                    self.i += 1;
                }
                if num > self.ngroups {
                    return err(format!("invalid group reference {}", num), start + 1);
                }
                if self.open.contains(&num) {
                    return err("cannot refer to an open group", start);
                }
                if self.lookbehind > 0 {
                    return err("cannot refer to group defined in the same lookbehind subpattern", start);
                }
                Node::Backref(num, icase)
            }
            c if c.is_ascii_alphanumeric() => return err(format!("bad escape \\{}", c), start),
            c => Node::Char(c, icase),
        })
    }

    fn parse_class(&mut self, start: usize) -> Result<ClassSet, ReError> {
        let mut set = ClassSet { items: Vec::new(), negated: false, icase: self.flags & F_IGNORECASE != 0, ascii: self.flags & F_ASCII != 0 };
        if self.peek() == Some('^') {
            self.i += 1;
            set.negated = true;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_start = self.i;
            self.i += 1;
            let lo: ClassItem = if c == '\\' {
                match self.parse_escape(item_start, true)? {
                    Node::Char(ch, _) => ClassItem::Ch(ch),
                    Node::Class(cs) => cs.items[0].clone(),
                    _ => return err("bad escape", item_start),
                }
            } else {
                ClassItem::Ch(c)
            };
            // A range?
            if self.peek() == Some('-') && self.p.get(self.i + 1).map(|&x| x != ']').unwrap_or(false) {
                let dash = self.i;
                self.i += 1;
                let hi_start = self.i;
                let hc = self.p[self.i];
                self.i += 1;
                let hi = if hc == '\\' {
                    match self.parse_escape(hi_start, true)? {
                        Node::Char(ch, _) => ClassItem::Ch(ch),
                        Node::Class(cs) => cs.items[0].clone(),
                        _ => return err("bad escape", hi_start),
                    }
                } else {
                    ClassItem::Ch(hc)
                };
                let _ = dash;
                match (lo, hi) {
                    (ClassItem::Ch(a), ClassItem::Ch(b)) => {
                        if b < a {
                            let shown: String = self.p[item_start..self.i].iter().collect();
                            return err(format!("bad character range {}", shown), item_start);
                        }
                        set.items.push(ClassItem::Range(a, b));
                    }
                    _ => {
                        let shown: String = self.p[item_start..self.i].iter().collect();
                        return err(format!("bad character range {}", shown), item_start);
                    }
                }
            } else {
                set.items.push(lo);
            }
        }
        Ok(set)
    }
}

fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Bol(_) | Node::Eol(_) | Node::StartText | Node::EndText | Node::WordB(..) | Node::Look { .. } => Some(0),
        Node::Char(..) | Node::Any(_) | Node::Class(_) => Some(1),
        Node::Group(_, b) | Node::Atomic(b) => fixed_width(b),
        Node::Concat(v) => v.iter().map(fixed_width).sum(),
        Node::Alt(v) => {
            let w = fixed_width(&v[0])?;
            for x in &v[1..] {
                if fixed_width(x)? != w {
                    return None;
                }
            }
            Some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                Some(fixed_width(node)? * *min as usize)
            } else {
                None
            }
        }
        Node::Backref(..) => None,
        Node::Cond { yes, no, .. } => {
            let a = fixed_width(yes)?;
            if fixed_width(no)? == a {
                Some(a)
            } else {
                None
            }
        }
    }
}

// ---------------------------------------------------------------- program

#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    CharI(char),
    Any,
    AnyNoNl,
    Class(Rc<ClassSet>),
    Bol,
    BolM,
    Eol,
    EolM,
    StartText,
    EndText,
    WordB(bool, bool),
    Save(usize),
    Split(usize, usize),
    Jmp(usize),
    Backref(usize, bool),
    Look { ahead: bool, negate: bool, start: usize, end: usize, width: usize },
    Atomic { start: usize, end: usize },
    Cond { group: usize, no: usize },
    /// Single-item loop: `item` at pc+1 is one matcher instruction.
    RepeatOne { min: u32, max: u32, greedy: bool, next: usize },
    RepInit { reg: usize },
    RepLoop { reg: usize, min: u32, max: u32, greedy: bool, body: usize, exit: usize },
    RepIncr { reg: usize },
    Succeed,
}

pub struct Program {
    insts: Vec<Inst>,
    nregs: usize,
    pub ngroups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: u32,
    literal_prefix: Option<char>,
}

struct Compiler {
    insts: Vec<Inst>,
    nregs: usize,
}

fn is_single(n: &Node) -> bool {
    matches!(n, Node::Char(..) | Node::Any(_) | Node::Class(_))
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> usize {
        self.insts.push(i);
        self.insts.len() - 1
    }

    fn single(&mut self, n: &Node) {
        match n {
            Node::Char(c, false) => {
                self.emit(Inst::Char(*c));
            }
            Node::Char(c, true) => {
                self.emit(Inst::CharI(fold(*c)));
            }
            Node::Any(true) => {
                self.emit(Inst::Any);
            }
            Node::Any(false) => {
                self.emit(Inst::AnyNoNl);
            }
            Node::Class(cs) => {
                self.emit(Inst::Class(cs.clone()));
            }
            _ => unreachable!(),
        }
    }

    fn compile(&mut self, n: &Node) {
        match n {
            Node::Empty => {}
            Node::Char(..) | Node::Any(_) | Node::Class(_) => self.single(n),
            Node::Bol(m) => {
                self.emit(if *m { Inst::BolM } else { Inst::Bol });
            }
            Node::Eol(m) => {
                self.emit(if *m { Inst::EolM } else { Inst::Eol });
            }
            Node::StartText => {
                self.emit(Inst::StartText);
            }
            Node::EndText => {
                self.emit(Inst::EndText);
            }
            Node::WordB(b, a) => {
                self.emit(Inst::WordB(*b, *a));
            }
            Node::Group(idx, inner) => {
                if let Some(g) = idx {
                    self.emit(Inst::Save(2 * g));
                    self.compile(inner);
                    self.emit(Inst::Save(2 * g + 1));
                } else {
                    self.compile(inner);
                }
            }
            Node::Concat(v) => {
                for x in v {
                    self.compile(x);
                }
            }
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (k, x) in v.iter().enumerate() {
                    if k + 1 < v.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.compile(x);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.compile(x);
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat { node, min, max, greedy, possessive } => {
                if *possessive {
                    let at = self.emit(Inst::Atomic { start: 0, end: 0 });
                    let start = self.insts.len();
                    self.compile(&Node::Repeat { node: node.clone(), min: *min, max: *max, greedy: true, possessive: false });
                    self.emit(Inst::Succeed);
                    let end = self.insts.len();
                    self.insts[at] = Inst::Atomic { start, end };
                    return;
                }
                let maxv = max.unwrap_or(u32::MAX);
                if is_single(node) {
                    let at = self.emit(Inst::RepeatOne { min: *min, max: maxv, greedy: *greedy, next: 0 });
                    self.single(node);
                    let next = self.insts.len();
                    self.insts[at] = Inst::RepeatOne { min: *min, max: maxv, greedy: *greedy, next };
                    return;
                }
                if *min == 0 && maxv == 1 {
                    let split = self.emit(Inst::Split(0, 0));
                    self.compile(node);
                    let end = self.insts.len();
                    self.insts[split] = if *greedy { Inst::Split(split + 1, end) } else { Inst::Split(end, split + 1) };
                    return;
                }
                let reg = self.nregs;
                self.nregs += 2;
                self.emit(Inst::RepInit { reg });
                let lp = self.emit(Inst::RepLoop { reg, min: *min, max: maxv, greedy: *greedy, body: 0, exit: 0 });
                let body = self.insts.len();
                self.compile(node);
                self.emit(Inst::RepIncr { reg });
                self.emit(Inst::Jmp(lp));
                let exit = self.insts.len();
                self.insts[lp] = Inst::RepLoop { reg, min: *min, max: maxv, greedy: *greedy, body, exit };
            }
            Node::Backref(g, i) => {
                self.emit(Inst::Backref(*g, *i));
            }
            Node::Look { ahead, negate, node } => {
                let width = if *ahead { 0 } else { fixed_width(node).unwrap_or(0) };
                let at = self.emit(Inst::Look { ahead: *ahead, negate: *negate, start: 0, end: 0, width });
                let start = self.insts.len();
                self.compile(node);
                self.emit(Inst::Succeed);
                let end = self.insts.len();
                self.insts[at] = Inst::Look { ahead: *ahead, negate: *negate, start, end, width };
            }
            Node::Atomic(node) => {
                let at = self.emit(Inst::Atomic { start: 0, end: 0 });
                let start = self.insts.len();
                self.compile(node);
                self.emit(Inst::Succeed);
                let end = self.insts.len();
                self.insts[at] = Inst::Atomic { start, end };
            }
            Node::Cond { group, yes, no } => {
                let c = self.emit(Inst::Cond { group: *group, no: 0 });
                self.compile(yes);
                let j = self.emit(Inst::Jmp(0));
                let no_pc = self.insts.len();
                self.compile(no);
                let end = self.insts.len();
                self.insts[c] = Inst::Cond { group: *group, no: no_pc };
                self.insts[j] = Inst::Jmp(end);
            }
        }
    }
}

fn literal_prefix(n: &Node) -> Option<char> {
    match n {
        Node::Char(c, false) => Some(*c),
        Node::Concat(v) => v.first().and_then(literal_prefix),
        Node::Group(_, b) => literal_prefix(b),
        Node::Repeat { node, min, .. } if *min > 0 => literal_prefix(node),
        _ => None,
    }
}

pub fn compile(pattern: &str, flags: u32) -> Result<Program, ReError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser { p: &chars, i: 0, flags, ngroups: 0, names: Vec::new(), open: Vec::new(), lookbehind: 0, global_add: 0 };
    // Global inline flags at the very start apply to everything.
    let mut node = p.parse_alt(flags)?;
    if p.global_add & !flags != 0 {
        // Re-parse with the global flags from the start (so that e.g.
        // (?x) governs the whole pattern).
        let gflags = flags | p.global_add;
        let mut q = Parser { p: &chars, i: 0, flags: gflags, ngroups: 0, names: Vec::new(), open: Vec::new(), lookbehind: 0, global_add: 0 };
        node = q.parse_alt(gflags)?;
        p = q;
    }
    if !p.eof() {
        if p.peek() == Some(')') {
            return err("unbalanced parenthesis", p.i);
        }
        return err("internal error in regular expression parser", p.i);
    }
    let mut c = Compiler { insts: Vec::new(), nregs: 0 };
    c.emit(Inst::Save(0));
    c.compile(&node);
    c.emit(Inst::Save(1));
    c.emit(Inst::Succeed);
    Ok(Program { insts: c.insts, nregs: c.nregs, ngroups: p.ngroups, names: p.names, flags: flags | p.global_add, literal_prefix: literal_prefix(&node) })
}

// ---------------------------------------------------------------- matching

fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}') || (!ascii && matches!(c, '\u{1c}'..='\u{1f}'));
    }
    matches!(c, '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

fn is_word(c: char, ascii: bool) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    !ascii && c.is_alphanumeric()
}

fn is_digit(c: char, ascii: bool) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    !ascii && c.is_numeric() && !matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
}

fn class_item_matches(it: &ClassItem, c: char, ascii: bool) -> bool {
    match *it {
        ClassItem::Ch(x) => x == c,
        ClassItem::Range(a, b) => a <= c && c <= b,
        ClassItem::Digit(pos) => is_digit(c, ascii) == pos,
        ClassItem::Word(pos) => is_word(c, ascii) == pos,
        ClassItem::Space(pos) => is_space(c, ascii) == pos,
    }
}

fn class_matches(cs: &ClassSet, c: char) -> bool {
    let mut hit = cs.items.iter().any(|it| class_item_matches(it, c, cs.ascii));
    if !hit && cs.icase {
        let lo = fold(c);
        let up = {
            let mut u = c.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x,
                _ => c,
            }
        };
        hit = cs.items.iter().any(|it| class_item_matches(it, lo, cs.ascii) || class_item_matches(it, up, cs.ascii));
    }
    hit != cs.negated
}

enum Bt {
    Branch { pc: usize, pos: usize },
    Slot { idx: usize, old: isize },
    Reg { idx: usize, old: isize },
    Greedy { next: usize, start: usize, n: usize, min: usize },
    Lazy { item: usize, next: usize, start: usize, n: usize, max: usize },
}

pub struct Matcher<'a> {
    prog: &'a Program,
    s: &'a [char],
    end: usize,
    pub slots: Vec<isize>,
    regs: Vec<isize>,
    steps: u64,
}

impl<'a> Matcher<'a> {
    pub fn new(prog: &'a Program, s: &'a [char], end: usize) -> Matcher<'a> {
        Matcher { prog, s, end, slots: vec![-1; 2 * (prog.ngroups + 1)], regs: vec![-1; prog.nregs], steps: 0 }
    }

    #[inline]
    fn item_matches(&self, pc: usize, pos: usize) -> bool {
        if pos >= self.end {
            return false;
        }
        let c = self.s[pos];
        match &self.prog.insts[pc] {
            Inst::Char(x) => *x == c,
            Inst::CharI(x) => *x == fold(c),
            Inst::Any => true,
            Inst::AnyNoNl => c != '\n',
            Inst::Class(cs) => class_matches(cs, c),
            _ => false,
        }
    }

    fn word_at(&self, pos: usize, ascii: bool) -> bool {
        pos < self.end && is_word(self.s[pos], ascii)
    }

    /// Run from `pc` at `pos` until a Succeed instruction; returns the end
    /// position. `must_end`: Succeed only counts at that position;
    /// `not_empty_at`: a match ending where it started (this position) fails.
    fn run(&mut self, pc0: usize, pos0: usize, must_end: Option<usize>, not_empty_at: Option<usize>) -> Option<usize> {
        let mut stack: Vec<Bt> = Vec::new();
        let mut pc = pc0;
        let mut pos = pos0;
        loop {
            self.steps += 1;
            let ok: bool = match &self.prog.insts[pc] {
                Inst::Char(_) | Inst::CharI(_) | Inst::Any | Inst::AnyNoNl | Inst::Class(_) => {
                    if self.item_matches(pc, pos) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Bol => {
                    pc += 1;
                    pos == 0
                }
                Inst::BolM => {
                    pc += 1;
                    pos == 0 || self.s[pos - 1] == '\n'
                }
                Inst::Eol => {
                    pc += 1;
                    pos == self.end || (pos + 1 == self.end && self.s[pos] == '\n')
                }
                Inst::EolM => {
                    pc += 1;
                    pos == self.end || self.s[pos] == '\n'
                }
                Inst::StartText => {
                    pc += 1;
                    pos == 0
                }
                Inst::EndText => {
                    pc += 1;
                    pos == self.end
                }
                &Inst::WordB(want, ascii) => {
                    pc += 1;
                    let before = pos > 0 && pos <= self.end && is_word(self.s[pos - 1], ascii);
                    let after = self.word_at(pos, ascii);
                    (before != after) == want
                }
                &Inst::Save(i) => {
                    stack.push(Bt::Slot { idx: i, old: self.slots[i] });
                    self.slots[i] = pos as isize;
                    pc += 1;
                    true
                }
                &Inst::Split(a, b) => {
                    stack.push(Bt::Branch { pc: b, pos });
                    pc = a;
                    true
                }
                &Inst::Jmp(a) => {
                    pc = a;
                    true
                }
                &Inst::Backref(g, icase) => {
                    let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
                    if s < 0 || e < 0 {
                        false
                    } else {
                        let (s, e) = (s as usize, e as usize);
                        let len = e - s;
                        if pos + len > self.end {
                            false
                        } else {
                            let m = (0..len).all(|k| {
                                let (a, b) = (self.s[s + k], self.s[pos + k]);
                                a == b || (icase && fold(a) == fold(b))
                            });
                            if m {
                                pos += len;
                                pc += 1;
                            }
                            m
                        }
                    }
                }
                &Inst::Look { ahead, negate, start, end, width } => {
                    let saved = self.slots.clone();
                    let found = if ahead {
                        self.run(start, pos, None, None).is_some()
                    } else if pos >= width {
                        self.run(start, pos - width, Some(pos), None).is_some()
                    } else {
                        false
                    };
                    if negate || !found {
                        self.slots = saved;
                    } else {
                        for (i, old) in saved.iter().enumerate() {
                            if self.slots[i] != *old {
                                stack.push(Bt::Slot { idx: i, old: *old });
                            }
                        }
                    }
                    pc = end;
                    found != negate
                }
                &Inst::Atomic { start, end } => {
                    let saved = self.slots.clone();
                    match self.run(start, pos, None, None) {
                        Some(p) => {
                            for (i, old) in saved.iter().enumerate() {
                                if self.slots[i] != *old {
                                    stack.push(Bt::Slot { idx: i, old: *old });
                                }
                            }
                            pos = p;
                            pc = end;
                            true
                        }
                        None => {
                            self.slots = saved;
                            false
                        }
                    }
                }
                &Inst::Cond { group, no } => {
                    if self.slots[2 * group] >= 0 && self.slots[2 * group + 1] >= 0 {
                        pc += 1;
                    } else {
                        pc = no;
                    }
                    true
                }
                &Inst::RepeatOne { min, max, greedy, next } => {
                    let item = pc + 1;
                    let min = min as usize;
                    let maxn = if max == u32::MAX { usize::MAX } else { max as usize };
                    if greedy {
                        let mut n = 0usize;
                        while n < maxn && self.item_matches(item, pos + n) {
                            n += 1;
                        }
                        if n < min {
                            false
                        } else {
                            if n > min {
                                stack.push(Bt::Greedy { next, start: pos, n: n - 1, min });
                            }
                            pos += n;
                            pc = next;
                            true
                        }
                    } else {
                        let mut n = 0usize;
                        let mut okm = true;
                        while n < min {
                            if !self.item_matches(item, pos + n) {
                                okm = false;
                                break;
                            }
                            n += 1;
                        }
                        if okm {
                            if n < maxn {
                                stack.push(Bt::Lazy { item, next, start: pos, n, max: maxn });
                            }
                            pos += n;
                            pc = next;
                        }
                        okm
                    }
                }
                &Inst::RepInit { reg } => {
                    stack.push(Bt::Reg { idx: reg, old: self.regs[reg] });
                    stack.push(Bt::Reg { idx: reg + 1, old: self.regs[reg + 1] });
                    self.regs[reg] = 0;
                    self.regs[reg + 1] = -1;
                    pc += 1;
                    true
                }
                &Inst::RepLoop { reg, min, max, greedy, body, exit } => {
                    let count = self.regs[reg] as u64;
                    let last = self.regs[reg + 1];
                    if count < min as u64 {
                        // Must iterate (no progress check before min).
                        stack.push(Bt::Reg { idx: reg + 1, old: last });
                        self.regs[reg + 1] = pos as isize;
                        pc = body;
                        true
                    } else if (max != u32::MAX && count >= max as u64) || (count > 0 && last == pos as isize) {
                        pc = exit;
                        true
                    } else if greedy {
                        stack.push(Bt::Branch { pc: exit, pos });
                        stack.push(Bt::Reg { idx: reg + 1, old: last });
                        self.regs[reg + 1] = pos as isize;
                        pc = body;
                        true
                    } else {
                        // Lazy: try the exit first; the body on backtrack.
                        stack.push(Bt::Reg { idx: reg + 1, old: last });
                        stack.push(Bt::Branch { pc: body, pos });
                        self.regs[reg + 1] = pos as isize;
                        pc = exit;
                        true
                    }
                }
                &Inst::RepIncr { reg } => {
                    stack.push(Bt::Reg { idx: reg, old: self.regs[reg] });
                    self.regs[reg] += 1;
                    pc += 1;
                    true
                }
                Inst::Succeed => {
                    let ok_end = must_end.map(|e| e == pos).unwrap_or(true);
                    let ok_nonempty = not_empty_at.map(|s| pos != s).unwrap_or(true);
                    if ok_end && ok_nonempty {
                        return Some(pos);
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                match stack.pop() {
                    None => return None,
                    Some(Bt::Slot { idx, old }) => self.slots[idx] = old,
                    Some(Bt::Reg { idx, old }) => self.regs[idx] = old,
                    Some(Bt::Branch { pc: p, pos: q }) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Some(Bt::Greedy { next, start, n, min }) => {
                        if n > min {
                            stack.push(Bt::Greedy { next, start, n: n - 1, min });
                        }
                        pc = next;
                        pos = start + n;
                        break;
                    }
                    Some(Bt::Lazy { item, next, start, n, max }) => {
                        if self.item_matches(item, start + n) {
                            let n2 = n + 1;
                            if n2 < max {
                                stack.push(Bt::Lazy { item, next, start, n: n2, max });
                            }
                            pc = next;
                            pos = start + n2;
                            break;
                        }
                    }
                }
            }
        }
    }

    /// Try a match starting exactly at `pos`.
    pub fn match_at(&mut self, pos: usize, full: bool, must_advance: bool) -> bool {
        for s in self.slots.iter_mut() {
            *s = -1;
        }
        let must_end = if full { Some(self.end) } else { None };
        let not_empty = if must_advance { Some(pos) } else { None };
        self.run(0, pos, must_end, not_empty).is_some()
    }

    /// Search from `pos`: the first start position where a match exists.
    pub fn search(&mut self, pos: usize, must_advance: bool) -> bool {
        let mut start = pos;
        let prefix = self.prog.literal_prefix;
        while start <= self.end {
            if let Some(c) = prefix {
                while start < self.end && self.s[start] != c {
                    start += 1;
                }
                if start >= self.end {
                    return false;
                }
            }
            if self.match_at(start, false, must_advance && start == pos) {
                return true;
            }
            start += 1;
        }
        false
    }
}

// ---------------------------------------------------------------- Python API

struct PatternObj {
    prog: Program,
}

impl NativeData for PatternObj {
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

thread_local! {
    static PATTERN_TYPE: std::cell::Cell<Option<ObjRef>> = const { std::cell::Cell::new(None) };
    static CHAR_CACHE: std::cell::RefCell<Option<(ObjRef, Rc<Vec<char>>)>> = const { std::cell::RefCell::new(None) };
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "_CompiledRegex", Layout::Native);
    vm.ext.roots.push(Value::Obj(t));
    PATTERN_TYPE.with(|c| c.set(Some(t)));
    let d = vm.module_dict(m).expect("module dict");
    for (n, f) in [
        ("compile", re_compile as crate::runtime::function::NativeFn),
        ("info", re_info),
        ("match", re_match),
        ("scan", re_scan),
        ("findall", re_findall),
        ("sub", re_sub),
        ("split", re_split),
        ("substr", re_substr),
    ] {
        let v = vm.native_fn(n, f);
        let k = vm.intern(n);
        vm.dict_set_str(d, k, v);
    }
    Ok(())
}

use crate::runtime::class::Layout;

fn prog_of(vm: &Vm, v: Value) -> Option<&Program> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => n.as_any().downcast_ref::<PatternObj>().map(|p| &p.prog),
        _ => None,
    }
}

fn chars_of(vm: &mut Vm, v: Value) -> PyResult<Rc<Vec<char>>> {
    let Some(r) = v.as_obj() else {
        return Err(vm.type_error("expected string"));
    };
    if let Some(hit) = CHAR_CACHE.with(|c| c.borrow().as_ref().filter(|(k, _)| *k == r).map(|(_, v)| v.clone())) {
        return Ok(hit);
    }
    let Some(s) = vm.str_of(v) else {
        return Err(vm.type_error("expected string"));
    };
    let chars: Rc<Vec<char>> = Rc::new(s.chars().collect());
    CHAR_CACHE.with(|c| *c.borrow_mut() = Some((r, chars.clone())));
    Ok(chars)
}

/// `compile(pattern, flags)` -> compiled object, or `(msg, pos)` on error.
fn re_compile(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "compile", args, 2, 2)?;
    let Some(pat) = vm.str_of(args[0]).map(|s| s.to_string()) else {
        return Err(vm.type_error("pattern must be a string"));
    };
    let flags = vm.index_value(args[1])? as u32;
    match compile(&pat, flags) {
        Ok(prog) => {
            let t = PATTERN_TYPE.with(|c| c.get()).expect("type");
            Ok(vm.alloc(t, ObjData::Native2(Box::new(PatternObj { prog }))))
        }
        Err(e) => {
            let m = vm.new_str(e.msg);
            let pos = if e.pos == usize::MAX { -1 } else { e.pos as i64 };
            Ok(vm.new_tuple(vec![m, Value::Int(pos)]))
        }
    }
}

/// `info(compiled)` -> (ngroups, [(name, index), ...], flags).
fn re_info(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "info", args, 1, 1)?;
    let (ng, names, flags) = match prog_of(vm, args[0]) {
        Some(p) => (p.ngroups, p.names.clone(), p.flags),
        None => return Err(vm.type_error("expected a compiled pattern")),
    };
    let mut items = Vec::new();
    for (n, g) in names {
        let nv = vm.new_str(n);
        items.push(vm.new_tuple(vec![nv, Value::Int(g as i64)]));
    }
    let l = vm.new_list(items);
    Ok(vm.new_tuple(vec![Value::Int(ng as i64), l, Value::Int(flags as i64)]))
}

fn slots_value(vm: &mut Vm, slots: &[isize]) -> Value {
    let vals: Vec<Value> = slots.iter().map(|&s| Value::Int(s as i64)).collect();
    vm.new_tuple(vals)
}

fn bounds(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| -> usize {
        if v < 0 {
            0
        } else {
            (v as usize).min(n)
        }
    };
    let pos = match args.get(2) {
        Some(v) if !v.is_none() => {
            let p = vm.index_value(*v)?;
            if p < 0 {
                0
            } else {
                clamp(p)
            }
        }
        _ => 0,
    };
    let endpos = match args.get(3) {
        Some(v) if !v.is_none() => clamp(vm.index_value(*v)?),
        _ => n,
    };
    Ok((pos, endpos))
}

/// `match(compiled, string, pos, endpos, mode)`: mode 0 = match, 1 =
/// fullmatch, 2 = search. Returns the tuple of slot positions or None.
fn re_match(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "match", args, 5, 5)?;
    let chars = chars_of(vm, args[1])?;
    let (pos, endpos) = bounds(vm, args, chars.len())?;
    let mode = vm.index_value(args[4])?;
    let Some(prog) = prog_of(vm, args[0]) else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    if pos > endpos {
        return Ok(Value::None);
    }
    let mut m = Matcher::new(prog, &chars, endpos);
    let found = match mode {
        0 => m.match_at(pos, false, false),
        1 => m.match_at(pos, true, false),
        _ => m.search(pos, false),
    };
    if !found {
        return Ok(Value::None);
    }
    let slots = m.slots.clone();
    Ok(slots_value(vm, &slots))
}

/// `scan(compiled, string, pos, endpos, limit)`: the successive
/// non-overlapping search results (as for findall/finditer/sub/split),
/// at most `limit` of them (0 = all).
fn re_scan(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "scan", args, 5, 5)?;
    let chars = chars_of(vm, args[1])?;
    let (pos, endpos) = bounds(vm, args, chars.len())?;
    let limit = vm.index_value(args[4])?;
    let Some(prog) = prog_of(vm, args[0]) else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    let results = scan_all(prog, &chars, pos, endpos, limit);
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        out.push(slots_value(vm, &r));
    }
    Ok(vm.new_list(out))
}

/// All successive non-overlapping matches (slot vectors), at most
/// `limit` (0 = all).
fn scan_all(prog: &Program, chars: &[char], pos: usize, endpos: usize, limit: i64) -> Vec<Vec<isize>> {
    let mut results: Vec<Vec<isize>> = Vec::new();
    let mut m = Matcher::new(prog, chars, endpos);
    let mut at = pos;
    let mut must_advance = false;
    while at <= endpos {
        if limit > 0 && results.len() as i64 >= limit {
            break;
        }
        if !m.search(at, must_advance) {
            break;
        }
        let s = m.slots[0] as usize;
        let e = m.slots[1] as usize;
        results.push(m.slots.clone());
        must_advance = e == s;
        at = e;
    }
    results
}

fn piece(vm: &mut Vm, chars: &[char], s: isize, e: isize) -> Value {
    if s < 0 || e < 0 {
        return vm.new_str("");
    }
    let t: String = chars[s as usize..e as usize].iter().collect();
    vm.new_str(t)
}

/// `findall(compiled, string, pos, endpos)` with findall's result shape.
fn re_findall(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "findall", args, 4, 4)?;
    let chars = chars_of(vm, args[1])?;
    let (pos, endpos) = bounds(vm, args, chars.len())?;
    let Some(prog) = prog_of(vm, args[0]) else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    let ng = prog.ngroups;
    let results = scan_all(prog, &chars, pos, endpos, 0);
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        let v = if ng == 0 {
            piece(vm, &chars, r[0], r[1])
        } else if ng == 1 {
            piece(vm, &chars, r[2], r[3])
        } else {
            let items: Vec<Value> = (1..=ng).map(|k| piece(vm, &chars, r[2 * k], r[2 * k + 1])).collect();
            vm.new_tuple(items)
        };
        out.push(v);
    }
    Ok(vm.new_list(out))
}

/// `sub(compiled, string, count, pieces)`: `pieces` is a list of str
/// literals and int group numbers. Returns (result, number of subs).
fn re_sub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "sub", args, 4, 4)?;
    let chars = chars_of(vm, args[1])?;
    let count = vm.index_value(args[2])?;
    let items = vm.collect_iterable(args[3])?;
    enum Piece {
        Lit(String),
        Group(usize),
    }
    let mut pieces = Vec::new();
    for it in items {
        match it {
            Value::Int(g) => pieces.push(Piece::Group(g as usize)),
            v => pieces.push(Piece::Lit(vm.str_of(v).unwrap_or("").to_string())),
        }
    }
    let Some(prog) = prog_of(vm, args[0]) else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    let n = chars.len();
    let results = scan_all(prog, &chars, 0, n, count.max(0));
    let mut out = String::with_capacity(n);
    let mut last = 0usize;
    for r in &results {
        out.extend(chars[last..r[0] as usize].iter());
        for p in &pieces {
            match p {
                Piece::Lit(t) => out.push_str(t),
                Piece::Group(g) => {
                    let (s, e) = (r[2 * g], r[2 * g + 1]);
                    if s >= 0 && e >= 0 {
                        out.extend(chars[s as usize..e as usize].iter());
                    }
                }
            }
        }
        last = r[1] as usize;
    }
    out.extend(chars[last..].iter());
    let sv = vm.new_str(out);
    Ok(vm.new_tuple(vec![sv, Value::Int(results.len() as i64)]))
}

/// `split(compiled, string, maxsplit)`.
fn re_split(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "split", args, 3, 3)?;
    let chars = chars_of(vm, args[1])?;
    let maxsplit = vm.index_value(args[2])?;
    let Some(prog) = prog_of(vm, args[0]) else {
        return Err(vm.type_error("expected a compiled pattern"));
    };
    let ng = prog.ngroups;
    let n = chars.len();
    let results = scan_all(prog, &chars, 0, n, maxsplit.max(0));
    let mut out = Vec::new();
    let mut last = 0isize;
    for r in results {
        out.push(piece(vm, &chars, last, r[0]));
        for k in 1..=ng {
            let (s, e) = (r[2 * k], r[2 * k + 1]);
            out.push(if s >= 0 && e >= 0 { piece(vm, &chars, s, e) } else { Value::None });
        }
        last = r[1];
    }
    out.push(piece(vm, &chars, last, n as isize));
    Ok(vm.new_list(out))
}

/// `substr(string, start, end)`: a slice by code point positions, without
/// re-walking the whole string.
fn re_substr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "substr", args, 3, 3)?;
    let s = vm.index_value(args[1])?;
    let e = vm.index_value(args[2])?;
    if let Some(st) = vm.str_of(args[0]) {
        if st.is_ascii() {
            let (a, b) = (s.max(0) as usize, (e.max(0) as usize).min(st.len()));
            let t = st[a.min(b)..b].to_string();
            return Ok(vm.new_str(t));
        }
    }
    let chars = chars_of(vm, args[0])?;
    let (a, b) = (s.max(0) as usize, (e.max(0) as usize).min(chars.len()));
    Ok(piece(vm, &chars, a.min(b) as isize, b as isize))
}

#[allow(dead_code)]
fn _unused(_: HashMap<u8, u8>) {}
