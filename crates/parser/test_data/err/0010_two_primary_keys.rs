#[derive(Table)]
#[primary_key(columns(id))]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

#[derive(Table)]
pub struct Post {
    #[column(primary_key)]
    pub id: i64,
    #[column(primary_key)]
    pub slug: String,
}

#[derive(Table)]
#[primary_key(columns(a))]
#[primary_key(columns(b))]
pub struct Pair {
    pub a: i64,
    pub b: i64,
}
