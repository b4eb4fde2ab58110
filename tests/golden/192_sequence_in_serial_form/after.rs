//! A sequence declared exactly as `serial` creates it (named
//! `<table>_<column>_seq`, owned by the column, default options, the
//! column's default drawing from it) is that serial column, as PostgreSQL
//! reads it back; under another name it stays a sequence of its own.

#[derive(Sequence)]
#[sequence(data_type = "integer", owned_by = "invoices.number")]
pub struct InvoicesNumberSeq;

#[derive(Sequence)]
#[sequence(owned_by = "invoices.code")]
pub struct InvoiceCodes;

#[derive(Table)]
pub struct Invoices {
    #[column(default = "nextval('invoices_number_seq')")]
    pub number: i32,
    #[column(default = "nextval('invoice_codes')")]
    pub code: i64,
}
