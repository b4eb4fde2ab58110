#[derive(Table)]
#[index(columns(email), unique)]
#[unique(columns(org_id, email))]
#[check(expr = "length(email) > 3")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    #[column(references = "user.id", on_delete = "set_null")]
    pub invited_by: Option<i64>,
    #[column(default = "CURRENT_TIMESTAMP")]
    pub created_at: chrono::NaiveDateTime,
}
