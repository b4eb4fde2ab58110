//! A new query that keeps the columns and appends one: CREATE OR REPLACE
//! VIEW, and the view reading it stays.
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
#[view(sql = "SELECT id, email FROM users WHERE active AND email <> ''")]
pub struct ActiveUsers {
    pub id: i64,
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT id FROM active_users")]
pub struct ActiveIds {
    pub id: i64,
}
