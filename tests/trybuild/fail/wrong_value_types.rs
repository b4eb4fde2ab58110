// trybuild case for the parser corpus 0004_wrong_value_type.rs (verbatim).
#[derive(Table)]
#[table(name = users)]
#[index(columns = "email", unique = 1)]
pub struct User {
    #[column(primary_key = "yes")]
    pub id: i64,
    #[column(unique = "yes", sql_type(text))]
    pub email: String,
    #[column(default = 5, name = true)]
    pub age: i32,
    #[column(identity = "sometimes")]
    pub seq: i64,
}

#[derive(Table)]
#[table = "x"]
#[index(columns(id), name = "a" "b")]
#[unique(columns(a = 1, id))]
pub struct Other {
    pub id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
