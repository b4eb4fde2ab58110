//! An enum moves from public to billing (renamed_from with a schema); the
//! column using it follows without a rewrite.

#[derive(PgEnum)]
#[pg_enum(name = "currency", schema = "billing", renamed_from = "public.currency")]
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
