//! A view whose columns change is dropped and created again, and so is a
//! materialized view whose query changes: each gets all its grants again.
use shale::{Table, View};

#[derive(Table)]
#[table(name = "items")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
}

#[derive(View)]
#[view(name = "item_names", sql = "SELECT name FROM items")]
#[grant(select, to = "app_ro")]
pub struct ItemNames {
    pub name: String,
}

#[derive(View)]
#[view(name = "item_ids", materialized, sql = "SELECT id FROM items WHERE id > 0")]
#[grant(select, to = "app_ro")]
#[grant(select, to = "app_rw")]
pub struct ItemIds {
    pub id: i64,
}
