//! A table with a deferrable primary key, a deferrable unique constraint (initially deferred) and a NO INHERIT check.

#[derive(Table)]
#[table(name = "seats")]
#[primary_key(columns(id), deferrable)]
#[unique(columns(row_no, position), deferrable = "initially_deferred")]
#[check(name = "seats_position_check", expr = "position > 0", no_inherit)]
pub struct Seat {
    pub id: i64,
    pub row_no: i32,
    pub position: i32,
}
