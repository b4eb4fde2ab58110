//! Billing, in its own PostgreSQL schema `billing` so that the finance team's
//! read-only role can be granted the whole schema at once.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use shale::{PgEnum, Table};

/// The life of an invoice. Only `draft` invoices may be edited.
#[derive(PgEnum, Debug)]
#[pg_enum(name = "invoice_status", schema = "billing")]
pub enum InvoiceStatus {
    Draft,
    Open,
    Paid,
    Void,
    /// Accounting's term for a written-off debt.
    #[pg_enum(rename = "uncollectible")]
    WrittenOff,
}

/// The billing side of an organisation: one row per paying tenant.
#[derive(Table)]
#[table(name = "customers", schema = "billing")]
pub struct Customer {
    /// Shares its key with the organisation (one-to-one).
    #[column(
        primary_key,
        references = "public.organisations.id",
        on_delete = "cascade"
    )]
    pub organisation_id: i64,
    /// The payment provider's customer id.
    #[column(unique, sql_type = "varchar(64)")]
    pub provider_id: String,
    #[column(sql_type = "varchar(320)")]
    pub billing_email: String,
    /// ISO 3166-1 alpha-2, for tax rules.
    #[column(sql_type = "char(2)")]
    pub country: String,
    pub vat_number: Option<String>,
}

/// A bill sent to a customer.
#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
// Invoice numbers restart per customer (legal requirement in some countries).
#[unique(columns(customer_id, number), name = "invoices_customer_number_key")]
// The dunning job only ever looks at open invoices.
#[index(columns(due_on), where = "status = 'open'", name = "invoices_open_due")]
// The customer's invoice list, newest first, answered from the index alone.
#[index(columns(customer_id, issued_at(desc)), include(total, status))]
#[check(
    name = "invoices_due_after_issue",
    expr = "due_on IS NULL OR issued_at IS NULL OR due_on >= issued_at::date"
)]
pub struct Invoice {
    #[column(primary_key, sql_type = "bigserial")]
    pub id: i64,
    /// `restrict`: customers with invoices are archived, never deleted.
    #[column(
        references = "billing.customers.organisation_id",
        on_delete = "restrict"
    )]
    pub customer_id: i64,
    pub number: String,
    #[column(default = "'draft'")]
    pub status: InvoiceStatus,
    /// ISO 4217 code.
    #[column(
        sql_type = "char(3)",
        default = "'EUR'",
        check = "currency ~ '^[A-Z]{3}$'"
    )]
    pub currency: String,
    #[column(sql_type = "numeric(12,2)")]
    pub subtotal: Decimal,
    #[column(sql_type = "numeric(12,2)", default = "0")]
    pub tax: Decimal,
    /// Always `subtotal + tax`; computed by the database so it cannot drift.
    #[column(sql_type = "numeric(12,2)", generated = "subtotal + tax")]
    pub total: Decimal,
    /// The lines as rendered on the PDF, frozen when the invoice is issued.
    #[column(default = "'[]'::jsonb")]
    pub line_items: serde_json::Value,
    pub issued_at: Option<DateTime<Utc>>,
    pub due_on: Option<NaiveDate>,
}

/// Money received against an invoice (partial payments happen).
#[derive(Table)]
#[table(name = "payments", schema = "billing")]
pub struct Payment {
    /// A plain `serial`: payments predate the switch to identity columns.
    #[column(primary_key, sql_type = "serial")]
    pub id: i32,
    #[column(references = "billing.invoices.id", on_delete = "cascade")]
    pub invoice_id: i64,
    #[column(sql_type = "numeric(12,2)", check = "amount > 0")]
    pub amount: Decimal,
    /// The provider's reference; NULL for manual bank transfers.
    #[column(unique)]
    pub provider_ref: Option<String>,
    #[column(default = "now()")]
    pub received_at: DateTime<Utc>,
    pub metadata: Option<serde_json::Value>,
}
