#[derive(Table)]
#[table(schema = "billing")]
#[primary_key(columns(org_id, number))]
pub struct Invoice {
    pub org_id: i64,
    pub number: i32,
}

#[derive(Table)]
#[table(schema = "billing")]
#[foreign_key(columns(org_id, invoice_number), references = "billing.invoice(org_id, number)", on_delete = "cascade")]
#[foreign_key(columns(org_id, invoice_number), references = "invoice(org_id, number)", name = "lines_invoice_deferred_fk", deferrable = "initially_deferred", on_update = "cascade")]
#[foreign_key(columns(org_id, invoice_number), references = "invoice(org_id, number)", name = "lines_invoice_immediate_fk", deferrable)]
pub struct InvoiceLine {
    pub id: i64,
    pub org_id: i64,
    pub invoice_number: i32,
}
