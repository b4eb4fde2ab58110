//! A default changes; a spelling change of the same default (NOW() vs now())
//! is not a change.

#[derive(Table)]
#[table(name = "settings")]
pub struct Setting {
    #[column(primary_key)]
    pub id: i64,
    pub theme: String,
    #[column(default = "25")]
    pub page_size: i32,
    #[column(default = "NOW()")]
    pub updated_at: DateTime<Utc>,
}
