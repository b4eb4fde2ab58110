#[derive(Table)]
#[table(name = "products")]
pub struct Product {
    #[column(primary_key)]
    pub id: i64,
    pub net_cents: i64,
    pub vat_cents: i64,
    #[column(generated = "net_cents + vat_cents")]
    pub gross_cents: i64,
}
