//! Views are created after their table, and a view reading a view after it;
//! the doc comment becomes COMMENT ON VIEW, a field's COMMENT ON COLUMN.

use shale::{Table, View};

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Emails of the users who can sign in.
#[derive(View)]
#[view(name = "active_emails", sql = "SELECT email FROM active_users")]
pub struct ActiveEmail {
    /// Where to write.
    pub email: Option<String>,
}

/// Users who can sign in.
#[derive(View)]
#[view(sql = "select id, email
              from users
              where active")]
pub struct ActiveUsers {
    pub id: i64,
    pub email: String,
}
