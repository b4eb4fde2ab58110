//! Identity columns with sequence options: every option on one, a
//! descending one, and an added identity with a start on an existing table.

#[derive(Table)]
pub struct Tickets {
    #[column(
        primary_key,
        identity = "always",
        identity_start = 100,
        identity_increment = 10,
        identity_min = 50,
        identity_max = 1000000,
        identity_cache = 20,
        identity_cycle
    )]
    pub id: i64,
    #[column(identity, identity_increment = -1)]
    pub countdown: i32,
}
