//! NOT VALID constraints that become valid: each is validated in place
//! (`VALIDATE CONSTRAINT` checks the existing rows under a lock that lets
//! reads and writes go on), not dropped and added again.
use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "payments")]
#[check(name = "payments_amount_positive", expr = "amount > 0")]
#[foreign_key(columns(account_id), references = "accounts(id)")]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub amount: i32,
}
