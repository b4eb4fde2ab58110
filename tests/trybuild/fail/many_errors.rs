// trybuild case for the parser corpus 0020_many_errors.rs (the per-item mistakes; the unknown type, the references, the enum default and the duplicate table are whole-schema rules).
/// One file, many problems: all of them are reported in one run.
#[derive(Table)]
#[index(columns(emial))]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(refrences = "org.id")]
    pub org_id: i64,
    pub email: String,
    #[column(unique = "yes")]
    pub handle: String,
    #[column(primary_key)]
    pub other_id: i64,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
