use shale::{Table, View};

#[derive(Table)]
#[table(name = "items")]
pub struct Item {
    #[column(primary_key)]
    pub id: i64,
    pub name: String,
}

#[derive(View)]
#[view(name = "item_names", sql = "SELECT id, name FROM items")]
#[grant(select, to = "app_ro")]
pub struct ItemNames {
    pub id: i64,
    pub name: String,
}

#[derive(View)]
#[view(name = "item_ids", materialized, sql = "SELECT id FROM items")]
#[grant(select, to = "app_ro")]
pub struct ItemIds {
    pub id: i64,
}
