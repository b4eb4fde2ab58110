// trybuild case for the parser corpus 0075_column_grants.rs: column privileges.
#[derive(Table)]
#[table(name = "people")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    #[grant(delete, to = "app_ro")]
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT id FROM people")]
pub struct PersonIds {
    #[grant(select, to = "app_ro")]
    pub id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table, View};

fn main() {}
