//! A materialized view is created with its indexes after it.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Emails per state, stored.
#[derive(View)]
#[view(materialized, sql = "SELECT active, count(*) AS users FROM users GROUP BY active")]
#[index(columns(active), unique)]
#[index(columns(users), name = "user_counts_by_size")]
pub struct UserCounts {
    pub active: bool,
    pub users: i64,
}
