// Expression keys in `columns(…)`, with options and beside column keys, compile.
use shale::Table;

#[derive(Table)]
#[index(columns(expr(sql = "email::text", ops = "gin_trgm_ops")), method = "gin", name = "users_email_trgm")]
#[index(columns(org_id(desc), expr(sql = "lower(email)", desc, nulls_last), expr))]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    pub expr: i32,
}

fn main() {}
