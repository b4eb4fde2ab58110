//! A column under a view changes type (PostgreSQL: cannot alter type of a
//! column used by a view): the views are dropped before and created after.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i32,
    pub email: String,
    pub active: bool,
}

#[derive(View)]
#[view(sql = "SELECT id, email FROM users WHERE active")]
pub struct ActiveUsers {
    pub id: i32,
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT email FROM active_users")]
pub struct ActiveEmails {
    pub email: String,
}
