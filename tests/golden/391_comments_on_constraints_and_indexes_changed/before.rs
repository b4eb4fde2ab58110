use shale::Table;

#[derive(Table)]
#[table(name = "rooms")]
#[primary_key(columns(id), comment = "one row per room")]
#[unique(columns(code))]
pub struct Room {
    pub id: i64,
    pub code: String,
}

#[derive(Table)]
#[table(name = "bookings")]
#[check(name = "bookings_seats_positive", expr = "seats > 0", comment = "no empty bookings")]
#[foreign_key(columns(room_id), references = "rooms(id)", comment = "bookings of a room")]
#[index(columns(room_id), comment = "by room")]
#[index(columns(seats), comment = "by size")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    pub seats: i32,
}
