//! A sequence disappears while another appears in its schema: renamed or
//! dropped? Settled by `renamed_from`, `--rename sequence:…` or `--no-rename`.

#[derive(Sequence)]
pub struct InvoiceNumbers;
