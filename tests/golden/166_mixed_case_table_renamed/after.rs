//! A mixed-case table (and column) is renamed: every name stays quoted,
//! including the derived constraint and index names.

#[derive(Table)]
#[table(name = "Accounts", renamed_from = "UserAccounts")]
#[index(columns(Email))]
pub struct Account {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(name = "Email", unique)]
    pub email: String,
}
