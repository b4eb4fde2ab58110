//! A column typed with a domain over a text type takes a collation of its
//! own (`COLLATE` on the column, over the domain's): added to a new
//! column and set on an existing one.
use shale::{Domain, Table};

#[derive(Domain)]
#[domain(sql_type = "varchar(320)")]
pub struct Email(pub String);

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(collate = "C")]
    pub email: Email,
    pub backup_email: Option<Email>,
    #[column(collate = "POSIX")]
    pub login: Option<Email>,
}
