//! Domain checks: one changed (dropped and added), one renamed (same expression), one dropped, one added.
use shale::{Domain, Table};

#[derive(Domain)]
#[check(name = "code_length", expr = "length(VALUE) BETWEEN 2 AND 3")]
#[check(name = "code_is_upper", expr = "VALUE = upper(VALUE)")]
#[check(name = "code_letters", expr = "VALUE ~ '^[A-Z]+$'")]
pub struct Code(pub String);

#[derive(Table)]
#[table(name = "countries")]
pub struct Country {
    #[column(primary_key)]
    pub code: Code,
}
