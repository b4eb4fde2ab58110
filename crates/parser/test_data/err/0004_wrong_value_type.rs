#[derive(Table)]
#[table(name = users)]
#[index(columns = "email", unique = 1)]
pub struct User {
    #[column(primary_key = "yes")]
    pub id: i64,
    #[column(unique = "yes", sql_type(text))]
    pub email: String,
    #[column(default = 5, name = true)]
    pub age: i32,
    #[column(identity = "sometimes")]
    pub seq: i64,
}

#[derive(Table)]
#[table = "x"]
#[index(columns(id), name = "a" "b")]
#[unique(columns(a = 1, id))]
pub struct Other {
    pub id: i64,
}
