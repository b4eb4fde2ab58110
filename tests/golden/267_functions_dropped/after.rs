//! Routines and triggers dropped: the triggers first, the routines after the
//! tables and columns that could use them.
use shale::Table;

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Option<String>,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}
