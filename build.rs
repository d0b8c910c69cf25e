//! Build script: generates the LALR parser from `grammar/python.lalrpop`.
fn main() {
    lalrpop::Configuration::new()
        .emit_rerun_directives(true)
        .process_dir("grammar")
        .expect("lalrpop failed to process the grammar");
}
