//! A table is renamed while almost everything else about it changes too:
//! a column dropped, one renamed and retyped, one added, its foreign key's
//! action, a check, an index, and the enum it uses is renamed and grows.
//! Statements that run before the rename must use the previous name.

#[derive(Table)]
#[table(name = "orgs")]
pub struct Org {
    #[column(primary_key, identity)]
    pub id: i64,
}

#[derive(PgEnum)]
#[pg_enum(name = "plan", renamed_from = "tier")]
pub enum Plan {
    Free,
    Paid,
    Enterprise,
}

#[derive(Table)]
#[table(name = "members", renamed_from = "users")]
#[check(name = "users_age_sane", expr = "age_years < 150")]
pub struct Member {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "orgs.id", on_delete = "cascade")]
    pub org_id: i64,
    pub email: String,
    #[column(renamed_from = "age")]
    pub age_years: Option<i32>,
    pub tier: Plan,
    #[column(default = "now()")]
    pub joined_at: DateTime<Utc>,
}
