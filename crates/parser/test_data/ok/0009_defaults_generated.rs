#[derive(Table)]
pub struct Invoice {
    pub id: i64,
    #[column(default = "now()")]
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[column(default = "0")]
    pub net_cents: i64,
    #[column(default = "'EUR'")]
    pub currency: String,
    #[column(default = "'{}'::jsonb")]
    pub metadata: serde_json::Value,
    #[column(generated = "net_cents * 119 / 100")]
    pub gross_cents: i64,
    #[column(default = "false")]
    pub paid: bool,
}
