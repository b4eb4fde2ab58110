//! A nullable column becomes NOT NULL (fails if NULLs remain).

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: String,
}
