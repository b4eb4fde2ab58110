#[derive(PgEnum)]
#[pg_enum(name = "currency")]
pub enum Currency {
    Eur,
    Usd,
}

#[derive(Table)]
#[table(name = "prices")]
pub struct Price {
    #[column(primary_key)]
    pub id: i64,
    #[column(default = "'eur'")]
    pub currency: Currency,
}
