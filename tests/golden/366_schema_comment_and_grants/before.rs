use shale::{Namespace, Table};

/// Billing data.
#[derive(Namespace)]
#[namespace(name = "billing")]
#[grant(usage, to = "app_ro")]
pub struct BillingSchema;

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
}
