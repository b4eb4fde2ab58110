use shale::{Function, Namespace, Sequence, Table, View};

/// Billing data.
#[derive(Namespace)]
#[namespace(name = "billing")]
#[grant(usage, to = "app_ro")]
#[grant(usage, create, to = "app_admin", with_grant_option)]
pub struct BillingSchema;

#[derive(Namespace)]
#[namespace(name = "public", comment = "everything else")]
pub struct PublicSchema;

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
#[grant(select, to(app_ro, app_rw))]
#[grant(insert, select, to = "app_rw")]
#[grant(all, to = "app_admin", with_grant_option)]
#[grant(select, to = "PUBLIC")]
#[check(name = "amount_positive", expr = "amount > 0", not_valid)]
#[foreign_key(columns(region, number), references = "billing.accounts(region, number)", match_full, not_valid)]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
    pub amount: i32,
    pub region: Option<String>,
    pub number: Option<i32>,
}

#[derive(Table)]
#[table(name = "accounts", schema = "billing")]
#[unique(columns(region, number))]
pub struct Account {
    #[column(primary_key)]
    pub id: i64,
    pub region: String,
    pub number: i32,
}

#[derive(View)]
#[view(name = "invoice_ids", schema = "billing", sql = "SELECT id FROM billing.invoices")]
#[grant(select, to = "app_ro")]
pub struct InvoiceIds {
    pub id: i64,
}

#[derive(Sequence)]
#[sequence(schema = "billing")]
#[grant(all, to = "app_rw")]
pub struct InvoiceNumbers;

#[derive(Function)]
#[function(returns = "integer", language = "sql", sql = "SELECT 1")]
#[grant(execute, to = "app_rw")]
pub struct One;
