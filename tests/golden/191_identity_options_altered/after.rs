//! Identity options change in place (`SET INCREMENT BY …`), go back to the
//! defaults, and come with an identity added to an existing column.

#[derive(Table)]
pub struct Tickets {
    #[column(primary_key, identity, identity_increment = 5, identity_max = 100000)]
    pub id: i64,
    #[column(identity, identity_start = 10, identity_max = 5000, identity_cycle)]
    pub serial_no: i32,
    #[column(identity, identity_start = 1000)]
    pub plain: i64,
}
