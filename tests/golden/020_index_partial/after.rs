//! Partial indexes with WHERE predicates, one of them unique.

#[derive(Table)]
#[table(name = "sessions")]
#[index(columns(user_id), where = "revoked_at IS NULL")]
#[index(columns(token), unique, name = "sessions_live_token", where = "revoked_at IS NULL AND user_id > 0")]
pub struct Session {
    #[column(primary_key, identity)]
    pub id: i64,
    pub user_id: i64,
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}
