//! `PyErr` (a raised exception, as a reference to the exception instance)
//! and the constructors native code uses to raise built-in exceptions.
//! Constructors are `#[cold]`: they only run on error paths.

use crate::runtime::exception::ExcObj;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

/// A raised exception: the exception instance on the heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub ObjRef);

impl PyErr {
    pub fn value(self) -> Value {
        Value::Obj(self.0)
    }
}

impl Vm {
    /// A new exception instance of `cls` with the given args.
    pub fn make_exception(&mut self, cls: ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        self.heap.alloc(cls, ObjData::Exception(Box::new(ExcObj::new(args))))
    }

    #[cold]
    pub fn new_error(&mut self, cls: ObjRef, msg: impl Into<String>) -> PyErr {
        let msg = msg.into();
        let m = self.new_str(msg);
        PyErr(self.make_exception(cls, vec![m]))
    }

    #[cold]
    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.type_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.value_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.index_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.exc.key_error;
        PyErr(self.make_exception(c, vec![key]))
    }

    #[cold]
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.attribute_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let c = self.exc.name_error;
        let e = self.new_error(c, format!("name '{}' is not defined", name));
        let n = self.new_str(name);
        let _ = self.set_exc_attr(e.0, "name", n);
        let suggestion = self.name_suggestion(name);
        if let ObjData::Exception(x) = self.heap.data_mut(e.0) {
            x.suggestion = suggestion.map(String::into_boxed_str);
        }
        e
    }

    #[cold]
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        let c = self.exc.zero_division_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.overflow_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn runtime_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.runtime_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn not_implemented_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.not_implemented_error;
        self.new_error(c, msg)
    }

    #[cold]
    pub fn recursion_error(&mut self) -> PyErr {
        let c = self.exc.recursion_error;
        self.new_error(c, "maximum recursion depth exceeded")
    }

    #[cold]
    pub fn memory_error(&mut self) -> PyErr {
        let c = self.exc.memory_error;
        PyErr(self.make_exception(c, vec![]))
    }

    #[cold]
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let c = self.exc.stop_iteration;
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr(self.make_exception(c, args))
    }

    #[cold]
    pub fn import_error(&mut self, msg: impl Into<String>) -> PyErr {
        let c = self.exc.import_error;
        self.new_error(c, msg)
    }

    /// `'X' object has no attribute 'y'`
    #[cold]
    pub fn no_attribute(&mut self, obj: Value, name: &str) -> PyErr {
        let e = self.no_attribute_on_store(obj, name);
        // AttributeError.name / .obj, as in 3.10+ (set by failed reads only).
        let n = self.new_str(name);
        let _ = self.set_exc_attr(e.0, "name", n);
        let _ = self.set_exc_attr(e.0, "obj", obj);
        e
    }

    /// The AttributeError of a failed assignment or deletion: CPython's
    /// message, but `name` and `obj` stay None.
    pub fn no_attribute_on_store(&mut self, obj: Value, name: &str) -> PyErr {
        let tn = match self.heap.data(self.type_of(obj)) {
            ObjData::Type(t) => t.error_name(),
            _ => "?".to_string(),
        };
        let msg = match obj {
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::Type(t) => format!("type object '{}' has no attribute '{}'", t.error_name(), name),
                ObjData::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
                _ => format!("'{}' object has no attribute '{}'", tn, name),
            },
            _ => format!("'{}' object has no attribute '{}'", tn, name),
        };
        self.attribute_error(msg)
    }

    /// Store an extra attribute on an exception instance.
    pub fn set_exc_attr(&mut self, exc: ObjRef, name: &str, value: Value) -> Option<()> {
        let key = self.intern(name);
        let dict = match self.heap.data(exc) {
            ObjData::Exception(e) => e.dict,
            _ => return None,
        };
        let dict = match dict {
            Some(d) => d,
            None => {
                let d = self.new_dict_ref();
                if let ObjData::Exception(e) = self.heap.data_mut(exc) {
                    e.dict = Some(d);
                }
                d
            }
        };
        self.dict_set_str(dict, key, value);
        Some(())
    }

    /// The class name of a value's type (`int`, `MyClass`).
    pub fn type_name(&self, v: Value) -> String {
        let t = self.type_of(v);
        match self.heap.data(t) {
            ObjData::Type(tt) => tt.name.clone(),
            _ => "?".to_string(),
        }
    }
}
