// trybuild case for the parser corpus 0017_bad_fk_action.rs (the attribute mistakes; the unknown actions are in foreign_key_actions.rs).
#[derive(Table)]
pub struct Org {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[foreign_key(columns(org_id), references = "org(id)", deferrable = "later")]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    #[column(on_delete = "cascade")]
    pub other_id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
