//! Composite types created from empty: attributes of built-in, enum, domain, array and other composite types, renamed fields, a schema, a comment; used by columns (also as arrays).
use shale::{CompositeType, Domain, PgEnum, Table};

#[derive(PgEnum)]
pub enum Kind {
    Home,
    Work,
}

#[derive(Domain)]
#[check(name = "zip_digits", expr = "VALUE ~ '^[0-9]+$'")]
pub struct Zip(pub String);

/// A postal address.
#[derive(CompositeType)]
pub struct Address {
    pub street: Option<String>,
    pub zip: Option<Zip>,
    pub kind: Option<Kind>,
    #[column(name = "lines", sql_type = "varchar(80)[]")]
    pub extra_lines: Option<Vec<String>>,
}

#[derive(CompositeType)]
#[composite(name = "located", schema = "geo")]
pub struct Located {
    pub address: Option<Address>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Table)]
#[table(name = "people")]
pub struct Person {
    #[column(primary_key)]
    pub id: i64,
    pub home: Option<Address>,
    pub others: Vec<Address>,
    pub spot: Option<Located>,
}
