//! An extension is dropped after the column using its type.

#[derive(Extension)]
pub struct Citext;

#[derive(Table)]
pub struct Notes {
    pub id: i64,
}
