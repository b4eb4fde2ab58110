//! A renamed index keeps its comment (no `COMMENT ON` unless it changes);
//! a constraint rebuilt because its definition changed gets its comment
//! again, and so does an index rebuilt because its predicate changed.
use shale::Table;

#[derive(Table)]
#[table(name = "rooms")]
pub struct Room {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "bookings")]
#[check(name = "bookings_seats_check", expr = "seats > 1", comment = "seats")]
#[foreign_key(columns(room_id), references = "rooms(id)", on_delete = "cascade", comment = "room")]
#[index(columns(room_id), name = "bookings_room_idx", comment = "by room")]
#[index(columns(seats), where = "seats > 10", comment = "by seats, big ones")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    pub seats: i32,
}
