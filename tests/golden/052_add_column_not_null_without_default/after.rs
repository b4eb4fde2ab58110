//! A NOT NULL column without a default: a hazard on a table with rows.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
    pub locale: String,
}
