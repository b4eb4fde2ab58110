#[derive(Table)]
pub struct User {
    pub id: i64,
    #[column(unique)]
    pub email: String,
    #[column(check = "age >= 0", default = "0")]
    pub age: i32,
    #[column(unique, check = "length(handle) > 2")]
    pub handle: String,
}
