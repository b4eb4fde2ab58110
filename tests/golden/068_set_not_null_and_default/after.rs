//! A nullable column gets a default and NOT NULL in one migration.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    #[column(default = "''")]
    pub name: String,
}
