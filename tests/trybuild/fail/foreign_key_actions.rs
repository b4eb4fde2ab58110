// trybuild case for the parser corpus 0017_bad_fk_action.rs (the unknown actions; the attribute mistakes are in foreign_key_keys.rs).
#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[foreign_key(columns(org_id), references = "org(id)", on_delete = "nothing")]
pub struct User {
    pub id: i64,
    #[column(references = "org.id", on_delete = "cascad", on_update = "explode")]
    pub org_id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
