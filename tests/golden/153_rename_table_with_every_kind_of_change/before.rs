#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(PgEnum)]
#[pg_enum(name = "tier")]
pub enum Tier {
    Free,
    Paid,
}

#[derive(Table)]
#[table(name = "users")]
#[index(columns(email))]
#[check(name = "users_age_sane", expr = "age < 200")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id")]
    pub org_id: i64,
    pub email: String,
    pub age: Option<i16>,
    pub legacy: Option<String>,
    pub tier: Tier,
}
