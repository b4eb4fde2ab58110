// trybuild case for the parser corpus 0002_unknown_key.rs (verbatim).
#[derive(Table)]
#[table(nmae = "users")]
#[index(column(email), uniqe)]
pub struct User {
    pub id: i64,
    #[column(refrences = "orgs.id")]
    pub org_id: i64,
    #[column(primary, sql_typ = "text")]
    pub email: String,
    #[column(frobnicate)]
    pub other: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
