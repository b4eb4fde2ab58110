//! Every grant revoked from kept objects (a table, a view, a sequence),
//! PUBLIC's too; the objects stay.
use shale::{Sequence, Table, View};

#[derive(Table)]
#[table(name = "orders")]
pub struct Order {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(View)]
#[view(name = "order_ids", sql = "SELECT id FROM orders")]
pub struct OrderIds {
    pub id: i64,
}

#[derive(Sequence)]
#[sequence(name = "counter")]
pub struct Counter;
