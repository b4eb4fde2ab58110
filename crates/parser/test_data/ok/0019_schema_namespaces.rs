#[derive(Table)]
#[table(name = "accounts", schema = "auth")]
pub struct Account {
    pub id: i64,
}

#[derive(Table)]
#[table(schema = "public")]
pub struct Note {
    pub id: i64,
}

#[derive(PgEnum)]
#[pg_enum(schema = "billing")]
pub enum Currency {
    Eur,
    Usd,
}

#[derive(Table)]
#[table(schema = "audit", name = "log")]
pub struct AuditLog {
    pub id: i64,
    pub currency: Currency,
}
