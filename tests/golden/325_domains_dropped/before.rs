use shale::{Domain, Table};

/// An e-mail address.
#[derive(Domain)]
#[domain(sql_type = "varchar(320)", collate = "C")]
#[check(name = "email_has_at", expr = "VALUE ~ '@'")]
pub struct Email(pub String);

#[derive(Domain)]
#[domain(name = "positive", default = "1", not_null)]
#[check(expr = "VALUE > 0")]
#[check(expr = "VALUE < 1000000")]
pub struct Positive(pub i32);

#[derive(Domain)]
#[domain(schema = "billing")]
#[check(name = "small", expr = "VALUE < 100")]
pub struct Quantity(pub Positive);

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Email,
    pub backup_email: Option<Email>,
    pub logins: Positive,
}

#[derive(Table)]
#[table(name = "lines", schema = "billing")]
pub struct Line {
    #[column(primary_key)]
    pub id: i64,
    pub quantity: Quantity,
}
