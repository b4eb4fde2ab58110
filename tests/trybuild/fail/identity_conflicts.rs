// trybuild case for the parser corpus 0022_identity_conflicts.rs (verbatim).
#[derive(Table)]
pub struct User {
    #[column(identity)]
    pub id: String,
    #[column(identity, default = "1")]
    pub a: i64,
    #[column(identity)]
    pub b: Option<i64>,
    #[column(default = "1", generated = "a + 1")]
    pub c: i64,
    #[column(sql_type = "serial", default = "5")]
    pub d: i32,
    #[column(identity, generated = "a * 2")]
    pub e: i64,
    #[column(default = "")]
    pub f: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
