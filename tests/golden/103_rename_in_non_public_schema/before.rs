#[derive(PgEnum)]
#[pg_enum(name = "kind", schema = "billing")]
pub enum Kind {
    Card,
    Wire,
}

#[derive(Table)]
#[table(name = "charges", schema = "billing")]
pub struct Charge {
    #[column(primary_key, identity)]
    pub id: i64,
    pub kind: Kind,
    pub amount_cents: i64,
}
