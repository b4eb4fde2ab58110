//! An enum loses a value while a policy reads a column of that enum: the
//! type swap converts the column, which PostgreSQL refuses while the policy
//! exists, so the policy is dropped before and created after; the policy
//! that does not read the column stays. (Found by the down files' property
//! test, as the reverse of adding a value.)

#[derive(PgEnum)]
#[pg_enum(name = "mood")]
pub enum Mood {
    Active,
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
