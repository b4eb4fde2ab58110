//! A column is renamed via renamed_from.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    #[column(renamed_from = "name")]
    pub display_name: Option<String>,
}
