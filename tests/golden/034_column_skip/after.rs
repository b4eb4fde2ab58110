//! #[column(skip)] fields are not columns.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    #[column(skip)]
    pub password_plaintext: Option<String>,
    #[column(skip)]
    pub cache: std::collections::HashMap<String, u8>,
}
