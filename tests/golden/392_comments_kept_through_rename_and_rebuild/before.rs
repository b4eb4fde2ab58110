use shale::Table;

#[derive(Table)]
#[table(name = "rooms")]
pub struct Room {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "bookings")]
#[check(name = "bookings_seats_check", expr = "seats > 0", comment = "seats")]
#[foreign_key(columns(room_id), references = "rooms(id)", comment = "room")]
#[index(columns(room_id), name = "bookings_by_room", comment = "by room")]
#[index(columns(seats), comment = "by seats")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    pub seats: i32,
}
