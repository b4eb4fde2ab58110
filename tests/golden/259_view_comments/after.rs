//! Comments on views, a view column and a materialized view change, are
//! added and removed.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Users who may sign in today.
#[derive(View)]
#[view(sql = "SELECT id, email FROM users WHERE active")]
pub struct ActiveUsers {
    pub id: i64,
    /// Where to write.
    pub email: String,
}

#[derive(View)]
#[view(materialized, sql = "SELECT id FROM users")]
pub struct AllIds {
    pub id: i64,
}
