/// Who can do what.
#[derive(PgEnum)]
#[pg_enum(name = "role")]
pub enum Role {
    Admin,
    Member,
    #[pg_enum(rename = "guest-user")]
    Guest,
}

#[derive(PgEnum, Debug, Clone, Copy)]
pub enum OrderStatus {
    Pending,
    InTransit,
    DeliveredToCustomer,
    #[pg_enum(rename = "CANCELLED")]
    Cancelled = 9,
}

#[derive(PgEnum)]
#[pg_enum(schema = "shop")]
enum Size { S, M, XL }
