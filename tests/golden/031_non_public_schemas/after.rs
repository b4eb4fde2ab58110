//! Tables and an enum in a non-public schema, referencing across schemas.

#[derive(Table)]
#[table(name = "customers")]
pub struct Customer {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(PgEnum)]
#[pg_enum(name = "invoice_status", schema = "billing")]
pub enum InvoiceStatus {
    Draft,
    Open,
    Paid,
}

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
#[index(columns(customer_id, status))]
pub struct Invoice {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "public.customers.id")]
    pub customer_id: i64,
    #[column(default = "'draft'")]
    pub status: InvoiceStatus,
}

#[derive(Table)]
#[table(name = "payments", schema = "billing")]
pub struct Payment {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "billing.invoices.id", on_delete = "cascade")]
    pub invoice_id: i64,
}
