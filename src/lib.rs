//! aiopy: a Python 3.11 interpreter with the asyncio event loop inside
//! the VM. See `src/README.md` for the map of modules.

pub mod asyncio;
pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod lexer;
pub mod parser;
pub mod repl;
pub mod runtime;
pub mod source;
pub mod stdlib;
pub mod vm;

pub use vm::{Config, Vm};
