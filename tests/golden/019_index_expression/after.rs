//! Expression indexes: a unique lower(email) and a named date_trunc one.

#[derive(Table)]
#[table(name = "users")]
#[index(expr = "lower(email)", columns(email), unique)]
#[index(expr = "(meta ->> 'plan')", columns(meta), name = "users_plan_idx")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub meta: serde_json::Value,
}
