// trybuild case for the parser corpus 0005_unknown_type.rs (the unsupported types; unknown type names are a whole-schema rule).
#[derive(Table)]
pub struct User {
    pub id: i64,
    pub weird: &'static str,
    pub pair: (i32, i32),
    pub nothing: Option,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}

// Not part of the corpus case: a bare `Option` that compiles, so that
// rustc has nothing to add to the derive's error.
type Option = core::option::Option<i64>;
