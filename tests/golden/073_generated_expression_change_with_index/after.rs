//! A generated column with an index on it changes its expression: the
//! column is dropped and added again, and its index must be built again.

#[derive(Table)]
#[table(name = "rectangles")]
#[index(columns(area))]
pub struct Rectangle {
    #[column(primary_key)]
    pub id: i64,
    pub width: i32,
    pub height: i32,
    #[column(generated = "width * height / 2")]
    pub area: i32,
}
