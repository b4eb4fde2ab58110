// trybuild case for the parser corpus 0072_constraint_comments.rs: comments on constraints and indexes.
#[derive(Table)]
#[table(name = "a")]
#[unique(columns(x), comment = "")]
#[check(expr = "x > 0", comment = 3)]
#[index(columns(x), comment)]
#[foreign_key(columns(x), references = "a(x)", comments = "typo")]
pub struct A {
    #[column(primary_key)]
    pub x: i32,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
