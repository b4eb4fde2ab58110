// trybuild case for the parser corpus 0027_bad_names.rs (the attribute mistakes; the lowering rules are in bad_names.rs).
#[derive(Table)]
#[check(name = "c")]
#[index(name = "i")]
#[index(columns())]
pub struct Bits {
    pub id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
