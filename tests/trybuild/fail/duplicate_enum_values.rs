// trybuild case for the parser corpus 0013_duplicate_enum_values.rs (the first enum; a second enum named `status` is a whole-schema rule).
#[derive(PgEnum)]
pub enum Status {
    Active,
    #[pg_enum(rename = "active")]
    Enabled,
    InReview,
    #[pg_enum(rename = "in_review")]
    Reviewing,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
