#[derive(Table)]
#[table(name = "seats")]
#[unique(columns(row_no, position))]
#[check(name = "seats_position_check", expr = "position > 0")]
#[check(name = "seats_row_check", expr = "row_no > 0", no_inherit)]
pub struct Seat {
    #[column(primary_key)]
    pub id: i64,
    pub row_no: i32,
    pub position: i32,
}
