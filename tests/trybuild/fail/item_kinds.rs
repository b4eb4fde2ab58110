// trybuild case for the parser corpus 0014_empty_enum.rs (without the empty enum, which is in empty_enum.rs).
#[derive(PgEnum)]
pub enum WithData {
    Some(i32),
    Named { x: i32 },
    Fine,
}

#[derive(PgEnum)]
pub struct NotAnEnum {
    pub id: i64,
}

#[derive(Table)]
pub enum NotAStruct {
    A,
}

#[derive(Table)]
pub struct Tuple(i64, String);

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
