#[derive(Table)]
#[table(name = "slots")]
#[primary_key(columns(id), deferrable = "initially_deferred")]
pub struct Slot {
    pub id: i64,
}

#[derive(Table)]
#[table(name = "bookings")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub slot_id: i64,
}
