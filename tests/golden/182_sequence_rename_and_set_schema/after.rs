//! One sequence moves to another schema and is renamed (`renamed_from`),
//! another is renamed by a hint.

#[derive(Sequence)]
#[sequence(schema = "billing", start = 7, renamed_from = "public.numbers")]
pub struct InvoiceNumbers;

#[derive(Sequence)]
pub struct Tally;
