// Partitioned tables, partitions, exclusion constraints and collations compile;
// the struct stays a plain table struct.
use shale::Table;

#[derive(Table)]
#[table(name = "events", partition_by = "RANGE (created_at)")]
#[primary_key(columns(id, created_at))]
#[partition(name = "events_2026_01", values = "FROM ('2026-01-01') TO ('2026-02-01')")]
#[partition(name = "events_other", default)]
pub struct Event {
    pub id: i64,
    pub created_at: String,
    #[column(collate = "C")]
    pub kind: String,
}

#[derive(Table)]
#[table(name = "bookings")]
#[exclude(elements = "room WITH =, during WITH &&", where = "NOT cancelled", deferrable)]
pub struct Booking {
    pub room: i32,
    #[column(sql_type = "tstzrange")]
    pub during: String,
    pub cancelled: bool,
}

fn main() {
    assert_eq!(Event::NAME, "events");
    assert_eq!(Booking::COLUMNS, &["room", "during", "cancelled"]);
}
