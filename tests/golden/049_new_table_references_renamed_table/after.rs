//! A table is renamed and a new table references it under its new name.

#[derive(Table)]
#[table(name = "accounts", renamed_from = "users")]
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "sessions")]
pub struct Session {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "accounts.id", on_delete = "cascade")]
    pub account_id: i64,
}
