#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
}

#[derive(Table)]
#[table(name = "ledger", schema = "billing")]
pub struct LedgerEntry {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "public.users.id")]
    pub user_id: i64,
}

#[derive(PgEnum)]
#[pg_enum(schema = "billing")]
pub enum Currency {
    Eur,
    Usd,
}
