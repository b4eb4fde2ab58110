//! `renamed_from` renames a view (ALTER VIEW … RENAME TO) instead of a drop
//! and a create.
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
#[view(name = "signed_in", renamed_from = "active_users", sql = "SELECT id FROM users WHERE active")]
pub struct SignedIn {
    pub id: i64,
}
