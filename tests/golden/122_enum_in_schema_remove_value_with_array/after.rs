//! A value is removed from an enum in a non-public schema that an array
//! column also uses: both columns are cast to the new type.

#[derive(PgEnum)]
#[pg_enum(name = "currency", schema = "billing")]
pub enum Currency {
    Eur,
}

#[derive(Table)]
#[table(name = "accounts", schema = "billing")]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub currency: Currency,
    pub accepted: Vec<Currency>,
}
