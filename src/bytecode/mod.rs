//! Bytecode: the opcode table, code units/objects, and the disassembler.

mod code;
pub mod dis;
mod opcode;

pub use code::{flags, AttrCache, ATTR_CACHE_WAYS, NO_SLOT, CodeObject, CodeUnit, Const, ExcEntry, GlobalCache};
pub use opcode::{pack2, unpack2, Instr};
