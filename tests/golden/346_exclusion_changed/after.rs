//! Exclusion constraints changed: one renamed (same definition: RENAME
//! CONSTRAINT), one whose predicate changes (dropped and added again), one
//! dropped, one added.
use shale::{Extension, Table};

#[derive(Extension)]
#[extension(name = "btree_gist")]
pub struct BtreeGist;

#[derive(Table)]
#[table(name = "bookings")]
#[exclude(name = "bookings_no_double_booking", elements = "room WITH =, during WITH &&")]
#[exclude(name = "bookings_guest_overlap", elements = "guest WITH =, during WITH &&",
          where = "NOT cancelled AND room > 0", deferrable = "initially_deferred")]
#[exclude(elements = "code WITH =")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    pub room: i32,
    pub guest: i64,
    #[column(sql_type = "tstzrange")]
    pub during: String,
    pub cancelled: bool,
    pub code: String,
}
