// Domains and composite types compile, columns use them, and their constants are usable.
use shale::{CompositeType, Domain, Table};

/// An e-mail address.
#[derive(Domain)]
#[domain(sql_type = "varchar(320)", not_null, default = "'nobody@example.com'", collate = "C")]
#[check(name = "email_has_at", expr = "VALUE ~ '@'")]
pub struct Email(pub String);

#[derive(Domain)]
#[domain(name = "percent", schema = "util")]
#[check(expr = "VALUE BETWEEN 0 AND 100")]
pub struct Pct(pub i16);

/// A postal address.
#[derive(CompositeType)]
#[composite(schema = "geo")]
pub struct Address {
    pub street: Option<String>,
    #[column(name = "zip_code", sql_type = "varchar(10)")]
    pub zip: Option<String>,
}

#[derive(Table)]
pub struct Users {
    #[column(primary_key)]
    pub id: i64,
    pub email: Email,
    pub done: Option<Pct>,
    pub home: Option<Address>,
}

fn main() {
    assert_eq!(<Email as Domain>::NAME, "email");
    assert_eq!(Pct::QUALIFIED_NAME, "\"util\".\"percent\"");
    assert_eq!(<Address as CompositeType>::SCHEMA, "geo");
    assert_eq!(Users::COLUMNS, ["id", "email", "done", "home"]);
    let user = Users { id: 1, email: Email("a@b".into()), done: Some(Pct(5)), home: None };
    assert_eq!(user.email.0, "a@b");
}
