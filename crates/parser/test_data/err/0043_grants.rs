use shale::{Function, Namespace, Sequence, Table};

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

#[derive(Namespace)]
pub struct Dup;

#[derive(Namespace)]
#[namespace(name = "dup")]
pub struct Again;

#[derive(Table)]
#[check(expr = "id > 0", not_valid = "yes")]
#[foreign_key(columns(id), references = "t(id)", match_ful)]
pub struct U {
    pub id: i32,
}
