// trybuild case for the parser corpus 0015_duplicate_constraint_names.rs (the first table: names it repeats itself; names shared with another table are a whole-schema rule).
#[derive(Table)]
#[index(columns(email), name = "dup_idx")]
#[index(columns(name), name = "dup_idx")]
#[unique(columns(email), name = "user_pkey")]
#[check(name = "positive", expr = "id > 0")]
#[check(name = "positive", expr = "id < 100")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub name: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
