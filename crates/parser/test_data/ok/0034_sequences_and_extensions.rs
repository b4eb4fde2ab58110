/// Invoice numbers.
#[derive(Sequence)]
#[sequence(schema = "billing", data_type = "int4", start = 1000, increment = 1, min = 1, max = 99999999, cache = 1, cycle, owned_by = "invoices.number", renamed_from = "public.numbers")]
pub struct InvoiceNumbers;

/// Written with every default: the same model as no options at all.
#[sequence(start = 1, increment = 1, min = 1, max = 9223372036854775807, cache = 1)]
struct Plain;

#[derive(Sequence)]
#[sequence(increment = -3)]
pub struct Countdown;

#[derive(Extension)]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(name = "uuid-ossp", schema = "public", version = "1.1")]
pub struct UuidOssp;

#[derive(Table)]
#[table(schema = "billing")]
pub struct Invoices {
    #[column(primary_key, identity = "always", identity_start = 10, identity_increment = 10, identity_cache = 5)]
    pub id: i64,
    #[column(default = "nextval('billing.invoice_numbers')")]
    pub number: i32,
    #[column(identity, identity_min = 1, identity_max = 2147483647)]
    pub plain_identity: i32,
}
