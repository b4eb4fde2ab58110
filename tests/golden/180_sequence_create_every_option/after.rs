//! A sequence with every option, owned by a column whose default draws from
//! it, in its own schema.

/// Invoice numbers, never reused.
#[derive(Sequence)]
#[sequence(
    name = "invoice_numbers",
    schema = "billing",
    data_type = "integer",
    start = 1000,
    increment = 2,
    min = 10,
    max = 99999999,
    cache = 5,
    cycle,
    owned_by = "billing.invoices.number"
)]
pub struct InvoiceNumbers;

/// Counts down, with PostgreSQL's defaults for a descending sequence.
#[derive(Sequence)]
#[sequence(increment = -1)]
pub struct Countdown;

#[derive(Table)]
#[table(name = "invoices", schema = "billing")]
pub struct Invoice {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(default = "nextval('billing.invoice_numbers')")]
    pub number: i32,
}
