//! A table goes while an unrelated one appears. Without a hint shale cannot
//! know it is not a rename (with new columns), so it asks.

#[derive(Table)]
#[table(name = "feature_flags")]
pub struct FeatureFlag {
    #[column(primary_key)]
    pub key: String,
    pub enabled: bool,
}
