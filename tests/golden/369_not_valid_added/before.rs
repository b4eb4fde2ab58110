use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "payments")]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub amount: i32,
}
