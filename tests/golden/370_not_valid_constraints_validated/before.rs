use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "payments")]
#[check(name = "payments_amount_positive", expr = "amount > 0", not_valid)]
#[foreign_key(columns(account_id), references = "accounts(id)", not_valid)]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub amount: i32,
}
