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
#[view(sql = "SELECT id, email FROM users WHERE active")]
pub struct ActiveUsers {
    pub id: i64,
    pub email: String,
}

#[derive(View)]
#[view(sql = "SELECT email FROM active_users")]
pub struct ActiveEmails {
    pub email: String,
}
