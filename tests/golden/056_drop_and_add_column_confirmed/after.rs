//! A column goes and a same-typed one appears; the hint confirms a drop.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub nickname: Option<String>,
}
