//! The enum and its only column are dropped (the column first).

#[derive(Table)]
#[table(name = "pages")]
pub struct Page {
    #[column(primary_key)]
    pub id: i64,
}
