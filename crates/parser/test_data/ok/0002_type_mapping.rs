use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

#[derive(Table)]
pub struct AllTypes {
    pub a_i16: i16,
    pub a_i32: i32,
    pub a_i64: i64,
    pub a_f32: f32,
    pub a_f64: f64,
    pub a_bool: bool,
    pub a_string: String,
    pub a_bytes: Vec<u8>,
    pub a_uuid: uuid::Uuid,
    pub a_naive_date: NaiveDate,
    pub a_date: time::Date,
    pub a_naive_time: NaiveTime,
    pub a_time: time::Time,
    pub a_naive_datetime: NaiveDateTime,
    pub a_primitive_datetime: time::PrimitiveDateTime,
    pub a_datetime: DateTime<Utc>,
    pub a_offset_datetime: time::OffsetDateTime,
    pub a_decimal: rust_decimal::Decimal,
    pub a_value: serde_json::Value,
    pub a_json: sqlx::types::Json<Settings>,
    pub a_ip: std::net::IpAddr,
    pub a_paren: (i32),
}
