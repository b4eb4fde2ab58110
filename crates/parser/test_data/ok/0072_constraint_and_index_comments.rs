// Comments on every constraint kind and on indexes, table-level only; a
// doc comment stays the table's own comment.

/// Bookable rooms.
#[derive(Table)]
#[table(name = "rooms")]
#[primary_key(columns(id), name = "rooms_pk", comment = "one row per room")]
#[unique(columns(code), comment = "printed on the door")]
#[check(expr = "floor >= 0", comment = "no basements")]
#[index(columns(floor), comment = "for the lift planner")]
#[index(expr = "lower(code)", unique, name = "rooms_code_ci", comment = "codes compare case-insensitively")]
pub struct Room {
    pub id: i64,
    pub code: String,
    pub floor: i32,
}

#[derive(Table)]
#[table(name = "bookings")]
#[foreign_key(columns(room_id), references = "rooms(id)", comment = "a room's bookings")]
#[exclude(elements = "during WITH &&", comment = "no overlaps")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room_id: i64,
    #[column(sql_type = "tstzrange")]
    pub during: String,
}

#[derive(View)]
#[view(name = "room_codes", materialized, sql = "SELECT id, code FROM rooms")]
#[index(columns(id), unique, comment = "for REFRESH CONCURRENTLY")]
pub struct RoomCode {
    pub id: i64,
    pub code: String,
}
