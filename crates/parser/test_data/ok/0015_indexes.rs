#[derive(Table)]
#[index(columns(org_id, created_at))]
#[index(columns(email), unique)]
#[index(columns(org_id), method = "BRIN", where = "deleted_at IS NULL", include(email, name), name = "users_org_live")]
#[index(columns(tags), method = "gin")]
#[index(columns(org_id, email), unique, nulls_not_distinct)]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub email: Option<String>,
    pub name: String,
    pub tags: Vec<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub deleted_at: Option<chrono::DateTime<chrono::Utc>>,
}
