#[derive(Table)]
#[index(columns(expr(sql = "")))]
#[index(columns(expr(sql = "a + 1", sql = "b")))]
#[index(expr = "lower(email)", columns(expr(sql = "upper(email)")))]
#[index(columns(email(sql = "lower(email)")))]
pub struct User {
    pub id: i64,
    pub email: String,
}
