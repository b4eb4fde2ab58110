//! NOT NULL columns with defaults are added (safe on a filled table).

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
    #[column(default = "false")]
    pub admin: bool,
    #[column(default = "now()")]
    pub created_at: DateTime<Utc>,
}
