// trybuild case for the parser corpus 0043_grants.rs: grant, namespace and constraint option mistakes.
#[derive(Table)]
#[grant(select, execute, to = "app")]
#[grant(selct, to = "app")]
#[grant(select)]
#[grant(to = "app")]
#[grant(select, select, to = "app", to = "b")]
#[grant(select = "yes", to = "")]
pub struct T {
    pub id: i32,
}

#[derive(Sequence)]
#[grant(insert, to = "app")]
pub struct S;

#[derive(Function)]
#[function(returns = "integer", language = "sql", sql = "SELECT 1")]
#[grant(select, to = "app")]
pub struct F;

#[derive(Namespace)]
#[namespace(nme = "x")]
#[grant(usage, execute, to = "app")]
pub struct N;

#[derive(Table)]
#[check(expr = "id > 0", not_valid = "yes")]
#[foreign_key(columns(id), references = "u(id)", match_ful)]
pub struct U {
    #[column(primary_key)]
    pub id: i32,
}

// Not part of the corpus case: what makes this file a crate.
#[allow(unused_imports)]
use shale::{Function, Namespace, Sequence, Table};

fn main() {}
