//! A table goes while an unrelated one appears; the drop is confirmed with a
//! hint, so no question is asked.

#[derive(Table)]
#[table(name = "feature_flags")]
pub struct FeatureFlag {
    #[column(primary_key)]
    pub key: String,
    pub enabled: bool,
}
