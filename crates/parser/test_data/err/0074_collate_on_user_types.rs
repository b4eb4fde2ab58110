// A collation on a column typed with a domain is PostgreSQL's to check (it
// depends on the domain's base type); on a composite type it is an error.
#[derive(CompositeType)]
pub struct Address {
    pub street: String,
}

#[derive(Domain)]
pub struct Email(pub String);

#[derive(Table)]
#[table(name = "a")]
pub struct A {
    #[column(primary_key)]
    pub id: i64,
    #[column(collate = "C")]
    pub email: Email,
    #[column(collate = "C")]
    pub home: Address,
}
