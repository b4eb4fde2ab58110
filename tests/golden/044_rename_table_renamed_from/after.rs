//! The users table is renamed via renamed_from: no data loss.

#[derive(Table)]
#[table(name = "accounts", renamed_from = "users")]
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
}
