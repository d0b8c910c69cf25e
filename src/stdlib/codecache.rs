//! A disk cache of compiled code for the modules embedded in the binary
//! (`ModuleDef::Source`), so `import typing` costs a file read instead of
//! a parse and a compile (the role CPython's `.pyc` files play).
//!
//! One file per module: `<cache dir>/<module>-<stamp>.aic`, where the
//! stamp identifies the running executable (its size and modification
//! time). A rebuilt binary has a new stamp, so a cache entry is only ever
//! read by the very binary that wrote it; that is what makes it sound to
//! store instructions as their in-memory bytes. Entries of older builds are
//! removed when a new one is written.
//!
//! The cache directory is `$AIOPY_CACHE_DIR`, else `$XDG_CACHE_HOME/aiopy`,
//! else `$HOME/.cache/aiopy`, else `<tmp>/aiopy-cache`. `AIOPY_NO_CACHE=1`
//! turns the cache off. Every failure (unwritable directory, truncated,
//! damaged (checksum) or foreign file) falls back to compiling; writes go through a temporary
//! file and a rename, so concurrent processes never see half a file.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::OnceLock;

use num_bigint::BigInt;

use crate::bytecode::{CodeObject, CodeUnit, Const, ExcEntry, Instr};
use crate::runtime::object::ObjData;
use crate::runtime::set::PySet;
use crate::runtime::value::{ObjRef, Value};
use crate::source::SourceFile;
use crate::vm::{PyResult, Vm};

const MAGIC: &[u8; 8] = b"AIOPYC10";
/// Bytes before the checksummed payload: magic, stamp, source length,
/// checksum.
const HEADER: usize = 32;

/// `(cache directory, executable stamp)`, or None when caching is off.
fn location() -> Option<&'static (PathBuf, u64)> {
    static LOC: OnceLock<Option<(PathBuf, u64)>> = OnceLock::new();
    LOC.get_or_init(|| {
        if std::env::var_os("AIOPY_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
            return None;
        }
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(exe).ok()?;
        let mtime = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        let mut h = Fnv::new();
        h.write(&meta.len().to_le_bytes());
        h.write(&mtime.as_nanos().to_le_bytes());
        h.write(env!("CARGO_PKG_VERSION").as_bytes());
        let dir = if let Some(d) = std::env::var_os("AIOPY_CACHE_DIR") {
            PathBuf::from(d)
        } else if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
            PathBuf::from(d).join("aiopy")
        } else if let Some(d) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
            PathBuf::from(d).join(".cache").join("aiopy")
        } else {
            std::env::temp_dir().join("aiopy-cache")
        };
        Some((dir, h.finish()))
    })
    .as_ref()
}

fn entry_path(dir: &std::path::Path, stamp: u64, name: &str) -> PathBuf {
    dir.join(format!("{}-{:016x}.aic", name, stamp))
}

/// The cached code object of embedded module `name` whose source is
/// `src`, loaded straight into `vm` (None: not cached, or stale). Only the
/// module's own code and class bodies are loaded whole; functions, lambdas
/// and comprehensions are stubs whose bodies are read from the same bytes
/// on first use (most stdlib functions never run in a given program).
pub fn load(vm: &mut Vm, name: &str, src: &str, file: &Rc<SourceFile>) -> Option<Rc<CodeObject>> {
    let (dir, stamp) = location()?;
    let bytes = EntryBytes::open(&entry_path(dir, *stamp, name))?;
    let mut r = Reader { b: &bytes, i: 0 };
    // The checksum covers everything after the header: instructions are
    // trusted as stored (the dispatch loop does not re-check jump targets
    // or operands), so a damaged file must never be used.
    if r.take(8)? != MAGIC || r.u64()? != *stamp || r.u64()? != src.len() as u64 || r.u64()? != fnv(bytes.get(HEADER..)?) {
        return None;
    }
    // String table: all lengths, then all bytes in one block, so one UTF-8
    // check covers every string (a check per string was 2% of the import
    // line of issue 4).
    let nstr = r.len()?;
    let lens = r.take(nstr.checked_mul(4)?)?;
    let total = lens.chunks_exact(4).try_fold(0usize, |acc, c| acc.checked_add(u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize))?;
    let blob_at = r.i;
    let blob = std::str::from_utf8(r.take(total)?).ok()?;
    let mut spans = Vec::with_capacity(nstr);
    let mut at = 0usize;
    for c in lens.chunks_exact(4) {
        let end = at + u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
        if !blob.is_char_boundary(end) {
            return None;
        }
        spans.push(((blob_at + at) as u32, (blob_at + end) as u32));
        at = end;
    }
    let body = r.i;
    let image = Rc::new(ModuleImage { bytes, spans, interned: vec![Cell::new(None); nstr], file: file.clone() });
    let mut r = Reader { b: &image.bytes, i: body };
    let mut l = Loader { vm, image: &image, values: Vec::new() };
    let code = l.unit(&mut r, true)?;
    (r.i == image.bytes.len()).then_some(code)
}

/// The bytes of one module's cache entry, kept while stubs of its code
/// objects live, so their bodies can be loaded on first use.
struct ModuleImage {
    bytes: EntryBytes,
    /// Byte range in `bytes` of each string-table entry: checked to be
    /// UTF-8 on character boundaries when the entry was read.
    spans: Vec<(u32, u32)>,
    /// `vm.intern` of string-table entries, filled on first use. Interned
    /// strings are never collected (the intern table is a GC root), so
    /// these references stay valid between loads.
    interned: Vec<Cell<Option<ObjRef>>>,
    file: Rc<SourceFile>,
}

/// A cache entry's bytes, mapped read-only from the file where that is
/// possible, else read into a vector.
///
/// Why mapped: a read copies the entry into the heap, and the entries of
/// the issue-4 import line (~700 KB, 10 files of 17-130 KB) are all of
/// different mimalloc size classes, so each got its own 512 KiB "medium"
/// page; with transparent huge pages every 2 MiB region touched is zeroed
/// whole, and those pages spread the start-up heap over two more of them.
/// Mapped, the bytes are the page cache's own pages: nothing is zeroed
/// or copied, and the heap stays compact.
enum EntryBytes {
    #[cfg(unix)]
    Mapped { ptr: *const u8, len: usize },
    #[cfg_attr(unix, allow(dead_code))]
    Owned(Vec<u8>),
}

impl EntryBytes {
    #[cfg(unix)]
    fn open(path: &std::path::Path) -> Option<EntryBytes> {
        use std::os::unix::io::AsRawFd;
        let file = std::fs::File::open(path).ok()?;
        let len = usize::try_from(file.metadata().ok()?.len()).ok()?;
        if len < HEADER {
            return None;
        }
        // SAFETY: a private read-only mapping of a regular file we opened;
        // the kernel picks the address, and the result is checked. The
        // mapping stays valid after `file` is closed and after the entry is
        // replaced or removed: `put` writes a new file and renames it over
        // the entry, so no writer of this program changes a mapped file's
        // bytes. (A file changed in place by someone else is outside the
        // cache's trust model: its contents are trusted once the header and
        // checksum match, as for a read file.)
        let ptr = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ, libc::MAP_PRIVATE, file.as_raw_fd(), 0) };
        if ptr == libc::MAP_FAILED {
            return std::fs::read(path).ok().map(EntryBytes::Owned);
        }
        Some(EntryBytes::Mapped { ptr: ptr as *const u8, len })
    }

    #[cfg(not(unix))]
    fn open(path: &std::path::Path) -> Option<EntryBytes> {
        std::fs::read(path).ok().map(EntryBytes::Owned)
    }
}

impl std::ops::Deref for EntryBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            // SAFETY: `ptr` is a live mapping of `len` readable bytes (see
            // `open`), unmapped only by `drop`.
            #[cfg(unix)]
            EntryBytes::Mapped { ptr, len } => unsafe { std::slice::from_raw_parts(*ptr, *len) },
            EntryBytes::Owned(v) => v,
        }
    }
}

impl Drop for EntryBytes {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let EntryBytes::Mapped { ptr, len } = *self {
            // SAFETY: the mapping made by `open`; no slice of it outlives
            // `self` (slices borrow it).
            unsafe { libc::munmap(ptr as *mut libc::c_void, len) };
        }
    }
}

impl ModuleImage {
    fn str_at(&self, i: usize) -> Option<&str> {
        let &(a, b) = self.spans.get(i)?;
        let raw = self.bytes.get(a as usize..b as usize)?;
        // SAFETY: `load` checked the whole string block with one
        // `from_utf8` and every span's end (hence start) to be a
        // character boundary in it; `bytes` is never modified. One check
        // per string instead was 2% of the import line of issue 4.
        Some(unsafe { std::str::from_utf8_unchecked(raw) })
    }
}

/// Where the body of a stub code object is (see `CodeObject`).
pub struct LazyCode {
    image: Rc<ModuleImage>,
    /// Offset of the unit (its header) in the image.
    at: usize,
    loaded: OnceCell<Rc<CodeObject>>,
    /// The name, interned, if it was when the stub was made (a function's
    /// name is usually among the names of the code that defines it):
    /// saves `MakeFunction` a lookup in the intern table.
    name: Option<ObjRef>,
}

impl LazyCode {
    /// The full code object, if it has been loaded.
    #[inline]
    pub fn loaded(&self) -> Option<&Rc<CodeObject>> {
        self.loaded.get()
    }

    /// The interned name, if known (see the field).
    #[inline]
    pub fn name(&self) -> Option<ObjRef> {
        self.name
    }
}

/// The full code object of stub `stub`, its body read on first use.
fn load_stub(vm: &mut Vm, stub: &CodeObject) -> Option<Rc<CodeObject>> {
    let lazy = stub.lazy.as_ref()?;
    if let Some(c) = lazy.loaded.get() {
        return Some(c.clone());
    }
    let image = lazy.image.clone();
    let mut r = Reader { b: &image.bytes, i: lazy.at };
    let code = Loader { vm, image: &image, values: Vec::new() }.unit(&mut r, true)?;
    let _ = lazy.loaded.set(code.clone());
    Some(code)
}

impl Vm {
    /// `code`, or its full form if it is a stub (see `CodeObject`). For
    /// everything that runs or inspects a code object's body.
    pub fn loaded_code(&mut self, code: &Rc<CodeObject>) -> PyResult<Rc<CodeObject>> {
        if !code.is_stub() {
            return Ok(code.clone());
        }
        match load_stub(self, code) {
            Some(c) => Ok(c),
            None => Err(self.runtime_error(format!("corrupt code cache entry for {}", code.source.name))),
        }
    }

    /// First call of function `func` whose code `code` is a stub: load the
    /// body and make the function use the full code from now on.
    #[cold]
    #[inline(never)]
    pub(crate) fn load_function_code(&mut self, func: ObjRef, code: &Rc<CodeObject>) -> PyResult<Rc<CodeObject>> {
        let full = self.loaded_code(code)?;
        if let ObjData::Function(f) = self.heap.data_mut(func) {
            f.set_code(full.clone());
        }
        Ok(full)
    }
}

/// Store the compiled form of embedded module `name` (best effort).
pub fn put(name: &str, src: &str, unit: &CodeUnit) {
    let Some((dir, stamp)) = location() else { return };
    let mut body = Writer { b: Vec::with_capacity(src.len()), table: HashMap::new(), strs: Vec::new() };
    body.unit(unit);
    let mut w = Vec::with_capacity(body.b.len() + src.len() / 2);
    w.extend_from_slice(MAGIC);
    w.extend_from_slice(&stamp.to_le_bytes());
    w.extend_from_slice(&(src.len() as u64).to_le_bytes());
    w.extend_from_slice(&[0; 8]); // checksum, below
    w.extend_from_slice(&(body.strs.len() as u32).to_le_bytes());
    for s in &body.strs {
        w.extend_from_slice(&(s.len() as u32).to_le_bytes());
    }
    for s in &body.strs {
        w.extend_from_slice(s.as_bytes());
    }
    w.extend_from_slice(&body.b);
    let sum = fnv(&w[HEADER..]);
    w[HEADER - 8..HEADER].copy_from_slice(&sum.to_le_bytes());
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // Entries of other builds of this module are stale.
    if let Ok(rd) = std::fs::read_dir(dir) {
        let prefix = format!("{}-", name);
        for e in rd.flatten() {
            let f = e.file_name();
            let f = f.to_string_lossy();
            if let Some(rest) = f.strip_prefix(&prefix) {
                if rest.len() == 20 && rest.ends_with(".aic") && u64::from_str_radix(&rest[..16], 16).is_ok_and(|s| s != *stamp) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
    let path = entry_path(dir, *stamp, name);
    let tmp = dir.join(format!(".{}-{}.tmp", name, std::process::id()));
    if std::fs::write(&tmp, &w).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A quick checksum of a cache file's payload (a damaged or truncated
/// file is compiled afresh instead of being trusted).
fn fnv(b: &[u8]) -> u64 {
    // Four independent lanes of 8 bytes each: with one lane every 8 bytes
    // waited for the previous multiply (~5 cycles), ~0.4 ms for the 700 KB
    // the issue-4 import line reads on this host; four lanes run side by
    // side (~0.06-0.14 ms, /tmp/s2mb microbenchmark). Format AIOPYC08.
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut lanes = [0xcbf2_9ce4_8422_2325u64, 0x9e37_79b9_7f4a_7c15, 0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b];
    let mut chunks = b.chunks_exact(32);
    for c in &mut chunks {
        for (i, lane) in lanes.iter_mut().enumerate() {
            let x = u64::from_le_bytes(c[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
            *lane = (*lane ^ x).wrapping_mul(PRIME).rotate_left(29);
        }
    }
    let mut h = lanes[0] ^ lanes[1].rotate_left(16) ^ lanes[2].rotate_left(32) ^ lanes[3].rotate_left(48);
    for &x in chunks.remainder() {
        h = (h ^ x as u64).wrapping_mul(PRIME);
    }
    h ^ b.len() as u64
}

const INSTR_SIZE: usize = std::mem::size_of::<Instr>();

struct Writer {
    b: Vec<u8>,
    /// String table: every string is written once and referred to by index.
    table: HashMap<String, u32>,
    strs: Vec<String>,
}

impl Writer {
    fn u8(&mut self, x: u8) {
        self.b.push(x);
    }
    fn u32(&mut self, x: u32) {
        self.b.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.b.extend_from_slice(&x.to_le_bytes());
    }
    fn bytes(&mut self, x: &[u8]) {
        self.u32(x.len() as u32);
        self.b.extend_from_slice(x);
    }
    fn str(&mut self, s: &str) {
        let i = match self.table.get(s) {
            Some(&i) => i,
            None => {
                let i = self.strs.len() as u32;
                self.strs.push(s.to_string());
                self.table.insert(s.to_string(), i);
                i
            }
        };
        self.u32(i);
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u32(v.len() as u32);
        for &x in v {
            self.u32(x);
        }
    }
    /// A unit: its header (what a stub holds), then its length-prefixed
    /// body, which the loader skips for nested units.
    fn unit(&mut self, u: &CodeUnit) {
        self.str(&u.name);
        self.str(&u.qualname);
        self.u32(u.first_line);
        self.u32(u.argcount);
        self.u32(u.posonlyargcount);
        self.u32(u.kwonlyargcount);
        self.u32(u.flags);
        self.u32(u.varnames.len() as u32);
        self.u32(u.stacksize);
        match &u.docstring {
            None => self.u8(0),
            Some(d) => {
                self.u8(1);
                self.str(d);
            }
        }
        let len_at = self.b.len();
        self.u32(0);
        self.u32(u.instrs.len() as u32);
        for ins in &u.instrs {
            // The in-memory image of the instruction; only this same
            // executable reads it back (see the module note).
            let mut buf = [0u8; INSTR_SIZE];
            // SAFETY: `buf` has room for one `Instr`; the write is unaligned-safe.
            unsafe { std::ptr::write_unaligned(buf.as_mut_ptr() as *mut Instr, *ins) };
            self.b.extend_from_slice(&buf);
        }
        self.u32s(&u.lines);
        // Names before constants: the functions among the constants find
        // their names already interned (see `LazyCode::name`).
        self.strs(&u.names);
        self.u32(u.consts.len() as u32);
        for c in &u.consts {
            self.konst(c);
        }
        self.strs(&u.varnames);
        self.strs(&u.cellvars);
        self.strs(&u.freevars);
        self.u32(u.cell_args.len() as u32);
        for &(a, b) in &u.cell_args {
            self.u32(a);
            self.u32(b);
        }
        self.u32(u.exc_table.len() as u32);
        for e in &u.exc_table {
            self.u32(e.start);
            self.u32(e.end);
            self.u32(e.target);
            self.u32(e.depth);
        }
        let body_len = (self.b.len() - len_at - 4) as u32;
        self.b[len_at..len_at + 4].copy_from_slice(&body_len.to_le_bytes());
    }
    fn konst(&mut self, c: &Const) {
        match c {
            Const::None => self.u8(0),
            Const::Bool(b) => {
                self.u8(1);
                self.u8(*b as u8);
            }
            Const::Ellipsis => self.u8(2),
            Const::Int(i) => {
                self.u8(3);
                self.u64(*i as u64);
            }
            Const::BigInt(b) => {
                self.u8(4);
                self.bytes(&b.to_signed_bytes_le());
            }
            Const::Float(f) => {
                self.u8(5);
                self.u64(f.to_bits());
            }
            Const::Complex(r, i) => {
                self.u8(6);
                self.u64(r.to_bits());
                self.u64(i.to_bits());
            }
            Const::Str(s) => {
                self.u8(7);
                self.str(s);
            }
            Const::Bytes(b) => {
                self.u8(8);
                self.bytes(b);
            }
            Const::Tuple(items) | Const::FrozenSet(items) => {
                self.u8(if matches!(c, Const::Tuple(_)) { 9 } else { 10 });
                self.u32(items.len() as u32);
                for x in items {
                    self.konst(x);
                }
            }
            Const::Code(u) => {
                self.u8(11);
                self.unit(u);
            }
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.i..self.i.checked_add(n)?)?;
        self.i += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        // Every element takes at least one byte: reject absurd lengths early.
        (n <= self.b.len() - self.i).then_some(n)
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let raw = self.take(n.checked_mul(4)?)?;
        let mut v: Vec<u32> = Vec::with_capacity(n);
        if cfg!(target_endian = "little") {
            // SAFETY: `raw` holds exactly `n * 4` bytes, the destination has
            // capacity for `n` u32s (any bit pattern is a valid u32), and on
            // a little-endian host the stored little-endian words are the
            // in-memory ones. A bulk copy: the per-element conversion was
            // 4% of the import line of issue 4 (one line number per
            // instruction).
            unsafe {
                std::ptr::copy_nonoverlapping(raw.as_ptr(), v.as_mut_ptr() as *mut u8, n * 4);
                v.set_len(n);
            }
        } else {
            v.extend(raw.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
        }
        Some(v)
    }
}

/// Builds code objects and constants in the VM from a module image.
struct Loader<'v, 'a> {
    vm: &'v mut Vm,
    image: &'a Rc<ModuleImage>,
    /// `str` constants made by this load, by string-table index (one
    /// object per string within a unit and the units loaded with it).
    values: Vec<(u32, Value)>,
}

impl<'v, 'a> Loader<'v, 'a> {
    fn s(&self, r: &mut Reader<'a>) -> Option<&'a str> {
        self.image.str_at(r.u32()? as usize)
    }
    fn string(&self, r: &mut Reader<'a>) -> Option<String> {
        self.s(r).map(str::to_string)
    }
    fn strings(&self, r: &mut Reader<'a>) -> Option<Box<[String]>> {
        let n = r.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.string(r)?);
        }
        Some(v.into_boxed_slice())
    }
    fn intern(&mut self, r: &mut Reader<'a>) -> Option<ObjRef> {
        let i = r.u32()? as usize;
        let memo = self.image.interned.get(i)?;
        if let Some(o) = memo.get() {
            return Some(o);
        }
        let o = self.vm.intern(self.image.str_at(i)?);
        memo.set(Some(o));
        Some(o)
    }
    /// `n` interned names.
    fn interns(&mut self, r: &mut Reader<'a>, n: usize) -> Option<Box<[ObjRef]>> {
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.intern(r)?);
        }
        Some(v.into_boxed_slice())
    }
    /// The unit at `r`: whole if `eager` or a class body, else a stub (its
    /// header, the body skipped).
    // Every sequence below is read into a vector of its exact length: a
    // `collect::<Option<Box<[_]>>>()` cannot see the length through the
    // `Option` adapter and grew (reallocated) each vector several times.
    fn unit(&mut self, r: &mut Reader<'a>, eager: bool) -> Option<Rc<CodeObject>> {
        let at = r.i;
        let name_index = r.u32()? as usize;
        let name = self.image.str_at(name_index)?.to_string();
        let qualname = self.string(r)?;
        let first_line = r.u32()?;
        let argcount = r.u32()?;
        let posonlyargcount = r.u32()?;
        let kwonlyargcount = r.u32()?;
        let flags = r.u32()?;
        let nlocals = r.u32()?;
        let stacksize = r.u32()?;
        let docstring = match r.u8()? {
            0 => None,
            _ => Some(self.string(r)?),
        };
        let body_len = r.len()?;
        // Class bodies (the only nested units that are not OPTIMIZED) run
        // as soon as the code around them does: loading them with it
        // saves a stub and a second read of the header.
        if !eager && flags & crate::bytecode::flags::OPTIMIZED != 0 {
            r.take(body_len)?;
            return Some(Rc::new(CodeObject {
                name,
                qualname,
                source: self.image.file.clone(),
                first_line,
                instrs: Box::default(),
                lines: Box::default(),
                consts: Box::default(),
                global_caches: Default::default(),
                attr_caches: Default::default(),
                names: Box::default(),
                nlocals,
                varnames: Box::default(),
                param_names: Box::default(),
                cellvars: Box::default(),
                freevars: Box::default(),
                cell_args: Box::default(),
                argcount,
                posonlyargcount,
                kwonlyargcount,
                flags: flags | crate::bytecode::flags::STUB,
                exc_table: Box::default(),
                docstring,
                stacksize,
                lazy: Some(Box::new(LazyCode {
                    image: self.image.clone(),
                    at,
                    loaded: OnceCell::new(),
                    name: self.image.interned.get(name_index).and_then(Cell::get),
                })),
            }));
        }
        let body_end = r.i + body_len;
        let n = r.len()?;
        if n == 0 || flags & crate::bytecode::flags::STUB != 0 {
            // Every unit has instructions, and no stored unit is a stub.
            return None;
        }
        let raw = r.take(n.checked_mul(INSTR_SIZE)?)?;
        let mut instrs: Vec<Instr> = Vec::with_capacity(n);
        // SAFETY: these bytes were written from `n` valid `Instr`s by this
        // same executable (the stamp in the header says so); `raw` holds
        // exactly `n * size_of::<Instr>()` bytes and the destination has
        // capacity for `n`. One bulk copy instead of an unaligned read per
        // instruction (1% of the import line of issue 4, callgrind).
        unsafe {
            std::ptr::copy_nonoverlapping(raw.as_ptr(), instrs.as_mut_ptr() as *mut u8, n * INSTR_SIZE);
            instrs.set_len(n);
        }
        let instrs = instrs.into_boxed_slice();
        let lines = r.u32s()?.into_boxed_slice();
        let nn = r.len()?;
        let names = self.interns(r, nn)?;
        let nc = r.len()?;
        let mut consts = Vec::with_capacity(nc);
        for _ in 0..nc {
            consts.push(self.konst(r)?);
        }
        // varnames, kept both as text and (the parameters) interned.
        let nv = r.len()?;
        if nv != nlocals as usize {
            return None;
        }
        let start = r.i;
        let mut varnames = Vec::with_capacity(nv);
        for _ in 0..nv {
            varnames.push(self.string(r)?);
        }
        let end = r.i;
        let cellvars = self.strings(r)?;
        let freevars = self.strings(r)?;
        let na = r.len()?;
        let mut cell_args = Vec::with_capacity(na);
        for _ in 0..na {
            cell_args.push((r.u32()?, r.u32()?));
        }
        let ne = r.len()?;
        let mut exc_table = Vec::with_capacity(ne);
        for _ in 0..ne {
            exc_table.push(ExcEntry { start: r.u32()?, end: r.u32()?, target: r.u32()?, depth: r.u32()? });
        }
        if r.i != body_end {
            return None;
        }
        let nparams = (argcount as usize
            + kwonlyargcount as usize
            + (flags & crate::bytecode::flags::VARARGS != 0) as usize
            + (flags & crate::bytecode::flags::VARKEYWORDS != 0) as usize)
            .min(nv);
        let mut vr = Reader { b: &r.b[..end], i: start };
        let param_names = self.interns(&mut vr, nparams)?;
        Some(Rc::new(CodeObject {
            name,
            qualname,
            source: self.image.file.clone(),
            first_line,
            instrs,
            lines,
            consts: consts.into_boxed_slice(),
            global_caches: Default::default(),
            attr_caches: Default::default(),
            names,
            nlocals,
            varnames: varnames.into_boxed_slice(),
            param_names,
            cellvars,
            freevars,
            cell_args: cell_args.into_boxed_slice(),
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            exc_table: exc_table.into_boxed_slice(),
            docstring,
            lazy: None,
            stacksize,
        }))
    }
    fn konst(&mut self, r: &mut Reader<'a>) -> Option<Value> {
        let vm = &mut *self.vm;
        Some(match r.u8()? {
            0 => Value::None,
            1 => Value::Bool(r.u8()? != 0),
            2 => vm.ellipsis,
            3 => Value::Int(r.u64()? as i64),
            4 => vm.new_bigint(BigInt::from_signed_bytes_le(r.bytes()?)),
            5 => Value::Float(f64::from_bits(r.u64()?)),
            6 => {
                let (re, im) = (f64::from_bits(r.u64()?), f64::from_bits(r.u64()?));
                let cls = vm.types.complex;
                vm.alloc(cls, ObjData::Complex(Box::new((re, im))))
            }
            7 => {
                let i = r.u32()?;
                if let Some(&(_, v)) = self.values.iter().find(|(j, _)| *j == i) {
                    return Some(v);
                }
                let s = self.image.str_at(i as usize)?;
                // As `Vm::load_const`: identifier-like strings are interned.
                let v = if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    Value::Obj(vm.intern(s))
                } else {
                    vm.new_str(s)
                };
                self.values.push((i, v));
                v
            }
            8 => {
                let b = r.bytes()?.to_vec();
                vm.new_bytes(b)
            }
            t @ (9 | 10) => {
                let n = r.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.konst(r)?);
                }
                let vm = &mut *self.vm;
                if t == 9 {
                    vm.new_tuple(items)
                } else {
                    let fs = vm.new_frozenset_value(PySet::new());
                    for v in items {
                        vm.set_add(fs, v).ok()?;
                    }
                    fs
                }
            }
            11 => {
                let code = self.unit(r, false)?;
                let cls = self.vm.types.code;
                self.vm.alloc(cls, ObjData::Code(code))
            }
            _ => return None,
        })
    }
}
