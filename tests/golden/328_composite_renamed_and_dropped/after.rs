//! A composite type renamed and moved (`renamed_from`), its comment set; another dropped with the column that used it.
use shale::{CompositeType, Table};

/// Two integers.
#[derive(CompositeType)]
#[composite(name = "int_pair", schema = "util", renamed_from = "public.pair")]
pub struct IntPair {
    pub a: Option<i32>,
    pub b: Option<i32>,
}

#[derive(Table)]
#[table(name = "t")]
pub struct T {
    #[column(primary_key)]
    pub id: i64,
    pub p: Option<IntPair>,
}
