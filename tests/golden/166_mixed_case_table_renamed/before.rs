#[derive(Table)]
#[table(name = "UserAccounts")]
#[index(columns(Email))]
pub struct UserAccount {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(name = "Email", unique)]
    pub email: String,
}
