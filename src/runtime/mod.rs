//! The object model: values, the heap and collector, and the payload of
//! every built-in object kind. Nothing here runs Python code; behaviour
//! that may call back into Python lives in `vm`.

pub mod class;
pub mod dict;
pub mod exception;
pub mod fasthash;
pub mod function;
pub mod generator;
pub mod hash;
pub mod heap;
pub mod instance;
pub mod iter;
pub mod object;
pub mod set;
pub mod str;
pub mod trace;
pub mod value;

pub use object::{Obj, ObjData};
pub use value::{ObjRef, Value};
