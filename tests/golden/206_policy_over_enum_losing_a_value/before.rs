#[derive(PgEnum)]
#[pg_enum(name = "mood")]
pub enum Mood {
    Active,
    Away,
}

#[derive(Table)]
#[table(name = "members", row_level_security)]
#[policy(name = "members_active", using = "mood = 'active'")]
#[policy(name = "members_other", using = "id > 0")]
pub struct Member {
    #[column(primary_key)]
    pub id: i64,
    pub mood: Mood,
}
