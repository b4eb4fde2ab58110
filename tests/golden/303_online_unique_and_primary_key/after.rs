//! Online mode: a unique constraint and a primary key on an existing table,
//! each a concurrently built unique index attached with ADD CONSTRAINT …
//! USING INDEX.

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    #[column(unique)]
    pub handle: String,
}
