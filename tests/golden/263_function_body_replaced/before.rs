use shale::{Function, Table};

#[derive(Function)]
#[function(returns = "trigger", language = "plpgsql", sql = "BEGIN NEW.updated_at := now(); RETURN NEW; END")]
pub struct Touch;

#[derive(Table)]
#[table(name = "users")]
#[trigger(name = "users_touch", timing = "before", events(update), for_each = "row", function = "touch")]
pub struct User {
    #[column(primary_key)]
    pub id: i64,
    pub updated_at: Option<chrono::DateTime<chrono::Utc>>,
}
