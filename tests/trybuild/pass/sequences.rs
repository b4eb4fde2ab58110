// Sequences and extensions compile, and their struct is usable in code.
use shale::{Extension, Sequence, Table};

/// Invoice numbers.
#[derive(Sequence)]
#[sequence(name = "invoice_numbers", schema = "billing", data_type = "bigint", start = 1000, increment = 1, min = 1, max = 99999999, cache = 1, cycle, owned_by = "billing.invoices.number")]
pub struct InvoiceNumbers;

#[derive(Extension)]
#[extension(name = "pg_trgm", schema = "public", version = "1.6")]
pub struct PgTrgm;

#[derive(Table)]
#[table(schema = "billing")]
pub struct Invoices {
    #[column(primary_key, identity, identity_start = 100, identity_increment = -1, identity_min = -1000, identity_max = 100)]
    pub id: i64,
    #[column(default = "nextval('billing.invoice_numbers')")]
    pub number: i64,
}

fn main() {
    assert_eq!(<InvoiceNumbers as Sequence>::QUALIFIED_NAME, "\"billing\".\"invoice_numbers\"");
    assert_eq!(<PgTrgm as Extension>::NAME, "pg_trgm");
    assert_eq!(Invoices::COLUMNS, ["id", "number"]);
}
