//! Row-level security disabled and its policy dropped: both flagged CHANGES_ACCESS.

#[derive(Table)]
#[table(name = "notes")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
}
