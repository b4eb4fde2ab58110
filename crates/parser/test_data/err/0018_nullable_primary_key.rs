#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: Option<i64>,
}

#[derive(Table)]
#[primary_key(columns(a, b))]
pub struct Pair {
    pub a: i64,
    pub b: Option<i64>,
}
