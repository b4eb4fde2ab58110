#[derive(Table)]
#[table(name = "invoices")]
pub struct Invoice {
    #[column(primary_key, identity)]
    pub id: i64,
}
