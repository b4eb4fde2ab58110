//! A schema's comment changed and grants changed (USAGE moves from one
//! role to another, CREATE added); the `public` schema gets a comment and a
//! grant of its own.
use shale::{Namespace, Table};

#[derive(Namespace)]
#[namespace(name = "billing", comment = "Invoices and payments.")]
#[grant(usage, create, to = "app_rw")]
pub struct BillingSchema;

/// Everything else.
#[derive(Namespace)]
#[namespace(name = "public")]
#[grant(create, to = "app_admin")]
pub struct PublicSchema;

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
pub struct Invoice {
    #[column(primary_key)]
    pub id: i64,
}
