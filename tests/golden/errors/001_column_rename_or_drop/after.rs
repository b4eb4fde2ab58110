//! name disappears and a same-typed full_name appears: rename or drop?

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub full_name: Option<String>,
}
