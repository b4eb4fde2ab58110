use shale::{Domain, Table};

#[derive(Domain)]
pub struct Money(pub rust_decimal::Decimal);

#[derive(Domain)]
#[domain(name = "handle")]
pub struct Handle(pub String);

#[derive(Table)]
#[table(name = "accounts")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub balance: Money,
    pub handle: Handle,
}
