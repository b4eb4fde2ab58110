#[derive(PgEnum)]
pub enum Nothing {}

#[derive(PgEnum)]
pub enum WithData {
    Some(i32),
    Named { x: i32 },
    Fine,
}

#[derive(PgEnum)]
pub struct NotAnEnum {
    pub id: i64,
}

#[derive(Table)]
pub enum NotAStruct {
    A,
}

#[derive(Table)]
pub struct Tuple(i64, String);
