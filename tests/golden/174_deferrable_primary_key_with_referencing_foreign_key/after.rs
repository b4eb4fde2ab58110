//! A deferrable primary key becomes an ordinary one so that a new foreign key can reference it (PostgreSQL refuses a foreign key to a deferrable key): the key is replaced before the foreign key is added.

#[derive(Table)]
#[table(name = "slots")]
pub struct Slot {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(Table)]
#[table(name = "bookings")]
pub struct Booking {
    #[column(primary_key)]
    pub id: i64,
    #[column(references = "slots.id")]
    pub slot_id: i64,
}
