#[derive(PgEnum)]
#[pg_enum(name = "mood")]
pub enum Mood {
    #[pg_enum(rename = "it's fine")]
    Fine,
    #[pg_enum(rename = "Über")]
    Great,
}

/// Plain.
#[derive(Table)]
#[table(name = "notes")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    pub mood: Mood,
}
