//! NOT VALID checks and foreign keys and a MATCH FULL foreign key created
//! with their tables: the NOT VALID check is added after CREATE TABLE
//! (which would mark it valid), and both stay unvalidated.
use shale::Table;

#[derive(Table)]
#[table(name = "accounts")]
#[unique(columns(region, number))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub region: String,
    pub number: i32,
}

#[derive(Table)]
#[table(name = "payments")]
#[check(name = "payments_amount_positive", expr = "amount > 0", not_valid)]
#[foreign_key(columns(account_id), references = "accounts(id)", not_valid)]
#[foreign_key(columns(region, number), references = "accounts(region, number)", match_full, on_delete = "cascade")]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
    pub account_id: i64,
    pub region: Option<String>,
    pub number: Option<i32>,
    pub amount: i32,
}
