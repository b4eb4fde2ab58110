#[derive(Table)]
#[index(columns(email), name = "dup_idx")]
#[index(columns(name), name = "dup_idx")]
#[unique(columns(email), name = "user_pkey")]
#[check(name = "positive", expr = "id > 0")]
#[check(name = "positive", expr = "id < 100")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub name: String,
}

#[derive(Table)]
#[index(columns(id), name = "dup_idx")]
#[index(columns(id), name = "user")]
#[check(name = "positive", expr = "id > 0")]
pub struct Other {
    pub id: i64,
}
