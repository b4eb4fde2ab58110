//! Sequences are dropped: one whose column default is dropped first, one
//! that goes with the table that owns it, one unused.

#[derive(Table)]
pub struct Carts {
    pub id: i64,
    pub number: i64,
}
