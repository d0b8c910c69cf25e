//! Build script: generates the LALR parser from `grammar/python.lalrpop`.
fn main() {
    lalrpop::Configuration::new()
        .emit_rerun_directives(true)
        .process_dir("grammar")
        .expect("lalrpop failed to process the grammar");
    // A position-dependent executable: the dynamic loader then has no
    // relative relocations to apply at every start (6 400 of them:
    // `_dl_relocate_object` 311k -> 220k Ir of `aiopy -c pass`, and 19
    // fewer copy-on-write page faults in `.data.rel.ro`). The code is
    // still compiled position-independent; only the final link differs.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
