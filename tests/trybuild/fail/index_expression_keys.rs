// trybuild case for the parser corpus 0031_index_expression_keys.rs: expression keys in `columns(…)`.
#[derive(Table)]
#[index(columns(expr(sql = "")))]
#[index(columns(expr(sql = "a + 1", sql = "b")))]
#[index(expr = "lower(email)", columns(expr(sql = "upper(email)")))]
#[index(columns(email(sql = "lower(email)")))]
pub struct User {
    pub id: i64,
    pub email: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
