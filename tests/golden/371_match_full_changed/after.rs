//! A foreign key that becomes MATCH FULL (a row with some but not all key
//! columns NULL is refused): dropped and added again.
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
#[foreign_key(columns(region, number), references = "accounts(region, number)", match_full)]
pub struct Payment {
    #[column(primary_key)]
    pub id: i64,
    pub region: Option<String>,
    pub number: Option<i32>,
}
