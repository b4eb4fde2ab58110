#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
}

#[derive(Table)]
#[foreign_key(columns(owner_id), references = "user(uid)")]
pub struct Post {
    pub id: i64,
    #[column(references = "user.idd")]
    pub author_id: i64,
    pub owner_id: i64,
}
