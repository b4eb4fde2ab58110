use shale::{Domain, Table};

#[derive(Domain)]
#[check(name = "code_length", expr = "length(VALUE) = 3")]
#[check(name = "code_upper", expr = "VALUE = upper(VALUE)")]
#[check(name = "code_gone", expr = "VALUE <> 'XXX'")]
pub struct Code(pub String);

#[derive(Table)]
#[table(name = "countries")]
pub struct Country {
    #[column(primary_key)]
    pub code: Code,
}
