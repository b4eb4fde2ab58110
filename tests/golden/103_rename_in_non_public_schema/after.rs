//! A table, a column, an enum and an enum value renamed inside a non-public
//! schema.

#[derive(PgEnum)]
#[pg_enum(name = "payment_kind", schema = "billing", renamed_from = "billing.kind")]
pub enum PaymentKind {
    Card,
    #[pg_enum(renamed_from = "wire")]
    BankTransfer,
}

#[derive(Table)]
#[table(name = "payments", schema = "billing", renamed_from = "billing.charges")]
pub struct Payment {
    #[column(primary_key, identity)]
    pub id: i64,
    pub kind: PaymentKind,
    #[column(renamed_from = "amount_cents")]
    pub amount_minor: i64,
}
