//! Defaults: function calls, numbers, strings, booleans, jsonb and arrays.

#[derive(Table)]
#[table(name = "documents")]
pub struct Document {
    #[column(primary_key, default = "gen_random_uuid()")]
    pub id: Uuid,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
    #[column(default = "0")]
    pub revision: i32,
    #[column(default = "'untitled'")]
    pub title: String,
    #[column(default = "true")]
    pub visible: bool,
    #[column(default = "'{}'::jsonb")]
    pub meta: serde_json::Value,
    #[column(default = "'{}'")]
    pub tags: Vec<String>,
    #[column(default = "1.5")]
    pub weight: f64,
    #[column(default = "CURRENT_DATE")]
    pub day: NaiveDate,
    #[column(default = "'it''s'")]
    pub quote: Option<String>,
}
