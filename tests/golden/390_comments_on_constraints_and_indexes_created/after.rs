//! Comments on constraints and indexes (`comment = "…"` on `#[primary_key]`,
//! `#[unique]`, `#[check]`, `#[foreign_key]`, `#[exclude]` and `#[index]`),
//! on a new table and on the index of a new materialized view: each is a
//! `COMMENT ON CONSTRAINT … ON table` or `COMMENT ON INDEX` after the object.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "rooms")]
#[primary_key(columns(id), comment = "one row per bookable room")]
#[unique(columns(code), comment = "codes are printed on the door")]
pub struct Room {
    pub id: i64,
    pub code: String,
}

#[derive(Table)]
#[table(name = "bookings")]
#[check(name = "bookings_seats_positive", expr = "seats > 0", comment = "an empty booking is a cancelled one")]
#[foreign_key(columns(room_id), references = "rooms(id)", on_delete = "cascade",
              comment = "a room's bookings go with it")]
#[exclude(elements = "during WITH &&", comment = "no two bookings overlap (any room: a demo)")]
#[index(columns(room_id, seats), comment = "for the room planner; it's hot")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    pub seats: i32,
    #[column(sql_type = "tstzrange")]
    pub during: String,
}

#[derive(View)]
#[view(name = "room_load", materialized, sql = "SELECT room_id, count(*) AS n FROM bookings GROUP BY room_id")]
#[index(columns(room_id), unique, comment = "lets REFRESH … CONCURRENTLY work")]
pub struct RoomLoad {
    pub room_id: i64,
    pub n: i64,
}
