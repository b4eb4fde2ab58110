//! Row-level security enabled on one table, forced on another that already had it.

#[derive(Table)]
#[table(name = "a", row_level_security)]
pub struct A {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "b", row_level_security, force_row_level_security)]
pub struct B {
    #[column(primary_key)]
    pub id: i64,
}
