//! Domains dropped with the tables and columns that use them; a column moved off a domain to its base type.
use shale::{Domain, Table};

#[derive(Domain)]
#[domain(name = "positive", default = "1", not_null)]
#[check(expr = "VALUE > 0")]
#[check(expr = "VALUE < 1000000")]
pub struct Positive(pub i32);

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(sql_type = "varchar(320)")]
    pub email: String,
    pub logins: Positive,
}
