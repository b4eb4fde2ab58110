use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Users who can sign in.
#[derive(View)]
#[view(sql = "SELECT id, email FROM users WHERE active")]
pub struct ActiveUsers {
    /// The key.
    pub id: i64,
    pub email: String,
}

/// Stored.
#[derive(View)]
#[view(materialized, sql = "SELECT id FROM users")]
pub struct AllIds {
    pub id: i64,
}
