// trybuild case for the parser corpus 0011_missing_constraint_columns.rs (verbatim).
#[derive(Table)]
#[primary_key(columns(id, tenant))]
#[index(columns(emial))]
#[index(columns(email), include(nmae))]
#[index(expr = "lower(email)", columns(mail))]
#[unique(columns(org, email))]
#[foreign_key(columns(org_idd), references = "org(id)")]
#[index(columns(cached))]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub org_id: i64,
    #[column(skip)]
    pub cached: u8,
}

#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
