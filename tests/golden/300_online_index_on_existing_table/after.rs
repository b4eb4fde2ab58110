//! Online mode: an index on an existing table is built concurrently in a
//! no-transaction file of its own (a leftover of an interrupted build is
//! dropped first), and a dropped index is dropped concurrently.

#[derive(Table)]
#[table(name = "users")]
#[index(columns(email), name = "users_email_idx")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
}
