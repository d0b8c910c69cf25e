//! Front-end tests (lexer and parser), one test binary: the modules are
//! the areas (error messages against CPython, AST shapes against CPython's
//! `ast`, corpora, fuzzing, nesting stress, large-file speed).

mod corpus;
mod errors;
mod errors_cpython;
mod fuzz;
mod parse_shapes;
mod perf;
mod stress;
mod support;
