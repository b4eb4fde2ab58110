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
#[view(sql = "SELECT id, email, active FROM users WHERE active", with_check_option = "local", security_invoker)]
pub struct ActiveUsers {
    pub id: i64,
    pub email: String,
    pub active: bool,
}

#[derive(View)]
#[view(sql = "SELECT id FROM users", security_barrier)]
pub struct Ids {
    pub id: i64,
}
