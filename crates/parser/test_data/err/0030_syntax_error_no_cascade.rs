//- schema/broken.rs
#[derive(Table)]
#[table(name = "organisations")]
pub struct Org {
    #[column(primary_key)]
    pub id: i64
    pub name: String,
}

#[derive(PgEnum)]
pub enum Plan {
    Free,
    Pro
    Enterprise,
}
//- schema/users.rs
/// Uses of the broken items are not reported as unknown; real problems are.
#[derive(Table)]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "organisations.id")]
    pub org_id: i64,
    pub plan: Plan,
    pub other: Strin,
    #[column(references = "teams.id")]
    pub team_id: i64,
}
