//! A domain gains a check while an array column of it becomes a plain
//! `text[]`: PostgreSQL cannot validate a domain check while an array column
//! of the domain exists, so the check is added after the column leaves it
//! (the plain column keeps the domain and is validated). Found by the down
//! files' property test, as the reverse of the opposite change.
use shale::{Domain, Table};

#[derive(Domain)]
#[check(name = "email_has_at", expr = "position('@' in VALUE) > 0")]
pub struct Email(pub String);

#[derive(Table)]
#[table(name = "contacts")]
pub struct Contact {
    #[column(primary_key)]
    pub id: i64,
    pub primary: Email,
    pub others: Vec<String>,
}
