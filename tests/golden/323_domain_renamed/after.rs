//! Domains renamed (`renamed_from`) and moved to another schema: the columns follow, nothing is converted.
use shale::{Domain, Table};

#[derive(Domain)]
#[domain(name = "amount", renamed_from = "money")]
pub struct Amount(pub rust_decimal::Decimal);

#[derive(Domain)]
#[domain(name = "handle", schema = "social", renamed_from = "public.handle")]
pub struct Handle(pub String);

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub balance: Amount,
    pub handle: Handle,
}
