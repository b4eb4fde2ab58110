//! Index access methods: gin on jsonb and arrays, brin on a timestamp, hash.

#[derive(Table)]
#[table(name = "audit_log")]
#[index(columns(payload), method = "gin")]
#[index(columns(tags), method = "gin", name = "audit_log_tags_gin")]
#[index(columns(created_at), method = "brin")]
#[index(columns(actor), method = "hash")]
pub struct AuditLog {
    #[column(primary_key, identity)]
    pub id: i64,
    pub actor: String,
    pub payload: serde_json::Value,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
}
