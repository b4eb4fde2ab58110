#[derive(Table)]
pub struct Invoices {
    pub id: i64,
    #[column(identity_start = 5)]
    pub number: i64,
    #[column(identity, identity_increment = 0)]
    pub code: i32,
    #[column(identity, identity_max = 99999999999)]
    pub small: i16,
}

#[derive(Sequence)]
#[sequence(incremnt = 2, data_type = "numeric")]
pub struct Misspelt;

#[derive(Sequence)]
#[sequence(increment = 0)]
pub struct ZeroStep;

#[derive(Sequence)]
#[sequence(min = 100, max = 10)]
pub struct Crossed;

#[derive(Sequence)]
#[sequence(start = 5000, max = 1000)]
pub struct StartOutside;

#[derive(Sequence)]
#[sequence(owned_by = "invoices.numbr")]
pub struct UnknownColumn;

#[derive(Sequence)]
#[sequence(owned_by = "payments.id")]
pub struct UnknownTable;

#[derive(Sequence)]
#[sequence(schema = "billing", owned_by = "public.invoices.id")]
pub struct OtherSchema;

#[derive(Sequence)]
#[sequence(owned_by = "invoices")]
pub struct Unreadable;

#[derive(Sequence)]
#[sequence(start = "1")]
pub struct Quoted;

#[derive(Sequence)]
pub struct WithFields {
    pub x: i32,
}

#[derive(Sequence)]
#[sequence(name = "invoices")]
pub struct SameAsTable;

#[derive(Sequence)]
#[sequence(name = "misspelt")]
pub struct Twice;

#[derive(Extension)]
#[extension(versoin = "1.6")]
pub struct PgTrgm;

#[derive(Extension)]
#[extension(name = "pg_trgm", version = "")]
pub struct PgTrgmAgain;
