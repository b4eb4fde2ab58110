use shale::{Sequence, Table, View};

#[derive(Table)]
#[table(name = "orders")]
#[grant(all, to = "app_rw")]
#[grant(select, to = "public")]
pub struct Order {
    #[column(primary_key)]
    pub id: i64,
}

#[derive(View)]
#[view(name = "order_ids", sql = "SELECT id FROM orders")]
#[grant(select, to = "app_ro")]
pub struct OrderIds {
    pub id: i64,
}

#[derive(Sequence)]
#[sequence(name = "counter")]
#[grant(usage, to = "app_rw")]
pub struct Counter;
