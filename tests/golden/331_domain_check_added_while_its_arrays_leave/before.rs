use shale::{Domain, Table};

#[derive(Domain)]
pub struct Email(pub String);

#[derive(Table)]
#[table(name = "contacts")]
pub struct Contact {
    #[column(primary_key)]
    pub id: i64,
    pub primary: Email,
    pub others: Vec<Email>,
}
