#[derive(Table)]
#[foreign_key(columns(a), references = "org.id")]
#[foreign_key(columns(a), references = "org()")]
#[foreign_key(columns(a))]
pub struct User {
    pub id: i64,
    #[column(references = "org")]
    pub a: i64,
    #[column(references = "a.b.c.d")]
    pub b: i64,
    #[column(references = ".id")]
    pub c: i64,
}
