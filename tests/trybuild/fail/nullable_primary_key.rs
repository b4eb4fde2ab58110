// trybuild case for the parser corpus 0018_nullable_primary_key.rs (verbatim).
#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: Option<i64>,
}

#[derive(Table)]
#[primary_key(columns(a, b))]
pub struct Pair {
    pub a: i64,
    pub b: Option<i64>,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
