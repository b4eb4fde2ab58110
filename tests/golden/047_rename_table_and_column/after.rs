//! A table and one of its columns renamed in the same migration.

#[derive(Table)]
#[table(name = "accounts", renamed_from = "users")]
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(renamed_from = "email")]
    pub login: String,
    pub name: Option<String>,
}
