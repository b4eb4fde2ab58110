#[derive(Table)]
#[index(columns(expr(sql = "email::text", ops = "gin_trgm_ops")), method = "gin", name = "users_email_trgm")]
#[index(columns(org_id(desc), expr(sql = "lower(email)", desc, nulls_last), expr))]
#[index(columns(expr(desc)))]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    pub email: String,
    /// A column that happens to be called `expr`: `expr` and `expr(desc)` are it.
    pub expr: i32,
}
