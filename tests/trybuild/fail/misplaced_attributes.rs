// trybuild case for the parser corpus 0021_misplaced_attributes.rs (verbatim).
#[derive(Table)]
#[column(name = "x")]
#[pg_enum(name = "x")]
pub struct User {
    #[unique]
    pub id: i64,
    #[index(columns(id))]
    pub email: String,
    #[table(name = "x")]
    pub name: String,
}

#[derive(PgEnum)]
#[table(name = "x")]
pub enum Role {
    #[column(name = "x")]
    Admin,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
