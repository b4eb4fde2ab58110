//! Online mode: a foreign key and a check on existing tables are added
//! NOT VALID and validated by a separate statement, outside a transaction.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
}

#[derive(Table)]
#[table(name = "posts")]
#[check(name = "posts_score_positive", expr = "score >= 0")]
pub struct Post {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "users.id", on_delete = "cascade")]
    pub author_id: i64,
    pub score: i32,
}
