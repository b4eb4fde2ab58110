//! trybuild: the derive macros under rustc. Each `fail/*.rs` must fail to
//! compile with exactly its `.stderr` (whose diagnostics
//! `tests/tests/derive.rs` checks against `shale generate`'s, message and
//! span), and each `pass/*.rs` must compile and run.
//!
//! `SHALE_BLESS=1` rewrites the `.stderr` files (trybuild's own
//! `TRYBUILD=overwrite`, set here so the project keeps one update path).

#[test]
fn derives_compile_valid_schemas_and_reject_mistakes_like_the_cli() {
    if std::env::var_os("SHALE_BLESS").is_some_and(|v| v == "1") {
        std::env::set_var("TRYBUILD", "overwrite");
    }
    let cases = trybuild::TestCases::new();
    cases.pass("pass/*.rs");
    cases.compile_fail("fail/*.rs");
}
