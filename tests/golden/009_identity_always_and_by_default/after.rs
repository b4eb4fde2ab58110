//! identity (BY DEFAULT) and identity = "always" columns.

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key, identity = "always")]
    pub id: i64,
    #[column(identity)]
    pub legacy_number: i32,
    pub name: String,
}
