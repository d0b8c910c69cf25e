//! The table of standard-library modules: name -> how to build it.

use super::ModuleDef;

pub fn lookup(name: &str) -> Option<ModuleDef> {
    Some(match name {
        "sys" => ModuleDef::Native(super::sys::init),
        "_asyncio" => ModuleDef::Native(crate::asyncio::module::init_module),
        "time" => ModuleDef::Native(super::time::init),
        "math" => ModuleDef::Native(super::math::init),
        "_random" => ModuleDef::Native(super::random_mod::init),
        "random" => ModuleDef::Source(include_str!("py/random.py")),
        "asyncio" => ModuleDef::Source(include_str!("py/asyncio.py")),
        _ => return None,
    })
}
