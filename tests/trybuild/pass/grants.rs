// Grants on every kind of object and namespace structs compile, and their
// constants are usable.
use shale::{Function, Namespace, Sequence, Table, View};

/// Billing data.
#[derive(Namespace)]
#[namespace(name = "billing")]
#[grant(usage, to = "app_ro")]
#[grant(usage, create, to = "app_admin", with_grant_option)]
pub struct BillingSchema;

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
#[grant(select, to(app_ro, app_rw))]
#[grant(all, to = "app_admin")]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(View)]
#[view(name = "invoice_ids", schema = "billing", sql = "SELECT id FROM billing.invoices")]
#[grant(select, to = "public")]
pub struct InvoiceIds {
    pub id: i64,
}

#[derive(Sequence)]
#[sequence(schema = "billing")]
#[grant(usage, select, to = "app_rw")]
pub struct InvoiceNumbers;

#[derive(Function)]
#[function(returns = "integer", language = "sql", sql = "SELECT 1")]
#[grant(execute, to = "app_rw")]
pub struct One;

fn main() {
    assert_eq!(<BillingSchema as Namespace>::NAME, "billing");
    assert_eq!(BillingSchema::NAME, "billing");
    assert_eq!(Invoice::NAME, "invoices");
    assert_eq!(InvoiceIds::NAME, "invoice_ids");
    assert_eq!(InvoiceNumbers::SCHEMA, "billing");
    assert_eq!(One::NAME, "one");
}
