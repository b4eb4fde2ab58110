#[derive(Table)]
pub struct User {
    pub id: i64,
    pub email: String,
    #[column(name = "email")]
    pub email_address: String,
    #[column(name = "id")]
    pub r#id2: i64,
}
