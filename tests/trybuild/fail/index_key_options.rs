// trybuild case for the parser corpus 0028_index_key_options.rs (the first three; the last two, lowering rules, are in index_rules.rs).
#[derive(Table)]
#[index(columns(id(desc, asc)))]
#[index(columns(id(descending)))]
#[index(columns(id = 1))]
pub struct User {
    pub id: i64,
    pub name: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
