//- schema/users.rs
use shale::{Table, View};

#[derive(Table)]
pub struct Users {
    #[column(primary_key)]
    pub id: i64,
    pub email: String,
    pub active: bool,
}

/// Users who signed in this month.
#[derive(View)]
#[view(name = "active_users", schema = "app", sql = "SELECT id, email FROM users WHERE active")]
#[view(renamed_from = "current_users", with_check_option = "local", security_invoker)]
pub struct ActiveUser {
    pub id: i64,
    /// Where to write.
    #[column(name = "mail")]
    pub email: Option<String>,
    #[column(skip)]
    pub cached: u8,
}

#[derive(View)]
#[view(materialized, sql = r#"
    SELECT id, lower(email) AS email
    FROM users;
"#)]
#[index(columns(id), unique)]
#[index(expr = "lower(email)", name = "email_lower")]
pub struct UserEmails {
    pub id: i64,
    pub email: String,
}

#[view(with_check_option, security_barrier, sql = "SELECT 1 AS one")]
pub struct Ones {
    #[column(sql_type = "integer")]
    pub one: i32,
}
