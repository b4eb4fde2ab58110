#[derive(Domain)]
pub struct Email(pub String);

#[derive(CompositeType)]
pub struct Address {
    pub street: Option<String>,
}

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Email,
}
