//! A generated column's expression changes (drop and re-add), another loses
//! its generation expression and a new one is added.

#[derive(Table)]
#[table(name = "rectangles")]
pub struct Rectangle {
    #[column(primary_key)]
    pub id: i64,
    pub width: i32,
    pub height: i32,
    #[column(generated = "width * height * 2")]
    pub area: i32,
    pub perimeter: i32,
    #[column(generated = "width > height")]
    pub landscape: bool,
}
