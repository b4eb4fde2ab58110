//! Defaults are dropped.

#[derive(Table)]
#[table(name = "settings")]
pub struct Setting {
    #[column(primary_key)]
    pub id: i64,
    pub theme: String,
    pub page_size: i32,
    pub updated_at: DateTime<Utc>,
}
