#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}

#[derive(Table)]
#[table(name = "posts")]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    pub author_id: i64,
    pub score: i32,
}
