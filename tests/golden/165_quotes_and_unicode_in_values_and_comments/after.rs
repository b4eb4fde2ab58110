//! Enum values and comments with quotes, backslashes and non-ASCII text are
//! escaped in every statement that spells them.

#[derive(PgEnum)]
#[pg_enum(name = "mood")]
pub enum Mood {
    #[pg_enum(rename = "'tis bad")]
    Bad,
    #[pg_enum(rename = "it's fine")]
    Fine,
    #[pg_enum(rename = "so-so \\ meh")]
    SoSo,
    #[pg_enum(rename = "Über")]
    Great,
    #[pg_enum(rename = "très 'bien'")]
    VeryGood,
}

/// Notes – with a dash, "quotes", it's, a backslash \d+ and ünïcödé.
#[derive(Table)]
#[table(name = "notes")]
pub struct Note {
    #[column(primary_key)]
    pub id: i64,
    /// The writer's mood ('fine' by default).
    #[column(default = "'it''s fine'")]
    pub mood: Mood,
}
