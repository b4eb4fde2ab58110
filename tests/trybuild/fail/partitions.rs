// trybuild case for the parser corpus 0070_partitions_and_exclusions.rs (the per-item mistakes; a partition named like another table is a whole-schema rule).
#[derive(Table)]
#[table(name = "a", partition_by = "SPLIT (x)")]
pub struct A {
    pub x: i32,
}

#[derive(Table)]
#[table(name = "b", partition_by = "RANGE (nope)")]
#[partition(name = "b_1", values = "IN (1)")]
#[partition(values = "FROM (1) TO (2)")]
#[partition(name = "b_2")]
#[partition(name = "b_3", values = "FROM (1) TO (2)", default)]
#[partition(name = "b_4", default)]
#[partition(name = "b_5", default)]
pub struct B {
    pub x: i32,
}

#[derive(Table)]
#[table(name = "c")]
#[partition(name = "c_1", values = "FROM (1) TO (2)")]
pub struct C {
    pub x: i32,
}

#[derive(Table)]
#[table(name = "d", partition_by = "HASH (x)")]
#[partition(name = "d_1", default)]
#[partition(name = "d_3", values = "WITH (MODULUS 2, REMAINDER 2)")]
#[partition(name = "d_2", values = "WITH (MODULUS 2, REMAINDER 1)")]
#[partition(name = "d_2", values = "WITH (MODULUS 2, REMAINDER 0)")]
pub struct D {
    pub x: i32,
}

#[derive(Table)]
#[table(name = "e")]
#[exclude(using = "gist")]
#[exclude(elements = "room =")]
#[exclude(elements = "nope WITH =")]
#[exclude(elements = "x WITH =", where = "")]
pub struct E {
    pub x: i32,
    #[column(collate = "C")]
    pub n: i64,
    #[column(collate = "")]
    pub t: String,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{PgEnum, Table};

fn main() {}
