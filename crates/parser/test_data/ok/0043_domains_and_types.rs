//- schema/types.rs
use shale::{CompositeType, Domain, PgEnum, Table};

#[derive(PgEnum)]
pub enum Kind {
    Home,
    Work,
}

/// An e-mail address.
#[derive(Domain)]
#[domain(sql_type = "varchar(320)", default = "'nobody@example.com'", not_null, collate = "C")]
#[check(name = "email_has_at", expr = "VALUE ~ '@'")]
pub struct Email(pub String);

#[derive(Domain)]
#[check(expr = "VALUE > 0")]
#[check(expr = "VALUE < 100")]
pub struct Percent(pub i16);

#[derive(Domain)]
#[domain(name = "small_percent", schema = "util", renamed_from = "tiny")]
#[check(name = "small", expr = "VALUE < 10")]
pub struct SmallPercent(pub Percent);

#[derive(Domain)]
pub struct Tags(pub Vec<String>);

#[derive(Domain)]
pub struct DefaultKind(pub Kind);

/// A postal address.
#[derive(CompositeType)]
pub struct Address {
    pub street: Option<String>,
    #[column(name = "zip_code", sql_type = "varchar(10)", renamed_from = "zip")]
    pub zip: Option<String>,
    pub kind: Kind,
    pub owner: Option<Email>,
}

#[derive(CompositeType)]
#[composite(name = "located", schema = "geo", renamed_from = "geo.place")]
pub struct Located {
    pub address: Option<Address>,
    pub lat: Option<f64>,
}

//- schema/users.rs
use shale::Table;

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Email,
    pub backup: Option<Email>,
    pub scores: Vec<Percent>,
    pub tags: Option<Tags>,
    pub home: Option<Address>,
    #[column(sql_type = "geo.located")]
    pub spot: Option<String>,
    pub small: Option<SmallPercent>,
    pub kind: DefaultKind,
}
