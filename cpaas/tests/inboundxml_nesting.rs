//! The nesting rules of InboundXML, checked by the compiler: each `tests/ui/*.rs` puts an
//! element where its container may not hold it (or leaves out a required attribute) and
//! must fail to compile with the error in its `.stderr` file; `tests/ui/pass/*.rs` must
//! compile. Regenerate the expected errors with `TRYBUILD=overwrite` and review them.

#[test]
fn nesting_rules() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
