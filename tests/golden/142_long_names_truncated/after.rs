//! Default constraint and index names longer than 63 bytes are truncated the
//! way PostgreSQL truncates them.

#[derive(Table)]
#[table(name = "a_table_with_a_rather_long_descriptive_name_for_testing")]
#[index(columns(another_equally_long_column_name_for_truncation))]
pub struct LongName {
    #[column(primary_key)]
    pub id: i64,
    #[column(unique)]
    pub another_equally_long_column_name_for_truncation: String,
}
