/// PostgreSQL appends a number to a generated name that is taken.
#[derive(Table)]
#[index(columns(email))]
#[index(columns(email), where = "active")]
#[index(expr = "lower(email)")]
#[index(expr = "upper(email)")]
#[index(columns(active), name = "users_active_idx")]
#[index(columns(active, email))]
#[index(columns(active))]
pub struct Users {
    pub id: i64,
    pub email: String,
    pub active: bool,
}
