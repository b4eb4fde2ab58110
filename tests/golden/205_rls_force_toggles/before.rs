#[derive(Table)]
#[table(name = "a")]
pub struct A {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "b", row_level_security)]
pub struct B {
    #[column(primary_key)]
    pub id: i64,
}
