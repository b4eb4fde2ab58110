#[derive(Table)]
#[table(name = "rectangles")]
#[index(columns(area))]
pub struct Rectangle {
    #[column(primary_key)]
    pub id: i64,
    pub width: i32,
    pub height: i32,
    #[column(generated = "width * height")]
    pub area: i32,
}
