// trybuild case for the per-item diagnostics of the parser corpus
// 0031_sequences_and_extensions.rs (the rules across items, such as an
// `owned_by` naming an unknown column, need the whole schema).
#[derive(Table)]
pub struct Invoices {
    pub id: i64,
    #[column(identity_start = 5)]
    pub number: i64,
    #[column(identity, identity_increment = 0)]
    pub code: i32,
    #[column(identity, identity_max = 99999999999)]
    pub small: i16,
}

#[derive(Sequence)]
#[sequence(incremnt = 2, data_type = "numeric")]
pub struct Misspelt;

#[derive(Sequence)]
#[sequence(increment = 0)]
pub struct ZeroStep;

#[derive(Sequence)]
#[sequence(min = 100, max = 10)]
pub struct Crossed;

#[derive(Sequence)]
#[sequence(start = 5000, max = 1000)]
pub struct StartOutside;

#[derive(Sequence)]
#[sequence(schema = "billing", owned_by = "public.invoices.id")]
pub struct OtherSchema;

#[derive(Sequence)]
#[sequence(owned_by = "invoices")]
pub struct Unreadable;

#[derive(Sequence)]
#[sequence(start = "1")]
pub struct Quoted;

#[derive(Sequence)]
pub struct WithFields {
    pub x: i32,
}

#[derive(Extension)]
#[extension(versoin = "1.6")]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(name = "postgis", version = "")]
pub struct PgTrgmAgain;

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{Extension, Sequence, Table};

fn main() {}
