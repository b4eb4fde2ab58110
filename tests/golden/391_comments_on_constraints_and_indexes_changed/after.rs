//! Comments changed in place: a constraint's and an index's comment
//! rewritten, one removed (`IS NULL`), one added to a kept constraint; a
//! constraint added with a comment; and a comment-only change never rebuilds
//! the constraint or index.
use shale::Table;

#[derive(Table)]
#[table(name = "rooms")]
#[primary_key(columns(id))]
#[unique(columns(code), comment = "codes are unique")]
pub struct Room {
    pub id: i64,
    pub code: String,
}

#[derive(Table)]
#[table(name = "bookings")]
#[check(name = "bookings_seats_positive", expr = "seats > 0", comment = "an empty booking is a cancelled one")]
#[check(name = "bookings_seats_few", expr = "seats < 100", comment = "large events are booked by phone")]
#[foreign_key(columns(room_id), references = "rooms(id)", comment = "bookings of a room")]
#[index(columns(room_id), comment = "by room, for the planner")]
#[index(columns(seats))]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    pub seats: i32,
}
