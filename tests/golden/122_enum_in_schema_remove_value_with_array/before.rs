#[derive(PgEnum)]
#[pg_enum(name = "currency", schema = "billing")]
pub enum Currency {
    Eur,
    Usd,
}

#[derive(Table)]
#[table(name = "accounts", schema = "billing")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub currency: Currency,
    pub accepted: Vec<Currency>,
}
