/// One file, many problems: all of them are reported in one run.
#[derive(Table)]
#[index(columns(emial))]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(refrences = "org.id")]
    pub org_id: i64,
    pub email: Strin,
    #[column(unique = "yes")]
    pub handle: String,
    #[column(references = "missing.id")]
    pub team_id: i64,
    #[column(default = "'owner'")]
    pub role: Role,
    #[column(primary_key)]
    pub other_id: i64,
}

#[derive(PgEnum)]
pub enum Role {
    Admin,
    Member,
}

#[derive(Table)]
pub struct User {
    pub id: i64,
}
