#[derive(Table)]
pub struct User {
    pub id: i64,

#[derive(Table)]
pub struct Post {
    pub id: i64,
}
