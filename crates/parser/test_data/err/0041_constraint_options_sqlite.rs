#[derive(Table)]
#[table(name = "seats")]
#[primary_key(columns(id), deferrable)]
#[unique(columns(row_no), deferrable = "initially_deferred")]
#[check(expr = "row_no > 0", no_inherit)]
pub struct Seat {
    pub id: i64,
    pub row_no: i32,
}
