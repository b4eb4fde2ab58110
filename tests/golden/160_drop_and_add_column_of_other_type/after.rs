//! A column goes while one of another type appears: not a rename question
//! (a rename keeps the type), so a plain drop and add.

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub nickname: Option<String>,
}
