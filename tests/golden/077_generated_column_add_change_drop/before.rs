#[derive(Table)]
#[table(name = "rectangles")]
pub struct Rectangle {
    #[column(primary_key)]
    pub id: i64,
    pub width: i32,
    pub height: i32,
    #[column(generated = "width * height")]
    pub area: i32,
    #[column(generated = "width + width + height + height")]
    pub perimeter: i32,
}
