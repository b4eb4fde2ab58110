//! The users table is renamed, settled by a --rename hint.

#[derive(Table)]
#[table(name = "members")]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
}
