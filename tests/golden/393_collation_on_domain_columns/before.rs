use shale::{Domain, Table};

#[derive(Domain)]
#[domain(sql_type = "varchar(320)")]
pub struct Email(pub String);

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub email: Email,
    pub backup_email: Option<Email>,
}
