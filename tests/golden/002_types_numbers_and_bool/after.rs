//! Integer, floating point and boolean type mapping, required and optional.

#[derive(Table)]
pub struct Measurement {
    #[column(primary_key)]
    pub id: i32,
    pub small: i16,
    pub big: i64,
    pub ratio: f32,
    pub precise: f64,
    pub active: bool,
    pub maybe_small: Option<i16>,
    pub maybe_ratio: Option<f64>,
    pub maybe_flag: Option<bool>,
}
