// trybuild case for the parser corpus 0010_two_primary_keys.rs (verbatim).
#[derive(Table)]
#[primary_key(columns(id))]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

#[derive(Table)]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    #[column(primary_key)]
    pub slug: String,
}

#[derive(Table)]
#[primary_key(columns(a))]
#[primary_key(columns(b))]
pub struct Pair {
    pub a: i64,
    pub b: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
