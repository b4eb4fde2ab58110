//! Online mode: a table created by the migration is empty and gets the
//! plain forms (its index and foreign key in the main file).

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "sessions")]
#[index(columns(user_id))]
pub struct Session {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "users.id")]
    pub user_id: i64,
    #[column(unique)]
    pub token: String,
}
