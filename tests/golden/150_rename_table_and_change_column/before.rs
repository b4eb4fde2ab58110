#[derive(Table)]
#[table(name = "users")]
#[index(columns(age))]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub age: Option<i16>,
    pub nickname: Option<String>,
}
