#[derive(Table)]
#[table(name = "settings")]
pub struct Setting {
    #[column(primary_key)]
    pub id: i64,
    pub theme: String,
    #[column(default = "10")]
    pub page_size: i32,
    #[column(default = "now()")]
    pub updated_at: DateTime<Utc>,
}
