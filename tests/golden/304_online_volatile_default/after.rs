//! Online mode: a column with a volatile default is added without the
//! default, which is set next (no rewrite; backfilling is the user's).

#[derive(Table)]
#[table(name = "users")]
pub struct User {
    #[column(primary_key, identity)]
    pub id: i64,
    #[column(default = "gen_random_uuid()")]
    pub token: Option<uuid::Uuid>,
}
