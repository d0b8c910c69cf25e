//! Building a VM: bootstrapping the type objects, interning the names the
//! VM uses, installing built-ins, `sys` and `__main__`; and running a main
//! program with CPython's exit-status rules.

use crate::runtime::fasthash::FastMap;
use std::rc::Rc;

use crate::compiler::Mode;
use crate::runtime::heap::Heap;
use crate::runtime::object::ObjData;
use crate::runtime::str::PyStr;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{Config, ExcTypes, Names, Types, Vm};

/// Default Python recursion limit (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

impl Vm {
    pub fn new(config: Config) -> Vm {
        let mut heap = Heap::new();
        let types = Types::bootstrap(&mut heap);
        let exc = ExcTypes::bootstrap(&mut heap, &types);
        // Room for 896 entries (a 1024-bucket table, 25 KB): `-c pass`
        // interns 450-900 names, so the table no longer rehashes through six
        // sizes on the way. 4096 entries (200 KB of fresh memory) cost more
        // in page faults than the rehashes saved.
        let mut interned: FastMap<Box<str>, ObjRef> = FastMap::with_capacity_and_hasher(896, Default::default());
        let str_cls = types.str;
        let names = Names::new(|s| {
            if let Some(&r) = interned.get(s) {
                return r;
            }
            let r = heap.alloc(str_cls, ObjData::Str(PyStr::new(s)));
            interned.insert(s.into(), r);
            r
        });
        let dict_cls = types.dict;
        let builtins = heap.alloc(dict_cls, ObjData::Dict(Box::default()));
        let modules = heap.alloc(dict_cls, ObjData::Dict(Box::default()));
        let not_implemented = Value::Obj(heap.alloc(types.not_implemented_type, ObjData::Object));
        let ellipsis = Value::Obj(heap.alloc(types.ellipsis_type, ObjData::Object));
        let empty_tuple = Value::Obj(heap.alloc(types.tuple, ObjData::Tuple(Box::new([]))));
        let mut vm = Vm {
            heap,
            // 16 KiB to start (grows on demand): a 1 MiB reservation landed in
            // a 2 MiB region of its own that a transparent huge page then
            // zeroed whole at the first push, and 64 KiB took a 512 KiB
            // mimalloc page of its own (see `CompactAlloc` in main.rs).
            stack: Vec::with_capacity(1 << 10),
            frames: Vec::with_capacity(256),
            types,
            exc,
            names,
            builtins,
            modules,
            interned,
            not_implemented,
            ellipsis,
            empty_tuple,
            exc_info: Value::None,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            last_created_gen: None,
            import_timing: if config.import_time {
                eprintln!("import time: self [us] | cumulative | imported package");
                Some(Vec::new())
            } else {
                None
            },
            native_depth: 0,
            absorber: crate::vm::generator::Absorber::NONE,
            temp_roots: Vec::new(),
            repr_stack: Vec::new(),
            config,
            out: crate::stdlib::io::Output::new(),
            ext: Default::default(),
            interrupt: Default::default(),
            pending_finalizers: Vec::new(),
            exit_work_possible: false,
            unstarted_coroutines: 0,
            method_cache: FastMap::default(),
            dict_probe: std::cell::Cell::new(crate::vm::dictops::DictProbe::EMPTY),
            fused_error: None,
        };
        crate::builtins::install(&mut vm);
        crate::asyncio::install(&mut vm);
        let bm = crate::builtins::functions::builtins_module(&mut vm);
        let k = vm.new_str("builtins");
        let m = vm.modules;
        let _ = vm.dict_set_item(m, k, bm);
        if let Err(e) = vm.import_module("sys") {
            let line = vm.exception_line(e.value());
            panic!("internal error: cannot initialise sys: {}", line);
        }
        vm
    }

    /// A fresh `__main__` module namespace.
    pub fn main_namespace(&mut self, file: Option<&str>) -> ObjRef {
        let m = self.new_module("__main__");
        let d = self.module_dict(m).expect("module dict");
        if let Some(f) = file {
            let fv = self.new_str(f);
            let k = self.names.__file__;
            self.dict_set_str(d, k, fv);
        }
        let bk = self.names.__builtins__;
        let b = crate::builtins::functions::builtins_module(self);
        self.dict_set_str(d, bk, b);
        let k = self.new_str("__main__");
        let mods = self.modules;
        let _ = self.dict_set_item(mods, k, Value::Obj(m));
        d
    }

    /// Run a whole program as `__main__`; returns the process exit status.
    pub fn run_main(&mut self, text: &str, filename: &str) -> i32 {
        let file = Rc::new(crate::source::SourceFile::new(filename, text));
        let unit = crate::parser::parse_module(text).and_then(|m| crate::compiler::compile_module(&m, &file, Mode::Module));
        let unit = match unit {
            Ok(u) => u,
            Err(e) => {
                self.out.flush_stdout();
                eprint!("{}", e.render(&file));
                return 1;
            }
        };
        let code = self.load_code(&unit, &file);
        let globals = self.main_namespace(if filename.starts_with('<') { None } else { Some(filename) });
        let r = self.exec_code(code, globals, None);
        let status = match r {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e.value()),
        };
        self.shutdown(Some(globals));
        self.out.flush_stdout();
        status
    }

    /// Print an uncaught exception (or honour SystemExit); the exit status.
    pub fn handle_uncaught(&mut self, exc: Value) -> i32 {
        let se = self.exc.system_exit;
        if self.is_instance_of(exc, se) {
            let code = match exc.as_obj().map(|r| crate::builtins::exceptions::exc_args(self, r)) {
                Some(a) if !a.is_empty() => a[0],
                _ => Value::None,
            };
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let s = self.to_str_string(other).unwrap_or_default();
                    self.out.flush_stdout();
                    eprintln!("{}", s);
                    1
                }
            };
        }
        self.print_exception(exc);
        let ki = self.exc.keyboard_interrupt;
        if self.is_instance_of(exc, ki) {
            return 130;
        }
        1
    }
}
