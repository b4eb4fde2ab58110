use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

#[derive(View)]
#[view(materialized, sql = "SELECT id FROM users WHERE active")]
#[index(columns(id), unique)]
pub struct ActiveIds {
    pub id: i64,
}
