//! Changes with no implicit cast need USING: text → integer, text[] → jsonb.

#[derive(Table)]
#[table(name = "stats")]
pub struct Stat {
    #[column(primary_key)]
    pub id: i32,
    pub hits: i32,
    pub code: i32,
    #[column(sql_type = "varchar(50)")]
    pub label: String,
    pub ratio: f32,
    pub flags: serde_json::Value,
}
