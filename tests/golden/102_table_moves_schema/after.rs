//! A table moves from public to billing (renamed_from with a schema).

#[derive(Table)]
#[table(name = "invoices", schema = "billing", renamed_from = "public.invoices")]
pub struct Invoice {
    #[column(primary_key, identity)]
    pub id: i64,
}
