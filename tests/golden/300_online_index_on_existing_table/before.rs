#[derive(Table)]
#[table(name = "users")]
#[index(columns(name), name = "users_name_idx")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
}
