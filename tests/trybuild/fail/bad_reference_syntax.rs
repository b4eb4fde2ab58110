// trybuild case for the parser corpus 0024_bad_reference_syntax.rs (verbatim).
#[derive(Table)]
#[foreign_key(columns(a), references = "org.id")]
#[foreign_key(columns(a), references = "org()")]
#[foreign_key(columns(a))]
pub struct User {
    pub id: i64,
    #[column(references = "org")]
    pub a: i64,
    #[column(references = "a.b.c.d")]
    pub b: i64,
    #[column(references = ".id")]
    pub c: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
