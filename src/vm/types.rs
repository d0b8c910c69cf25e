//! The built-in type objects, the built-in exception hierarchy, and the
//! interned names the VM looks up often (`__init__`, `__add__`, ...).
//! Bootstrapping creates `type` and `object` by hand; every other type is
//! an ordinary heap `Type` object whose methods are installed by the
//! `builtins` modules.

use crate::runtime::class::{Layout, TypeObj};
use crate::runtime::dict::PyDict;
use crate::runtime::heap::Heap;
use crate::runtime::object::ObjData;
use crate::runtime::value::ObjRef;

macro_rules! type_table {
    ($( $field:ident => $name:literal, $layout:ident ; )*) => {
        /// Built-in types (besides `type` and `object`).
        pub struct Types {
            pub object: ObjRef,
            pub type_: ObjRef,
            $( pub $field: ObjRef, )*
        }

        impl Types {
            /// Every built-in type object (roots for the collector).
            pub fn all(&self) -> Vec<ObjRef> {
                vec![self.object, self.type_, $( self.$field, )*]
            }

            pub(crate) fn bootstrap(heap: &mut Heap) -> Types {
                // `type` is its own class; `object` and `dict` are instances
                // of it; the three namespaces are instances of `dict`.
                let type_ = heap.alloc_self_class(ObjData::Object);
                let object = heap.alloc(type_, ObjData::Object);
                let dict = heap.alloc(type_, ObjData::Object);
                let mk = |heap: &mut Heap, r: ObjRef, name: &str, layout: Layout, bases: Vec<ObjRef>, mro: Vec<ObjRef>| {
                    let d = heap.alloc(dict, ObjData::Dict(Box::new(PyDict::new())));
                    let mut t = TypeObj::new(name, d, layout);
                    t.bases = bases;
                    t.mro = mro;
                    heap.get_mut(r).data = ObjData::Type(Box::new(t));
                };
                mk(heap, type_, "type", Layout::Type, vec![object], vec![type_, object]);
                mk(heap, object, "object", Layout::Object, vec![], vec![object]);
                mk(heap, dict, "dict", Layout::Dict, vec![object], vec![dict, object]);
                let mut t = Types { object, type_, $( $field: dict, )* };
                $(
                    if stringify!($field) != "dict" {
                        t.$field = new_type(heap, type_, object, dict, $name, Layout::$layout);
                    }
                )*
                // bool derives from int.
                set_base(heap, t.bool, t.int);
                t
            }
        }
    };
}

type_table! {
    dict => "dict", Dict;
    int => "int", Int;
    bool => "bool", Final;
    float => "float", Float;
    complex => "complex", Complex;
    str => "str", Str;
    bytes => "bytes", Bytes;
    bytearray => "bytearray", ByteArray;
    list => "list", List;
    tuple => "tuple", Tuple;
    set => "set", Set;
    frozenset => "frozenset", FrozenSet;
    range => "range", Final;
    slice => "slice", Final;
    none_type => "NoneType", Final;
    not_implemented_type => "NotImplementedType", Final;
    ellipsis_type => "ellipsis", Final;
    function => "function", Final;
    builtin_function => "builtin_function_or_method", Final;
    method => "method", Final;
    module => "module", Instance;
    cell => "cell", Final;
    code => "code", Final;
    generator => "generator", Final;
    coroutine => "coroutine", Final;
    async_generator => "async_generator", Final;
    property => "property", Instance;
    staticmethod => "staticmethod", Instance;
    classmethod => "classmethod", Instance;
    super_ => "super", Final;
    getset_descriptor => "getset_descriptor", Final;
    member_descriptor => "member_descriptor", Final;
    method_descriptor => "method_descriptor", Final;
    list_iterator => "list_iterator", Final;
    list_reverseiterator => "list_reverseiterator", Final;
    tuple_iterator => "tuple_iterator", Final;
    range_iterator => "range_iterator", Final;
    str_iterator => "str_ascii_iterator", Final;
    bytes_iterator => "bytes_iterator", Final;
    dict_keyiterator => "dict_keyiterator", Final;
    dict_valueiterator => "dict_valueiterator", Final;
    dict_itemiterator => "dict_itemiterator", Final;
    dict_reversekeyiterator => "dict_reversekeyiterator", Final;
    set_iterator => "set_iterator", Final;
    seq_iterator => "iterator", Final;
    callable_iterator => "callable_iterator", Final;
    enumerate => "enumerate", Final;
    zip => "zip", Final;
    map => "map", Final;
    filter => "filter", Final;
    reversed => "reversed", Final;
    dict_keys => "dict_keys", Final;
    dict_values => "dict_values", Final;
    dict_items => "dict_items", Final;
    traceback => "traceback", Instance;
    frame => "frame", Instance;
    mappingproxy => "mappingproxy", Final;
    native_object => "native", Final;
}

/// Create a built-in type deriving from `object`.
pub(crate) fn new_type(heap: &mut Heap, type_: ObjRef, object: ObjRef, dict_type: ObjRef, name: &str, layout: Layout) -> ObjRef {
    let dict = heap.alloc(dict_type, ObjData::Dict(Box::new(PyDict::new())));
    let mut t = TypeObj::new(name, dict, layout);
    t.bases = vec![object];
    let r = heap.alloc(type_, ObjData::Type(Box::new(t)));
    if let ObjData::Type(tt) = heap.data_mut(r) {
        tt.mro = vec![r, object];
    }
    r
}

/// Re-parent a built-in type (for `bool(int)` and the exception tree).
pub(crate) fn set_base(heap: &mut Heap, t: ObjRef, base: ObjRef) {
    let base_mro = match heap.data(base) {
        ObjData::Type(b) => b.mro.clone(),
        _ => return,
    };
    if let ObjData::Type(tt) = heap.data_mut(t) {
        tt.bases = vec![base];
        let mut mro = vec![t];
        mro.extend(base_mro);
        tt.mro = mro;
    }
    if let ObjData::Type(b) = heap.data_mut(base) {
        b.subclasses.push(t);
    }
}

macro_rules! exc_table {
    ($( $field:ident => $name:literal < $base:ident ; )*) => {
        /// The built-in exception classes.
        pub struct ExcTypes {
            pub base_exception: ObjRef,
            $( pub $field: ObjRef, )*
        }

        impl ExcTypes {
            pub(crate) fn bootstrap(heap: &mut Heap, types: &Types) -> ExcTypes {
                let base_exception = new_type(heap, types.type_, types.object, types.dict, "BaseException", Layout::Exception);
                let mut e = ExcTypes { base_exception, $( $field: base_exception, )* };
                $(
                    e.$field = new_type(heap, types.type_, types.object, types.dict, $name, Layout::Exception);
                    set_base(heap, e.$field, e.$base);
                )*
                e
            }

            /// (name, class) of every built-in exception, for `builtins`.
            pub fn all(&self) -> Vec<(&'static str, ObjRef)> {
                vec![("BaseException", self.base_exception), $( ($name, self.$field), )*]
            }
        }
    };
}

exc_table! {
    base_exception_group => "BaseExceptionGroup" < base_exception;
    generator_exit => "GeneratorExit" < base_exception;
    keyboard_interrupt => "KeyboardInterrupt" < base_exception;
    system_exit => "SystemExit" < base_exception;
    exception => "Exception" < base_exception;
    arithmetic_error => "ArithmeticError" < exception;
    floating_point_error => "FloatingPointError" < arithmetic_error;
    overflow_error => "OverflowError" < arithmetic_error;
    zero_division_error => "ZeroDivisionError" < arithmetic_error;
    assertion_error => "AssertionError" < exception;
    attribute_error => "AttributeError" < exception;
    buffer_error => "BufferError" < exception;
    eof_error => "EOFError" < exception;
    exception_group => "ExceptionGroup" < base_exception_group;
    import_error => "ImportError" < exception;
    module_not_found_error => "ModuleNotFoundError" < import_error;
    lookup_error => "LookupError" < exception;
    index_error => "IndexError" < lookup_error;
    key_error => "KeyError" < lookup_error;
    memory_error => "MemoryError" < exception;
    name_error => "NameError" < exception;
    unbound_local_error => "UnboundLocalError" < name_error;
    os_error => "OSError" < exception;
    blocking_io_error => "BlockingIOError" < os_error;
    child_process_error => "ChildProcessError" < os_error;
    connection_error => "ConnectionError" < os_error;
    broken_pipe_error => "BrokenPipeError" < connection_error;
    connection_aborted_error => "ConnectionAbortedError" < connection_error;
    connection_refused_error => "ConnectionRefusedError" < connection_error;
    connection_reset_error => "ConnectionResetError" < connection_error;
    file_exists_error => "FileExistsError" < os_error;
    file_not_found_error => "FileNotFoundError" < os_error;
    interrupted_error => "InterruptedError" < os_error;
    is_a_directory_error => "IsADirectoryError" < os_error;
    not_a_directory_error => "NotADirectoryError" < os_error;
    permission_error => "PermissionError" < os_error;
    process_lookup_error => "ProcessLookupError" < os_error;
    timeout_error => "TimeoutError" < os_error;
    reference_error => "ReferenceError" < exception;
    runtime_error => "RuntimeError" < exception;
    not_implemented_error => "NotImplementedError" < runtime_error;
    recursion_error => "RecursionError" < runtime_error;
    stop_async_iteration => "StopAsyncIteration" < exception;
    stop_iteration => "StopIteration" < exception;
    syntax_error => "SyntaxError" < exception;
    indentation_error => "IndentationError" < syntax_error;
    tab_error => "TabError" < indentation_error;
    system_error => "SystemError" < exception;
    type_error => "TypeError" < exception;
    value_error => "ValueError" < exception;
    unicode_error => "UnicodeError" < value_error;
    unicode_decode_error => "UnicodeDecodeError" < unicode_error;
    unicode_encode_error => "UnicodeEncodeError" < unicode_error;
    unicode_translate_error => "UnicodeTranslateError" < unicode_error;
    warning => "Warning" < exception;
    bytes_warning => "BytesWarning" < warning;
    deprecation_warning => "DeprecationWarning" < warning;
    encoding_warning => "EncodingWarning" < warning;
    future_warning => "FutureWarning" < warning;
    import_warning => "ImportWarning" < warning;
    pending_deprecation_warning => "PendingDeprecationWarning" < warning;
    resource_warning => "ResourceWarning" < warning;
    runtime_warning => "RuntimeWarning" < warning;
    syntax_warning => "SyntaxWarning" < warning;
    unicode_warning => "UnicodeWarning" < warning;
    user_warning => "UserWarning" < warning;
}

macro_rules! names_table {
    ($( $field:ident = $s:literal ),* $(,)?) => {
        /// Interned names the VM uses directly.
        pub struct Names { $( pub $field: ObjRef, )* }

        impl Names {
            pub(crate) fn new(mut intern: impl FnMut(&str) -> ObjRef) -> Names {
                Names { $( $field: intern($s), )* }
            }
        }
    };
}

names_table! {
    __init__ = "__init__", __new__ = "__new__", __repr__ = "__repr__", __str__ = "__str__",
    __eq__ = "__eq__", __ne__ = "__ne__", __lt__ = "__lt__", __le__ = "__le__", __gt__ = "__gt__", __ge__ = "__ge__",
    __hash__ = "__hash__", __bool__ = "__bool__", __len__ = "__len__", __iter__ = "__iter__", __next__ = "__next__",
    __getitem__ = "__getitem__", __setitem__ = "__setitem__", __delitem__ = "__delitem__", __contains__ = "__contains__",
    __call__ = "__call__", __enter__ = "__enter__", __exit__ = "__exit__", __aenter__ = "__aenter__", __aexit__ = "__aexit__",
    __await__ = "__await__", __aiter__ = "__aiter__", __anext__ = "__anext__",
    __getattr__ = "__getattr__", __getattribute__ = "__getattribute__", __setattr__ = "__setattr__", __delattr__ = "__delattr__",
    __get__ = "__get__", __set__ = "__set__", __delete__ = "__delete__", __set_name__ = "__set_name__",
    __name__ = "__name__", __qualname__ = "__qualname__", __module__ = "__module__", __doc__ = "__doc__",
    __dict__ = "__dict__", __class__ = "__class__", __classcell__ = "__classcell__", __annotations__ = "__annotations__",
    __builtins__ = "__builtins__", __file__ = "__file__", __all__ = "__all__", __slots__ = "__slots__",
    __neg__ = "__neg__", __pos__ = "__pos__", __abs__ = "__abs__", __invert__ = "__invert__", __index__ = "__index__",
    __int__ = "__int__", __float__ = "__float__", __format__ = "__format__", __round__ = "__round__",
    __init_subclass__ = "__init_subclass__", __class_getitem__ = "__class_getitem__", __missing__ = "__missing__",
    __reversed__ = "__reversed__", __prepare__ = "__prepare__", __instancecheck__ = "__instancecheck__",
    __subclasscheck__ = "__subclasscheck__", __del__ = "__del__", __match_args__ = "__match_args__",
    __mro_entries__ = "__mro_entries__", __path__ = "__path__", __spec__ = "__spec__", __package__ = "__package__",
    __loader__ = "__loader__", __trunc__ = "__trunc__", __floor__ = "__floor__", __ceil__ = "__ceil__",
    __complex__ = "__complex__", __bytes__ = "__bytes__", __length_hint__ = "__length_hint__",
    __wrapped__ = "__wrapped__", __abstractmethods__ = "__abstractmethods__", __isabstractmethod__ = "__isabstractmethod__",
    __weakref__ = "__weakref__", __objclass__ = "__objclass__", __self__ = "__self__", __func__ = "__func__",
    __code__ = "__code__", __defaults__ = "__defaults__", __kwdefaults__ = "__kwdefaults__", __closure__ = "__closure__",
    __globals__ = "__globals__", __traceback__ = "__traceback__", __cause__ = "__cause__", __context__ = "__context__",
    __suppress_context__ = "__suppress_context__", __mro__ = "__mro__", __bases__ = "__bases__", __base__ = "__base__",
    __subclasses__ = "__subclasses__", __sizeof__ = "__sizeof__", __dir__ = "__dir__", __reduce__ = "__reduce__",
    __copy__ = "__copy__", __deepcopy__ = "__deepcopy__", __fspath__ = "__fspath__",
    send = "send", throw = "throw", close = "close", keys = "keys", items = "items", values = "values",
    args = "args", value = "value", name = "name", main = "__main__", result = "result", exception = "exception",
    add_done_callback = "add_done_callback", cancel = "cancel", done = "done", cancelled = "cancelled",
    _asyncio_future_blocking = "_asyncio_future_blocking", get_loop = "get_loop", write = "write", flush = "flush",
    lambda = "<lambda>", mro = "mro", fileno = "fileno", __build_class__ = "__build_class__",
    _cancel_requested = "_cancel_requested", _cancel_message = "_cancel_message", _children = "_children",
}
