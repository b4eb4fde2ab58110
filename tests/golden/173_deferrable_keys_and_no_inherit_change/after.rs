//! A unique constraint becomes deferrable, one check gains NO INHERIT and another loses it: each is dropped and added again.

#[derive(Table)]
#[table(name = "seats")]
#[unique(columns(row_no, position), deferrable = "initially_immediate")]
#[check(name = "seats_position_check", expr = "position > 0", no_inherit)]
#[check(name = "seats_row_check", expr = "row_no > 0")]
pub struct Seat {
    #[column(primary_key)]
    pub id: i64,
    pub row_no: i32,
    pub position: i32,
}
