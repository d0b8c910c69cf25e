//! Build script: generates the LALR parser from `grammar/python.lalrpop`.
fn main() {
    lalrpop::Configuration::new()
        .emit_rerun_directives(true)
        .process_dir("grammar")
        .expect("lalrpop failed to process the grammar");
    // A position-dependent executable: the dynamic loader then has no
    // relative relocations to apply at every start (6 400 of them, 11% of
    // the instructions of `aiopy -c pass`, and a copy-on-write page fault
    // for each of the 28 pages of `.data.rel.ro`). The code is still
    // compiled position-independent; only the final link differs.
    println!("cargo:rustc-link-arg-bins=-no-pie");
}
