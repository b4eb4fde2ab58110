//! Two tables referencing each other: both created first, then both keys.

#[derive(Table)]
#[table(name = "teams")]
pub struct Team {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "players.id", on_delete = "set_null")]
    pub captain_id: Option<i64>,
}

#[derive(Table)]
#[table(name = "players")]
pub struct Player {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(references = "teams.id")]
    pub team_id: Option<i64>,
}
