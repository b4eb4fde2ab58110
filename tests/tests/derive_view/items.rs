/// Users who signed in this month.
#[derive(View)]
#[view(
    name = "active_users",
    schema = "app",
    sql = "SELECT id, email FROM users WHERE active",
    with_check_option = "local",
    security_invoker
)]
pub struct ActiveUser {
    pub id: i64,
    #[column(name = "mail")]
    pub email: Option<String>,
    #[column(skip)]
    pub cached: u8,
}

#[derive(View)]
#[view(materialized, sql_file = "views/user_totals.sql")]
#[index(columns(user_id), unique)]
pub struct UserTotals {
    pub user_id: i64,
    #[column(sql_type = "numeric(12,2)")]
    pub total: String,
}
