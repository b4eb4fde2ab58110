// trybuild case for the parser corpus 0009_duplicate_column.rs (verbatim).
#[derive(Table)]
pub struct User {
    pub id: i64,
    pub email: String,
    #[column(name = "email")]
    pub email_address: String,
    #[column(name = "id")]
    pub r#id2: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
