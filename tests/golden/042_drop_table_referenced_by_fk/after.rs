//! orgs is dropped while projects still exists: the column referencing it
//! goes too, and the foreign key must go before the table.

#[derive(Table)]
#[table(name = "projects")]
pub struct Project {
    #[column(primary_key, identity)]
    pub id: i64,
    pub name: String,
}
