#[derive(Table)]
#[table(name = "a")]
#[unique(columns(x), comment = "SQLite keeps no comments")]
#[index(columns(x), comment = "nor here")]
pub struct A {
    #[column(primary_key)]
    pub x: i32,
}
