use shale::{Extension, Table};

#[derive(Extension)]
#[extension(name = "btree_gist")]
pub struct BtreeGist;

#[derive(Table)]
#[table(name = "bookings")]
#[exclude(elements = "room WITH =, during WITH &&")]
#[exclude(name = "bookings_guest_overlap", elements = "guest WITH =, during WITH &&",
          where = "NOT cancelled", deferrable = "initially_deferred")]
#[exclude(using = "gist", elements = "(lower(code)) WITH =")]
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
