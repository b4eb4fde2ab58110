//! Vec<T> → T[] (Vec<u8> stays bytea), nested and optional arrays, enum arrays.

#[derive(PgEnum)]
pub enum Color {
    Red,
    Green,
    Blue,
}

#[derive(Table)]
#[table(name = "palettes")]
pub struct Palette {
    #[column(primary_key)]
    pub id: i64,
    pub tags: Vec<String>,
    pub scores: Vec<i32>,
    pub grid: Vec<Vec<i64>>,
    pub owners: Option<Vec<uuid::Uuid>>,
    pub colors: Vec<Color>,
    pub blob: Vec<u8>,
}
