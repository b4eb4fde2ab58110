//! Table names default to the snake_case struct name; column names to the
//! field name unless `name = "…"` says otherwise.

#[derive(Table)]
pub struct WebhookDelivery {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(name = "status_code")]
    pub status: i16,
    #[column(name = "type")]
    pub kind: String,
}
