// trybuild case for the parser corpus 0003_unknown_attribute.rs (verbatim).
#[derive(Table)]
#[indx(columns(id))]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[colum(primary_key)]
    pub id: i64,
    #[columns(unique)]
    pub email: String,
}

#[derive(PgEnum)]
#[pgenum(name = "role")]
pub enum Role {
    #[pg_enums(rename = "x")]
    Admin,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
