// trybuild case for the parser corpus 0028_index_key_options.rs (the last two, lowering rules; the first three are in index_key_options.rs).
#[derive(Table)]
#[index(columns(id(desc)), expr = "lower(name)")]
#[index(columns(id), nulls_not_distinct)]
pub struct User {
    pub id: i64,
    pub name: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
