// trybuild case for the parser corpus 0014_empty_enum.rs (the empty enum; the other items are in item_kinds.rs).
#[derive(PgEnum)]
pub enum Nothing {}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
