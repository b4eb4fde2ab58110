#[derive(Table)]
#[index(columns(email), unique, name = "users_email_lower", expr = "lower(email)")]
#[index(expr = "(created_at::date)")]
#[index(columns(first_name, last_name), expr = "first_name || ' ' || last_name", method = "hash")]
pub struct User {
    pub id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}
