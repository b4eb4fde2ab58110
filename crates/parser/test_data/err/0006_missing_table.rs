#[derive(Table)]
pub struct Post {
    pub id: i64,
    #[column(references = "user.id")]
    pub author_id: i64,
    #[column(references = "auth.users.id", on_delete = "cascade")]
    pub editor_id: i64,
    #[column(references = "posts.id")]
    pub parent_id: Option<i64>,
}

#[derive(Table)]
pub struct Users {
    #[column(primary_key)]
    pub id: i64,
}
